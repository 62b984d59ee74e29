// Each role sees exactly the navigation its work needs, and pages outside it are refused.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { navLinkIds, resultPath, signIn, useBrowser } from '../support/browser.js';

const ACCOUNTS = [
  { role: 'the school director (admin)', email: 'director@sch61.demo', org: 'СОШ № 61', nav: ['nav-home', 'nav-projects', 'nav-ranking', 'nav-approvals', 'nav-board', 'nav-catalogue', 'nav-requests', 'nav-users', 'nav-audit', 'nav-profile'] },
  { role: 'a council member', email: 'council@sch61.demo', org: 'СОШ № 61', nav: ['nav-home', 'nav-projects', 'nav-ranking', 'nav-approvals', 'nav-board', 'nav-catalogue', 'nav-requests', 'nav-profile'] },
  { role: 'a teacher (staff)', email: 'teacher@sch61.demo', org: 'СОШ № 61', nav: ['nav-home', 'nav-projects', 'nav-ranking', 'nav-board', 'nav-catalogue', 'nav-requests', 'nav-profile'] },
  { role: 'a scientific supervisor', email: 'supervisor@sch61.demo', org: 'СОШ № 61', nav: ['nav-home', 'nav-projects', 'nav-ranking', 'nav-catalogue', 'nav-profile'] },
  { role: 'a committee member', email: 'committee@kom.demo', nav: ['nav-home', 'nav-projects', 'nav-ranking', 'nav-board', 'nav-catalogue', 'nav-requests', 'nav-registry', 'nav-organisations', 'nav-audit', 'nav-profile'] },
  { role: 'a partner school teacher', email: 'partner@sch12.demo', org: 'СОШ № 12', nav: ['nav-home', 'nav-catalogue', 'nav-requests', 'nav-profile'] },
  {
    role: 'the platform operator (admin and platform administrator)',
    email: 'operator@kom.demo',
    nav: ['nav-home', 'nav-catalogue', 'nav-organisations', 'nav-users', 'nav-profile'],
  },
];

const LABELS = {
  'nav-home': 'Главная',
  'nav-projects': 'Проекты',
  'nav-ranking': 'Ранжирование проблем',
  'nav-approvals': 'Ожидают решения',
  'nav-board': 'Доска этапов',
  'nav-catalogue': 'Каталог',
  'nav-requests': 'Запросы',
  'nav-registry': 'Реестр',
  'nav-organisations': 'Организации',
  'nav-users': 'Пользователи',
  'nav-audit': 'Журнал изменений',
  'nav-profile': 'Профиль',
};

describe('navigation by role', () => {
  const withPage = useBrowser();

  for (const account of ACCOUNTS) {
    it(`${account.role} logs in and sees exactly its navigation`, () =>
      withPage(async (page) => {
        await signIn(page, account.email);
        assert.deepEqual(await navLinkIds(page), account.nav);
        const labels = await page.getByTestId('nav').locator('a').allTextContents();
        assert.deepEqual(labels.map((label) => label.trim()), account.nav.map((id) => LABELS[id]));
        assert.equal(await page.getByTestId('nav-home').getAttribute('aria-current'), 'page');
        assert.equal(await page.getByTestId('nav').getAttribute('aria-label'), 'Основная навигация');
        if (account.org) {
          assert.equal((await page.getByTestId('user-organisation').textContent()).trim(), account.org);
        }
      }));
  }

  it('a teacher who opens the user management is told it is not allowed', () =>
    withPage(async (page) => {
      await signIn(page, 'teacher@sch61.demo');
      await page.goto('/users');
      await page.getByTestId('forbidden').waitFor();
      assert.match(await page.getByTestId('forbidden').textContent(), /Недостаточно прав/);
    }));

  it('the admin home page greets them by name and describes their role', () =>
    withPage(async (page) => {
      await signIn(page, 'director@sch61.demo');
      const name = (await page.getByTestId('user-name').textContent()).trim();
      assert.ok(name.length > 0);
      assert.equal((await page.getByTestId('home-greeting').textContent()).trim(), `Здравствуйте, ${name}!`);
      assert.match(
        await page.getByTestId('home-roles').textContent(),
        /Администрация школы: управление пользователями, утверждение структур и приказов/,
      );
      await page.screenshot({ path: await resultPath('admin-home.png'), fullPage: true });
    }));
});
