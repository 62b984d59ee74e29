// The sign-in page: errors in Russian, the language switch, unknown addresses.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { submitLogin, useBrowser } from '../support/browser.js';

describe('the sign-in page', () => {
  const withPage = useBrowser();

  it('a wrong password shows the Russian message', () =>
    withPage(async (page) => {
      await page.goto('/login');
      await submitLogin(page, 'teacher@sch61.demo', 'not-the-password');
      const error = page.getByTestId('login-error');
      await error.waitFor();
      assert.equal((await error.textContent()).trim(), 'Неверный адрес электронной почты или пароль');
      assert.equal(new URL(page.url()).pathname, '/login');
    }));

  it('switching to English changes the login page texts', () =>
    withPage(async (page) => {
      await page.goto('/login');
      const title = page.locator('h1');
      const submit = page.getByTestId('login-submit');
      await submit.waitFor();
      assert.equal((await title.textContent()).trim(), 'Инновационная площадка');
      assert.equal((await submit.textContent()).trim(), 'Войти');
      assert.equal(await page.locator('html').getAttribute('lang'), 'ru');

      await page.getByTestId('lang-en').click();
      await page.getByText('Innovation Platform', { exact: true }).waitFor();
      assert.equal((await submit.textContent()).trim(), 'Sign in');
      assert.equal((await page.locator('label[for="login-password"]').textContent()).trim(), 'Password');
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      assert.equal(await page.getByTestId('lang-en').getAttribute('aria-pressed'), 'true');

      // The choice survives a reload, and switching back restores Russian.
      await page.reload();
      await page.getByText('Innovation Platform', { exact: true }).waitFor();
      await page.getByTestId('lang-ru').click();
      await page.getByText('Инновационная площадка', { exact: true }).waitFor();
      assert.equal((await submit.textContent()).trim(), 'Войти');
    }));

  it('an unknown address shows the Russian not-found page with a link home', () =>
    withPage(async (page) => {
      await page.goto('/no/such/page');
      const notFound = page.getByTestId('not-found');
      await notFound.waitFor();
      assert.match(await notFound.textContent(), /Страница не найдена/);
      assert.equal(await notFound.locator('a[href="/"]').count(), 1);
    }));
});
