// The launch procedure in the browser: the council opens a ranking round, lists and
// scores a problem, the director freezes the ranking; a teacher sees no director's button.
// Then the whole story: project, structure, plan, indicators, package, order, print view.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFile } from 'node:fs/promises';
import { resultPath, signIn, useBrowser } from '../support/browser.js';
import { apiCall, apiSignIn, pdfBuffer } from '../support/api.js';

const STAMP = Date.now();
const PROBLEM = `Низкая учебная мотивация ${STAMP}`;

/** A school year ahead of today that has no round yet (the page offers 60 years ahead). */
async function freeYear(session) {
  const rounds = await apiCall(session, 'GET', '/api/ranking-rounds?per_page=100');
  const taken = new Set(rounds.items.map((round) => round.school_year));
  const now = new Date().getFullYear();
  let year = now + 6 + (STAMP % 40);
  while (taken.has(year)) year = year >= now + 55 ? now + 6 : year + 1;
  return year;
}

describe('the launch procedure', () => {
  const withPage = useBrowser();

  it('the council opens a round, lists and scores a problem; the director freezes it; a teacher cannot', async () => {
    const year = await freeYear(await apiSignIn('council@sch61.demo'));
    await withPage(async (page) => {
      await signIn(page, 'council@sch61.demo');
      await page.getByTestId('nav-ranking').click();
      await page.getByTestId('ranking-year').selectOption(String(year));
      await page.getByTestId('open-round').click();
      await page.getByTestId('ranking-round').waitFor();
      await page.getByTestId('add-problem').click();
      await page.getByTestId('problem-title').fill(PROBLEM);
      await page.getByTestId('problem-description').fill('Мониторинг показывает снижение интереса к учёбе в 7–9 классах');
      await page.getByTestId('problem-evidence').fill('Анкетирование обучающихся');
      await page.getByTestId('problem-submit').click();
      const problem = page.getByTestId('problem').filter({ hasText: PROBLEM });
      await problem.waitFor();
      const selects = problem.getByTestId('score-select');
      assert.equal(await selects.count(), 3);
      for (const [n, score] of [5, 4, 3].entries()) await selects.nth(n).selectOption(String(score));
      await problem.getByTestId('save-scores').click();
      // (5×3 + 4×2 + 3×1) ÷ 6 = 4,33, the only scored problem ranks first.
      const row = page.getByTestId('ranking-row').filter({ hasText: PROBLEM });
      await row.getByTestId('ranking-score').getByText('4,33').waitFor();
      assert.equal((await row.getByTestId('ranking-rank').textContent()).trim(), '1');
      assert.equal(await page.getByTestId('freeze-ranking').count(), 0);
      await page.screenshot({ path: await resultPath('ranking-page.png'), fullPage: true });
    });
    await withPage(async (page) => {
      await signIn(page, 'teacher@sch61.demo');
      await page.getByTestId('nav-ranking').click();
      await page.getByTestId('ranking-year').selectOption(String(year));
      // The chosen year's round with its problem, not the default one it replaces.
      await page.getByTestId('ranking-row').filter({ hasText: PROBLEM }).waitFor();
      assert.equal(await page.getByTestId('freeze-ranking').count(), 0);
      assert.equal(await page.getByTestId('add-problem').count(), 0);
      assert.equal(await page.getByTestId('score-form').count(), 0);
    });
    await withPage(async (page) => {
      await signIn(page, 'director@sch61.demo');
      await page.getByTestId('nav-ranking').click();
      await page.getByTestId('ranking-year').selectOption(String(year));
      await page.getByTestId('ranking-row').filter({ hasText: PROBLEM }).waitFor();
      await page.getByTestId('freeze-ranking').click();
      await page.getByTestId('confirm-yes').click();
      await page.getByTestId('ranking-frozen').waitFor();
      assert.equal((await page.getByTestId('round-status').textContent()).trim(), 'Зафиксировано');
      assert.equal(await page.getByTestId('add-problem').count(), 0);
    });
  });
});

/** Signs in `email` and opens the tab `tab` of the project `id`. */
async function openTab(page, id, tab) {
  await page.goto(`/projects/${id}/${tab}`);
  await page.getByTestId(`project-${tab === 'structures' ? 'structures' : tab}`).waitFor();
}

/** The council opens a round for `year`, lists `title` and scores it; the director freezes it. */
async function frozenRanking(withPage, year, title) {
  await withPage(async (page) => {
    await signIn(page, 'council@sch61.demo');
    await page.getByTestId('nav-ranking').click();
    await page.getByTestId('ranking-year').selectOption(String(year));
    await page.getByTestId('open-round').click();
    await page.getByTestId('ranking-round').waitFor();
    await page.getByTestId('add-problem').click();
    await page.getByTestId('problem-title').fill(title);
    await page.getByTestId('problem-description').fill('Учителя не используют результаты диагностики в работе');
    await page.getByTestId('problem-evidence').fill('Анализ рабочих программ');
    await page.getByTestId('problem-submit').click();
    const problem = page.getByTestId('problem').filter({ hasText: title });
    const selects = problem.getByTestId('score-select');
    for (const n of [0, 1, 2]) await selects.nth(n).selectOption('5');
    await problem.getByTestId('save-scores').click();
    await page.getByTestId('ranking-row').filter({ hasText: title }).getByTestId('ranking-score').getByText('5').waitFor();
  });
  await withPage(async (page) => {
    await signIn(page, 'director@sch61.demo');
    await page.getByTestId('nav-ranking').click();
    await page.getByTestId('ranking-year').selectOption(String(year));
    // The chosen year's round, not the default one still on screen: its freeze button
    // goes away with it.
    await page.getByTestId('ranking-row').filter({ hasText: title }).waitFor();
    await page.getByTestId('freeze-ranking').click();
    await page.getByTestId('confirm-yes').click();
    await page.getByTestId('ranking-frozen').waitFor();
  });
}

describe('the launch story', () => {
  const withPage = useBrowser();

  it('ranking → project → structure → plan → indicators → package → order → DOCX and print view', async () => {
    const council = await apiSignIn('council@sch61.demo');
    const year = await freeYear(council);
    const stamp = Date.now();
    const problemTitle = `Формальное использование результатов диагностики ${stamp}`;
    const projectTitle = `Цифровой мониторинг предметных результатов ${stamp}`;
    const orderNumber = `${String(stamp).slice(-6)}-о`;
    await frozenRanking(withPage, year, problemTitle);

    // The director registers the project citing the frozen ranking's problem.
    const projectId = await withPage(async (page) => {
      await signIn(page, 'director@sch61.demo');
      await page.getByTestId('nav-projects').click();
      await page.getByTestId('add-project').click();
      const form = page.getByTestId('project-form');
      await form.getByTestId('project-title').fill(projectTitle);
      await form.getByTestId('project-problem').fill('Результаты диагностики не используются при планировании уроков');
      await form.getByTestId('add-direction').click();
      await form.locator('#direction-0').fill('Разработка цифровых диагностических работ');
      await form.getByTestId('add-direction').click();
      await form.locator('#direction-1').fill('Обучение педагогов анализу результатов');
      const choice = form.getByTestId('problem-choice').filter({ hasText: problemTitle });
      await choice.getByText(problemTitle).waitFor();
      assert.match(await choice.textContent(), /ранжирование зафиксировано/);
      await choice.locator('input[type=checkbox]').check();
      await page.screenshot({ path: await resultPath('story-project-form.png'), fullPage: true });
      await form.getByTestId('project-submit').click();
      await page.getByTestId('project-title').filter({ hasText: projectTitle }).waitFor();
      const created = (await apiCall(council, 'GET', `/api/projects?q=${encodeURIComponent(String(stamp))}`)).items;
      assert.equal(created.length, 1);
      const id = created[0].id;
      assert.deepEqual(created[0].directions ?? (await apiCall(council, 'GET', `/api/projects/${id}`)).directions, [
        'Разработка цифровых диагностических работ',
        'Обучение педагогов анализу результатов',
      ]);
      return id;
    });
    const project = await apiCall(council, 'GET', `/api/projects/${projectId}`);
    assert.deepEqual(project.problems.map((problem) => problem.title), [problemTitle]);

    // The council forms the creative group, and then does the plan, the indicators and the package.
    await withPage(async (page) => {
      await signIn(page, 'council@sch61.demo');
      await page.goto(`/projects/${projectId}`);
      await page.getByTestId('tab-structures').click();
      await page.getByTestId('project-structures').waitFor();
      assert.equal((await page.getByTestId('empty').textContent()).trim(), 'Структуры ещё не сформированы');
      await page.getByTestId('add-structure').click();
      const form = page.getByTestId('structure-form');
      await form.getByTestId('structure-name').fill(`Творческая группа ${stamp}`);
      const rows = form.getByTestId('member-row');
      await rows.nth(0).locator('select').first().selectOption({ label: 'Смирнов Андрей Игоревич' });
      await rows.nth(0).locator('input[type=text]').fill('Руководство группой');
      // The council chooses among the council members; the director may add anyone later.
      assert.equal(await form.getByTestId('accounts-limited').count(), 1);
      await page.screenshot({ path: await resultPath('story-structure-form.png'), fullPage: true });
      await form.getByTestId('structure-submit').click();
      const card = page.getByTestId('structure').filter({ hasText: `Творческая группа ${stamp}` });
      await card.waitFor();
      assert.equal(await card.getByTestId('structure-member').count(), 1);
      assert.equal(await card.getByTestId('approve-structure').count(), 0);
    });
    await withPage(async (page) => {
      await signIn(page, 'director@sch61.demo');
      await page.getByTestId('nav-approvals').click();
      await page.getByTestId('approval-row').filter({ hasText: `Творческая группа ${stamp}` }).getByTestId('approval-link').click();
      const card = page.getByTestId('structure').filter({ hasText: `Творческая группа ${stamp}` });
      await card.getByTestId('approve-structure').click();
      await page.getByTestId('confirm-yes').click();
      await card.getByTestId('structure-approval').waitFor();
      assert.equal((await card.getByTestId('structure-status').textContent()).trim(), 'Утверждена');
      await page.screenshot({ path: await resultPath('story-structures.png'), fullPage: true });
    });

    await withPage(async (page) => {
      await signIn(page, 'council@sch61.demo');
      // Plan.
      await page.goto(`/projects/${projectId}/plan`);
      await page.getByTestId('add-plan-item').click();
      const planForm = page.getByTestId('plan-item-form');
      await planForm.getByTestId('plan-action').fill(`Провести стартовую диагностику ${stamp}`);
      await planForm.getByTestId('plan-deadline').fill(`${new Date().getFullYear() + 1}-03-20`);
      // The council lists no accounts: the responsible is named.
      assert.equal(await planForm.getByTestId('plan-responsible').count(), 0);
      await planForm.getByTestId('plan-responsible-name').fill('Кузнецова Ольга Сергеевна');
      await planForm.getByTestId('plan-expected').fill('Аналитическая справка');
      await page.screenshot({ path: await resultPath('story-plan-form.png'), fullPage: true });
      await planForm.getByTestId('plan-item-submit').click();
      const item = page.getByTestId('plan-item').filter({ hasText: `Провести стартовую диагностику ${stamp}` });
      await item.waitFor();
      assert.match(await item.textContent(), new RegExp(`20\\.03\\.${new Date().getFullYear() + 1}`));

      // Indicators.
      await page.getByTestId('tab-indicators').click();
      await page.getByTestId('add-indicator').click();
      const indicatorForm = page.getByTestId('indicator-form');
      await indicatorForm.getByTestId('indicator-title').fill('Доля педагогов, анализирующих результаты диагностики');
      await indicatorForm.getByTestId('indicator-unit').fill('%');
      await indicatorForm.getByTestId('indicator-target').first().fill('60');
      await page.screenshot({ path: await resultPath('story-indicator-form.png'), fullPage: true });
      await indicatorForm.getByTestId('indicator-submit').click();
      const indicator = page.getByTestId('indicator').filter({ hasText: 'Доля педагогов, анализирующих' });
      await indicator.waitFor();
      assert.match(await indicator.getByTestId('indicator-value').first().textContent(), /60/);

      // Package: four documents submitted.
      await page.getByTestId('tab-package').click();
      await page.getByTestId('project-package').waitFor();
      const doc = (kind) => page.locator(`[data-testid=package-document][data-kind=${kind}]`);
      const submit = async (kind, fill) => {
        await doc(kind).getByTestId('new-version').click();
        const form = doc(kind).getByTestId('version-form');
        await fill(form);
        await form.getByTestId('version-submit').click();
        await doc(kind).getByTestId('document-version').first().waitFor();
      };
      await submit('programme', (form) =>
        form.getByTestId('version-text').fill(
          'Программа: обоснование, цель и задачи, этапы, содержание работы по направлениям, ожидаемые результаты.',
        ),
      );
      const map = {
        problem: 'Результаты диагностики не используются',
        idea: 'Цифровые диагностические работы с автоматическим анализом',
        goal: 'Научить педагогов использовать результаты диагностики',
        tasks: 'Разработать работы; обучить педагогов',
        expected_results: 'Рост доли педагогов, анализирующих результаты',
        products: 'Банк диагностических работ',
        resources: 'Творческая группа, цифровая платформа',
        consumers: 'Учителя школ города',
      };
      await submit('innovation_map', async (form) => {
        for (const [field, text] of Object.entries(map)) await form.getByTestId(`map-${field}`).fill(text);
      });
      await submit('work_plan', async () => {});
      await submit('results_tracking', async () => {});
      await page.screenshot({ path: await resultPath('story-package-submitted.png'), fullPage: true });

      // The council returns the map with a comment …
      const mapVersion = doc('innovation_map').getByTestId('document-version').first();
      await mapVersion.getByTestId('return-version').click();
      await mapVersion.getByTestId('review-comment-error').waitFor();
      await mapVersion.getByTestId('review-comment').fill('Уточните риски и способы их преодоления');
      await mapVersion.getByTestId('return-version').click();
      await doc('innovation_map').locator('[data-testid=document-version][data-status=returned]').waitFor();
      assert.match(await doc('innovation_map').textContent(), /Уточните риски и способы их преодоления/);
      // … a second version is submitted (the form starts from the first one) …
      await doc('innovation_map').getByTestId('new-version').click();
      const again = doc('innovation_map').getByTestId('version-form');
      assert.equal(await again.getByTestId('map-problem').inputValue(), map.problem);
      // The map no longer asks for free-text risks: the project's risk register replaces them.
      assert.equal(await again.getByTestId('map-risks').count(), 0);
      await again.getByTestId('map-resources').fill('Творческая группа, методический час раз в две недели');
      await again.getByTestId('version-note').fill('Ресурсы уточнены');
      await again.getByTestId('version-submit').click();
      await doc('innovation_map').locator('[data-testid=document-version][data-number="2"]').waitFor();
      // The map's risks are the project's register, with a link to the «Риски» tab.
      const register = doc('innovation_map').getByTestId('map-risks-register').first();
      await register.getByTestId('map-risks-open').waitFor();
      assert.match(await register.getByTestId('map-risks-open').getAttribute('href'), /\/projects\/\d+\/risks$/);
      // … and all four are approved.
      for (const kind of ['programme', 'innovation_map', 'work_plan', 'results_tracking']) {
        const latest = doc(kind).locator('[data-testid=document-version][data-status=under_review]');
        await latest.getByTestId('approve-version').click();
        await doc(kind).locator('[data-testid=document-version][data-status=approved]').waitFor();
      }
      await page.getByTestId('package-approved').waitFor();
      assert.equal((await page.getByTestId('package-approved').textContent()).trim(), 'Пакет утверждён');
      // The map's history keeps the returned first version; the programme has no earlier one.
      await doc('innovation_map').getByTestId('toggle-history').click();
      await doc('innovation_map')
        .getByTestId('version-history')
        .locator('[data-testid=document-version][data-number="1"][data-status=returned]')
        .waitFor();
      await doc('programme').getByTestId('toggle-history').click();
      await doc('programme').getByTestId('no-earlier-versions').waitFor();
      await page.screenshot({ path: await resultPath('story-package-approved.png'), fullPage: true });
      assert.equal(await page.getByTestId('tab-orders').count(), 1);
    });
    const pkg = await apiCall(council, 'GET', `/api/projects/${projectId}/package`);
    assert.equal(pkg.approved, true);

    // The director drafts the order, issues it, downloads the DOCX and opens the print view.
    await withPage(async (page) => {
      await signIn(page, 'director@sch61.demo');
      await page.goto(`/projects/${projectId}/orders`);
      await page.getByTestId('add-order').click();
      const form = page.getByTestId('order-form');
      await form.getByTestId('order-number').fill(orderNumber);
      await form.getByTestId('order-signatory').fill('Е. В. Петрова');
      await form.getByTestId('order-position').fill('Директор');
      await page.screenshot({ path: await resultPath('story-order-form.png'), fullPage: true });
      await form.getByTestId('order-submit').click();
      const order = page.getByTestId('order').filter({ hasText: orderNumber });
      await order.waitFor();
      assert.equal((await order.getByTestId('order-status').textContent()).trim(), 'Проект');
      assert.match(await order.textContent(), /разработка цифровых диагностических работ/i);
      await order.getByTestId('issue-order').click();
      await page.getByTestId('confirm-yes').click();
      await page.locator(`[data-testid=order][data-status=issued]`).filter({ hasText: orderNumber }).waitFor();
      assert.equal(await order.getByTestId('issue-order').count(), 0);
      await page.screenshot({ path: await resultPath('story-orders.png'), fullPage: true });

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        order.getByTestId('download-docx').click(),
      ]);
      assert.equal(download.suggestedFilename(), `order-${orderNumber}.docx`);
      const bytes = await readFile(await download.path());
      assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK');

      await order.getByTestId('print-view').click();
      const sheet = page.getByTestId('order-sheet');
      await sheet.waitFor();
      assert.match(new URL(page.url()).pathname, /^\/orders\/\d+\/print$/);
      assert.equal((await sheet.getByTestId('order-word').textContent()).trim(), 'ПРИКАЗ');
      assert.equal((await sheet.getByTestId('order-sheet-number').textContent()).trim(), `№ ${orderNumber}`);
      const text = await sheet.textContent();
      assert.match(text, /Смирнов Андрей Игоревич/);
      await page.screenshot({ path: await resultPath('story-print.png'), fullPage: true });
    });
  });
});

/** The id of the demo project whose title starts with `start`. */
async function demoProject(session, start) {
  const listed = await apiCall(session, 'GET', `/api/projects?q=${encodeURIComponent(start)}&per_page=100`);
  const project = listed.items.find((item) => item.title.startsWith(start));
  if (!project) throw new Error(`no project «${start}»`);
  return project.id;
}

describe('the launch procedure by role', () => {
  const withPage = useBrowser();

  it('a teacher sees no approve, issue, review or freeze controls', async () => {
    const director = await apiSignIn('director@sch61.demo');
    const platform = await demoProject(director, 'Формирующее оценивание как ресурс');
    const laboratory = await demoProject(director, 'Модель сетевого взаимодействия школ');
    const draft = await demoProject(director, 'Смысловое чтение как основа');
    await withPage(async (page) => {
      await signIn(page, 'teacher@sch61.demo');
      await page.goto(`/projects/${draft}/structures`);
      await page.getByTestId('structure').first().waitFor();
      assert.equal(await page.getByTestId('approve-structure').count(), 0);
      assert.equal(await page.getByTestId('add-structure').count(), 0);
      await page.goto(`/projects/${laboratory}/package`);
      await page.locator('[data-testid=document-version][data-status=under_review]').first().waitFor();
      assert.equal(await page.getByTestId('review-form').count(), 0);
      assert.equal(await page.getByTestId('approve-version').count(), 0);
      await page.goto(`/projects/${platform}/orders`);
      await page.getByTestId('order').first().waitFor();
      assert.equal(await page.getByTestId('issue-order').count(), 0);
      assert.equal(await page.getByTestId('add-order').count(), 0);
      await page.getByTestId('download-docx').first().waitFor();
      await page.goto('/ranking');
      await page.getByTestId('ranking-round').getByTestId('round-status').waitFor();
      assert.equal(await page.getByTestId('freeze-ranking').count(), 0);
      assert.equal(await page.getByTestId('nav-approvals').count(), 0);
    });
  });

  it("the director's «Ожидают решения» lists the pending structure and opens the project's structures tab", async () => {
    const director = await apiSignIn('director@sch61.demo');
    const draft = await demoProject(director, 'Смысловое чтение как основа');
    await withPage(async (page) => {
      await signIn(page, 'director@sch61.demo');
      await page.getByTestId('nav-approvals').click();
      const row = page.getByTestId('approval-row').filter({ hasText: 'Творческая группа «Смысловое чтение»' });
      await row.waitFor();
      assert.match(await row.textContent(), /Смысловое чтение как основа функциональной грамотности/);
      assert.match(await row.textContent(), /\d{2}\.\d{2}\.\d{4}/);
      await page.screenshot({ path: await resultPath('approvals-page.png'), fullPage: true });
      await row.getByTestId('approval-link').click();
      await page.getByTestId('project-structures').waitFor();
      assert.equal(new URL(page.url()).pathname, `/projects/${draft}/structures`);
      assert.equal(await page.getByTestId('tab-structures').getAttribute('aria-current'), 'page');
      const card = page.getByTestId('structure').filter({ hasText: 'Творческая группа «Смысловое чтение»' });
      await card.getByTestId('approve-structure').waitFor();
    });
  });

  it("the platform project's plan marks the overdue item and shows both percentages", async () => {
    const director = await apiSignIn('director@sch61.demo');
    const platform = await demoProject(director, 'Формирующее оценивание как ресурс');
    await withPage(async (page) => {
      await signIn(page, 'director@sch61.demo');
      await page.goto(`/projects/${platform}`);
      await page.getByTestId('tab-plan').click();
      await page.getByTestId('plan-summary').waitFor();
      await page.getByTestId('plan-item').first().waitFor();
      const overdue = page.getByTestId('plan-item').filter({ has: page.getByTestId('overdue-mark') });
      assert.equal(await overdue.count(), 1);
      assert.match(await overdue.textContent(), /Разработать критерии оценивания/);
      assert.match(await page.getByTestId('overdue-list').textContent(), /Разработать критерии оценивания/);
      assert.match((await page.getByTestId('completion-percent').textContent()).trim(), /^\d+(,\d)? %$/);
      assert.match((await page.getByTestId('on-time-percent').textContent()).trim(), /^\d+(,\d)? %$/);
      await page.screenshot({ path: await resultPath('plan-tab.png'), fullPage: true });
    });
  });

  it("a teacher attaches a PDF to the map under review and to the overdue plan item", async () => {
    const teacher = await apiSignIn('teacher@sch61.demo');
    const laboratory = await demoProject(teacher, 'Модель сетевого взаимодействия школ');
    const platform = await demoProject(teacher, 'Формирующее оценивание как ресурс');
    // Files are attached only while a version is under review: resubmit the map if it was decided.
    const pkg = await apiCall(teacher, 'GET', `/api/projects/${laboratory}/package`);
    const map = pkg.documents.find((document) => document.kind === 'innovation_map').latest;
    if (map.status !== 'under_review') {
      await apiCall(teacher, 'POST', `/api/projects/${laboratory}/package/innovation_map`, {
        map: map.content.map,
        note: 'Повторная подача для приложения файлов',
      });
    }
    const appendix = `приложение-${STAMP}.pdf`;
    const evidence = `протокол-${STAMP}.pdf`;
    await withPage(async (page) => {
      await signIn(page, 'teacher@sch61.demo');
      await page.goto(`/projects/${laboratory}/package`);
      const doc = page.locator('[data-testid=package-document][data-kind=innovation_map]');
      await doc.locator('[data-testid=document-version][data-status=under_review]').waitFor();
      const files = doc.getByTestId('attachments');
      // The visible «Выбрать файл» label is the input's accessible name.
      assert.equal((await files.getByTestId('attachment-file-button').textContent()).trim(), 'Выбрать файл');
      await files.getByLabel('Выбрать файл').setInputFiles({ name: appendix, mimeType: 'application/pdf', buffer: pdfBuffer() });
      const row = files.getByTestId('attachment-row').filter({ hasText: appendix });
      await row.getByTestId('download-attachment').waitFor();
      assert.match(await row.getByTestId('attachment-size').textContent(), /\(1 КБ\)/);
      assert.equal((await files.getByTestId('attachment-file-name').textContent()).trim(), appendix);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        row.getByTestId('download-attachment').click(),
      ]);
      assert.equal(download.suggestedFilename(), appendix);
      await page.screenshot({ path: await resultPath('package-attachments.png'), fullPage: true });

      await page.goto(`/projects/${platform}/plan`);
      const item = page.getByTestId('plan-item').filter({ has: page.getByTestId('overdue-mark') });
      await item.waitFor();
      const evidenceFiles = item.getByTestId('attachments');
      await evidenceFiles.getByLabel('Выбрать файл').setInputFiles({ name: evidence, mimeType: 'application/pdf', buffer: pdfBuffer() });
      const listed = evidenceFiles.getByTestId('attachment-row').filter({ hasText: evidence });
      await listed.getByTestId('download-attachment').waitFor();
      await page.screenshot({ path: await resultPath('plan-attachments.png'), fullPage: true });
      // The file stays after a reload.
      await page.reload();
      await page
        .getByTestId('plan-item')
        .filter({ has: page.getByTestId('overdue-mark') })
        .getByTestId('attachment-row')
        .filter({ hasText: evidence })
        .waitFor();
    });
  });

  it("the teacher's home page shows the overdue item and the one due in 8 days", async () => {
    await withPage(async (page) => {
      await signIn(page, 'teacher@sch61.demo');
      await page.getByTestId('home-reminders').getByTestId('reminder-days').first().waitFor();
      const days = await page.getByTestId('reminder-days').allTextContents();
      assert.ok(days.map((d) => d.trim()).includes('Просрочено на 7 дней'), days.join(' | '));
      assert.ok(days.map((d) => d.trim()).includes('Срок через 8 дней'), days.join(' | '));
      await page.screenshot({ path: await resultPath('home-reminders.png'), fullPage: true });
    });
  });

  it('issuing an order of a project whose package is not approved shows the reason in Russian', async () => {
    const director = await apiSignIn('director@sch61.demo');
    const draft = await demoProject(director, 'Смысловое чтение как основа');
    const number = `${String(Date.now()).slice(-6)}-р`;
    await withPage(async (page) => {
      await signIn(page, 'director@sch61.demo');
      await page.goto(`/projects/${draft}/orders`);
      await page.getByTestId('add-order').click();
      const form = page.getByTestId('order-form');
      await form.getByTestId('order-number').fill(number);
      await form.getByTestId('order-signatory').fill('Е. В. Петрова');
      await form.getByTestId('order-submit').click();
      const order = page.locator('[data-testid=order][data-status=draft]').filter({ hasText: number });
      await order.getByTestId('issue-order').click();
      await page.getByTestId('confirm-yes').click();
      const error = order.getByTestId('issue-error');
      await error.waitFor();
      assert.equal(
        (await error.textContent()).trim(),
        'Приказ нельзя издать: пакет документов ещё не утверждён советом.',
      );
      assert.equal(await order.getAttribute('data-status'), 'draft');
      await page.screenshot({ path: await resultPath('order-refused.png'), fullPage: true });
    });
  });
});
