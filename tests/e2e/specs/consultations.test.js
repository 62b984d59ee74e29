// Consultations: СОШ № 12's director asks СОШ № 61 for methodological support, СОШ № 61's
// teacher records it held with its outcome, and СОШ № 12 rates it; the list filters by
// direction and status, and declining asks for a confirmation.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { signIn, useBrowser } from '../support/browser.js';
import { apiCall, apiSignIn } from '../support/api.js';

const PASSWORD = 'e2e-consult-2026';

/** A director account of СОШ № 12, made by the platform operator under a unique e-mail. */
async function directorOfSchool12(stamp) {
  const operator = await apiSignIn('operator@kom.demo');
  const partner = await apiSignIn('partner@sch12.demo');
  const org = partner.user.organisation.id;
  const email = `e2e-director-${stamp}@sch12.demo`;
  await apiCall(operator, 'POST', `/api/organisations/${org}/users`, {
    email,
    full_name: 'Иванова Мария Петровна',
    roles: ['admin'],
    password: PASSWORD,
  });
  return email;
}

/** The card of the consultation on `topic`. */
function card(page, topic) {
  return page.getByTestId('consultation-row').filter({ hasText: topic });
}

describe('consultations', () => {
  const withPage = useBrowser();

  it('СОШ № 12 asks СОШ № 61, the teacher records it held and СОШ № 12 rates it', async () => {
    const stamp = Date.now();
    const topic = `Формирующее оценивание ${stamp}`;
    const director = await directorOfSchool12(stamp);

    await withPage(async (page) => {
      await signIn(page, director, PASSWORD);
      await page.getByTestId('nav-consultations').click();
      await page.getByTestId('consultations-page').waitFor();
      await page.getByTestId('consultation-request').click();
      const form = page.getByTestId('consultation-request-form');
      // Nothing chosen: the form says what is missing.
      await form.getByTestId('consultation-request-submit').click();
      await form.getByText('Заполните это поле').first().waitFor();
      await form.getByTestId('consultation-host').selectOption({ label: 'СОШ № 61' });
      await form.getByTestId('consultation-topic').fill(topic);
      await form.getByTestId('consultation-question').fill('Как выстроить критерии оценивания для 5–7 классов');
      await form.getByTestId('consultation-request-submit').click();
      const asked = card(page, topic);
      await asked.waitFor();
      assert.equal((await asked.getByTestId('consultation-status').textContent()).trim(), 'Запрошена');
      assert.match(await asked.textContent(), /СОШ № 61 → СОШ № 12/);
      // The recipient may call it off but not schedule it.
      await asked.getByTestId('consultation-cancel').waitFor();
      assert.equal(await asked.getByTestId('consultation-schedule').count(), 0);
    });

    await withPage(async (page) => {
      await signIn(page, 'teacher@sch61.demo');
      await page.goto('/consultations');
      await page.getByTestId('consultation-role-filter').selectOption({ label: 'Оказанные (мы консультируем)' });
      await page.getByTestId('consultation-status-filter').selectOption({ label: 'Запрошена' });
      // Each filter reads the list again: act on the card of the last reading, not on
      // one a later reading replaces.
      await page.waitForLoadState('networkidle');
      const asked = card(page, topic);
      await asked.waitFor();
      // A held day in the future is refused next to the field.
      await asked.getByTestId('consultation-hold').click();
      const hold = asked.getByTestId('consultation-hold-form');
      const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
      await hold.getByTestId('consultation-held-on').fill(tomorrow);
      await hold.getByTestId('consultation-consultants').fill('Кузнецова О. С., учитель математики');
      await hold.getByTestId('consultation-participant-count').fill('6');
      await hold.getByTestId('consultation-outcome').fill('Составили критерии для двух контрольных работ 6 класса');
      await hold.getByTestId('consultation-follow-ups').fill('Передать шаблоны рубрик до конца месяца');
      await hold.getByTestId('consultation-hold-submit').click();
      await hold.getByTestId('consultation-held-on-error').filter({ hasText: /./ }).waitFor();
      const today = new Date().toISOString().slice(0, 10);
      await hold.getByTestId('consultation-held-on').fill(today);
      await hold.getByTestId('consultation-hold-submit').click();
      await page.getByTestId('consultation-status-filter').selectOption({ label: 'Проведена' });
      const held = card(page, topic);
      await held.getByText('Составили критерии для двух контрольных работ 6 класса').waitFor();
      const [year, month, day] = today.split('-');
      assert.match(await held.textContent(), new RegExp(`${day}\\.${month}\\.${year}`));
      assert.equal((await held.getByTestId('consultation-status').textContent()).trim(), 'Проведена');
      assert.equal(await held.getByTestId('consultation-rate').count(), 0, 'the host does not rate itself');
    });

    await withPage(async (page) => {
      await signIn(page, director, PASSWORD);
      await page.goto('/consultations');
      const held = card(page, topic);
      await held.getByTestId('consultation-rate').click();
      const rate = held.getByTestId('consultation-rate-form');
      await rate.getByTestId('consultation-csat').fill('4');
      await rate.getByTestId('consultation-recommend').fill('9');
      await rate.getByTestId('consultation-comment').fill('Критерии уже используем');
      await rate.getByTestId('consultation-rate-submit').click();
      await held.getByTestId('consultation-ratings').filter({ hasText: '4.0' }).waitFor();
      assert.match(await held.getByTestId('consultation-ratings').textContent(), /1 ответов/);
    });
  });

  it('the host declines a request only after confirming, with a reason the recipient sees', async () => {
    const stamp = Date.now();
    const topic = `Наставничество ${stamp}`;
    const partner = await apiSignIn('partner@sch12.demo');
    const teacher = await apiSignIn('teacher@sch61.demo');
    await apiCall(partner, 'POST', '/api/consultations', {
      host_org_id: teacher.user.organisation.id,
      topic,
      question: 'Как организовать наставничество молодых учителей',
    });
    await withPage(async (page) => {
      await signIn(page, 'teacher@sch61.demo');
      await page.goto('/consultations');
      const asked = card(page, topic);
      await asked.getByTestId('consultation-decline').click();
      const close = asked.getByTestId('consultation-close-form');
      await close.getByTestId('consultation-reason').fill('Нет свободных наставников в этом месяце');
      await close.getByTestId('consultation-close-submit').click();
      await page.getByTestId('confirm-dialog').waitFor();
      await page.getByTestId('confirm-cancel').click();
      assert.equal((await asked.getByTestId('consultation-status').textContent()).trim(), 'Запрошена');
      await close.getByTestId('consultation-close-submit').click();
      await page.getByTestId('confirm-yes').click();
      await card(page, topic).getByTestId('consultation-status').filter({ hasText: 'Отклонена' }).waitFor();
      assert.match(await card(page, topic).textContent(), /Нет свободных наставников в этом месяце/);
    });
  });
});
