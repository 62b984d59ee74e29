// The main story of a resource's lifecycle: the partner asks СОШ № 61 for a resource, the
// teacher accepts the request with a resource, takes it through design and production,
// delivers it to СОШ № 12; the partner's school issues a feedback link; a respondent without an
// account answers; the partner confirms the delivery and rates it in the app; the
// committee finds the new answer in the registry.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { partnerIssuesLink, resultPath, signIn, tileValue, useBrowser } from '../support/browser.js';
import { apiProject, apiResource, apiSignIn, pdfBuffer, registryRow } from '../support/api.js';

const STAMP = Date.now();
const NEED = `Нужна методика наставничества молодых учителей ${STAMP}`;
const TITLE = `Программа наставничества ${STAMP}`;

/** Uploads a small PDF into the newest version on the resource page. */
async function uploadInto(page, name) {
  const row = page.getByTestId('version-row').first();
  // The native input is hidden; the visible «Выбрать файл» labels it.
  await row.getByTestId('version-file-button').getByText('Выбрать файл').waitFor();
  assert.equal((await row.getByTestId('version-file-name').textContent()).trim(), 'Файл не выбран');
  await row.getByLabel('Выбрать файл').setInputFiles({ name, mimeType: 'application/pdf', buffer: pdfBuffer() });
  await page.getByTestId('download-file').getByText(name).waitFor();
}

/** Adds a version of `kind` on the resource page. */
async function addVersion(page, kind, notes) {
  const versions = page.getByTestId('versions');
  await versions.getByTestId('add-version').click();
  const form = versions.getByTestId('version-form');
  await form.getByTestId('version-kind').selectOption(kind);
  await form.getByTestId('version-notes').fill(notes);
  await form.getByTestId('version-submit').click();
  await versions.getByTestId('version-row').filter({ hasText: notes }).waitFor();
}

/** Moves the resource on and waits for the stage. */
async function moveTo(page, stage) {
  await page.getByTestId('move-next').getByText(`Перейти к этапу «${stage}»`).click();
  await page.getByTestId('lifecycle').locator('[data-state="current"]').getByText(stage).waitFor();
}

describe('requests: the whole lifecycle', () => {
  const withPage = useBrowser();

  // One story, told in order by the people in it: each step starts from what the one
  // before it left, so the steps are one test.
  it('request → acceptance → design → production → delivery → answers by link and in the app → registry', async () => {
    const committee = await apiSignIn('committee@kom.demo');
    const responsesAtStart = (await registryRow(committee, 'СОШ № 61')).responses;

    // The partner files a request to СОШ № 61 and sees it awaiting a decision.
    await withPage(async (page) => {
      await signIn(page, 'partner@sch12.demo');
      await page.getByTestId('nav-requests').click();
      const outbox = page.getByTestId('outbox');
      await outbox.getByTestId('add-request').click();
      const form = page.getByTestId('request-form');
      await form.getByTestId('request-need').fill(NEED);
      await form.getByTestId('request-audience').fill('Молодые учителя со стажем до 3 лет');
      await form.getByTestId('request-target').locator('option', { hasText: 'СОШ № 61' }).waitFor({ state: 'attached' });
      await form.getByTestId('request-target').selectOption({ label: 'СОШ № 61' });
      await form.getByTestId('request-submit').click();
      const row = outbox.getByTestId('outbox-row').filter({ hasText: NEED });
      await row.waitFor();
      assert.equal((await row.getByTestId('request-status').textContent()).trim(), 'Ожидает решения');
    });

    // The teacher accepts it with a resource, takes the resource to delivery and delivers it.
    const council = await apiSignIn('council@sch61.demo');
    const teacher = await apiSignIn('teacher@sch61.demo');
    const project = await apiProject(council, `Школа наставничества ${STAMP}`, {
      problem: 'Молодые учителя уходят из профессии в первые годы работы',
    });
    const resource = await apiResource(teacher, project.id, TITLE, {
      authors: [{ name: 'Кузнецова Ольга Сергеевна', share: 100 }],
    });
    await withPage(async (page) => {
      await signIn(page, 'teacher@sch61.demo');
      await page.getByTestId('nav-requests').click();
      const row = page.getByTestId('inbox-row').filter({ hasText: NEED });
      await row.waitFor();
      await row.getByTestId('accept-request').click();
      const decision = row.getByTestId('decision-form');
      await decision.getByRole('combobox').locator('option', { hasText: TITLE }).waitFor({ state: 'attached' });
      await decision.getByRole('combobox').selectOption({ label: TITLE });
      await decision.getByTestId('decision-submit').click();
      await page.getByTestId('inbox-row').filter({ hasText: NEED }).getByTestId('request-status').getByText('Принят').waitFor();

      await page.goto(`/resources/${resource.id}`);
      await page.getByTestId('lifecycle').waitFor();
      await moveTo(page, 'Проектирование');
      await addVersion(page, 'design', 'Проектный документ программы');
      await uploadInto(page, 'проект-программы.pdf');
      await moveTo(page, 'Производство');
      await addVersion(page, 'product', 'Программа наставничества, редакция 1');
      await uploadInto(page, 'программа.pdf');
      await moveTo(page, 'Доставка');

      await page.getByTestId('add-delivery').click();
      const form = page.getByTestId('delivery-form');
      await form.getByTestId('delivery-version').locator('option', { hasText: 'Программа наставничества, редакция 1' }).waitFor({ state: 'attached' });
      await form.getByTestId('delivery-version').selectOption({ index: 1 });
      await form.getByTestId('delivery-recipient').locator('option', { hasText: 'СОШ № 12' }).waitFor({ state: 'attached' });
      await form.getByTestId('delivery-recipient').selectOption({ label: 'СОШ № 12' });
      await form.getByTestId('delivery-contact').fill('Соколова Мария Ивановна');
      await form.getByTestId('delivery-submit').click();
      const delivery = page.getByTestId('delivery-row');
      await delivery.waitFor();
    });

    // The partner's school issues a feedback link for a colleague.
    const link = await withPage((page) => partnerIssuesLink(page, TITLE, 'sokolova@sch12.demo', 'Соколова Мария Ивановна'));

    // A respondent without a session rates 5/10/yes and the resource shows 1 response, CSAT 100 %.
    await withPage(async (page) => {
      await page.goto(link);
      const form = page.getByTestId('score-form');
      await form.waitFor();
      await form.getByTestId('score-csat').getByLabel('5').check();
      await form.getByTestId('score-recommend').getByLabel('10').check();
      await form.getByTestId('score-ready').getByLabel('Да').check();
      await form.getByTestId('score-submit').click();
      await page.getByTestId('feedback-thanks').waitFor();

      await signIn(page, 'teacher@sch61.demo');
      await page.goto(`/resources/${resource.id}`);
      await page.getByTestId('feedback-row').waitFor();
      assert.equal(await tileValue(page, 'metric-responses'), '1');
      assert.equal(await tileValue(page, 'metric-csat'), '100 %');
    });

    // The partner sees the request accepted, confirms the delivery and rates it once.
    const responsesBefore = await withPage(async (page) => {
      await signIn(page, 'partner@sch12.demo');
      await page.getByTestId('nav-requests').click();
      const request = page.getByTestId('outbox-row').filter({ hasText: NEED });
      await request.getByTestId('request-status').getByText('Принят').waitFor();
      assert.equal((await request.getByTestId('request-target').textContent()).trim(), 'СОШ № 61');
      assert.match(await request.textContent(), /Кому: СОШ № 61/);
      const asked = request.getByTestId('request-resource');
      assert.equal((await asked.textContent()).trim(), TITLE);
      assert.equal(await asked.getAttribute('href'), `/resources/${resource.id}`);
      const row = page.getByTestId('received-row').filter({ hasText: TITLE });
      await row.getByTestId('confirm-delivery').click();
      await page
        .getByTestId('received-row')
        .filter({ hasText: TITLE })
        .getByTestId('delivery-status')
        .getByText('Получение подтверждено')
        .waitFor();
      const rated = page.getByTestId('received-row').filter({ hasText: TITLE });
      // The respondent's answer by link is counted; the partner has not rated it yet.
      assert.equal((await rated.getByTestId('delivery-responses').textContent()).trim(), 'Отзывов: 1');
      assert.equal(await rated.getByTestId('already-rated').count(), 0);
      const before = (await registryRow(committee, 'СОШ № 61')).responses;
      await rated.getByTestId('rate-delivery').click();
      await rated.getByTestId('score-csat').getByLabel('4').check();
      await rated.getByTestId('score-recommend').getByLabel('8').check();
      await rated.getByTestId('score-ready').getByLabel('Да').check();
      await rated.getByTestId('score-submit').click();
      await rated.getByTestId('rated').waitFor();
      await page.screenshot({ path: await resultPath('requests-partner.png'), fullPage: true });

      // Opened again, the delivery says it was rated and offers no second form.
      await page.reload();
      const again = page.getByTestId('received-row').filter({ hasText: TITLE });
      await again.getByTestId('already-rated').waitFor();
      assert.equal((await again.getByTestId('already-rated').textContent()).trim(), 'Вы уже оценили эту поставку');
      assert.equal(await again.getByTestId('rate-delivery').count(), 0);
      assert.equal(await again.getByTestId('score-form').count(), 0);
      assert.equal((await again.getByTestId('delivery-responses').textContent()).trim(), 'Отзывов: 2');
      return before;
    });

    // The committee finds the host school in the registry with both answers counted.
    // The answer by link was counted before the partner rated.
    assert.equal(responsesBefore, responsesAtStart + 1);
    await withPage(async (page) => {
      await signIn(page, 'committee@kom.demo');
      await page.getByTestId('nav-registry').click();
      const filters = page.getByTestId('registry-filters');
      await filters.getByTestId('registry-search').fill('СОШ № 61');
      await filters.getByTestId('registry-search-submit').click();
      const row = page.getByTestId('registry-row').filter({ hasText: 'СОШ № 61' });
      await row.waitFor();
      assert.equal(Number((await row.getByTestId('registry-responses').textContent()).trim()), responsesBefore + 1);
      await page.screenshot({ path: await resultPath('requests-registry.png'), fullPage: true });
    });
  });
});
