import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseURL,
  DEMO_PASSWORD,
  expectAccessible,
  expectHeading,
  launch,
  newPage,
  signIn,
} from './support/browser.js';

describe('a Province officer manages the users of their Province', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launch();
    ({ context, page } = await newPage(browser));
    await signIn(page, 'referente.cuneo@officina.demo', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('sees only the users of Cuneo', async () => {
    await page.goto('/amministrazione/utenti');
    await expectHeading(page, 'Gestione utenti');
    const table = page.getByRole('table');
    await table.getByText('discente.cuneo@officina.demo').waitFor();
    const text = (await table.textContent()) ?? '';
    expect(text).not.toContain('bergamo');
    expect(text).not.toContain('Bergamo');
    // The unit filter offers their own Province only.
    const options = await page.locator('#users-unit option').allTextContents();
    expect(options.filter((o) => o !== 'Tutti i miei enti')).toEqual(['Cuneo']);
    await expectAccessible(page, 'users list (officer)');
  });

  it('can use the users list on a phone', async () => {
    // Same session (cookies), small screen: the wide table must scroll and stay keyboard-accessible.
    const phone = await browser.newContext({
      baseURL: baseURL(),
      viewport: { width: 390, height: 844 },
      storageState: await context.storageState(),
    });
    const small = await phone.newPage();
    await small.goto('/amministrazione/utenti');
    await expectHeading(small, 'Gestione utenti');
    await small.getByRole('table').getByText('discente.cuneo@officina.demo').waitFor();
    await expectAccessible(small, 'users list (phone)');
    await phone.close();
  });

  it('imports a CSV file and gets a report for the bad row', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'officina-csv-'));
    const file = path.join(dir, 'utenti.csv');
    const stamp = Date.now();
    writeFileSync(
      file,
      [
        'email,name,unit_istat_code,job_profile_code',
        `importato.${stamp}@provincia.cuneo.example.it,Importato Uno,004,`,
        'indirizzo-non-valido,Importato Due,004,',
      ].join('\n'),
    );
    await page.getByRole('button', { name: 'Importa da CSV' }).click();
    await page.getByLabel('File CSV', { exact: true }).setInputFiles(file);
    await expectAccessible(page, 'import form');
    await page.getByRole('button', { name: 'Importa', exact: true }).click();
    await page.getByText('Importazione completata: 1 utenti creati, 1 righe scartate.').waitFor();
    const report = page.getByRole('table', { name: 'Righe scartate e motivi' });
    await report.waitFor();
    const rows = report.locator('tbody tr');
    expect(await rows.count()).toBe(1);
    const row = (await rows.first().textContent()) ?? '';
    expect(row).toContain('3');
    expect(row).toContain('indirizzo-non-valido');
    await expectAccessible(page, 'import report');

    // The imported person is now in the list.
    await page.getByLabel('Nome o e-mail', { exact: true }).fill(`importato.${stamp}`);
    await page.getByRole('button', { name: 'Cerca', exact: true }).click();
    await page
      .getByRole('table', { name: /^Utenti/ })
      .getByText(`importato.${stamp}@provincia.cuneo.example.it`)
      .waitFor();
  });
});
