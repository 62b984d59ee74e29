// Innovation projects and their educational resources: the council registers a project,
// adds a resource with its authors, and each role sees what it may.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { navLinkIds, resultPath, signIn, useBrowser } from '../support/browser.js';
import { apiCall, apiProject, apiResource, apiSignIn, projectInput } from '../support/api.js';

/** A title no other run has used. */
const STAMP = Date.now();
const PROJECT_TITLE = `Формирующее оценивание ${STAMP}`;
const RESOURCE_TITLE = `Карта формирующего оценивания ${STAMP}`;

describe('projects and resources', () => {
  const withPage = useBrowser();

  it('the council member registers a project, adds a resource with two authors 60/40 and sees it on the project page', () =>
    withPage(async (page) => {
      await signIn(page, 'council@sch61.demo');
      await page.getByTestId('nav-projects').click();
      await page.getByTestId('project-filters').waitFor();
      await page.getByTestId('add-project').click();

      const form = page.getByTestId('project-form');
      await form.getByTestId('project-title').fill(PROJECT_TITLE);
      await form.getByTestId('project-problem').fill('Низкая учебная мотивация обучающихся основной школы');
      await form.getByTestId('project-origin').selectOption('competitive');
      await form.getByTestId('project-competition').fill('Конкурс инновационных площадок 2026');
      await form.getByTestId('project-customer').selectOption({ label: 'Комитет образования и науки администрации города Новокузнецка' });
      await form.getByTestId('project-platform-status').selectOption('regional');
      await form.getByTestId('project-submit').click();

      // Registered, the project opens on its own page.
      await page.getByTestId('project-card').waitFor();
      assert.match(page.url(), /\/projects\/\d+$/);
      assert.equal((await page.getByTestId('project-title').textContent()).trim(), PROJECT_TITLE);
      assert.equal((await page.getByTestId('project-school').textContent()).trim(), 'СОШ № 61');
      assert.equal((await page.getByTestId('project-origin-value').textContent()).trim(), 'На конкурсной основе');
      assert.equal(
        (await page.getByTestId('project-level-value').textContent()).trim(),
        'Инновационная площадка (региональная)',
      );
      assert.equal((await page.getByTestId('project-status').textContent()).trim(), 'Подготовка');

      // «Изменить» opens the same form, filled in; the saved card shows the change at once.
      await page.getByTestId('edit-project').click();
      const edit = page.getByTestId('project-form');
      assert.equal(await edit.getByTestId('project-title').inputValue(), PROJECT_TITLE);
      assert.equal(await edit.getByTestId('project-competition').inputValue(), 'Конкурс инновационных площадок 2026');
      await edit.getByTestId('project-status').selectOption('active');
      await edit.getByTestId('project-submit').click();
      await page.getByTestId('project-status').getByText('Реализуется').waitFor();
      assert.equal(await page.getByTestId('project-form').count(), 0);
      await page.getByTestId('project-customer-value').getByText('Комитет образования и науки').waitFor();
      assert.match(await page.getByTestId('project-years').textContent(), /^\d{4}\/\d{4} – \d{4}\/\d{4}$/);

      // The resources are on their own tab of the project page.
      await page.getByTestId('tab-resources').click();
      await page.getByTestId('add-resource').click();
      const editor = page.getByTestId('resource-editor');
      await editor.getByTestId('resource-title').fill(RESOURCE_TITLE);
      await editor.getByTestId('resource-element').selectOption('effectiveness_monitoring');
      await editor.getByTestId('resource-licence').fill('CC BY 4.0');
      // The first author is the council member, with the whole share; a second one by name.
      const authors = editor.getByTestId('author-row');
      assert.equal(await authors.count(), 1);
      await authors.nth(0).getByLabel('Доля, %').fill('60');
      await editor.getByTestId('add-author').click();
      await authors.nth(1).getByLabel('ФИО автора').fill('Кузнецова Ольга Сергеевна');
      await authors.nth(1).getByLabel('Доля, %').fill('40');
      assert.equal((await editor.getByTestId('share-total').textContent()).trim(), 'Сумма долей: 100 %');
      await editor.getByTestId('resource-submit').click();

      const row = page.getByTestId('resource-row').filter({ hasText: RESOURCE_TITLE });
      await row.waitFor();
      assert.equal(await page.getByTestId('resource-editor').count(), 0);
      const listed = await row.textContent();
      assert.match(listed, /Методическая разработка/);
      assert.match(listed, /Запрос/);
      assert.match(listed, /Смирнов Андрей Игоревич \(60 %\), Кузнецова Ольга Сергеевна \(40 %\)/);
      await page.screenshot({ path: await resultPath('project-page.png'), fullPage: true });

      // The resource's own page: form, element, stage, authors with shares.
      await row.getByTestId('resource-link').click();
      await page.getByTestId('resource-card').waitFor();
      assert.equal((await page.getByTestId('resource-title').textContent()).trim(), RESOURCE_TITLE);
      assert.equal((await page.getByTestId('resource-element-value').textContent()).trim(), 'Мониторинг эффективности');
      assert.equal((await page.getByTestId('resource-stage').textContent()).trim(), 'Запрос');
      const shown = await page
        .getByTestId('resource-author')
        .evaluateAll((items) => items.map((item) => [...item.children].map((part) => part.textContent.trim()).join(' ')));
      assert.deepEqual(shown, ['Смирнов Андрей Игоревич 60 %', 'Кузнецова Ольга Сергеевна 40 %']);
      await page.getByTestId('resource-project-link').getByText(PROJECT_TITLE).waitFor();
      // The history is for the school's administration and the committee only.
      assert.equal(await page.getByTestId('audit-history').count(), 0);
    }));

  it('shares of 50 and 40 are refused with the Russian message next to the authors', () =>
    withPage(async (page) => {
      const council = await apiSignIn('council@sch61.demo');
      const project = await apiProject(council, `Проект для проверки долей ${Date.now()}`);
      await signIn(page, 'council@sch61.demo');
      await page.goto(`/projects/${project.id}/resources`);
      // A new project has no resources yet.
      await page.getByTestId('project-resources').getByTestId('empty').waitFor();
      await page.getByTestId('add-resource').click();
      const editor = page.getByTestId('resource-editor');
      await editor.getByTestId('resource-title').fill(`Ресурс с неверными долями ${Date.now()}`);
      await editor.getByTestId('resource-licence').fill('Все права защищены');
      const authors = editor.getByTestId('author-row');
      await authors.nth(0).getByLabel('Доля, %').fill('50');
      await editor.getByTestId('add-author').click();
      await authors.nth(1).getByLabel('ФИО автора').fill('Иванова Мария Петровна');
      await authors.nth(1).getByLabel('Доля, %').fill('40');
      assert.equal((await editor.getByTestId('share-total').textContent()).trim(), 'Сумма долей: 90 %');
      await editor.getByTestId('resource-submit').click();

      const message = editor.getByTestId('resource-authors-error');
      await message.waitFor();
      assert.equal((await message.textContent()).trim(), 'Доли авторов в сумме должны составлять 100 %');
      assert.equal(
        (await editor.getByTestId('resource-form-error').textContent()).trim(),
        'Проверьте правильность заполнения полей',
      );
      // Nothing was saved: the list is still empty.
      assert.equal(await page.getByTestId('resource-row').count(), 0);
      await page.getByTestId('project-resources').getByTestId('empty').waitFor();
    }));

  it('a teacher sees the school’s projects but cannot add one', () =>
    withPage(async (page) => {
      const title = `Проект для учителя ${Date.now()}`;
      await apiProject(await apiSignIn('council@sch61.demo'), title);
      await signIn(page, 'teacher@sch61.demo');
      assert.ok((await navLinkIds(page)).includes('nav-projects'));
      await page.getByTestId('nav-projects').click();
      await searchProjects(page, title);
      const row = page.getByTestId('project-row').filter({ hasText: title });
      await row.waitFor();
      assert.match(await row.textContent(), /СОШ № 61/);
      assert.equal(await page.getByTestId('add-project').count(), 0);
      // A teacher still adds resources to the school's projects.
      await row.getByTestId('project-link').click();
      await page.getByTestId('project-card').waitFor();
      await page.getByTestId('project-title').getByText(title, { exact: true }).waitFor();
      assert.equal(await page.getByTestId('edit-project').count(), 0);
      await page.getByTestId('tab-resources').click();
      await page.getByTestId('add-resource').waitFor();
    }));

  it('a partner school has no projects in its menu and the page is refused', () =>
    withPage(async (page) => {
      await signIn(page, 'partner@sch12.demo');
      assert.ok(!(await navLinkIds(page)).includes('nav-projects'));
      await page.goto('/projects');
      await page.getByTestId('forbidden').waitFor();
    }));

  it('the committee sees the project among every school’s projects and may narrow them to a school', () =>
    withPage(async (page) => {
      const title = `Проект для комитета ${Date.now()}`;
      const council = await apiSignIn('council@sch61.demo');
      const created = await apiProject(council, title);
      await apiCall(council, 'PUT', `/api/projects/${created.id}`, projectInput(title, { status: 'active' }), created.version);
      await signIn(page, 'committee@kom.demo');
      await page.getByTestId('nav-projects').click();
      await page.getByTestId('project-school-filter').waitFor();
      await page.getByTestId('project-school-filter').selectOption({ label: 'СОШ № 61' });
      await searchProjects(page, title);
      const row = page.getByTestId('project-row').filter({ hasText: title });
      await row.waitFor();
      assert.match(await row.textContent(), /Реализуется/);
      assert.equal(await page.getByTestId('add-project').count(), 0);

      await page.getByTestId('project-school-filter').selectOption({ label: 'Гимназия № 17' });
      await page.getByTestId('empty').waitFor();
    }));

  it('the director sees the resource’s history and the school’s change log with links to the records', () =>
    withPage(async (page) => {
      const stamp = Date.now();
      const projectTitle = `Проект для журнала ${stamp}`;
      const resourceTitle = `Ресурс для журнала ${stamp}`;
      const council = await apiSignIn('council@sch61.demo');
      const project = await apiProject(council, projectTitle);
      await apiResource(council, project.id, resourceTitle);
      await signIn(page, 'director@sch61.demo');
      assert.ok((await navLinkIds(page)).includes('nav-audit'));
      await page.getByTestId('nav-projects').click();
      await searchProjects(page, projectTitle);
      await page.getByTestId('project-row').filter({ hasText: projectTitle }).getByTestId('project-link').click();
      await page.getByTestId('tab-resources').click();
      await page.getByTestId('resource-row').filter({ hasText: resourceTitle }).getByTestId('resource-link').click();

      // The resource's address is a deep link: a reload shows the same resource.
      await page.getByTestId('resource-card').waitFor();
      assert.match(page.url(), /\/resources\/\d+$/);
      await page.reload();
      await page.getByTestId('resource-card').waitFor();
      assert.equal((await page.getByTestId('resource-title').textContent()).trim(), resourceTitle);

      const history = page.getByTestId('audit-history');
      await history.getByTestId('audit-row').first().waitFor();
      const created = history.getByTestId('audit-row').first();
      assert.equal((await created.getByTestId('audit-actor').textContent()).trim(), 'Смирнов Андрей Игоревич');
      assert.equal((await created.getByTestId('audit-action').textContent()).trim(), 'Создание');

      // An edit by the director shows up in the history straight away.
      await page.getByTestId('edit-resource').click();
      await page.getByTestId('resource-visibility').selectOption('published');
      await page.getByTestId('resource-submit').click();
      await page.getByTestId('resource-visibility-value').getByText('Опубликован в каталоге').waitFor();
      assert.equal(await page.getByTestId('resource-editor').count(), 0);
      await history.getByTestId('audit-row').nth(1).waitFor();
      assert.equal((await history.getByTestId('audit-action').first().textContent()).trim(), 'Изменение');
      await page.screenshot({ path: await resultPath('resource-page.png'), fullPage: true });

      await page.getByTestId('nav-audit').click();
      await page.getByTestId('audit-entity-filter').selectOption('project');
      const entry = page.getByTestId('audit-row').filter({ hasText: projectTitle });
      await entry.first().waitFor();
      assert.match(await entry.first().getByTestId('audit-record').textContent(), /Проект/);
      await page.screenshot({ path: await resultPath('audit-page.png'), fullPage: true });
      await entry.first().getByTestId('audit-record-link').click();
      await page.getByTestId('project-card').waitFor();
      assert.equal((await page.getByTestId('project-title').textContent()).trim(), projectTitle);
    }));

  it('a save over a change made meanwhile by someone else is refused: the notice and the current card are shown, nothing is overwritten', () =>
    withPage(async (page) => {
      const stamp = Date.now();
      const council = await apiSignIn('council@sch61.demo');
      const director = await apiSignIn('director@sch61.demo');
      const created = await apiProject(council, `Проект до правок ${stamp}`);

      // The council member opens the form …
      await signIn(page, 'council@sch61.demo');
      await page.goto(`/projects/${created.id}`);
      await page.getByTestId('project-title').getByText(`Проект до правок ${stamp}`, { exact: true }).waitFor();
      await page.getByTestId('edit-project').click();
      const form = page.getByTestId('project-form');
      await form.getByTestId('project-title').fill(`Правка в браузере ${stamp}`);

      // … the director changes the project meanwhile …
      const theirs = await apiCall(
        director,
        'PUT',
        `/api/projects/${created.id}`,
        projectInput(`Правка директора ${stamp}`, { problem: 'Проблема, уточнённая директором' }),
        created.version,
      );
      assert.ok(theirs.version > created.version);

      // … and the council member saves: refused, told in Russian, shown the director's version.
      const answer = page.waitForResponse(
        (response) => response.url().endsWith(`/api/projects/${created.id}`) && response.request().method() === 'PUT',
      );
      await form.getByTestId('project-submit').click();
      assert.equal((await answer).status(), 412);
      const notice = page.getByTestId('stale-notice');
      await notice.waitFor();
      assert.match(
        await notice.textContent(),
        /^Запись изменил другой пользователь\. Показана текущая версия — проверьте и сохраните снова\./,
      );
      await page.getByTestId('project-title').getByText(`Правка директора ${stamp}`, { exact: true }).waitFor();
      assert.equal(await page.getByTestId('project-form').count(), 0);
      const stored = await apiCall(council, 'GET', `/api/projects/${created.id}`);
      assert.equal(stored.title, `Правка директора ${stamp}`);
      assert.equal(stored.problem, 'Проблема, уточнённая директором');
      assert.equal(stored.version, theirs.version);
      await page.screenshot({ path: await resultPath('project-stale.png'), fullPage: true });

      // Saved again from the version now shown, the change goes through and the notice goes away.
      await page.getByTestId('edit-project').click();
      assert.equal(await form.getByTestId('project-title').inputValue(), `Правка директора ${stamp}`);
      await form.getByTestId('project-title').fill(`Правка в браузере ${stamp}`);
      await form.getByTestId('project-submit').click();
      await page.getByTestId('project-title').getByText(`Правка в браузере ${stamp}`, { exact: true }).waitFor();
      await notice.waitFor({ state: 'detached' });
      const after = await apiCall(council, 'GET', `/api/projects/${created.id}`);
      assert.equal(after.title, `Правка в браузере ${stamp}`);
      assert.equal(after.problem, 'Проблема, уточнённая директором');
      assert.equal(after.version, theirs.version + 1);
    }));
});

/** Searches the project list for `title`. */
async function searchProjects(page, title) {
  await page.getByTestId('project-search').fill(title);
  await page.getByTestId('project-search-submit').click();
}
