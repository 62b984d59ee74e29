// The change log names the lifecycle's records and actions in Russian: requests and
// their decisions, versions, uploaded files and deliveries.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { signIn, useBrowser } from '../support/browser.js';
import { resourceReadyForDelivery } from '../support/api.js';

describe('change log of the lifecycle', () => {
  const withPage = useBrowser();

  it('the director reads accepted requests, versions and uploaded files by name', () =>
    withPage(async (page) => {
      await resourceReadyForDelivery(`Ресурс для журнала ${Date.now()}`);
      await signIn(page, 'director@sch61.demo');
      await page.getByTestId('nav-audit').click();
      const filter = page.getByTestId('audit-entity-filter');

      await filter.selectOption('request');
      await page.getByTestId('audit-action').getByText('Принятие запроса').first().waitFor();

      await filter.selectOption('resource_file');
      await page.getByTestId('audit-action').getByText('Загрузка файла').first().waitFor();

      await filter.selectOption('resource_version');
      await page.getByTestId('audit-row').first().waitFor();
      const labels = await filter.locator('option').allTextContents();
      for (const label of ['Запрос', 'Версия ресурса', 'Файл ресурса', 'Поставка']) {
        assert.ok(labels.includes(label), `${label} among ${labels}`);
      }
    }));
});
