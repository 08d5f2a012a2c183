import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
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

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

async function downloaded(page: Page, button: string, group: string) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('group', { name: group }).getByRole('button', { name: button }).click(),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), body: await readFile(path) };
}

describe('training needs: the heatmap of the demo survey', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launch();
    ({ context, page } = await newPage(browser));
    await signIn(page, 'admin@officina.demo', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('an admin finds the survey in the menu and opens its heatmap: Sassari shows n<5, never a number', async () => {
    await openFromMenu(page, 'Fabbisogni formativi', 'Fabbisogni');
    await expectHeading(page, 'Fabbisogni formativi');
    await expectAccessible(page, 'gaps campaigns');
    await page.getByRole('link', { name: 'Rilevazione dei fabbisogni formativi 2026' }).click();
    await expectHeading(page, /Fabbisogni formativi: Rilevazione/);
    const table = page.getByRole('table', { name: /Divario medio per Enti e Ambiti/ });
    await table.waitFor();
    await expect(table.getByRole('rowheader', { name: /Cuneo/ }).count()).resolves.toBe(1);
    const sassari = table.getByRole('row', { name: /Sassari/ });
    await expect(sassari.getByText('n<5').count()).resolves.toBeGreaterThan(0);
    expect(await sassari.textContent()).not.toMatch(/n=\d/);
    await page.getByRole('table', { name: /Priorità formative per Competenze/ }).waitFor();
    await expectAccessible(page, 'heatmap by unit and domain');
  });

  it('switches dimension to areas and to job profiles, and downloads the CSV and the PNG', async () => {
    await page.getByLabel('Colonne').selectOption('area');
    await page.getByRole('table', { name: /Divario medio per Enti e Aree/ }).waitFor();
    await page.getByLabel('Righe').selectOption('jobProfile');
    await page.getByRole('table', { name: /Divario medio per Profili professionali e Aree/ }).waitFor();
    await expectAccessible(page, 'heatmap by job profile and area');

    const csv = await downloaded(page, 'CSV', 'Scarica la mappa di calore');
    expect(csv.name).toMatch(/\.csv$/);
    expect(csv.body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = parse(csv.body.toString('utf8'), { delimiter: ';', bom: true, columns: true }) as Record<
      string,
      string
    >[];
    expect(lines[0]?.row_dimension).toBe('jobProfile');
    expect(lines[0]?.column_dimension).toBe('area');

    const png = await downloaded(page, 'Immagine PNG', 'Scarica la mappa di calore');
    expect(png.name).toMatch(/\.png$/);
    expect(png.body.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    // IHDR: width and height, big-endian, at bytes 16..24; drawn at twice the SVG's size.
    expect(png.body.readUInt32BE(16)).toBeGreaterThan(1000);
    expect(png.body.readUInt32BE(20)).toBeGreaterThan(300);
    expect(png.body.length).toBeGreaterThan(5000);

    const prio = await downloaded(page, 'Immagine PNG', 'Scarica le priorità');
    expect(prio.body.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  });

  it('works on a phone: the heatmap scrolls inside its labelled region, the page does not', async () => {
    const phone = await browser.newContext({
      baseURL: new URL(page.url()).origin,
      viewport: { width: 390, height: 844 },
      storageState: await context.storageState(),
    });
    const small = await phone.newPage();
    await small.goto(new URL(page.url()).pathname);
    await small.getByRole('region', { name: /Divario medio per Enti e Ambiti/ }).waitFor();
    const width = await small.evaluate(
      () =>
        (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
          .documentElement.scrollWidth,
    );
    expect(width).toBeLessThanOrEqual(390);
    // The region is reachable by keyboard, so it can be scrolled with the arrows.
    const region = small.getByRole('region', { name: /Divario medio per Enti e Ambiti/ });
    expect(await region.getAttribute('tabindex')).toBe('0');
    await expectAccessible(small, 'heatmap on a phone');
    await phone.close();
  });
});

describe('training needs: a Province officer', () => {
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

  it('sees their own unit only, and their unit by job profile', async () => {
    await openFromMenu(page, 'Fabbisogni formativi', 'Fabbisogni');
    await page.getByRole('link', { name: 'Rilevazione dei fabbisogni formativi 2026' }).click();
    const table = page.getByRole('table', { name: /Divario medio per Enti e Ambiti/ });
    await table.waitFor();
    const heads = await table.getByRole('rowheader').allTextContents();
    expect(heads.some((h) => /Cuneo/.test(h))).toBe(true);
    expect(heads.some((h) => /Bergamo|Sassari/.test(h))).toBe(false);
    // Cuneo and Bergamo are the published units: the totals, minus Cuneo, would be Bergamo's.
    await expect(table.getByText(/tolto il proprio ente/).count()).resolves.toBeGreaterThan(0);
    await expectAccessible(page, 'officer heatmap');
    await page.keyboard.press('Tab');
    await page.getByLabel('Righe').focus();
    await page.getByLabel('Righe').selectOption('jobProfile');
    await page.getByLabel('Ente').selectOption({ label: 'Cuneo' });
    await page.getByRole('table', { name: /Divario medio per Profili professionali e Ambiti/ }).waitFor();
    await expectAccessible(page, 'officer heatmap by job profile');
  });

  it('a learner has "Le mie competenze", with no personal view of an anonymous survey', async () => {
    const { context: c2, page: learner } = await newPage(browser);
    // Sassari is in no named survey; other specs have the Cuneo learners answer one or change their password.
    await signIn(learner, 'discente.sassari@officina.demo', DEMO_PASSWORD);
    await openFromMenu(learner, 'Le mie competenze', 'La mia area');
    await expectHeading(learner, 'Le mie competenze');
    await learner.getByText(/rilevazioni anonime non sono collegate a te/).waitFor();
    await expectAccessible(learner, 'my competencies');
    await c2.close();
  });
});
