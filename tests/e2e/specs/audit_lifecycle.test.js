// The change log names the lifecycle's records and actions in Russian: requests and
// their decisions, versions, uploaded files and deliveries.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { signIn, useBrowser } from '../support/browser.js';
import { resourceReadyForDelivery } from '../support/api.js';

/** The change log's row of the record `entity` № `id` with the action `action`. */
function auditRow(page, entity, id, action) {
  return page
    .locator(`[data-testid="audit-row"][data-entity="${entity}"][data-entity-id="${id}"]`)
    .filter({ has: page.getByTestId('audit-action').getByText(action, { exact: true }) });
}

describe('change log of the lifecycle', () => {
  const withPage = useBrowser();

  it('the director reads the accepted request, both versions and both uploaded files by name', () =>
    withPage(async (page) => {
      const title = `Ресурс для журнала ${Date.now()}`;
      const { request, design, product, designFile, productFile } = await resourceReadyForDelivery(title);
      await signIn(page, 'director@sch61.demo');
      await page.getByTestId('nav-audit').click();
      const filter = page.getByTestId('audit-entity-filter');

      await filter.selectOption('request');
      await auditRow(page, 'request', request.id, 'Принятие запроса').waitFor();

      await filter.selectOption('resource_file');
      for (const file of [designFile, productFile]) {
        await auditRow(page, 'resource_file', file.id, 'Загрузка файла').waitFor();
      }

      await filter.selectOption('resource_version');
      for (const version of [design, product]) {
        const row = auditRow(page, 'resource_version', version.id, 'Создание');
        await row.waitFor();
        assert.match(await row.getByTestId('audit-record').textContent(), /^Версия ресурса/);
      }
      // Only versions are listed under that filter.
      const entities = await page.getByTestId('audit-row').evaluateAll((rows) => rows.map((row) => row.dataset.entity));
      assert.deepEqual([...new Set(entities)], ['resource_version']);

      const labels = await filter.locator('option').allTextContents();
      for (const label of ['Запрос', 'Версия ресурса', 'Файл ресурса', 'Поставка']) {
        assert.ok(labels.includes(label), `${label} among ${labels}`);
      }
    }));
});
