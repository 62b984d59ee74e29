// The school administrator manages the accounts of their school.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { navLinkIds, signIn, useBrowser } from '../support/browser.js';

describe('user management', () => {
  const withPage = useBrowser();

  it('the admin creates a user, finds it by search and deactivates it after confirming', () =>
    withPage(async (page) => {
      const stamp = Date.now();
      const email = `e2e-${stamp}@sch61.demo`;
      await signIn(page, 'director@sch61.demo');
      await page.getByTestId('nav-users').click();
      await page.getByTestId('users-table').waitFor();
      await createUser(page, email, `Проверочный Пользователь ${stamp}`);

      // The same e-mail again is refused next to the e-mail field.
      await fillUserForm(page, email, 'Дубликат Адреса');
      await page.getByTestId('new-user-submit').click();
      await page.getByTestId('new-user-email-error').waitFor();
      assert.equal((await page.getByTestId('new-user-email-error').textContent()).trim(), 'Уже используется');

      const row = await findUser(page, email);
      assert.equal((await row.getByTestId('user-status').textContent()).trim(), 'Активен');

      // Cancelling the dialog changes nothing.
      await row.getByTestId('user-deactivate').click();
      const dialog = page.getByTestId('confirm-dialog');
      await dialog.waitFor();
      assert.match(await dialog.textContent(), /Деактивировать пользователя\?/);
      await dialog.getByTestId('confirm-cancel').click();
      await dialog.waitFor({ state: 'detached' });
      assert.equal((await row.getByTestId('user-status').textContent()).trim(), 'Активен');

      await row.getByTestId('user-deactivate').click();
      await dialog.getByTestId('confirm-yes').click();
      await row.getByText('Отключён', { exact: true }).waitFor();
      assert.equal(await row.getByTestId('user-activate').count(), 1);
    }));

  it("the admin's own row offers editing but neither deactivation nor a password reset", () =>
    withPage(async (page) => {
      await signIn(page, 'director@sch61.demo');
      await page.goto('/users');
      await page.getByTestId('users-table').waitFor();
      const own = await findUser(page, 'director@sch61.demo');
      await own.getByTestId('user-edit').waitFor();
      assert.equal(await own.getByTestId('user-deactivate').count(), 0);
      assert.equal(await own.getByTestId('user-reset-password').count(), 0);
      // Another account's row, drawn the same way, has both.
      const other = await findUser(page, 'teacher@sch61.demo');
      await other.getByTestId('user-edit').waitFor();
      assert.equal(await other.getByTestId('user-deactivate').count(), 1);
      assert.equal(await other.getByTestId('user-reset-password').count(), 1);
    }));

  it('the admin resets a password after confirming and the user signs in with the temporary one', () =>
    withPage(async (page) => {
      const stamp = Date.now();
      const email = `e2e-reset-${stamp}@sch61.demo`;
      await signIn(page, 'director@sch61.demo');
      await page.goto('/users');
      await page.getByTestId('users-table').waitFor();
      await createUser(page, email, `Сброс Пароля ${stamp}`);
      const row = await findUser(page, email);

      // Escape closes the question without resetting anything.
      await row.getByTestId('user-reset-password').click();
      const dialog = page.getByTestId('confirm-dialog');
      await dialog.waitFor();
      assert.match(await dialog.textContent(), /Сбросить пароль\?/);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      assert.equal(await page.getByTestId('temporary-password').count(), 0);

      await row.getByTestId('user-reset-password').click();
      await dialog.getByTestId('confirm-yes').click();
      const shown = page.getByTestId('temporary-password');
      await shown.waitFor();
      const temporary = (await shown.textContent()).trim();
      assert.ok(temporary.length >= 10, `a usable temporary password, got «${temporary}»`);
      assert.match(await page.getByTestId('temporary-password-panel').textContent(), /только один раз/);

      await withPage(async (other) => {
        await signIn(other, email, temporary);
        assert.deepEqual(await navLinkIds(other), [
          'nav-home',
          'nav-projects',
          'nav-ranking',
          'nav-board',
          'nav-catalogue',
          'nav-events',
          'nav-requests',
          'nav-consultations',
          'nav-training',
          'nav-dissemination',
          'nav-profile',
        ]);
      });
    }));
});

/** Fills the open «Добавить пользователя» form for a teacher (staff) account. */
async function fillUserForm(page, email, fullName) {
  const form = page.getByTestId('user-create-form');
  await form.getByTestId('new-user-email').fill(email);
  await form.getByTestId('new-user-full-name').fill(fullName);
  await form.getByTestId('new-user-password').fill('first-password-2026');
  await form.getByTestId('role-staff').check();
}

/** Opens the form if needed, creates the account and waits for the confirmation. */
async function createUser(page, email, fullName) {
  if ((await page.getByTestId('user-create-form').count()) === 0) {
    await page.getByTestId('add-user').click();
  }
  await fillUserForm(page, email, fullName);
  await page.getByTestId('new-user-submit').click();
  await page.getByTestId('user-created').waitFor();
}

/** Searches the user table for one e-mail and returns its only row. */
async function findUser(page, email) {
  await page.getByTestId('user-search').fill(email);
  await page.getByTestId('user-search-submit').click();
  const row = page.getByTestId('user-row').filter({ hasText: email });
  await row.waitFor();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="user-row"]').length === 1);
  return row;
}
