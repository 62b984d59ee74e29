// A school year of dissemination, end to end in the browser: СОШ № 61 pilots a resource
// with a partner school, records a risk and concludes the pilot; runs a training cohort
// that certifies a teacher of Гимназия № 17, whose certificate verifies by its number;
// records a consultation given to the gymnasium; publishes a seminar that a teacher of
// СОШ № 12 registers for and attends; the committee runs a fair where СОШ № 61 and the
// gymnasium present and a visitor rates both. The director's «Распространение опыта» and
// the committee's registry then show the year's figures grown by exactly that.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { signIn, tileValue, useBrowser } from '../support/browser.js';
import { apiCall, apiSignIn, isoDay, registryRow, resourceWithDesign, staffOf } from '../support/api.js';

/** The school year under way, by the year it starts. */
function thisSchoolYear() {
  const today = new Date();
  return today.getMonth() >= 8 ? today.getFullYear() : today.getFullYear() - 1;
}

/** Fills and saves the event form open on `page`. */
async function saveEvent(page, { kind, title, open }) {
  await page.getByTestId('nav-events').click();
  await page.getByTestId('event-add').click();
  const form = page.getByTestId('event-form');
  await form.getByTestId('event-kind').selectOption(kind);
  await form.getByTestId('event-level').selectOption('municipal');
  await form.getByTestId('event-title').fill(title);
  await form.getByTestId('event-starts-on').fill(isoDay(0));
  await form.getByTestId('event-ends-on').fill(isoDay(kind === 'fair' ? 2 : 0));
  await form.getByTestId('event-place').fill('Дворец творчества');
  if (open) {
    await form.getByTestId('event-open').check();
    await form.getByTestId('event-capacity').fill('10');
  }
  await form.getByTestId('event-save').click();
  await page.getByTestId('event-page').waitFor();
  await page.getByTestId('event-publish').click();
  await page.getByTestId('confirm-yes').click();
  await page.getByTestId('event-status').filter({ hasText: 'Опубликовано' }).waitFor();
  return new URL(page.url()).pathname;
}

/** Puts up a stand called `title` at the fair open on `page`. */
async function presentStand(page, title) {
  await page.getByTestId('stand-add').click();
  await page.getByTestId('stand-form').getByTestId('stand-title').fill(title);
  await page.getByTestId('stand-save').click();
  await page.getByTestId('stand-row').filter({ hasText: title }).waitFor();
}

describe('a school year of dissemination', () => {
  const withPage = useBrowser();

  it('pilot, cohort, consultation, seminar and fair all count in the year’s figures', async () => {
    const stamp = Date.now();
    const year = thisSchoolYear();
    const director = await apiSignIn('director@sch61.demo');
    const school = director.user.organisation.id;
    const figures = () => apiCall(director, 'GET', `/api/organisations/${school}/dissemination?school_year=${year}`);
    const before = await figures();
    const { resource, partner } = await resourceWithDesign(`Банк заданий ${stamp}`);
    const trainee = await staffOf('partner@gym17.demo', 'Соколова Ирина Андреевна');
    const guest = await staffOf('partner@sch12.demo', 'Морозов Павел Олегович');
    const visitor = await staffOf('partner@sch12.demo', 'Белова Ольга Николаевна');

    // 1. The teacher pilots the design version in the own school and СОШ № 12 with 30
    // pupils, records a risk of the pilot and concludes it as recommended.
    await withPage(async (page) => {
      await signIn(page, 'teacher@sch61.demo');
      await page.goto(`/resources/${resource.id}`);
      const pilots = page.getByTestId('pilots');
      await pilots.getByTestId('add-pilot').click();
      const form = pilots.getByTestId('pilot-form');
      await form.getByTestId('pilot-version').locator('option', { hasText: 'Проектный документ' }).waitFor({ state: 'attached' });
      await form.getByTestId('pilot-version').selectOption({ label: 'Версия 1 · Проектный документ' });
      await form.getByTestId(`pilot-site-${partner.user.organisation.id}`).check();
      await form.getByTestId('pilot-starts').fill(isoDay(-5));
      await form.getByTestId('pilot-ends').fill(isoDay(20));
      await form.getByTestId('pilot-teachers').fill('2');
      await form.getByTestId('pilot-pupils').fill('30');
      await form.getByTestId('pilot-method').fill('Уроки по банку заданий');
      await form.getByTestId('pilot-submit').click();
      const row = pilots.getByTestId('pilot-row');
      await row.waitFor();
      const risks = row.getByTestId('risks');
      await risks.getByTestId('add-risk').click();
      const risk = risks.getByTestId('risk-form');
      await risk.getByTestId('risk-title-input').fill('Партнёры не успевают провести уроки');
      await risk.getByTestId('risk-category').selectOption('staffing');
      await risk.getByTestId('risk-likelihood').fill('3');
      await risk.getByTestId('risk-impact').fill('4');
      await risk.getByTestId('risk-mitigation').fill('Вебинар для учителей-партнёров');
      await risk.getByTestId('risk-submit').click();
      await risks.getByTestId('risk-row').waitFor();
      await row.getByTestId('conclude-pilot').click();
      const conclude = row.getByTestId('pilot-conclude-form');
      await conclude.getByTestId('pilot-conclusion-choice').selectOption('recommended');
      await conclude.getByTestId('pilot-conclude-final').fill('Задания работают в обеих школах');
      await conclude.getByTestId('pilot-conclude-submit').click();
      await page.getByTestId('confirm-yes').click();
      await row.getByTestId('pilot-conclusion').getByText('Рекомендован к внедрению').waitFor();
    });

    // 2. The council opens a two-day 16-hour cohort of the training programme; the gymnasium's
    // teacher enrols; the council marks both days and completes her.
    const programmes = await apiCall(director, 'GET', `/api/resources?org_id=${school}&form=training_programme&per_page=5`);
    let cohortPath;
    await withPage(async (page) => {
      await signIn(page, 'council@sch61.demo');
      await page.goto(`/resources/${programmes.items[0].id}`);
      await page.getByTestId('open-cohort').click();
      const form = page.getByTestId('cohort-form');
      await form.getByTestId('cohort-title').fill(`Поток года ${stamp}`);
      await form.getByTestId('cohort-starts-on').fill(isoDay(0));
      await form.getByTestId('cohort-ends-on').fill(isoDay(1));
      await form.getByTestId('cohort-capacity').fill('5');
      await form.getByTestId('cohort-place').fill('СОШ № 61, кабинет 204');
      // The programme is blended: a place and an online link.
      await form.getByTestId('cohort-online-link').fill('https://meet.example.org/sch61-course');
      await form.getByTestId('cohort-trainers').fill('Кузнецова Ольга Сергеевна');
      // Two days of eight hours.
      for (const day of [0, 1]) {
        await form.getByTestId('add-cohort-session').click();
        const session = form.getByTestId('cohort-session').nth(day);
        await session.locator('input[type=date]').fill(isoDay(day));
        await session.locator('input[type=text]').fill(`Интенсив, день ${day + 1}`);
        await session.locator('input[type=number]').fill('8');
      }
      await form.getByTestId('cohort-submit').click();
      await page.getByTestId('cohort-row').filter({ hasText: `Поток года ${stamp}` }).getByTestId('cohort-link').click();
      await page.getByTestId('cohort-page').waitFor();
      cohortPath = new URL(page.url()).pathname;
    });
    await withPage(async (page) => {
      await signIn(page, trainee.email, trainee.password);
      await page.goto(cohortPath);
      await page.getByTestId('enrol-self').click();
      await page.getByTestId('enrol-notice').getByText('Вы записаны на поток.').waitFor();
    });
    let number;
    let enrolment;
    await withPage(async (page) => {
      await signIn(page, 'council@sch61.demo');
      await page.goto(cohortPath);
      const row = page.getByTestId('enrolment-row').filter({ hasText: 'Соколова Ирина Андреевна' });
      enrolment = await row.getAttribute('data-enrolment-id');
      await page.getByTestId(`attended-${enrolment}`).check();
      await page.getByTestId('attendance-save').click();
      await page.getByTestId('attendance-saved').waitFor();
      // The cohort is read again with the marks: the first day's 8 hours.
      await page.waitForFunction(
        (id) => document.querySelector(`[data-enrolment-id="${id}"] [data-testid=attended-hours]`)?.textContent.trim() === '8',
        enrolment,
      );
      // Completion needs three quarters of the 16 hours: the second day is marked too.
      await page.getByTestId('attendance-session').selectOption({ index: 1 });
      await page.getByTestId(`attended-${enrolment}`).check();
      await page.getByTestId('attendance-save').click();
      await page.waitForFunction(
        (id) => document.querySelector(`[data-enrolment-id="${id}"] [data-testid=attended-hours]`)?.textContent.trim() === '16',
        enrolment,
      );
      await page.getByTestId('enrolment-row').filter({ hasText: 'Соколова Ирина Андреевна' }).getByTestId('complete-enrolment').click();
      await page.getByTestId('confirm-yes').click();
      const link = page.getByTestId('enrolment-row').filter({ hasText: 'Соколова Ирина Андреевна' }).getByTestId('certificate-link');
      await link.waitFor();
      number = (await link.textContent()).trim();
    });
    // The check shows her name in full with the code printed on the certificate.
    const { code } = await apiCall(director, 'GET', `/api/enrolments/${enrolment}/certificate`);
    await withPage(async (page) => {
      await page.goto(`/verify/${number}?code=${code}`);
      await page.getByTestId('verify-holder').getByText('Соколова Ирина Андреевна').waitFor();
    });

    // 3. The teacher records a consultation given to the gymnasium for 7 of its teachers.
    await withPage(async (page) => {
      await signIn(page, 'teacher@sch61.demo');
      await page.getByTestId('nav-consultations').click();
      await page.getByTestId('consultation-record').click();
      const form = page.getByTestId('consultation-given-form');
      await form.getByTestId('consultation-recipient').selectOption({ label: 'Гимназия № 17' });
      await form.getByTestId('consultation-given-topic').fill(`Критериальное оценивание ${stamp}`);
      await form.getByTestId('consultation-held-on').fill(isoDay(0));
      await form.getByTestId('consultation-consultants').fill('Кузнецова О. С.');
      await form.getByTestId('consultation-participant-count').fill('7');
      await form.getByTestId('consultation-outcome').fill('Разобрали критерии для 5–6 классов');
      await form.getByTestId('consultation-given-submit').click();
      await page.getByTestId('consultation-row').filter({ hasText: `Критериальное оценивание ${stamp}` }).waitFor();
    });

    // 4. The teacher publishes a seminar open to the city; СОШ № 12's teacher registers
    // and the teacher marks him present.
    let seminarPath;
    await withPage(async (page) => {
      await signIn(page, 'teacher@sch61.demo');
      seminarPath = await saveEvent(page, { kind: 'seminar', title: `Семинар года ${stamp}`, open: true });
    });
    await withPage(async (page) => {
      await signIn(page, guest.email, guest.password);
      await page.goto(seminarPath);
      await page.getByTestId('event-register').click();
      await page.getByTestId('registration-code').waitFor();
    });
    await withPage(async (page) => {
      await signIn(page, 'teacher@sch61.demo');
      await page.goto(seminarPath);
      const row = page.getByTestId('registration-row').filter({ hasText: 'Морозов Павел Олегович' });
      await row.locator('input[type="checkbox"]').check();
      await page.getByTestId('save-attendance').click();
      await page.getByTestId('attendance-saved').waitFor();
    });

    // 5. The committee runs a fair open to the city; СОШ № 61 and the gymnasium present;
    // a visitor registers and rates both stands.
    let fairPath;
    await withPage(async (page) => {
      await signIn(page, 'committee@kom.demo');
      fairPath = await saveEvent(page, { kind: 'fair', title: `Ярмарка года ${stamp}`, open: true });
    });
    await withPage(async (page) => {
      await signIn(page, 'teacher@sch61.demo');
      await page.goto(fairPath);
      await presentStand(page, `Стенд СОШ № 61 ${stamp}`);
    });
    await withPage(async (page) => {
      await signIn(page, trainee.email, trainee.password);
      await page.goto(fairPath);
      await presentStand(page, `Стенд гимназии ${stamp}`);
    });
    await withPage(async (page) => {
      await signIn(page, visitor.email, visitor.password);
      await page.goto(fairPath);
      // Only visitors registered for the fair rate its stands.
      await page.getByTestId('event-register').click();
      await page.getByTestId('registration-code').waitFor();
      await page.reload();
      for (const [title, score] of [[`Стенд СОШ № 61 ${stamp}`, '5'], [`Стенд гимназии ${stamp}`, '4']]) {
        const row = page.getByTestId('stand-row').filter({ hasText: title });
        await row.locator('select').selectOption(score);
        await row.getByTestId('stand-mean').filter({ hasText: '(1 / 1)' }).waitFor();
      }
    });

    // 6. The year's figures grew by exactly what happened, on the director's page and in
    // the committee's registry.
    const after = await figures();
    const grew = (field) => after[field] - before[field];
    assert.equal(grew('pilots'), 1, 'pilots');
    assert.equal(grew('pilot_pupils'), 30, 'pilot_pupils');
    assert.equal(grew('risks_open'), 1, 'risks_open');
    assert.equal(grew('cohorts'), 1, 'cohorts');
    assert.equal(grew('teachers_trained'), 1, 'teachers_trained');
    assert.equal(grew('training_hours'), 16, 'training_hours');
    assert.equal(grew('certificates'), 1, 'certificates');
    assert.equal(grew('consultations'), 1, 'consultations');
    assert.equal(grew('consultation_participants'), 7, 'consultation_participants');
    assert.ok(grew('events') >= 1, 'events');
    assert.equal(grew('attendees'), 1, 'attendees');
    assert.equal(grew('fair_stands'), 1, 'fair_stands');
    assert.equal(grew('fair_ratings'), 1, 'fair_ratings');

    await withPage(async (page) => {
      await signIn(page, 'director@sch61.demo');
      await page.getByTestId('nav-dissemination').click();
      await page.getByTestId('dissemination').waitFor();
      for (const [testid, field] of [
        ['dis-pilots', 'pilots'],
        ['dis-certificates', 'certificates'],
        ['dis-consultations', 'consultations'],
        ['dis-attendees', 'attendees'],
        ['dis-hours', 'training_hours'],
      ]) {
        await page.getByTestId(testid).locator('.tile-value').filter({ hasText: new RegExp(`^${after[field]}$`) }).waitFor();
        assert.equal(await tileValue(page, testid), String(after[field]), testid);
      }
    });
    const committee = await apiSignIn('committee@kom.demo');
    const row = await registryRow(committee, 'СОШ № 61');
    assert.equal(row.pilots, after.pilots);
    assert.equal(row.teachers_trained, after.teachers_trained);
    await withPage(async (page) => {
      await signIn(page, 'committee@kom.demo');
      await page.goto('/registry');
      const filters = page.getByTestId('registry-filters');
      await filters.getByTestId('registry-search').fill('СОШ № 61');
      await filters.getByTestId('registry-search-submit').click();
      const line = page.getByTestId('registry-row').filter({ hasText: 'СОШ № 61' });
      await line.getByTestId('registry-pilots').filter({ hasText: String(after.pilots) }).waitFor();
      assert.equal(
        (await line.getByTestId('registry-trained').textContent()).trim(),
        `${after.teachers_trained} / ${after.training_hours}`,
      );
    });
  });
});
