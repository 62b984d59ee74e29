// Deep links: a reload keeps the session, and a signed-out visitor comes back after signing in.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { currentPath, freshPage, launchBrowser, signIn, submitLogin } from '../support/browser.js';

describe('deep links', () => {
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  it('a deep link to the profile survives a reload while signed in', async () => {
    const { context, page } = await freshPage(browser);
    try {
      await signIn(page, 'council@sch61.demo');
      await page.goto('/profile');
      await page.getByTestId('profile-data').waitFor();
      await page.reload();
      await page.getByTestId('profile-data').waitFor();
      assert.equal(currentPath(page), '/profile');
      assert.match(await page.getByTestId('profile-data').textContent(), /council@sch61\.demo/);
      assert.equal(await page.getByTestId('nav-profile').getAttribute('aria-current'), 'page');
    } finally {
      await context.close();
    }
  });

  it('a deep link to the user management survives a reload while signed in', async () => {
    const { context, page } = await freshPage(browser);
    try {
      await signIn(page, 'director@sch61.demo');
      await page.goto('/users');
      await page.getByTestId('users-table').waitFor();
      await page.reload();
      await page.getByTestId('users-table').waitFor();
      assert.equal(currentPath(page), '/users');
      assert.ok((await page.getByTestId('user-row').count()) > 0);
    } finally {
      await context.close();
    }
  });

  it('a signed-out deep link goes to the login page and then back to it', async () => {
    const { context, page } = await freshPage(browser);
    try {
      await page.goto('/users');
      await page.getByTestId('login-form').waitFor();
      assert.equal(currentPath(page), `/login?next=${encodeURIComponent('/users')}`);
      await submitLogin(page, 'director@sch61.demo');
      await page.getByTestId('users-table').waitFor();
      assert.equal(currentPath(page), '/users');
    } finally {
      await context.close();
    }
  });

  it('signing out goes to the login page and protected pages stay closed', async () => {
    const { context, page } = await freshPage(browser);
    try {
      await signIn(page, 'teacher@sch61.demo');
      await page.getByTestId('logout').click();
      await page.getByTestId('login-form').waitFor();
      assert.equal(currentPath(page), '/login');
      await page.goto('/profile');
      await page.getByTestId('login-form').waitFor();
      assert.equal(currentPath(page), `/login?next=${encodeURIComponent('/profile')}`);
    } finally {
      await context.close();
    }
  });

  it('a session the server no longer accepts sends the user to the login page', async () => {
    const { context, page } = await freshPage(browser);
    try {
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
    } finally {
      await context.close();
    }
  });
});
