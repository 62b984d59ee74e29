// Browser hardening: the Content-Security-Policy is enforced and nothing violates it;
// the access token lives in memory only, the refresh token in an HttpOnly cookie that a
// reload uses and sign-out removes.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { signIn, useBrowser } from '../support/browser.js';

/**
 * Records every CSP violation of the page (the `securitypolicyviolation` event, which an
 * init script registers outside the page's policy) and every console message that
 * reports one, and returns a function listing them.
 */
async function watchPolicy(page) {
  const console = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (load|execute|apply|evaluate|compile|connect|frame)/i.test(message.text())) {
      console.push(message.text());
    }
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return async () => {
    const events = await page.evaluate(() => window.__cspViolations ?? []).catch(() => []);
    return [...console, ...events];
  };
}

/** Every value in the page's `localStorage` and `sessionStorage`, as `key=value`. */
function storedValues(page) {
  return page.evaluate(() =>
    [localStorage, sessionStorage].flatMap((storage) =>
      Object.keys(storage).map((key) => `${key}=${storage.getItem(key)}`),
    ),
  );
}

describe('browser hardening', () => {
  const withPage = useBrowser();

  it('sign-in, reload and sign-out work under the policy, with no token in storage', () =>
    withPage(async (page) => {
      const violations = await watchPolicy(page);
      const document = await page.goto('/login');
      const policy = document.headers()['content-security-policy'];
      assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'/);
      assert.match(policy, /object-src 'none'/);
      assert.match(policy, /frame-ancestors 'none'/);
      assert.doesNotMatch(policy, /unsafe-inline|'unsafe-eval'/);

      const login = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
      await signIn(page, 'council@sch61.demo');
      const pair = await (await login).json();
      assert.equal(pair.refresh_token, undefined, 'the refresh token is not in the body');
      const [cookie] = (await page.context().cookies()).filter((c) => c.name === 'refresh_token');
      assert.ok(cookie, 'a refresh cookie');
      assert.equal(cookie.httpOnly, true);
      assert.equal(cookie.sameSite, 'Strict');
      assert.equal(cookie.path, '/api/auth');
      assert.equal(await page.evaluate(() => document.cookie), '', 'no cookie visible to scripts');
      for (const value of await storedValues(page)) {
        assert.ok(!value.includes(pair.access_token), `no access token in storage: ${value}`);
        assert.ok(!value.includes(cookie.value), `no refresh token in storage: ${value}`);
      }

      // A reload keeps the session: the app buys a new access token with the cookie.
      await page.goto('/profile');
      await page.getByTestId('profile-data').waitFor();
      const refresh = page.waitForResponse((r) => r.url().endsWith('/api/auth/refresh'));
      await page.reload();
      assert.equal((await refresh).status(), 200);
      await page.getByTestId('profile-data').waitFor();
      assert.match(await page.getByTestId('profile-data').textContent(), /council@sch61\.demo/);
      const [rotated] = (await page.context().cookies()).filter((c) => c.name === 'refresh_token');
      assert.notEqual(rotated.value, cookie.value, 'the cookie rotated');

      // Sign-out removes the cookie; a reload then stays signed out.
      await page.getByTestId('logout').click();
      await page.getByTestId('login-form').waitFor();
      assert.deepEqual((await page.context().cookies()).filter((c) => c.name === 'refresh_token'), []);
      await page.goto('/profile');
      await page.getByTestId('login-form').waitFor();

      assert.deepEqual(await violations(), [], 'no CSP violations');
    }));

  it('two tabs reloading at once share the cookie without signing each other out', () =>
    withPage(async (page) => {
      await signIn(page, 'teacher@sch61.demo');
      const other = await page.context().newPage();
      await Promise.all([page.goto('/profile'), other.goto('/profile')]);
      await Promise.all([page.getByTestId('profile-data').waitFor(), other.getByTestId('profile-data').waitFor()]);
      await page.reload();
      await page.getByTestId('profile-data').waitFor();
    }));

  it('the API docs page renders under its own policy', () =>
    withPage(async (page) => {
      const violations = await watchPolicy(page);
      const answer = await page.goto('/api/docs/');
      assert.match(answer.headers()['content-security-policy'], /default-src 'self'/);
      await page.locator('.swagger-ui .opblock').first().waitFor();
      assert.deepEqual(await violations(), [], 'no CSP violations');
    }));
});
