import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  expectAccessible,
  expectHeading,
  launch,
  newPage,
  openFromMenu,
  signIn,
} from './support/browser.js';

describe('an administrator edits a territorial unit', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let unitPath = '';
  let newPhase = '';

  beforeAll(async () => {
    browser = await launch();
    ({ context, page } = await newPage(browser));
    await signIn(page, 'admin@officina.demo', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('finds the unit and changes its programme phase', async () => {
    await openFromMenu(page, 'Unità territoriali', 'Amministrazione');
    await expectHeading(page, 'Unità territoriali');
    await page.getByLabel('Nome, sigla o codice ISTAT', { exact: true }).fill('Vercelli');
    await page.getByRole('button', { name: 'Cerca', exact: true }).click();
    const table = page.getByRole('table', { name: 'Unità territoriali: 1 risultato' });
    await table.getByRole('link', { name: 'Modifica Vercelli' }).waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe('Vercelli');
    expect(await table.locator('tbody tr').count()).toBe(1);
    await expectAccessible(page, 'units list');

    await table.getByRole('link', { name: 'Modifica Vercelli' }).click();
    await expectHeading(page, 'Modifica: Vercelli');
    unitPath = new URL(page.url()).pathname;
    await expectAccessible(page, 'unit form');
    const phase = page.getByLabel('Fase del programma', { exact: true });
    // Toggle between phase 1 and 2, so the test also passes on a database it already ran on.
    newPhase = (await phase.inputValue()) === '1' ? '2' : '1';
    await phase.selectOption(newPhase);
    await page.getByRole('button', { name: 'Salva' }).click();
    await page.getByText('Unità «Vercelli» salvata.').waitFor();
  });

  it('sees the change in the activity log', async () => {
    await openFromMenu(page, 'Registro attività', 'Amministrazione');
    await expectHeading(page, 'Registro attività');
    await page.getByLabel('Azione', { exact: true }).fill('unit.updated');
    const filtered = page.waitForResponse(
      (r) => r.url().includes('/api/v1/audit-log') && r.url().includes('action=unit.updated'),
    );
    await page.getByRole('button', { name: 'Cerca', exact: true }).click();
    await filtered;
    // Newest first: the change just made.
    const first = page
      .getByRole('table', { name: /^Registro attività: \d+ vo/ })
      .locator('tbody tr')
      .first();
    await first.getByText('unit.updated').waitFor();
    const text = (await first.textContent()) ?? '';
    expect(text).toContain('admin@officina.demo');
    expect(text).toContain('Vercelli');
    expect(text).toContain(unitPath.split('/').pop() ?? '');
    await first.getByText('Mostra i dettagli').click();
    expect(await first.locator('pre').textContent()).toContain('programmePhase');
    await expectAccessible(page, 'activity log');
  });
});
