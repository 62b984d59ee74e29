// Deep links: a reload keeps the session, and a signed-out visitor comes back after signing in.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { currentPath, signIn, submitLogin, useBrowser } from '../support/browser.js';

describe('deep links', () => {
  const withPage = useBrowser();

  it('a deep link to the profile survives a reload while signed in', () =>
    withPage(async (page) => {
      await signIn(page, 'council@sch61.demo');
      await page.goto('/profile');
      await page.getByTestId('profile-data').waitFor();
      await page.reload();
      await page.getByTestId('profile-data').waitFor();
      assert.equal(currentPath(page), '/profile');
      assert.match(await page.getByTestId('profile-data').textContent(), /council@sch61\.demo/);
      assert.equal(await page.getByTestId('nav-profile').getAttribute('aria-current'), 'page');
    }));

  it('a deep link to the user management survives a reload while signed in', () =>
    withPage(async (page) => {
      await signIn(page, 'director@sch61.demo');
      await page.goto('/users');
      await page.getByTestId('users-table').waitFor();
      await page.reload();
      await page.getByTestId('users-table').waitFor();
      assert.equal(currentPath(page), '/users');
      assert.ok((await page.getByTestId('user-row').count()) > 0);
    }));

  it('a signed-out deep link goes to the login page and then back to it', () =>
    withPage(async (page) => {
      await page.goto('/users');
      await page.getByTestId('login-form').waitFor();
      assert.equal(currentPath(page), `/login?next=${encodeURIComponent('/users')}`);
      await submitLogin(page, 'director@sch61.demo');
      await page.getByTestId('users-table').waitFor();
      assert.equal(currentPath(page), '/users');
    }));

  it('signing out goes to the login page and protected pages stay closed', () =>
    withPage(async (page) => {
      await signIn(page, 'teacher@sch61.demo');
      await page.getByTestId('logout').click();
      await page.getByTestId('login-form').waitFor();
      assert.equal(currentPath(page), '/login');
      await page.goto('/profile');
      await page.getByTestId('login-form').waitFor();
      assert.equal(currentPath(page), `/login?next=${encodeURIComponent('/profile')}`);
    }));

  it('a session the server no longer accepts sends the user to the login page', () =>
    withPage(async (page) => {
      await signIn(page, 'supervisor@sch61.demo');
      await page.evaluate(() => {
        const key = 'innovation-platform.session';
        const session = JSON.parse(localStorage.getItem(key));
        session.access_token = 'not-a-token';
        localStorage.setItem(key, JSON.stringify(session));
      });
      await page.goto('/profile');
      await page.getByTestId('login-form').waitFor();
      assert.equal(currentPath(page), `/login?next=${encodeURIComponent('/profile')}`);
      assert.equal(await page.evaluate(() => localStorage.getItem('innovation-platform.session')), null);
    }));
});
