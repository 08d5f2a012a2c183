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

  it('sees the change in the activity log, in words, with names and a readable date', async () => {
    await openFromMenu(page, 'Registro attività', 'Amministrazione');
    await expectHeading(page, 'Registro attività');
    // The filters are choices among the actions and objects the log knows, by their names.
    const types = page.getByLabel('Tipo di oggetto', { exact: true });
    expect(await types.locator('option', { hasText: 'Percorso formativo' }).count()).toBe(1);
    await page.getByLabel('Azione', { exact: true }).selectOption({ label: 'Unità territoriale modificata' });
    const filtered = page.waitForResponse(
      (r) => r.url().includes('/api/v1/audit-log') && r.url().includes('action=unit.updated'),
    );
    await page.getByRole('button', { name: 'Cerca', exact: true }).click();
    await filtered;
    // Newest first: the change just made.
    const table = page.getByRole('table', { name: /^Registro attività: \d+ vo/ });
    const first = table.locator('tbody tr').first();
    await first.getByText('Unità territoriale modificata').waitFor();
    const text = (await first.textContent()) ?? '';
    expect(text).toContain('Alessandra Amministratrice');
    expect(text).toContain('admin@officina.demo');
    expect(text).toContain('Vercelli');
    expect(text).toContain(unitPath.split('/').pop() ?? '');
    expect(text).not.toContain('unit.updated');
    // One date format across the app: "30 nov 2026, 14:30", Rome time, never ISO or 30/11/26.
    expect(((await first.locator('th').textContent()) ?? '').trim()).toMatch(
      /^\d{1,2} [a-z]{3} \d{4}, \d{2}:\d{2}$/,
    );
    await first.getByText('Mostra i dettagli').click();
    // Details in words: the field's label and old → new, never the code or raw JSON.
    const details = (await first.locator('dl').first().textContent()) ?? '';
    expect(details).toContain('Fase del programma');
    expect(details).toMatch(/→/);
    expect(details).not.toContain('programmePhase');
    expect(await first.locator('pre').count()).toBe(0);
    await expectAccessible(page, 'activity log');

    await page.setViewportSize({ width: 390, height: 844 });
    await first.getByText('Unità territoriale modificata').waitFor();
    const width = await page.evaluate(
      () =>
        (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
          .documentElement.scrollWidth,
    );
    expect(width).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'activity log on a phone');
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
