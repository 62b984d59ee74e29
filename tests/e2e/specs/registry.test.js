// The committee's registry of schools with their figures, and its CSV export.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { currentPath, signIn, useBrowser } from '../support/browser.js';

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
      assert.equal(await page.getByTestId('registry-row').count(), 1);

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('registry-export').click()]);
      assert.equal(download.suggestedFilename(), 'registry.csv');
      const csv = await readFile(await download.path(), 'utf8');
      assert.match(csv, /СОШ № 61|Средняя общеобразовательная школа № 61/);
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
