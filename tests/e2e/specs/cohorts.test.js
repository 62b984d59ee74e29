// Teacher training: СОШ № 61's council opens a cohort of its training programme with two
// sessions and one place; СОШ № 12's teacher enrols, Гимназия № 17's goes to the waiting
// list; the host marks attendance and completes СОШ № 12's teacher after a confirmation
// once she attended three quarters of the hours; the certificate prints, downloads as
// DOCX and verifies without an account — her name masked by the number alone, in full
// with the code printed on it; the teacher sees it in «Моё обучение»; a second place
// given to the cohort goes to the waiting teacher. A teacher of the host cannot mark or
// complete her own enrolment.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { signIn, useBrowser } from '../support/browser.js';
import { apiCall, apiSignIn, isoDay } from '../support/api.js';

/** The row of the participant called `name` on a cohort's page. */
function participant(page, name) {
  return page.getByTestId('enrolment-row').filter({ hasText: name });
}

describe('teacher training', () => {
  const withPage = useBrowser();

  it('a cohort is opened, a partner school enrols, attends and gets a certificate that verifies', async () => {
    const stamp = Date.now();
    const title = `Поток ${stamp}`;
    const council = await apiSignIn('council@sch61.demo');
    const school = council.user.organisation.id;
    const programmes = await apiCall(council, 'GET', `/api/resources?org_id=${school}&form=training_programme&per_page=5`);
    assert.ok(programmes.items.length > 0, 'the demo has a training programme');
    const programme = programmes.items[0];
    const teacher12 = await apiSignIn('partner@sch12.demo');
    const name12 = teacher12.user.full_name;
    const name17 = (await apiSignIn('partner@gym17.demo')).user.full_name;
    let cohortPath;

    // The council opens the cohort on the programme's page.
    await withPage(async (page) => {
      await signIn(page, 'council@sch61.demo');
      await page.goto(`/resources/${programme.id}`);
      const cohorts = page.getByTestId('cohorts');
      await cohorts.getByTestId('cohort-row').first().waitFor();
      await cohorts.getByTestId('open-cohort').click();
      const form = page.getByTestId('cohort-form');
      // Nothing typed: the title is asked for before anything is sent.
      await form.getByTestId('cohort-submit').click();
      await form.getByText('Заполните это поле').first().waitFor();
      await form.getByTestId('cohort-title').fill(title);
      await form.getByTestId('cohort-starts-on').fill(isoDay(0));
      await form.getByTestId('cohort-ends-on').fill(isoDay(14));
      await form.getByTestId('cohort-capacity').fill('1');
      await form.getByTestId('cohort-place').fill('СОШ № 61, кабинет 204');
      // The programme is blended: a place and an online link.
      await form.getByTestId('cohort-online-link').fill('https://meet.example.org/sch61-course');
      await form.getByTestId('cohort-trainers').fill('Кузнецова Ольга Сергеевна');
      await form.getByTestId('add-cohort-session').click();
      await form.getByTestId('add-cohort-session').click();
      const sessions = form.getByTestId('cohort-session');
      // A session after the cohort's last day is refused at its own row.
      await sessions.nth(0).locator('input[type=date]').fill(isoDay(0));
      await sessions.nth(0).locator('input[type=text]').fill('Критерии оценивания');
      await sessions.nth(0).locator('input[type=number]').fill('8');
      await sessions.nth(1).locator('input[type=date]').fill(isoDay(30));
      await sessions.nth(1).locator('input[type=text]').fill('Практикум: обратная связь');
      await sessions.nth(1).locator('input[type=number]').fill('10');
      await form.getByTestId('cohort-submit').click();
      await sessions.nth(1).locator('.field-error').filter({ hasText: /./ }).first().waitFor();
      await sessions.nth(1).locator('input[type=date]').fill(isoDay(7));
      await form.getByTestId('cohort-submit').click();
      const row = cohorts.getByTestId('cohort-row').filter({ hasText: title });
      await row.waitFor();
      assert.match(await row.textContent(), /Часов: 18/);
      assert.equal((await row.getByTestId('cohort-status').textContent()).trim(), 'Идёт обучение');
      await row.getByTestId('cohort-link').click();
      await page.getByTestId('cohort-title').getByText(title).waitFor();
      cohortPath = new URL(page.url()).pathname;
      assert.match(cohortPath, /^\/cohorts\/\d+$/);
      assert.equal(await page.getByTestId('cohort-session-row').count(), 2);
    });

    // СОШ № 12's teacher takes the one place; the gymnasium's teacher waits.
    await withPage(async (page) => {
      await signIn(page, 'partner@sch12.demo');
      await page.goto(cohortPath);
      await page.getByTestId('enrol-self').click();
      await page.getByTestId('enrol-notice').getByText('Вы записаны на поток.').waitFor();
      await participant(page, name12).waitFor();
      // Enrolled once: the button is gone, «Отменить запись» is there.
      assert.equal(await page.getByTestId('enrol-self').count(), 0);
      await participant(page, name12).getByTestId('withdraw-enrolment').getByText('Отменить запись').waitFor();
    });
    await withPage(async (page) => {
      await signIn(page, 'partner@gym17.demo');
      await page.goto(cohortPath);
      await page.getByTestId('enrol-self').click();
      await page.getByTestId('enrol-notice').getByText(/листе ожидания, место 1/).waitFor();
      assert.match(await participant(page, name17).getByTestId('enrolment-status').textContent(), /Лист ожидания/);
    });

    // The host marks the first session: 8 of 18 hours are not enough to complete; with
    // the second session marked too, СОШ № 12's teacher completes.
    let certificatePath;
    await withPage(async (page) => {
      await signIn(page, 'council@sch61.demo');
      await page.goto(cohortPath);
      const row = participant(page, name12);
      await row.waitFor();
      const enrolment = await row.getAttribute('data-enrolment-id');
      const attendance = page.getByTestId('attendance');
      await attendance.getByTestId(`attended-${enrolment}`).check();
      await attendance.getByTestId('attendance-save').click();
      await page.getByTestId('attendance-saved').waitFor();
      await page.waitForFunction(
        (id) => document.querySelector(`[data-enrolment-id="${id}"] [data-testid=attended-hours]`)?.textContent.trim() === '8',
        enrolment,
      );
      // The waiting teacher cannot be completed.
      assert.equal(await participant(page, name17).getByTestId('complete-enrolment').count(), 0);
      assert.match(await page.getByTestId('cohort-required-hours').textContent(), /75 · .*: 14/);
      await participant(page, name12).getByTestId('complete-enrolment').click();
      await page.getByTestId('confirm-yes').click();
      await page.getByTestId('enrolment-error').getByText('Посещено меньше часов, чем нужно для завершения обучения.').waitFor();
      assert.equal(await participant(page, name12).getAttribute('data-status'), 'enrolled');
      await attendance.getByTestId('attendance-session').selectOption({ index: 1 });
      await attendance.getByTestId(`attended-${enrolment}`).check();
      await attendance.getByTestId('attendance-save').click();
      await page.waitForFunction(
        (id) => document.querySelector(`[data-enrolment-id="${id}"] [data-testid=attended-hours]`)?.textContent.trim() === '18',
        enrolment,
      );
      await participant(page, name12).getByTestId('complete-enrolment').click();
      // Cancelling the confirmation leaves the enrolment as it was.
      await page.getByTestId('confirm-cancel').click();
      assert.equal(await page.getByTestId('confirm-dialog').count(), 0);
      assert.equal(await participant(page, name12).getAttribute('data-status'), 'enrolled');
      await participant(page, name12).getByTestId('complete-enrolment').click();
      await page.getByTestId('confirm-yes').click();
      await page.locator(`[data-enrolment-id="${enrolment}"][data-status=completed]`).waitFor();
      await participant(page, name12).getByTestId('certificate-link').click();
      const sheet = page.getByTestId('certificate-sheet');
      await sheet.waitFor();
      certificatePath = new URL(page.url()).pathname;
      assert.equal(
        (await sheet.getByTestId('certificate-kind').textContent()).trim(),
        'УДОСТОВЕРЕНИЕ о повышении квалификации',
      );
      assert.equal((await sheet.getByTestId('certificate-holder').textContent()).trim(), name12);
      assert.equal((await sheet.getByTestId('certificate-hours').textContent()).trim(), 'в объёме 18 ч.');
      const number = (await sheet.getByTestId('certificate-number').textContent()).trim();
      assert.match(number, new RegExp(`^${school}-\\d{4}-\\d{4}$`));
      const code = (await sheet.getByTestId('certificate-code').textContent()).trim();
      assert.match(code, /^[0-9A-F]{4}(-[0-9A-F]{4}){4}$/);
      assert.match(
        await sheet.getByTestId('certificate-verify-url').textContent(),
        new RegExp(`/verify/${number}\\?code=${code.replaceAll('-', '')}$`),
      );
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('download-certificate').click(),
      ]);
      assert.equal(download.suggestedFilename(), `certificate-${number}.docx`);
      const bytes = await readFile(await download.path());
      assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK');
    });

    // Anyone checks the number without an account: the name masked by the number alone,
    // in full with the code printed on the certificate; an unknown number is not valid.
    const [number, code] = await withPage(async (page) => {
      await signIn(page, 'partner@sch12.demo');
      await page.goto(certificatePath);
      return [
        (await page.getByTestId('certificate-number').textContent()).trim(),
        (await page.getByTestId('certificate-code').textContent()).trim(),
      ];
    });
    await withPage(async (page) => {
      await page.goto('/verify');
      await page.getByTestId('verify-number-input').fill(number);
      await page.getByTestId('verify-submit').click();
      const masked = page.locator('[data-testid=verify-valid][data-full-name=false]');
      await masked.waitFor();
      const [surname, first, middle] = name12.split(' ');
      assert.equal((await masked.getByTestId('verify-holder').textContent()).trim(), `${surname[0]}*** ${first[0]}. ${middle[0]}.`);
      await masked.getByTestId('verify-name-note').getByText(/только с кодом проверки/).waitFor();
      assert.equal((await masked.getByTestId('verify-hours').textContent()).trim(), '18');
      assert.equal(new URL(page.url()).pathname, `/verify/${number}`);
      await page.getByTestId('verify-code-input').fill(code.toLowerCase());
      await page.getByTestId('verify-submit').click();
      const valid = page.locator('[data-testid=verify-valid][data-full-name=true]');
      await valid.waitFor();
      assert.equal((await valid.getByTestId('verify-holder').textContent()).trim(), name12);
      assert.equal(new URL(page.url()).searchParams.get('code'), code.toLowerCase());
      await page.goto(`/verify/${school}-1999-9999`);
      await page.getByTestId('verify-refused').getByText('Документ с таким номером не выдавался.').waitFor();
    });

    // The teacher's own training lists the programme with its certificate and hours.
    await withPage(async (page) => {
      await signIn(page, 'partner@sch12.demo');
      await page.getByTestId('nav-training').click();
      await page.getByTestId('training-page').waitFor();
      const row = page.getByTestId('training-row').filter({ hasText: title });
      await row.waitFor();
      assert.equal((await row.getByTestId('certificate-link').textContent()).trim(), number);
      const hours = Number((await page.getByTestId('training-hours').locator('.tile-value').textContent()).trim());
      assert.ok(hours >= 18, `total hours ${hours}`);
    });

    // The host gives the cohort a second place: the waiting teacher takes it.
    await withPage(async (page) => {
      await signIn(page, 'council@sch61.demo');
      await page.goto(cohortPath);
      await page.getByTestId('edit-cohort').click();
      const form = page.getByTestId('cohort-form');
      assert.equal(await form.getByTestId('cohort-session').count(), 2);
      assert.equal(await form.getByTestId('cohort-title').inputValue(), title);
      await form.getByTestId('cohort-capacity').fill('2');
      await form.getByTestId('cohort-submit').click();
      await page.locator('[data-testid=enrolment-row][data-status=enrolled]').filter({ hasText: name17 }).waitFor();
      assert.equal(await page.getByTestId('cohort-form').count(), 0);
    });
  });

  it('a teacher of the host cannot mark or complete her own enrolment; a colleague does', async () => {
    const council = await apiSignIn('council@sch61.demo');
    const teacher = await apiSignIn('teacher@sch61.demo');
    const school = council.user.organisation.id;
    const programmes = await apiCall(council, 'GET', `/api/resources?org_id=${school}&form=training_programme&per_page=5`);
    const cohort = await apiCall(council, 'POST', `/api/resources/${programmes.items[0].id}/cohorts`, {
      title: `Поток своих ${Date.now()}`,
      starts_on: isoDay(-1),
      ends_on: isoDay(10),
      capacity: 5,
      place: 'СОШ № 61, кабинет 204',
      online_link: 'https://meet.example.org/sch61-own',
      trainers: ['Кузнецова Ольга Сергеевна'],
      sessions: [{ held_on: isoDay(-1), topic: 'Критерии оценивания', hours: 8 }],
    });
    const own = await apiCall(teacher, 'POST', `/api/cohorts/${cohort.id}/enrolments`, {});
    await apiCall(council, 'PUT', `/api/cohort-sessions/${cohort.sessions[0].id}/attendance`, { present: [own.id] });
    const name = teacher.user.full_name;
    await withPage(async (page) => {
      await signIn(page, 'teacher@sch61.demo');
      await page.goto(`/cohorts/${cohort.id}`);
      const row = participant(page, name);
      await row.waitFor();
      // No «Завершить обучение» on her own row, and a word why; her own box is not hers to tick.
      await row.getByTestId('own-record-hint').getByText('Свою посещаемость и завершение обучения отмечает другой сотрудник школы.').waitFor();
      assert.equal(await row.getByTestId('complete-enrolment').count(), 0);
      assert.ok(await page.getByTestId(`attended-${own.id}`).isDisabled());
    });
    // Asked directly, the server refuses too, and nothing changes.
    await assert.rejects(
      apiCall(teacher, 'POST', `/api/enrolments/${own.id}/complete`, {}),
      /409 .*own_record/,
    );
    assert.equal((await apiCall(teacher, 'GET', `/api/enrolments/${own.id}`)).status, 'enrolled');
    // The council completes her.
    await withPage(async (page) => {
      await signIn(page, 'council@sch61.demo');
      await page.goto(`/cohorts/${cohort.id}`);
      await participant(page, name).getByTestId('complete-enrolment').click();
      await page.getByTestId('confirm-yes').click();
      await page.locator(`[data-enrolment-id="${own.id}"][data-status=completed]`).waitFor();
    });
  });

  it('the director sees the school teachers’ hours, a teacher does not', async () => {
    await withPage(async (page) => {
      await signIn(page, 'director@sch61.demo');
      await page.goto('/training');
      await page.getByTestId('school-training').waitFor();
      await page.getByTestId('school-training-row').first().waitFor();
    });
    await withPage(async (page) => {
      await signIn(page, 'teacher@sch61.demo');
      await page.goto('/training');
      await page.getByTestId('training-page').waitFor();
      await page.getByTestId('training-row').first().waitFor();
      assert.equal(await page.getByTestId('school-training').count(), 0);
    });
  });
});
