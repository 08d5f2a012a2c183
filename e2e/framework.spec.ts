import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  expectAccessible,
  expectHeading,
  launch,
  newPage,
  signIn,
} from './support/browser.js';

describe('a national administrator consults the competency framework', () => {
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

  it('finds the framework in the menu, with the version in force', async () => {
    await page.getByRole('link', { name: 'Quadro delle competenze', exact: true }).first().click();
    await expectHeading(page, 'Quadro delle competenze');
    await page.getByRole('cell', { name: 'Pubblicata' }).first().waitFor();
    await expectAccessible(page, 'framework versions');
  });

  it('reads a version: domains, areas, competencies with their three levels; exports it as JSON', async () => {
    await page.getByRole('link', { name: '2026.1', exact: true }).click();
    await expectHeading(page, 'Quadro delle competenze, versione 2026.1');
    await page.getByRole('heading', { level: 3, name: /Contratti pubblici/ }).waitFor();
    await page.getByText('Intermedio').first().waitFor();
    await expectAccessible(page, 'framework version');
    const href = await page.getByRole('link', { name: 'Esporta JSON' }).getAttribute('href');
    const exported = await page.request.get(href ?? '');
    expect(exported.status()).toBe(200);
    const body = (await exported.json()) as { version: string; domains: { code: string }[] };
    expect(body.version).toBe('2026.1');
    expect(body.domains.map((d) => d.code)).toEqual([
      'giuridico-amministrativo',
      'tecnologico',
      'gestionale',
    ]);
  });

  it('refuses an import whose content is not what its name says, and explains why', async () => {
    await page.goto('/amministrazione/quadro-competenze/importa');
    await expectHeading(page, 'Importa una versione del quadro');
    await page.getByLabel('File JSON o CSV').setInputFiles({
      name: 'quadro.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n', 'latin1'),
    });
    await page
      .getByRole('button', { name: /Importa/ })
      .last()
      .click();
    await page.getByRole('alert').first().waitFor();
    await expectAccessible(page, 'framework import refused');
  });

  it('works on a phone: the version page fits 390 px', async () => {
    const phone = await browser.newContext({
      baseURL: new URL(page.url()).origin,
      viewport: { width: 390, height: 844 },
      storageState: await context.storageState(),
    });
    const small = await phone.newPage();
    await small.goto('/amministrazione/quadro-competenze');
    await expectHeading(small, 'Quadro delle competenze');
    await small.getByRole('link', { name: '2026.1', exact: true }).click();
    await expectHeading(small, 'Quadro delle competenze, versione 2026.1');
    const width = await small.evaluate(
      () =>
        (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
          .documentElement.scrollWidth,
    );
    expect(width).toBeLessThanOrEqual(390);
    await expectAccessible(small, 'framework version on a phone');
    await phone.close();
  });
});
