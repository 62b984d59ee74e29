// Deliveries and satisfaction feedback: the teacher records a delivery to another school;
// the receiving school's partner creates a feedback link; a respondent without an account
// answers it; the resource page shows the figures.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { partnerIssuesLink, resultPath, signIn, tileValue, useBrowser } from '../support/browser.js';
import {
  apiAnswerLink,
  apiFeedbackLink,
  deliveredResource,
  resourceReadyForDelivery,
} from '../support/api.js';

/** A title no other test uses. */
function uniqueTitle() {
  return `Комплект для наставников ${Date.now()}`;
}

describe('deliveries and feedback', () => {
  const withPage = useBrowser();

  it('the teacher records a delivery to СОШ № 12 and is offered no feedback link', () =>
    withPage(async (page) => {
      const { resource } = await resourceReadyForDelivery(uniqueTitle());
      await signIn(page, 'teacher@sch61.demo');
      await page.goto(`/resources/${resource.id}`);
      const deliveries = page.getByTestId('deliveries');
      await deliveries.getByText('Поставок пока нет').waitFor();
      assert.equal(await tileValue(page, 'metric-csat'), 'нет данных');

      await deliveries.getByTestId('add-delivery').click();
      const form = page.getByTestId('delivery-form');
      // Nothing chosen: the required fields say so.
      await form.getByTestId('delivery-submit').click();
      await form.getByText('Заполните это поле').first().waitFor();
      await form.getByTestId('delivery-version').locator('option', { hasText: 'Готовый комплект материалов' }).waitFor({ state: 'attached' });
      await form.getByTestId('delivery-version').selectOption({ label: 'Версия 2 · Готовый комплект материалов' });
      // The school's own name is not offered.
      await form.getByTestId('delivery-recipient').locator('option', { hasText: 'СОШ № 12' }).waitFor({ state: 'attached' });
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
      await page.getByTestId('metric-deliveries').locator('.tile-value').getByText('1', { exact: true }).waitFor();

      assert.equal(await row.getByTestId('feedback-link').count(), 0);
    }));

  it('the receiving school\'s partner creates a feedback link for a colleague\'s e-mail, once', () =>
    withPage(async (page) => {
      const title = uniqueTitle();
      await deliveredResource(title);
      const link = await partnerIssuesLink(page, title, ' Sokolova@SCH12.demo ', 'Соколова Мария Ивановна');
      assert.match(link, /^http:\/\/[^/]+\/feedback\/[^/]+$/);
      const row = page.getByTestId('received-row').filter({ hasText: title });
      assert.match(await row.getByTestId('issued-link').textContent(), /sokolova@sch12\.demo · Соколова Мария Ивановна/);
      // Without an e-mail, the server's message stands next to the field.
      const email = row.getByLabel('E-mail респондента');
      await email.fill('');
      await row.getByTestId('make-link').click();
      await row.locator('[id^="feedback-email-"][id$="-error"]').getByText('Заполните это поле').waitFor();
      // The same e-mail again is refused.
      await email.fill('sokolova@sch12.demo');
      await row.getByTestId('make-link').click();
      await row.getByRole('alert').getByText('Для этого e-mail по этой поставке ссылка уже выдана', { exact: false }).waitFor();
      assert.equal(await row.getByTestId('issued-link').count(), 1);
    }));

  it('a respondent without an account opens the link, rates 5/10/yes, and the link is then used', () =>
    withPage(async (page) => {
      const title = uniqueTitle();
      const { partner, delivery } = await deliveredResource(title);
      const link = await apiFeedbackLink(partner, delivery, 'Соколова Мария Ивановна');
      await page.goto(link.path);
      const invitation = page.getByTestId('invitation');
      await invitation.waitFor();
      assert.equal(await page.getByTestId('nav').count(), 0);
      assert.equal((await page.getByTestId('invitation-resource').textContent()).trim(), title);
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
      const { resource, partner, delivery } = await deliveredResource(uniqueTitle());
      const link = await apiFeedbackLink(partner, delivery, 'Соколова Мария Ивановна');
      await apiAnswerLink(link, { csat: 5, recommend: 10, ready: true, comment: 'Материалы сразу пошли в работу' });
      await signIn(page, 'teacher@sch61.demo');
      await page.goto(`/resources/${resource.id}`);
      await page.getByTestId('feedback-row').waitFor();
      assert.equal(await tileValue(page, 'metric-responses'), '1');
      assert.equal(await tileValue(page, 'metric-link-responses'), '1');
      assert.equal(await tileValue(page, 'metric-app-responses'), '0');
      assert.equal(await tileValue(page, 'metric-csat'), '100 %');
      assert.equal(await tileValue(page, 'metric-nps'), '100');
      assert.equal(await tileValue(page, 'metric-ready'), '100 %');
      assert.equal(await tileValue(page, 'metric-deliveries'), '1');
      assert.equal(await tileValue(page, 'metric-schools'), '1');
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
