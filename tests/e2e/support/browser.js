// Shared set-up of the browser tests: Debian's Chromium through playwright-core, the
// server under test at BASE_URL (started with demo data), and the demo accounts.

import { mkdir } from 'node:fs/promises';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

/** The server under test, without a trailing slash. */
export const BASE_URL = (process.env.BASE_URL || 'http://127.0.0.1:18080').replace(/\/+$/, '');

/** The password of every demo account. */
export const DEMO_PASSWORD = 'innovate-2026';

/** Where screenshots for review are written (gitignored). */
export const RESULTS_DIR = new URL('../test-results/', import.meta.url);

/** Starts a headless Chromium; each test then opens its own fresh context. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh context (no storage, no cookies) and a page in it. */
export async function freshPage(browser) {
  const context = await browser.newContext({ baseURL: BASE_URL, viewport: { width: 1280, height: 860 } });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  return { context, page };
}

/**
 * Launches Chromium before the tests of the enclosing `describe` and closes it after them.
 * Returns `withPage(body)`, which runs `body(page)` in a fresh context and closes that
 * context afterwards, whether or not the body failed.
 */
export function useBrowser() {
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });
  return async function withPage(body) {
    const { context, page } = await freshPage(browser);
    try {
      return await body(page);
    } finally {
      await context.close();
    }
  };
}

/** Fills and submits the sign-in form of the page currently shown. */
export async function submitLogin(page, email, password = DEMO_PASSWORD) {
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/**
 * Signs in from /login and waits for the signed-in layout with the account read: the
 * header names the user, so the navigation and every role-dependent control are drawn
 * for that account.
 */
export async function signIn(page, email, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await submitLogin(page, email, password);
  await page.getByTestId('nav').waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid="user-name"]')?.textContent.trim());
}

/** The value of a figure tile (`metric-…`), without its label. */
export async function tileValue(page, testid) {
  return (await page.getByTestId(testid).locator('.tile-value').textContent()).trim();
}

/** Waits until exactly `count` elements match `selector` (a CSS selector) in the page. */
export function waitForCount(page, selector, count) {
  return page.waitForFunction(
    ([css, wanted]) => document.querySelectorAll(css).length === wanted,
    [selector, count],
  );
}

/** The `data-testid`s of the navigation links, in order. */
export function navLinkIds(page) {
  return page.getByTestId('nav').locator('a').evaluateAll((links) => links.map((link) => link.dataset.testid));
}

/** The path of the page's current URL (with its query). */
export function currentPath(page) {
  const url = new URL(page.url());
  return url.pathname + url.search;
}

/** Makes sure the screenshot directory exists and returns a file path in it. */
export async function resultPath(name) {
  await mkdir(RESULTS_DIR, { recursive: true });
  return new URL(name, RESULTS_DIR).pathname;
}

/**
 * The receiving school's partner issues a single-use feedback link for a colleague's
 * e-mail from «Поставки нашей школе» (the host school, whose resource is rated, issues
 * none) and returns the link shown; the list of issued links then shows the e-mail.
 */
export async function partnerIssuesLink(page, title, email, respondent) {
  await signIn(page, 'partner@sch12.demo');
  await page.getByTestId('nav-requests').click();
  const row = page.getByTestId('received-row').filter({ hasText: title });
  await row.getByTestId('feedback-link').click();
  await row.getByLabel('E-mail респондента').fill(email);
  await row.getByLabel('ФИО и должность (необязательно)').fill(respondent);
  await row.getByTestId('make-link').click();
  await row.getByTestId('feedback-url').waitFor();
  await row.getByTestId('issued-link-email').getByText(email.trim().toLowerCase(), { exact: true }).waitFor();
  return row.getByTestId('feedback-url').inputValue();
}
