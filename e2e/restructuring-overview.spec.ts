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
  signOut,
} from './support/browser.js';

describe('restructuring: the national view', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launch();
    ({ context, page } = await newPage(browser));
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('the task force opens Riassetto from the menu: table, filters in the address, maps by keyboard, trends', async () => {
    await signIn(page, 'taskforce@officina.demo', DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Riassetto', exact: true }).first().click();
    await expectHeading(page, 'Riassetto organizzativo: vista nazionale');
    const table = page.getByRole('table', { name: /Enti nel perimetro/ });
    await table.waitFor();
    await expect(table.getByRole('rowheader').count()).resolves.toBeGreaterThanOrEqual(107);
    await expectAccessible(page, 'national view');

    await page.getByLabel('Regione', { exact: true }).selectOption('01');
    await page.getByRole('button', { name: 'Cerca' }).click();
    await page.waitForURL(/region=01/);
    await expect.poll(() => table.getByRole('rowheader').count(), { timeout: 15_000 }).toBe(8);

    // A tile is a link named with the unit and its value; Enter opens the unit.
    const cuneo = page.getByRole('link', { name: /^Cuneo \(CN\): / });
    await cuneo.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/riassetto\/unita\/\d+$/);
    await page.goBack();
    await page.getByRole('button', { name: 'Mostra come tabella' }).first().click();
    await page.getByRole('table', { name: "Enti e valore dell'indicatore" }).waitFor();
    await page.getByLabel('Colora per').selectOption('hiring');
    await page.getByRole('button', { name: 'Mostra i dati in tabella' }).click();
    await page.getByRole('table', { name: /Andamento negli ultimi 24 mesi/ }).waitFor();
    await expectAccessible(page, 'national view, tables shown');
    await signOut(page);
  });

  it('at 390 px the table scrolls in its labelled region', async () => {
    await signIn(page, 'admin@officina.demo', DEMO_PASSWORD);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseURL()}/riassetto`);
    await page.getByRole('region', { name: 'Tabella degli enti' }).waitFor();
    const width = await page.evaluate(
      () =>
        (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
          .documentElement.scrollWidth,
    );
    expect(width).toBeLessThanOrEqual(391);
    await expectAccessible(page, 'national view at 390 px');
    await page.setViewportSize({ width: 1280, height: 900 });
    await signOut(page);
  });

  it('a Province officer lands on their own unit', async () => {
    await signIn(page, 'referente.cuneo@officina.demo', DEMO_PASSWORD);
    await page.goto(`${baseURL()}/riassetto`);
    await page.waitForURL(/\/riassetto\/unita\/\d+$/);
    await signOut(page);
  });
});
