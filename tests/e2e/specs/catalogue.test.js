// The catalogue of published resources: every signed-in user searches and filters it;
// a partner asks the developing school for a resource from it.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { signIn, useBrowser } from '../support/browser.js';
import { resourceWithAcceptedRequest } from '../support/api.js';

const TITLE = `Каталожный ресурс ${Date.now()}`;

describe('catalogue', () => {
  const withPage = useBrowser();

  it('a partner finds a published resource, opens it and asks for it', () =>
    withPage(async (page) => {
      await resourceWithAcceptedRequest(TITLE);
      await signIn(page, 'partner@sch12.demo');
      await page.getByTestId('nav-catalogue').click();
      const filters = page.getByTestId('catalogue-filters');
      await filters.getByTestId('catalogue-search').fill(TITLE);
      await filters.getByTestId('catalogue-search-submit').click();
      const row = page.getByTestId('catalogue-row').filter({ hasText: TITLE });
      await row.waitFor();
      // The unfiltered list may show the new resource first; wait for the search result.
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="catalogue-row"]').length === 1);
      assert.equal(await page.getByTestId('catalogue-row').count(), 1);
      assert.match(await row.textContent(), /СОШ № 61.*Методическая разработка/);
      assert.equal((await row.getByTestId('catalogue-csat').textContent()).trim(), 'нет данных');

      // Another form leaves nothing.
      await filters.getByTestId('catalogue-form').selectOption('training_programme');
      await page.getByTestId('empty').waitFor();
      await filters.getByTestId('catalogue-form').selectOption('');
      await row.waitFor();

      await row.getByTestId('request-resource').click();
      const form = page.getByTestId('catalogue-request');
      await form.getByTestId('catalogue-need').fill('Хотим внедрить мониторинг в 5–7 классах');
      await form.getByTestId('catalogue-audience').fill('Учителя 5–7 классов');
      await form.getByTestId('catalogue-request-submit').click();
      await form.getByTestId('catalogue-requested').waitFor();

      await row.getByTestId('catalogue-link').click();
      await page.getByTestId('resource-title').getByText(TITLE).waitFor();
    }));

  it('the teacher reads the catalogue without the request button', () =>
    withPage(async (page) => {
      await signIn(page, 'teacher@sch61.demo');
      await page.getByTestId('nav-catalogue').click();
      await page.getByTestId('catalogue-row').first().waitFor();
      assert.equal(await page.getByTestId('request-resource').count(), 0);
    }));
});
