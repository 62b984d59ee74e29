// Each role sees exactly the navigation its work needs, and pages outside it are refused.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { navLinkIds, resultPath, signIn, useBrowser } from '../support/browser.js';
import { apiCall, apiSignIn } from '../support/api.js';

const ACCOUNTS = [
  { role: 'the school director (admin)', email: 'director@sch61.demo', nav: ['nav-home', 'nav-projects', 'nav-ranking', 'nav-approvals', 'nav-board', 'nav-catalogue', 'nav-events', 'nav-requests', 'nav-consultations', 'nav-training', 'nav-dissemination', 'nav-users', 'nav-audit', 'nav-profile'] },
  { role: 'a council member', email: 'council@sch61.demo', nav: ['nav-home', 'nav-projects', 'nav-ranking', 'nav-approvals', 'nav-board', 'nav-catalogue', 'nav-events', 'nav-requests', 'nav-consultations', 'nav-training', 'nav-dissemination', 'nav-profile'] },
  { role: 'a teacher (staff)', email: 'teacher@sch61.demo', nav: ['nav-home', 'nav-projects', 'nav-ranking', 'nav-board', 'nav-catalogue', 'nav-events', 'nav-requests', 'nav-consultations', 'nav-training', 'nav-dissemination', 'nav-profile'] },
  { role: 'a scientific supervisor', email: 'supervisor@sch61.demo', nav: ['nav-home', 'nav-projects', 'nav-ranking', 'nav-catalogue', 'nav-events', 'nav-training', 'nav-dissemination', 'nav-profile'] },
  { role: 'a committee member', email: 'committee@kom.demo', nav: ['nav-home', 'nav-projects', 'nav-ranking', 'nav-board', 'nav-catalogue', 'nav-events', 'nav-requests', 'nav-consultations', 'nav-registry', 'nav-dissemination', 'nav-organisations', 'nav-audit', 'nav-profile'] },
  { role: 'a partner school teacher', email: 'partner@sch12.demo', nav: ['nav-home', 'nav-catalogue', 'nav-events', 'nav-requests', 'nav-consultations', 'nav-training', 'nav-profile'] },
  {
    role: 'the platform operator (admin and platform administrator)',
    email: 'operator@kom.demo',
    nav: ['nav-home', 'nav-catalogue', 'nav-events', 'nav-organisations', 'nav-users', 'nav-profile'],
  },
];

const LABELS = {
  'nav-home': 'Главная',
  'nav-projects': 'Проекты',
  'nav-ranking': 'Ранжирование проблем',
  'nav-approvals': 'Ожидают решения',
  'nav-board': 'Доска этапов',
  'nav-catalogue': 'Каталог',
  'nav-events': 'Мероприятия',
  'nav-requests': 'Запросы',
  'nav-consultations': 'Консультации',
  'nav-training': 'Моё обучение',
  'nav-registry': 'Реестр',
  'nav-dissemination': 'Распространение опыта',
  'nav-organisations': 'Организации',
  'nav-users': 'Пользователи',
  'nav-audit': 'Журнал изменений',
  'nav-profile': 'Профиль',
};

describe('navigation by role', () => {
  const withPage = useBrowser();

  for (const account of ACCOUNTS) {
    it(`${account.role} logs in, is greeted by the name the server knows and sees exactly its navigation`, () =>
      withPage(async (page) => {
        const me = await apiCall(await apiSignIn(account.email), 'GET', '/api/me');
        assert.equal(me.email, account.email);
        await signIn(page, account.email);
        assert.equal((await page.getByTestId('home-greeting').textContent()).trim(), `Здравствуйте, ${me.full_name}!`);
        assert.equal((await page.getByTestId('user-name').textContent()).trim(), me.full_name);
        assert.equal((await page.getByTestId('user-organisation').textContent()).trim(), me.organisation.short_name);
        assert.deepEqual(await navLinkIds(page), account.nav);
        const labels = await page.getByTestId('nav').locator('a').allTextContents();
        assert.deepEqual(labels.map((label) => label.trim()), account.nav.map((id) => LABELS[id]));
        assert.equal(await page.getByTestId('nav-home').getAttribute('aria-current'), 'page');
        assert.equal(await page.getByTestId('nav').getAttribute('aria-label'), 'Основная навигация');
      }));
  }

  it('a teacher who opens the user management is told it is not allowed', () =>
    withPage(async (page) => {
      await signIn(page, 'teacher@sch61.demo');
      await page.goto('/users');
      await page.getByTestId('forbidden').waitFor();
      assert.match(await page.getByTestId('forbidden').textContent(), /Недостаточно прав/);
    }));

  it('the admin home page describes their role', () =>
    withPage(async (page) => {
      await signIn(page, 'director@sch61.demo');
      await page.getByTestId('home-roles').locator('li').first().waitFor();
      assert.match(
        await page.getByTestId('home-roles').textContent(),
        /Администрация школы: управление пользователями, утверждение структур и приказов/,
      );
      await page.screenshot({ path: await resultPath('admin-home.png'), fullPage: true });
    }));
});
