// A school's dissemination figures for a school year, on its page and in the committee's
// registry, as the server counts them.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { signIn, tileValue, useBrowser } from '../support/browser.js';
import { apiCall, apiSignIn, registryRow } from '../support/api.js';

/** The school year under way, by the year it starts. */
function thisSchoolYear() {
  const today = new Date();
  return today.getMonth() >= 8 ? today.getFullYear() : today.getFullYear() - 1;
}

const TILES = {
  'dis-pilots': 'pilots',
  'dis-pilot-pupils': 'pilot_pupils',
  'dis-teachers': 'teachers_trained',
  'dis-hours': 'training_hours',
  'dis-certificates': 'certificates',
  'dis-consultations': 'consultations',
  'dis-events': 'events',
  'dis-attendees': 'attendees',
  'dis-deliveries': 'deliveries',
  'dis-reached': 'schools_reached',
};

/** Waits until every tile shows the server's figure for the year. */
async function showsAsServer(page, figures) {
  for (const [testid, field] of Object.entries(TILES)) {
    await page.waitForFunction(
      ([id, wanted]) =>
        document.querySelector(`[data-testid="${id}"] .tile-value`)?.textContent.trim() === wanted,
      [testid, String(figures[field])],
    );
    assert.equal(await tileValue(page, testid), String(figures[field]), testid);
  }
}

describe('dissemination', () => {
  const withPage = useBrowser();

  it("a director sees the school's figures of this and the last school year", () =>
    withPage(async (page) => {
      const director = await apiSignIn('director@sch61.demo');
      const me = await apiCall(director, 'GET', '/api/me');
      const org = me.organisation.id;
      const year = thisSchoolYear();
      const now = await apiCall(director, 'GET', `/api/organisations/${org}/dissemination?school_year=${year}`);
      assert.ok(now.pilots > 0 && now.schools_reached > 0, 'the demo disseminates this school year');

      await signIn(page, 'director@sch61.demo');
      await page.getByTestId('nav-dissemination').click();
      await page.getByTestId('dissemination').waitFor();
      await showsAsServer(page, now);
      const label = `${year}/${year + 1}`;
      assert.equal(await page.getByTestId('dissemination').locator('.tiles').getAttribute('data-school-year'), label);

      const before = await apiCall(director, 'GET', `/api/organisations/${org}/dissemination?school_year=${year - 1}`);
      await page.getByTestId('dissemination-year').selectOption({ label: `${year - 1}/${year}` });
      await page.waitForFunction(
        (wanted) => document.querySelector('[data-testid="dissemination"] .tiles')?.dataset.schoolYear === wanted,
        `${year - 1}/${year}`,
      );
      await showsAsServer(page, before);
    }));

  it("the committee reads a school's figures in the registry for the chosen school year", () =>
    withPage(async (page) => {
      const committee = await apiSignIn('committee@kom.demo');
      const row = await registryRow(committee, 'СОШ № 61');
      await signIn(page, 'committee@kom.demo');
      await page.goto('/registry');
      const filters = page.getByTestId('registry-filters');
      await filters.getByTestId('registry-search').fill('СОШ № 61');
      await filters.getByTestId('registry-search-submit').click();
      const line = page.getByTestId('registry-row').filter({ hasText: 'СОШ № 61' });
      await line.waitFor();
      await page.waitForFunction(() => document.querySelectorAll('[data-testid=registry-row]').length === 1);
      const spread = row;
      assert.equal((await line.getByTestId('registry-pilots').textContent()).trim(), String(spread.pilots));
      assert.equal(
        (await line.getByTestId('registry-trained').textContent()).trim(),
        `${spread.teachers_trained} / ${spread.training_hours}`,
      );
      assert.equal((await line.getByTestId('registry-reached').textContent()).trim(), String(spread.schools_reached));

      // A school year long past: nothing was disseminated then.
      const year = thisSchoolYear() - 4;
      await filters.getByTestId('registry-year-filter').selectOption({ label: `${year}/${year + 1}` });
      await page.waitForFunction(
        () => document.querySelector('[data-testid="registry-row"] [data-testid="registry-pilots"]')?.textContent.trim() === '0',
      );
      const past = await apiCall(committee, 'GET', `/api/registry?q=${encodeURIComponent('СОШ № 61')}&school_year=${year}`);
      assert.equal(past.items[0].pilots, 0);
    }));
});
