// The web app's load times on a slow line and a slow machine: the sign-in page and a
// project's page, each opened cold (empty cache) in headless Chromium with the network
// throttled to 1.6 Mbit/s down, 750 kbit/s up and 150 ms round trip, and the CPU slowed
// four times. Run by `cargo xtask bench --web`, against BASE_URL with the demo data.
//
// For each page it prints the median of BENCH_WEB_RUNS (default 3) cold visits:
// - first render: from navigation until the page's first content is visible (the sign-in
//   form; the project's title);
// - interactive: until the app has answered the first action (sign-in submitted and the
//   signed-in layout shown; the plan tab clicked and its section shown);
// - downloaded: the bytes that came over the network (compressed) until first render;
// - for the project: when its code (the last wasm module) had arrived, when its data (the
//   project's record) was asked for and arrived, and the first render over the later of
//   code and data (1.00: a page that waits for nothing else).

import { apiCall, apiSignIn } from '../support/api.js';
import { DEMO_PASSWORD, freshPage, launchBrowser, submitLogin } from '../support/browser.js';

const RUNS = Number(process.env.BENCH_WEB_RUNS || 3);
const NETWORK = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1_000_000) / 8,
  uploadThroughput: (750 * 1_000) / 8,
};
const CPU_SLOWDOWN = 4;
const DIRECTOR = 'director@sch61.demo';
// The web app's signed-in hint in localStorage (`session::HINT_KEY` in frontend/src/api/session.rs).
const SIGNED_IN_HINT = 'innovation-platform.signed-in';

/** A fresh context with the throttling applied; returns it with its page and a byte counter. */
async function throttledPage(browser) {
  const { context, page } = await freshPage(browser);
  context.setDefaultTimeout(120_000);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  const bytes = { total: 0 };
  // When each request finished (ms on this process's clock), by URL path.
  const urls = new Map();
  const sent = new Map();
  const finished = new Map();
  cdp.on('Network.requestWillBeSent', (event) => {
    const path = new URL(event.request.url).pathname;
    urls.set(event.requestId, path);
    if (!sent.has(path)) sent.set(path, performance.now());
  });
  cdp.on('Network.loadingFinished', (event) => {
    bytes.total += event.encodedDataLength;
    const path = urls.get(event.requestId);
    if (path) finished.set(path, performance.now());
  });
  return { context, page, bytes, sent, finished };
}

/** The sign-in page: the form, then a sign-in that reaches the signed-in layout. */
async function signInPage(browser) {
  const { context, page, bytes } = await throttledPage(browser);
  try {
    const started = performance.now();
    await page.goto('/login', { waitUntil: 'commit' });
    await page.getByTestId('login-email').waitFor({ state: 'visible' });
    const firstRender = performance.now() - started;
    const downloaded = bytes.total;
    await submitLogin(page, DIRECTOR);
    await page.getByTestId('nav').waitFor({ state: 'visible' });
    return { firstRender, interactive: performance.now() - started, downloaded };
  } finally {
    await context.close();
  }
}

/** The id of a project of the director's school, read through the API. */
async function someProject() {
  const page = await apiCall(await apiSignIn(DIRECTOR), 'GET', '/api/projects?per_page=1');
  if (!page.items.length) throw new Error('the demo data has no project');
  return page.items[0].id;
}

/**
 * A project's page opened by a signed-in user (the session restored from its cookie, as
 * after a browser restart): the title, then the plan tab.
 */
async function projectPage(browser, projectId) {
  const { context, page, bytes, sent, finished } = await throttledPage(browser);
  try {
    // Signed in before the measured visit, through the API (the cookie lands in this
    // context); the app sees the hint and restores the session from the cookie.
    const login = await context.request.post('/api/auth/login', { data: { email: DIRECTOR, password: DEMO_PASSWORD } });
    if (!login.ok()) throw new Error(`sign-in of ${DIRECTOR}: ${login.status()}`);
    await context.addInitScript((key) => window.localStorage.setItem(key, '1'), SIGNED_IN_HINT);
    const started = performance.now();
    await page.goto(`/projects/${projectId}`, { waitUntil: 'commit' });
    await page.getByTestId('project-title').waitFor({ state: 'visible' });
    const firstRender = performance.now() - started;
    const downloaded = bytes.total;
    // The code (every wasm module fetched so far) and the data (the project's record).
    const code = Math.max(...[...finished].filter(([path]) => path.endsWith('.wasm')).map(([, at]) => at)) - started;
    const record = `/api/projects/${projectId}`;
    const data = (finished.get(record) ?? Number.NaN) - started;
    const asked = (sent.get(record) ?? Number.NaN) - started;
    await page.getByTestId('tab-plan').click();
    await page.getByTestId('project-plan').waitFor({ state: 'visible' });
    return { firstRender, interactive: performance.now() - started, downloaded, code, asked, data };
  } finally {
    await context.close();
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main() {
  const browser = await launchBrowser();
  try {
    const projectId = await someProject();
    const pages = [
      ['sign-in (/login)', () => signInPage(browser)],
      [`project (/projects/${projectId})`, () => projectPage(browser, projectId)],
    ];
    console.log(
      `cold visits, median of ${RUNS}; network 1.6 Mbit/s down, 750 kbit/s up, 150 ms RTT; CPU ${CPU_SLOWDOWN}× slower`,
    );
    console.log('| page | first render | interactive | downloaded before first render | code arrived | data asked for | data arrived | first render ÷ the later |');
    console.log('|---|---|---|---|---|---|---|---|');
    for (const [name, measure] of pages) {
      const runs = [];
      for (let i = 0; i < RUNS; i += 1) runs.push(await measure());
      const firstRender = median(runs.map((r) => r.firstRender));
      const interactive = median(runs.map((r) => r.interactive));
      const downloaded = median(runs.map((r) => r.downloaded));
      const seconds = (ms) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : '–');
      const code = median(runs.map((r) => r.code ?? Number.NaN));
      const asked = median(runs.map((r) => r.asked ?? Number.NaN));
      const data = median(runs.map((r) => r.data ?? Number.NaN));
      const ratio = median(runs.map((r) => r.firstRender / Math.max(r.code ?? Number.NaN, r.data ?? Number.NaN)));
      console.log(
        `| ${name} | ${seconds(firstRender)} | ${seconds(interactive)} | ${Math.round(downloaded / 1024)} KB | ${seconds(code)} | ${seconds(asked)} | ${seconds(data)} | ${Number.isFinite(ratio) ? ratio.toFixed(2) : '–'} |`,
      );
    }
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
