// The lifecycle of a resource on its page: the five steps, moves checked against their
// evidence with Russian refusals, going back with a reason, and versions with files.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resultPath, signIn, useBrowser, waitForCount } from '../support/browser.js';
import { pdfBuffer, resourceReadyForDelivery, resourceWithAcceptedRequest } from '../support/api.js';

const TITLE = `Мониторинг метапредметных результатов ${Date.now()}`;

describe('resource lifecycle and versions', () => {
  const withPage = useBrowser();

  it('the teacher moves an accepted resource to design, uploads a design document, moves on and goes back with a reason', () =>
    withPage(async (page) => {
      const { resource } = await resourceWithAcceptedRequest(TITLE);
      await signIn(page, 'teacher@sch61.demo');
      await page.goto(`/resources/${resource.id}`);
      const lifecycle = page.getByTestId('lifecycle');
      await lifecycle.waitFor();
      const current = lifecycle.locator('[data-testid="lifecycle-step"][data-state="current"]');
      assert.equal((await current.textContent()).trim(), '1Запрос');
      assert.equal(await lifecycle.getByTestId('lifecycle-step').count(), 5);

      // Request → design: the accepted request is the evidence.
      await lifecycle.getByTestId('move-next').getByText('Перейти к этапу «Проектирование»').click();
      await page.getByTestId('lifecycle').locator('[data-state="current"]').getByText('Проектирование').waitFor();
      await page.getByTestId('resource-stage').getByText('Проектирование').waitFor();

      // Design → production needs a design document with a file.
      await page.getByTestId('move-next').click();
      const refusal = page.getByTestId('lifecycle-error');
      await refusal.waitFor();
      assert.equal(
        (await refusal.textContent()).trim(),
        'Нельзя перейти к производству: нет версии «Проектный документ» с файлом или завершённой апробации',
      );

      // «Новая версия»: a design document, then its file.
      const versions = page.getByTestId('versions');
      await versions.getByTestId('add-version').click();
      await versions.getByTestId('version-kind').selectOption('design');
      await versions.getByTestId('version-notes').fill('Первая редакция проектного документа');
      await versions.getByTestId('version-submit').click();
      const row = versions.getByTestId('version-row').first();
      await row.getByText('Версия 1').waitFor();
      assert.equal((await row.getByTestId('version-kind-name').textContent()).trim(), 'Проектный документ');
      await row.getByTestId('version-file').setInputFiles({
        name: 'проект.pdf',
        mimeType: 'application/pdf',
        buffer: pdfBuffer(),
      });
      await versions.getByTestId('download-file').getByText('проект.pdf').waitFor();

      // A file of another type is refused next to the input.
      await versions.getByTestId('version-file').first().setInputFiles({
        name: 'программа.exe',
        mimeType: 'application/octet-stream',
        buffer: Buffer.from('MZ not a document'),
      });
      await versions.getByTestId('file-error').waitFor();

      // The file downloads with the session's token.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        versions.getByTestId('download-file').first().click(),
      ]);
      assert.equal(download.suggestedFilename(), 'проект.pdf');

      await page.getByTestId('move-next').click();
      await page.getByTestId('lifecycle').locator('[data-state="current"]').getByText('Производство').waitFor();

      // Going back needs a reason.
      await page.getByTestId('move-back').click();
      const dialog = page.getByTestId('back-dialog');
      await dialog.getByTestId('back-stage').selectOption('design');
      await dialog.getByTestId('back-confirm').click();
      await dialog.getByText('Укажите причину возврата на предыдущий этап').waitFor();
      await dialog.getByTestId('back-reason').fill('Доработка по замечаниям методического совета');
      await dialog.getByTestId('back-confirm').click();
      await page.getByTestId('lifecycle').locator('[data-state="current"]').getByText('Проектирование').waitFor();
      assert.equal(await page.getByTestId('back-dialog').count(), 0);

      // The timeline: who, when, from → to, why.
      const entries = page.getByTestId('transition-row');
      await entries.nth(2).waitFor();
      assert.equal(await entries.count(), 3);
      const last = await entries.nth(2).textContent();
      assert.match(last, /^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2} /);
      assert.match(last, /Производство → Проектирование/);
      assert.match(last, /Доработка по замечаниям методического совета/);
      assert.match(await entries.nth(0).textContent(), /Запрос → Проектирование/);
      await page.screenshot({ path: await resultPath('resource-lifecycle.png'), fullPage: true });
    }));

  it('a partner reading the published resource sees the steps and versions but no moves or uploads', () =>
    withPage(async (page) => {
      const { resource } = await resourceReadyForDelivery(`Ресурс для чтения ${Date.now()}`);
      await signIn(page, 'partner@sch12.demo');
      await page.goto(`/resources/${resource.id}`);
      await page.getByTestId('lifecycle').locator('[data-state="current"]').getByText('Доставка').waitFor();
      await waitForCount(page, '[data-testid="version-row"]', 2);
      assert.equal(await page.getByTestId('move-next').count(), 0);
      assert.equal(await page.getByTestId('move-back').count(), 0);
      assert.equal(await page.getByTestId('add-version').count(), 0);
      assert.equal(await page.getByTestId('version-file').count(), 0);
    }));
});
