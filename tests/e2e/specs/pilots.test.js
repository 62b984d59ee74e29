// Pilots (апробация) and risks: the teacher records a pilot of a design version in the own
// school and СОШ № 12, adds a risk to the pilot's register and sees it in the heat map,
// then concludes the pilot; the project's «Риски» tab holds the project's own register.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { signIn, useBrowser } from '../support/browser.js';
import { apiCall, isoDay, pdfBuffer, resourceWithDesign } from '../support/api.js';

/** A title no other test uses. */
function uniqueTitle() {
  return `Банк заданий для апробации ${Date.now()}`;
}

/** `dd.mm.yyyy` of a `YYYY-MM-DD` day. */
function dotted(day) {
  const [year, month, date] = day.split('-');
  return `${date}.${month}.${year}`;
}

describe('pilots and risks', () => {
  const withPage = useBrowser();

  it('the teacher records a pilot, adds a risk seen in the heat map and concludes the pilot', () =>
    withPage(async (page) => {
      const { resource, partner, teacher } = await resourceWithDesign(uniqueTitle());
      await signIn(page, 'teacher@sch61.demo');
      await page.goto(`/resources/${resource.id}`);
      const pilots = page.getByTestId('pilots');
      await pilots.getByTestId('pilots-empty').waitFor();

      await pilots.getByTestId('add-pilot').click();
      const form = pilots.getByTestId('pilot-form');
      // Nothing chosen: the required fields say so.
      await form.getByTestId('pilot-submit').click();
      await form.getByText('Заполните это поле').first().waitFor();
      await form.getByTestId('pilot-version').locator('option', { hasText: 'Проектный документ' }).waitFor({ state: 'attached' });
      await form.getByTestId('pilot-version').selectOption({ label: 'Версия 1 · Проектный документ' });
      const partnerSite = form.getByTestId(`pilot-site-${partner.user.organisation.id}`);
      await partnerSite.waitFor();
      await partnerSite.check();
      const starts = isoDay(-10);
      const ends = isoDay(50);
      await form.getByTestId('pilot-starts').fill(starts);
      await form.getByTestId('pilot-teachers').fill('3');
      await form.getByTestId('pilot-classes').fill('5А, 6Б');
      await form.getByTestId('pilot-pupils').fill('52');
      await form.getByTestId('pilot-method').fill('Уроки по банку заданий, анкетирование учащихся');
      // An end before the start: the server's 422 is shown next to the end.
      await form.getByTestId('pilot-ends').fill(isoDay(-20));
      await form.getByTestId('pilot-submit').click();
      await form.getByTestId('pilot-ends-error').waitFor();
      assert.equal(await pilots.getByTestId('pilot-row').count(), 0);
      await form.getByTestId('pilot-ends').fill(ends);
      await form.getByTestId('pilot-submit').click();

      const row = pilots.getByTestId('pilot-row');
      await row.waitFor();
      assert.equal((await row.getByTestId('pilot-period').textContent()).trim(), `${dotted(starts)} – ${dotted(ends)}`);
      assert.equal((await row.getByTestId('pilot-sites').textContent()).trim(), 'СОШ № 61, СОШ № 12');
      assert.equal((await row.getByTestId('pilot-status').textContent()).trim(), 'Идёт');
      assert.equal(await row.getByTestId('pilot-conclusion').count(), 0);

      // A risk of the pilot: 4 × 5 lands in its cell of the heat map.
      const risks = row.getByTestId('risks');
      await risks.getByTestId('risks-empty').waitFor();
      await risks.getByTestId('add-risk').click();
      const riskForm = risks.getByTestId('risk-form');
      await riskForm.getByTestId('risk-title-input').fill('Учителя-партнёры не успевают провести уроки');
      await riskForm.getByTestId('risk-category').selectOption('staffing');
      await riskForm.getByTestId('risk-likelihood').fill('4');
      await riskForm.getByTestId('risk-impact').fill('5');
      await riskForm.getByTestId('risk-mitigation').fill('Сдвинуть график, провести вебинар для партнёров');
      await riskForm.getByTestId('risk-submit').click();
      const risk = risks.getByTestId('risk-row');
      await risk.waitFor();
      assert.equal((await risk.getByTestId('risk-score').textContent()).trim(), '4 × 5 = 20');
      assert.equal((await risk.getByTestId('risk-status').textContent()).trim(), 'Открыт');
      await risks.getByTestId('heat-4-5').getByText('1', { exact: true }).waitFor();
      assert.equal((await risks.getByTestId('heat-1-1').textContent()).trim(), '');
      // The bands come from the stylesheet (the policy refuses inline styles): red for 20,
      // green for 1.
      const background = (cell) => risks.getByTestId(cell).evaluate((td) => getComputedStyle(td).backgroundColor);
      assert.equal(await background('heat-4-5'), 'rgb(247, 179, 179)');
      assert.equal(await background('heat-1-1'), 'rgb(216, 240, 220)');

      // Evidence: a protocol uploaded to the pilot while it runs.
      const evidence = row.getByTestId('attachments');
      await evidence.getByLabel('Выбрать файл').setInputFiles({ name: 'протокол.pdf', mimeType: 'application/pdf', buffer: pdfBuffer() });
      await evidence.getByTestId('attachment-row').filter({ hasText: 'протокол.pdf' }).getByTestId('download-attachment').waitFor();

      // Concluded with «Требует доработки» after the confirmation.
      await row.getByTestId('conclude-pilot').click();
      const conclude = row.getByTestId('pilot-conclude-form');
      await conclude.getByTestId('pilot-conclusion-choice').selectOption('revise');
      await conclude.getByTestId('pilot-conclude-final').fill('Задания 3 и 7 требуют переработки');
      await conclude.getByTestId('pilot-conclude-submit').click();
      await page.getByTestId('confirm-dialog').waitFor();
      await page.getByTestId('confirm-yes').click();
      await row.getByTestId('pilot-conclusion').getByText('Требует доработки').waitFor();
      assert.equal((await row.getByTestId('pilot-status').textContent()).trim(), 'Завершена');
      assert.match(await row.getByTestId('pilot-final').textContent(), /Задания 3 и 7 требуют переработки/);
      assert.equal(await row.getByTestId('conclude-pilot').count(), 0);
      assert.equal(await row.getByTestId('add-risk').count(), 0);
      // The evidence stays, closed to new files.
      await row.getByTestId('attachment-row').filter({ hasText: 'протокол.pdf' }).waitFor();
      assert.equal(await row.getByLabel('Выбрать файл').count(), 0);
      const stored = await apiCall(teacher, 'GET', `/api/resources/${resource.id}/pilots`);
      assert.deepEqual(stored.items[0].attachments.map((file) => file.file_name), ['протокол.pdf']);
    }));

  it('the project\'s «Риски» tab adds a risk and keeps its change in the history', () =>
    withPage(async (page) => {
      const { project } = await resourceWithDesign(uniqueTitle());
      await signIn(page, 'teacher@sch61.demo');
      await page.goto(`/projects/${project.id}/risks`);
      const risks = page.getByTestId('risks');
      await risks.getByTestId('risks-empty').waitFor();
      await risks.getByTestId('add-risk').click();
      const form = risks.getByTestId('risk-form');
      await form.getByTestId('risk-title-input').fill('Нет времени на совместное планирование');
      await form.getByTestId('risk-likelihood').fill('2');
      await form.getByTestId('risk-impact').fill('3');
      await form.getByTestId('risk-mitigation').fill('Выделить час в расписании');
      await form.getByTestId('risk-submit').click();
      const risk = risks.getByTestId('risk-row');
      await risk.waitFor();
      await risks.getByTestId('heat-2-3').getByText('1', { exact: true }).waitFor();

      await risk.getByTestId('edit-risk').click();
      const edit = risk.getByTestId('risk-form');
      await edit.getByTestId('risk-status-input').selectOption('mitigated');
      await edit.getByTestId('risk-note').fill('Час выделен');
      await edit.getByTestId('risk-submit').click();
      await risk.getByTestId('risk-status').getByText('Снижен').waitFor();
      await risk.getByTestId('risk-history-toggle').click();
      const change = risk.getByTestId('risk-change');
      await change.waitFor();
      assert.match(await change.textContent(), /статус: Открыт → Снижен — Час выделен/);
    }));
});
