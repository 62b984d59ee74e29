// Deep links: a reload keeps the session, and a signed-out visitor comes back after signing in.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { currentPath, signIn, submitLogin, useBrowser, waitForCount } from '../support/browser.js';
import { apiCall, apiSignIn } from '../support/api.js';

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
      assert.equal(currentPath(page), '/users');
      // The first page of the school's accounts, as the server lists it.
      const director = await apiSignIn('director@sch61.demo');
      const listed = await apiCall(director, 'GET', `/api/organisations/${director.user.organisation.id}/users?per_page=20`);
      assert.ok(listed.items.length > 0);
      await waitForCount(page, '[data-testid="user-row"]', listed.items.length);
      const rows = await page.getByTestId('user-row').allTextContents();
      for (const user of listed.items) {
        assert.ok(rows.some((row) => row.includes(user.email)), `${user.email} is listed`);
      }
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
      // The refresh cookie is HttpOnly: only the browser (here the test) can replace it.
      const context = page.context();
      const [cookie] = (await context.cookies()).filter((c) => c.name === 'refresh_token');
      assert.ok(cookie, 'signed in with a refresh cookie');
      await context.addCookies([{ ...cookie, value: 'not-a-token' }]);
      await page.goto('/profile');
      await page.getByTestId('login-form').waitFor();
      assert.equal(currentPath(page), `/login?next=${encodeURIComponent('/profile')}`);
      const left = (await context.cookies()).filter((c) => c.name === 'refresh_token');
      assert.deepEqual(left, [], 'the refused cookie is removed');
    }));
});
