// The launch procedure in the browser: the council opens a ranking round, lists and
// scores a problem, the director freezes the ranking; a teacher sees no director's button.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resultPath, signIn, useBrowser } from '../support/browser.js';
import { apiCall, apiSignIn } from '../support/api.js';

const STAMP = Date.now();
const PROBLEM = `Низкая учебная мотивация ${STAMP}`;

/** A school year ahead of today that has no round yet (the page offers 60 years ahead). */
async function freeYear(session) {
  const rounds = await apiCall(session, 'GET', '/api/ranking-rounds?per_page=100');
  const taken = new Set(rounds.items.map((round) => round.school_year));
  const now = new Date().getFullYear();
  let year = now + 6 + (STAMP % 40);
  while (taken.has(year)) year = year >= now + 55 ? now + 6 : year + 1;
  return year;
}

describe('the launch procedure', () => {
  const withPage = useBrowser();

  it('the council opens a round, lists and scores a problem; the director freezes it; a teacher cannot', async () => {
    const year = await freeYear(await apiSignIn('council@sch61.demo'));
    await withPage(async (page) => {
      await signIn(page, 'council@sch61.demo');
      await page.getByTestId('nav-ranking').click();
      await page.getByTestId('ranking-year').selectOption(String(year));
      await page.getByTestId('open-round').click();
      await page.getByTestId('ranking-round').waitFor();
      await page.getByTestId('add-problem').click();
      await page.getByTestId('problem-title').fill(PROBLEM);
      await page.getByTestId('problem-description').fill('Мониторинг показывает снижение интереса к учёбе в 7–9 классах');
      await page.getByTestId('problem-evidence').fill('Анкетирование обучающихся');
      await page.getByTestId('problem-submit').click();
      const problem = page.getByTestId('problem').filter({ hasText: PROBLEM });
      await problem.waitFor();
      const selects = problem.getByTestId('score-select');
      assert.equal(await selects.count(), 3);
      for (const [n, score] of [5, 4, 3].entries()) await selects.nth(n).selectOption(String(score));
      await problem.getByTestId('save-scores').click();
      // (5×3 + 4×2 + 3×1) ÷ 6 = 4.33, the only scored problem ranks first.
      const row = page.getByTestId('ranking-row').filter({ hasText: PROBLEM });
      await row.getByTestId('ranking-score').getByText('4.33').waitFor();
      assert.equal((await row.getByTestId('ranking-rank').textContent()).trim(), '1');
      assert.equal(await page.getByTestId('freeze-ranking').count(), 0);
      await page.screenshot({ path: await resultPath('ranking-page.png'), fullPage: true });
    });
    await withPage(async (page) => {
      await signIn(page, 'teacher@sch61.demo');
      await page.getByTestId('nav-ranking').click();
      await page.getByTestId('ranking-year').selectOption(String(year));
      await page.getByTestId('ranking-round').waitFor();
      assert.equal(await page.getByTestId('freeze-ranking').count(), 0);
      assert.equal(await page.getByTestId('add-problem').count(), 0);
      assert.equal(await page.getByTestId('score-form').count(), 0);
    });
    await withPage(async (page) => {
      await signIn(page, 'director@sch61.demo');
      await page.getByTestId('nav-ranking').click();
      await page.getByTestId('ranking-year').selectOption(String(year));
      await page.getByTestId('freeze-ranking').click();
      await page.getByTestId('confirm-yes').click();
      await page.getByTestId('ranking-frozen').waitFor();
      assert.equal((await page.getByTestId('round-status').textContent()).trim(), 'Зафиксировано');
      assert.equal(await page.getByTestId('add-problem').count(), 0);
    });
  });
});
