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
      const rows = page.getByTestId('registry-row');
      await rows.filter({ hasText: 'СОШ № 12' }).waitFor();
      assert.ok((await rows.count()) >= 3);
      const filters = page.getByTestId('registry-filters');
      const names = async () => (await rows.locator('td:first-child').allTextContents()).map((name) => name.trim());

      // Without an active project: the demo's partner schools, not СОШ № 61.
      await filters.getByTestId('registry-active-filter').selectOption({ label: 'Нет действующих' });
      await page.waitForFunction(
        () => ![...document.querySelectorAll('[data-testid="registry-row"] td:first-child')].some((cell) => cell.textContent.trim() === 'СОШ № 61'),
      );
      await rows.filter({ hasText: 'СОШ № 12' }).waitFor();
      assert.ok(!(await names()).includes('СОШ № 61'));
      assert.ok((await names()).includes('Гимназия № 17'));

      // With an active project: СОШ № 61 only; the export holds the same selection.
      await filters.getByTestId('registry-active-filter').selectOption({ label: 'Есть действующие' });
      await rows.filter({ hasText: 'СОШ № 61' }).waitFor();
      assert.deepEqual(await names(), ['СОШ № 61']);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('registry-export').click()]);
      const csv = await readFile(await download.path(), 'utf8');
      assert.match(csv, /СОШ № 61|Средняя общеобразовательная школа № 61/);
      assert.doesNotMatch(csv, /СОШ № 12|Средняя общеобразовательная школа № 12/);

      // The level and the platform status narrow further, as the server selects.
      await filters.getByTestId('registry-level-filter').selectOption({ label: 'Школа-лаборатория' });
      await rows.filter({ hasText: 'СОШ № 61' }).waitFor();
      await filters.getByTestId('registry-status-filter').selectOption({ label: 'Региональная' });
      const committee = await apiSignIn('committee@kom.demo');
      const expected = await apiCall(committee, 'GET', '/api/registry?level=laboratory&platform_status=regional&active=true');
      const shown = expected.items.map((school) => school.organisation.short_name);
      if (shown.length === 0) {
        await page.getByTestId('empty').waitFor();
      } else {
        await page.waitForFunction(
          (names) =>
            JSON.stringify([...document.querySelectorAll('[data-testid="registry-row"] td:first-child')].map((cell) => cell.textContent.trim())) ===
            JSON.stringify(names),
          shown,
        );
      }
      await filters.getByTestId('registry-status-filter').selectOption({ label: 'Все' });
      await rows.filter({ hasText: 'СОШ № 61' }).waitFor();
      await page.screenshot({ path: await resultPath('registry-filters.png'), fullPage: true });
    }));

  it('a teacher is refused the registry', () =>
    withPage(async (page) => {
      await signIn(page, 'teacher@sch61.demo');
      assert.equal(await page.getByTestId('nav-registry').count(), 0);
      await page.goto('/registry');
      await page.getByTestId('forbidden').waitFor();
      assert.equal(currentPath(page), '/registry');
    }));
});
