// The lifecycle board: a school's resources in five columns, one per stage, each paged on
// its own; the committee chooses the school first.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resultPath, signIn, useBrowser } from '../support/browser.js';
import { apiProject, apiResource, apiSignIn, stageResources } from '../support/api.js';

const STAGES = [
  { stage: 'request', name: 'Запрос', demo: 'Кейсы для уроков истории родного края' },
  { stage: 'design', name: 'Проектирование', demo: 'Модель деятельности учителя-тьютора в цифровой среде' },
  { stage: 'production', name: 'Производство', demo: 'Комплект материалов сетевого проекта «Цифровой класс»' },
  { stage: 'delivery', name: 'Доставка', demo: 'Программа повышения квалификации «Формирующее оценивание на уроке»' },
  { stage: 'satisfaction', name: 'Удовлетворённость', demo: 'Банк заданий для формирующего оценивания по математике, 5–6 классы' },
];

/** Waits until every column has its first page and returns the columns in order. */
async function loadedColumns(page) {
  const columns = page.getByTestId('board-column');
  await page.waitForFunction(
    () =>
      document.querySelectorAll('[data-testid="board-column"]').length === 5 &&
      [...document.querySelectorAll('[data-testid="board-column"]')].every(
        (column) => column.getAttribute('aria-busy') === 'false' && column.querySelector('[data-testid="board-count"]').textContent.trim() !== '',
      ),
  );
  return columns;
}

/** Waits until the columns, in order, show the totals `counts` with their cards loaded. */
async function waitForTotals(page, counts) {
  await page.waitForFunction(
    (wanted) =>
      JSON.stringify(
        [...document.querySelectorAll('[data-testid="board-column"]')].map((column) =>
          column.getAttribute('aria-busy') === 'false'
            ? column.querySelector('[data-testid="board-count"]').textContent.trim()
            : 'busy',
        ),
      ) === JSON.stringify(wanted),
    counts.map(String),
  );
}

/** The titles on the cards of a column. */
function cardTitles(column) {
  return column.getByTestId('board-card-link').allTextContents();
}

describe('lifecycle board', () => {
  const withPage = useBrowser();

  it('the teacher sees the five stages of СОШ № 61 with the demo resources and the server totals', () =>
    withPage(async (page) => {
      const teacher = await apiSignIn('teacher@sch61.demo');
      const school = teacher.user.organisation.id;
      await signIn(page, 'teacher@sch61.demo');
      await page.getByTestId('nav-board').click();
      await page.getByRole('heading', { level: 1, name: 'Доска этапов' }).waitFor();
      const columns = await loadedColumns(page);
      // The school's own board: nothing to choose.
      assert.equal(await page.getByTestId('board-school').count(), 0);
      assert.deepEqual(
        await columns.evaluateAll((nodes) => nodes.map((node) => node.dataset.stage)),
        STAGES.map(({ stage }) => stage),
      );
      for (const [index, { stage, name }] of STAGES.entries()) {
        const column = columns.nth(index);
        assert.equal((await column.getByRole('heading', { level: 2 }).textContent()).trim(), name);
        const expected = await stageResources(teacher, school, stage);
        assert.equal((await column.getByTestId('board-count').textContent()).trim(), String(expected.total));
        assert.deepEqual(await cardTitles(column), expected.items.map((resource) => resource.title));
      }
      // Side by side on a wide screen.
      const boxes = await Promise.all(STAGES.map((_, index) => columns.nth(index).boundingBox()));
      for (let index = 1; index < boxes.length; index += 1) {
        assert.equal(Math.round(boxes[index].y), Math.round(boxes[0].y));
        assert.ok(boxes[index].x >= boxes[index - 1].x + boxes[index - 1].width);
      }
      const card = columns.nth(4).getByTestId('board-card').filter({ hasText: STAGES[4].demo });
      assert.equal((await card.getByTestId('board-card-form').textContent()).trim(), 'Методическая разработка');
      assert.match((await card.getByTestId('board-card-updated').textContent()).trim(), /^Изменён \d{2}\.\d{2}\.\d{4}$/);
      assert.ok((await card.getByTestId('board-card-project').textContent()).trim().length > 0);
      await page.screenshot({ path: await resultPath('board-teacher.png'), fullPage: true });

      await card.getByTestId('board-card-link').click();
      await page.waitForURL(/\/resources\/\d+$/);
      await page.getByRole('heading', { level: 1, name: STAGES[4].demo }).waitFor();
    }));

  it('a search narrows every column to the demo resource of its stage; a column without matches says so', () =>
    withPage(async (page) => {
      await signIn(page, 'teacher@sch61.demo');
      await page.goto('/board');
      await loadedColumns(page);
      const filters = page.getByTestId('board-filters');
      for (const [index, { stage, demo }] of STAGES.entries()) {
        await filters.getByTestId('board-search').fill(demo);
        await filters.getByTestId('board-search-submit').click();
        await waitForTotals(page, STAGES.map((_, other) => (other === index ? 1 : 0)));
        const column = page.locator(`[data-testid="board-column"][data-stage="${stage}"]`);
        assert.deepEqual(await cardTitles(column), [demo]);
        assert.equal(await page.getByTestId('board-card').count(), 1);
        assert.equal(await page.getByTestId('board-empty').count(), 4);
        for (const { stage: other } of STAGES.filter((entry) => entry.stage !== stage)) {
          const empty = page.locator(`[data-testid="board-column"][data-stage="${other}"]`).getByTestId('board-empty');
          assert.equal((await empty.textContent()).trim(), 'На этом этапе ресурсов нет');
        }
      }
    }));

  it('a column with more than 20 resources shows «Показать ещё» and loads the rest', () =>
    withPage(async (page) => {
      const stamp = Date.now();
      const council = await apiSignIn('council@sch61.demo');
      const teacher = await apiSignIn('teacher@sch61.demo');
      const project = await apiProject(council, `Банк кейсов ${stamp}`, {
        problem: 'Учителям не хватает кейсов для проектной работы',
      });
      for (let number = 1; number <= 21; number += 1) {
        await apiResource(teacher, project.id, `Кейс ${stamp} № ${number}`, {
          element: 'content',
          authors: [{ name: 'Кузнецова Ольга Сергеевна', share: 100 }],
        });
      }
      await signIn(page, 'teacher@sch61.demo');
      await page.goto('/board');
      await loadedColumns(page);
      const filters = page.getByTestId('board-filters');
      await filters.getByTestId('board-search').fill(`Кейс ${stamp}`);
      await filters.getByTestId('board-search-submit').click();
      const request = page.locator('[data-testid="board-column"][data-stage="request"]');
      await waitForTotals(page, [21, 0, 0, 0, 0]);
      assert.equal(await request.getByTestId('board-card').count(), 20);
      assert.equal(
        (await request.getByTestId('board-card-project').first().textContent()).trim(),
        `Банк кейсов ${stamp}`,
      );
      await request.getByTestId('board-more').getByText('Показать ещё').click();
      await request.getByTestId('board-card').nth(20).waitFor();
      assert.equal(await request.getByTestId('board-card').count(), 21);
      const titles = await cardTitles(request);
      assert.equal(new Set(titles).size, 21);
      await request.getByTestId('board-more').waitFor({ state: 'detached' });
    }));

  it('the committee is asked to choose a school and then sees its columns', () =>
    withPage(async (page) => {
      await signIn(page, 'committee@kom.demo');
      await page.getByTestId('nav-board').click();
      await page.getByTestId('board-pick-school').waitFor();
      assert.match(await page.getByTestId('board-pick-school').textContent(), /Выберите школу/);
      assert.equal(await page.getByTestId('board-column').count(), 0);
      const select = page.getByTestId('board-school');
      await select.locator('option', { hasText: 'СОШ № 61' }).waitFor({ state: 'attached' });
      await select.selectOption({ label: 'СОШ № 61' });
      const columns = await loadedColumns(page);
      assert.equal(await page.getByTestId('board-pick-school').count(), 0);
      const committee = await apiSignIn('committee@kom.demo');
      const teacher = await apiSignIn('teacher@sch61.demo');
      for (const [index, { stage }] of STAGES.entries()) {
        const expected = await stageResources(committee, teacher.user.organisation.id, stage);
        const column = columns.nth(index);
        assert.equal((await column.getByTestId('board-count').textContent()).trim(), String(expected.total));
        assert.deepEqual(await cardTitles(column), expected.items.map((resource) => resource.title));
      }
      assert.ok((await cardTitles(columns.nth(4))).includes(STAGES[4].demo));
      await page.screenshot({ path: await resultPath('board-committee.png'), fullPage: true });

      // A school without resources: every column is empty.
      await select.selectOption({ label: 'Гимназия № 17' });
      await waitForTotals(page, [0, 0, 0, 0, 0]);
      assert.equal(await page.getByTestId('board-card').count(), 0);
      assert.equal(await page.getByTestId('board-empty').count(), 5);
    }));

  it('narrow screens stack the columns', () =>
    withPage(async (page) => {
      await page.setViewportSize({ width: 700, height: 900 });
      await signIn(page, 'teacher@sch61.demo');
      await page.goto('/board');
      const columns = await loadedColumns(page);
      const first = await columns.nth(0).boundingBox();
      const second = await columns.nth(1).boundingBox();
      assert.ok(second.y > first.y + first.height - 1, 'the second column is below the first');
      assert.equal(Math.round(second.x), Math.round(first.x));
      await page.screenshot({ path: await resultPath('board-narrow.png'), fullPage: true });
    }));

  it('a supervisor is refused the board', () =>
    withPage(async (page) => {
      await signIn(page, 'supervisor@sch61.demo');
      await page.getByTestId('nav-catalogue').waitFor();
      assert.equal(await page.getByTestId('nav-board').count(), 0);
      await page.goto('/board');
      await page.getByTestId('forbidden').waitFor();
    }));
});
