// The main story of a resource's lifecycle: the partner asks СОШ № 61 for a resource, the
// teacher accepts the request with a resource, takes it through design and production,
// delivers it to СОШ № 12; the partner's school issues a feedback link; a respondent without an
// account answers; the partner confirms the delivery and rates it in the app; the
// committee finds the new answer in the registry.

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { resultPath, signIn, useBrowser } from '../support/browser.js';
import { apiCall, apiSignIn, pdfBuffer, registryRow } from '../support/api.js';

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

// The receiving school's partner issues a single-use feedback link for a colleague from
// «Поставки нашей школе» (the host school, whose resource is rated, issues none).
async function partnerIssuesLink(page, title, respondent) {
  await signIn(page, 'partner@sch12.demo');
  await page.getByTestId('nav-requests').click();
  const row = page.getByTestId('received-row').filter({ hasText: title });
  await row.getByTestId('feedback-link').click();
  await row.getByLabel('Кому (ФИО респондента)').fill(respondent);
  await row.getByTestId('make-link').click();
  await row.getByTestId('feedback-url').waitFor();
  return row.getByTestId('feedback-url').inputValue();
}

describe('requests: the whole lifecycle', () => {
  const withPage = useBrowser();
  let link;
  let resourceId;
  let responsesBefore;
  let responsesAtStart;

  before(async () => {
    const committee = await apiSignIn('committee@kom.demo');
    responsesAtStart = (await registryRow(committee, 'СОШ № 61')).metrics.responses;
  });

  it('the partner files a request to СОШ № 61 and sees it awaiting a decision', () =>
    withPage(async (page) => {
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
    }));

  it('the teacher accepts it with a resource, takes the resource to delivery and delivers it', () =>
    withPage(async (page) => {
      const council = await apiSignIn('council@sch61.demo');
      const teacher = await apiSignIn('teacher@sch61.demo');
      const year = new Date().getFullYear();
      const project = await apiCall(council, 'POST', '/api/projects', {
        title: `Школа наставничества ${STAMP}`,
        problem: 'Молодые учителя уходят из профессии в первые годы работы',
        origin: 'own_initiative',
        level: 'platform',
        platform_status: 'municipal',
        start_year: year - 1,
        end_year: year + 1,
      });
      const resource = await apiCall(teacher, 'POST', `/api/projects/${project.id}/resources`, {
        title: TITLE,
        form: 'methodological_development',
        element: 'effectiveness_monitoring',
        authors: [{ name: 'Кузнецова Ольга Сергеевна', share: 100 }],
        licence: 'CC BY 4.0',
      });
      resourceId = resource.id;

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
    }));

  it('the partner\'s school issues a feedback link for a colleague', () =>
    withPage(async (page) => {
      link = await partnerIssuesLink(page, TITLE, 'Соколова Мария Ивановна');
    }));

  it('a respondent without a session rates 5/10/yes and the resource shows 1 response, CSAT 100 %', () =>
    withPage(async (page) => {
      assert.ok(link);
      await page.goto(link);
      const form = page.getByTestId('score-form');
      await form.waitFor();
      await form.getByTestId('score-csat').getByLabel('5').check();
      await form.getByTestId('score-recommend').getByLabel('10').check();
      await form.getByTestId('score-ready').getByLabel('Да').check();
      await form.getByTestId('score-submit').click();
      await page.getByTestId('feedback-thanks').waitFor();

      await signIn(page, 'teacher@sch61.demo');
      await page.goto(`/resources/${resourceId}`);
      await page.getByTestId('feedback-row').waitFor();
      assert.equal((await page.getByTestId('metric-responses').textContent()).startsWith('1'), true);
      assert.equal((await page.getByTestId('metric-csat').textContent()).startsWith('100 %'), true);
    }));

  it('the partner sees the request accepted, confirms the delivery and rates it once', () =>
    withPage(async (page) => {
      await signIn(page, 'partner@sch12.demo');
      await page.getByTestId('nav-requests').click();
      const request = page.getByTestId('outbox-row').filter({ hasText: NEED });
      await request.getByTestId('request-status').getByText('Принят').waitFor();
      assert.equal((await request.getByTestId('request-target').textContent()).trim(), 'СОШ № 61');
      assert.match(await request.textContent(), /Кому: СОШ № 61/);
      const asked = request.getByTestId('request-resource');
      assert.equal((await asked.textContent()).trim(), TITLE);
      assert.equal(await asked.getAttribute('href'), `/resources/${resourceId}`);
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
      const committee = await apiSignIn('committee@kom.demo');
      responsesBefore = (await registryRow(committee, 'СОШ № 61')).metrics.responses;
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
    }));

  it('the committee finds the host school in the registry with the new answer counted', () =>
    withPage(async (page) => {
      assert.equal(typeof responsesBefore, 'number', 'the figure read before the partner rated');
      // The story's two answers (by link and in the app) are both counted.
      assert.equal(responsesBefore, responsesAtStart + 1);
      await signIn(page, 'committee@kom.demo');
      await page.getByTestId('nav-registry').click();
      const filters = page.getByTestId('registry-filters');
      await filters.getByTestId('registry-search').fill('СОШ № 61');
      await filters.getByTestId('registry-search-submit').click();
      const row = page.getByTestId('registry-row').filter({ hasText: 'СОШ № 61' });
      await row.waitFor();
      assert.equal(Number((await row.getByTestId('registry-responses').textContent()).trim()), responsesBefore + 1);
      await page.screenshot({ path: await resultPath('requests-registry.png'), fullPage: true });
    }));
});
