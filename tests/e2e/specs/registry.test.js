// The committee's registry of schools with their figures, and its CSV export.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { currentPath, resultPath, signIn, useBrowser } from '../support/browser.js';
import { apiCall, apiSignIn } from '../support/api.js';

describe('registry', () => {
  const withPage = useBrowser();

  it('the committee finds a school in the registry and exports it to CSV', () =>
    withPage(async (page) => {
      await signIn(page, 'committee@kom.demo');
      await page.getByTestId('nav-registry').click();
      const rows = page.getByTestId('registry-row');
      await rows.first().waitFor();
      const filters = page.getByTestId('registry-filters');
      await filters.getByTestId('registry-search').fill('СОШ № 61');
      await filters.getByTestId('registry-search-submit').click();
      await page.getByTestId('registry-row').filter({ hasText: 'СОШ № 61' }).waitFor();
      // The unfiltered list holds СОШ № 61 too: wait for the search's answer to replace it.
      await page.waitForFunction(() => document.querySelectorAll('[data-testid=registry-row]').length === 1);
      assert.equal(await page.getByTestId('registry-row').count(), 1);

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('registry-export').click()]);
      assert.equal(download.suggestedFilename(), 'registry.csv');
      const csv = await readFile(await download.path(), 'utf8');
      assert.match(csv, /СОШ № 61|Средняя общеобразовательная школа № 61/);
    }));

  it('the committee narrows the registry by project level, platform status and activity, and exports the selection', () =>
    withPage(async (page) => {
      await signIn(page, 'committee@kom.demo');
      await page.goto('/registry');
      const filters = page.getByTestId('registry-filters');
      const committee = await apiSignIn('committee@kom.demo');
      /** Waits until the table lists exactly the schools the server selects with `query`. */
      const showsAsServer = async (query) => {
        const selected = await apiCall(committee, 'GET', `/api/registry?per_page=20&${query}`);
        const expected = selected.items.map((school) => school.short_name);
        if (expected.length === 0) {
          await page.getByTestId('empty').waitFor();
        } else {
          await page.waitForFunction(
            (wanted) =>
              JSON.stringify(
                [...document.querySelectorAll('[data-testid="registry-row"] td:first-child')].map((cell) => cell.textContent.trim()),
              ) === JSON.stringify(wanted),
            expected,
          );
        }
        return expected;
      };
      // Every school of the demo municipality: СОШ № 61, СОШ № 12, Гимназия № 17 at least.
      const all = await showsAsServer('');
      for (const school of ['СОШ № 61', 'СОШ № 12', 'Гимназия № 17']) assert.ok(all.includes(school), school);

      // Without an active project: the demo's partner schools, not СОШ № 61.
      await filters.getByTestId('registry-active-filter').selectOption({ label: 'Нет действующих' });
      const inactive = await showsAsServer('active=false');
      assert.ok(!inactive.includes('СОШ № 61'));
      assert.ok(inactive.includes('СОШ № 12'));
      assert.ok(inactive.includes('Гимназия № 17'));

      // With an active project: СОШ № 61 only; the export holds the same selection.
      await filters.getByTestId('registry-active-filter').selectOption({ label: 'Есть действующие' });
      assert.deepEqual(await showsAsServer('active=true'), ['СОШ № 61']);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('registry-export').click()]);
      const csv = await readFile(await download.path(), 'utf8');
      assert.match(csv, /СОШ № 61|Средняя общеобразовательная школа № 61/);
      assert.doesNotMatch(csv, /СОШ № 12|Средняя общеобразовательная школа № 12/);

      // The level and the platform status narrow further, as the server selects.
      await filters.getByTestId('registry-level-filter').selectOption({ label: 'Школа-лаборатория' });
      await showsAsServer('level=laboratory&active=true');
      await filters.getByTestId('registry-status-filter').selectOption({ label: 'Региональная' });
      await showsAsServer('level=laboratory&platform_status=regional&active=true');
      await filters.getByTestId('registry-status-filter').selectOption({ label: 'Все' });
      await showsAsServer('level=laboratory&active=true');
      await page.screenshot({ path: await resultPath('registry-filters.png'), fullPage: true });
    }));

  it('a teacher is refused the registry', () =>
    withPage(async (page) => {
      await signIn(page, 'teacher@sch61.demo');
      await page.getByTestId('nav-requests').waitFor();
      assert.equal(await page.getByTestId('nav-registry').count(), 0);
      await page.goto('/registry');
      await page.getByTestId('forbidden').waitFor();
      assert.equal(currentPath(page), '/registry');
    }));
});
