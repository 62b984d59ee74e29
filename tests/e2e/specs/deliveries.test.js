// Deliveries and satisfaction feedback: the teacher records a delivery to another school;
// the receiving school's partner creates a feedback link; a respondent without an account
// answers it; the resource page shows the figures.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resultPath, signIn, useBrowser } from '../support/browser.js';
import { resourceReadyForDelivery } from '../support/api.js';

const TITLE = `Комплект для наставников ${Date.now()}`;

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

describe('deliveries and feedback', () => {
  const withPage = useBrowser();
  let link;
  let resourceId;

  it('the teacher records a delivery to СОШ № 12 and is offered no feedback link', () =>
    withPage(async (page) => {
      const { resource } = await resourceReadyForDelivery(TITLE);
      resourceId = resource.id;
      await signIn(page, 'teacher@sch61.demo');
      await page.goto(`/resources/${resource.id}`);
      const deliveries = page.getByTestId('deliveries');
      await deliveries.getByText('Поставок пока нет').waitFor();
      assert.equal((await page.getByTestId('metric-csat').textContent()).includes('нет данных'), true);

      await deliveries.getByTestId('add-delivery').click();
      const form = page.getByTestId('delivery-form');
      // Nothing chosen: the required fields say so.
      await form.getByTestId('delivery-submit').click();
      await form.getByText('Заполните это поле').first().waitFor();
      await form.getByTestId('delivery-version').locator('option', { hasText: 'Готовый комплект материалов' }).waitFor({ state: 'attached' });
      await form.getByTestId('delivery-version').selectOption({ label: 'Версия 2 · Готовый комплект материалов' });
      // The school's own name is not offered.
      assert.equal(await form.getByTestId('delivery-recipient').locator('option', { hasText: 'СОШ № 61' }).count(), 0);
      await form.getByTestId('delivery-recipient').selectOption({ label: 'СОШ № 12' });
      await form.getByTestId('delivery-form-kind').selectOption('training');
      await form.getByTestId('delivery-contact').fill('Соколова Мария Ивановна, завуч');
      await form.getByTestId('delivery-submit').click();

      const row = deliveries.getByTestId('delivery-row');
      await row.waitFor();
      assert.match(await row.textContent(), /СОШ № 12 · \d{2}\.\d{2}\.\d{4} · Обучение · Соколова Мария Ивановна, завуч/);
      assert.equal((await row.getByTestId('delivery-status').textContent()).trim(), 'Ожидает подтверждения');
      assert.equal((await row.getByTestId('delivery-responses').textContent()).trim(), 'Отзывов: 0');
      await page.getByTestId('metric-deliveries').getByText('1').waitFor();

      assert.equal(await row.getByTestId('feedback-link').count(), 0);
    }));

  it('the receiving school\'s partner creates a feedback link for a colleague', () =>
    withPage(async (page) => {
      link = await partnerIssuesLink(page, TITLE, 'Соколова Мария Ивановна');
      assert.match(link, /^http:\/\/[^/]+\/feedback\/[^/]+$/);
    }));

  it('a respondent without an account opens the link, rates 5/10/yes, and the link is then used', () =>
    withPage(async (page) => {
      assert.ok(link, 'the link of the previous test');
      await page.goto(link);
      const invitation = page.getByTestId('invitation');
      await invitation.waitFor();
      assert.equal(await page.getByTestId('nav').count(), 0);
      assert.equal((await page.getByTestId('invitation-resource').textContent()).trim(), TITLE);
      const form = page.getByTestId('score-form');
      // Unanswered questions are pointed out.
      await form.getByTestId('score-submit').click();
      await form.getByText('Заполните это поле').first().waitFor();
      await form.getByTestId('score-csat').getByLabel('5').check();
      await form.getByTestId('score-recommend').getByLabel('10').check();
      await form.getByTestId('score-ready').getByLabel('Да').check();
      await form.getByTestId('score-comment').fill('Материалы сразу пошли в работу');
      await page.screenshot({ path: await resultPath('feedback-public-form.png'), fullPage: true });
      await form.getByTestId('score-submit').click();
      await page.getByTestId('feedback-thanks').waitFor();

      // Opened again, the link says it was used.
      await page.reload();
      await page.getByTestId('link-refused').waitFor();
      assert.match(await page.getByTestId('link-refused').textContent(), /Ссылка уже использована/);
      await page.screenshot({ path: await resultPath('feedback-public-used.png'), fullPage: true });

      await page.goto('/feedback/not-a-real-token');
      await page.getByTestId('link-refused').getByText('Ссылка недействительна', { exact: false }).waitFor();
    }));

  it('the resource page shows one response with CSAT 100 %, NPS 100 and the answer', () =>
    withPage(async (page) => {
      assert.ok(resourceId);
      await signIn(page, 'teacher@sch61.demo');
      await page.goto(`/resources/${resourceId}`);
      await page.getByTestId('feedback-row').waitFor();
      assert.equal((await page.getByTestId('metric-responses').textContent()).startsWith('1'), true);
      assert.equal((await page.getByTestId('metric-csat').textContent()).startsWith('100 %'), true);
      assert.equal((await page.getByTestId('metric-nps').textContent()).startsWith('100'), true);
      assert.equal((await page.getByTestId('metric-ready').textContent()).startsWith('100 %'), true);
      assert.equal((await page.getByTestId('metric-schools').textContent()).startsWith('1'), true);
      assert.match(await page.getByTestId('feedback-row').textContent(), /Соколова Мария Ивановна.*CSAT 5\/5 · Готовность рекомендовать: 10 из 10/);
      assert.doesNotMatch(await page.getByTestId('feedback-row').textContent(), /NPS/);
      assert.equal(
        (await page.getByTestId('deliveries').getByTestId('delivery-responses').textContent()).trim(),
        'Отзывов: 1',
      );
      // The chart shows the month of the answer, as the server counts it (UTC).
      const now = new Date();
      const month = `${String(now.getUTCMonth() + 1).padStart(2, '0')}.${now.getUTCFullYear()}`;
      await page.getByTestId('feedback-chart').getByText(month).waitFor();
      await page.getByTestId('feedback').scrollIntoViewIfNeeded();
      await page.screenshot({ path: await resultPath('resource-feedback.png'), fullPage: true });
    }));
});
