// Events and fairs: СОШ № 61 publishes a seminar open to the city, a teacher of СОШ № 12
// registers and sees the confirmation code, the organiser marks the attendance, and the
// seminar is in the municipality's calendar; at a fair two schools present stands, a
// visitor rates them and the results page ranks them with the formula.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { signIn, useBrowser } from '../support/browser.js';
import { apiCall, apiSignIn, isoDay, staffOf } from '../support/api.js';

describe('events and fairs', () => {
  const withPage = useBrowser();

  it('a seminar open to the city is published, a teacher of another school registers and attends', () =>
    withPage(async (page) => {
      const title = `Семинар по формирующему оцениванию ${Date.now()}`;
      const guest = await staffOf('partner@sch12.demo', 'Иванова Мария Петровна');

      await signIn(page, 'teacher@sch61.demo');
      await page.getByTestId('nav-events').click();
      await page.getByTestId('events-page').waitFor();
      await page.getByTestId('event-add').click();
      const form = page.getByTestId('event-form');
      await form.getByTestId('event-kind').selectOption('seminar');
      await form.getByTestId('event-level').selectOption('municipal');
      await form.getByTestId('event-title').fill(title);
      await form.getByTestId('event-starts-on').fill(isoDay(0));
      await form.getByTestId('event-ends-on').fill(isoDay(0));
      await form.getByTestId('event-place').fill('СОШ № 61, актовый зал');
      await form.getByTestId('event-open').check();
      await form.getByTestId('event-capacity').fill('25');
      await form.getByTestId('event-save').click();

      await page.getByTestId('event-page').waitFor();
      assert.equal((await page.getByTestId('event-title').textContent()).trim(), title);
      assert.equal((await page.getByTestId('event-status').textContent()).trim(), 'Черновик');
      await page.getByTestId('event-publish').click();
      await page.getByTestId('confirm-yes').click();
      await page.getByTestId('event-status').filter({ hasText: 'Опубликовано' }).waitFor();
      const eventPath = new URL(page.url()).pathname;

      await withPage(async (visitor) => {
        await signIn(visitor, guest.email, guest.password);
        await visitor.goto(eventPath);
        await visitor.getByTestId('event-register').click();
        const code = visitor.getByTestId('registration-code');
        await code.waitFor();
        assert.match((await code.textContent()).trim(), /^[A-Z2-9]{8}$/);
        assert.match(await visitor.getByTestId('registration-confirmed').textContent(), /Код подтверждения/);
      });

      await page.reload();
      const row = page.getByTestId('registration-row').filter({ hasText: 'Иванова Мария Петровна' });
      await row.waitFor();
      await row.locator('input[type="checkbox"]').check();
      await page.getByTestId('save-attendance').click();
      await page.getByTestId('attendance-saved').waitFor();

      await page.getByTestId('nav-events').click();
      await page.getByTestId('calendar').getByTestId('calendar-event').filter({ hasText: title }).waitFor();
      await page.getByTestId('events-list').click();
      await page.getByTestId('events-table').getByTestId('event-link').filter({ hasText: title }).waitFor();
    }));

  it('two schools present stands at a fair, a visitor rates them and the results rank them', () =>
    withPage(async (page) => {
      const committee = await apiSignIn('committee@kom.demo');
      const teacher = await apiSignIn('teacher@sch61.demo');
      const stamp = Date.now();
      const fair = await apiCall(committee, 'POST', '/api/events', {
        role: 'organiser',
        kind: 'fair',
        level: 'municipal',
        title: `Ярмарка инновационных продуктов ${stamp}`,
        starts_on: isoDay(0),
        ends_on: isoDay(3),
        place: 'Дворец творчества',
        open_to_city: true,
        capacity: 50,
      });
      await apiCall(committee, 'POST', `/api/events/${fair.id}/publish`, undefined, fair.version);
      // Only visitors registered for the fair rate its stands.
      const register = (session) => apiCall(session, 'POST', `/api/events/${fair.id}/registrations`, {});
      const bank = await apiCall(teacher, 'POST', `/api/events/${fair.id}/stands`, { title: `Банк заданий ${stamp}` });
      const gymnasium = await staffOf('partner@gym17.demo', 'Лебедева Анна Сергеевна');
      const gym = await apiSignIn(gymnasium.email, gymnasium.password);
      const lab = await apiCall(gym, 'POST', `/api/events/${fair.id}/stands`, { title: `Цифровая лаборатория ${stamp}` });
      // Earlier visitors: the bank gets two fives, the laboratory a four.
      await register(committee);
      await register(gym);
      await apiCall(committee, 'PUT', `/api/stands/${bank.id}/rating`, { score: 5 });
      await apiCall(gym, 'PUT', `/api/stands/${bank.id}/rating`, { score: 5 });
      await apiCall(committee, 'PUT', `/api/stands/${lab.id}/rating`, { score: 4 });

      const visitor = await staffOf('partner@sch12.demo', 'Орлов Игорь Викторович');
      await register(await apiSignIn(visitor.email, visitor.password));
      await signIn(page, visitor.email, visitor.password);
      await page.goto(`/events/${fair.id}`);
      const stands = page.getByTestId('stands');
      await stands.waitFor();
      assert.equal(await stands.getByTestId('stand-row').count(), 2);
      await page.getByTestId(`rate-${bank.id}`).selectOption('5');
      await stands.getByTestId('stand-row').filter({ hasText: 'Банк заданий' }).getByTestId('stand-mean').filter({ hasText: '(3 / 3)' }).waitFor();
      await page.getByTestId(`rate-${lab.id}`).selectOption('3');
      await stands.getByTestId('stand-row').filter({ hasText: 'Цифровая лаборатория' }).getByTestId('stand-mean').filter({ hasText: '(2 / 2)' }).waitFor();

      await page.getByTestId('fair-results-link').click();
      await page.getByTestId('fair-results-page').waitFor();
      const rows = page.getByTestId('result-row');
      await rows.first().waitFor();
      assert.match(await rows.nth(0).getByTestId('result-stand').textContent(), /Банк заданий/);
      assert.equal((await rows.nth(0).getByTestId('result-rank').textContent()).trim(), '1');
      assert.match(await rows.nth(1).getByTestId('result-stand').textContent(), /Цифровая лаборатория/);
      // One vote per organisation: m = (5 + 5 + 5 + 4 + 3) / 5 = 4.40; the bank
      // (5·4.4 + 15) / 8 = 4.63.
      assert.match(await page.getByTestId('formula-numbers').textContent(), /C = 5 · m = 4\.40/);
      assert.equal((await rows.nth(0).getByTestId('result-score').textContent()).trim(), '4.63');
      assert.match(await page.getByTestId('fair-formula').textContent(), /\(C·m \+ Σ\) \/ \(C \+ n\)/);
    }));
});
