import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  expectAccessible,
  expectHeading,
  launch,
  newPage,
  openFromMenu,
  romeDayFromToday,
  signIn,
  tick,
} from './support/browser.js';

describe('an administrator records a Convenzione', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const stamp = Date.now();
  const pathTitle = `Percorso riservato ${stamp}`;
  const model = 'Servizio Associato Politiche Europee';
  let publicPath = '';

  beforeAll(async () => {
    browser = await launch();
    ({ context, page } = await newPage(browser));
    await signIn(page, 'admin@officina.demo', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('publishes a path reserved to the units with a Convenzione', async () => {
    await page.goto('/amministrazione/catalogo/nuovo');
    await expectHeading(page, 'Nuovo percorso formativo');
    await page.getByLabel('Titolo', { exact: true }).fill(pathTitle);
    await page
      .getByLabel('Descrizione breve', { exact: true })
      .fill('Un percorso riservato agli enti che hanno firmato una Convenzione.');
    await page.getByLabel('Ambito formativo', { exact: true }).selectOption({ label: 'Gestionale' });
    await page.getByLabel('Durata', { exact: true }).fill('4');
    await tick(page.getByLabel('Webinar', { exact: true }));
    await tick(page.getByLabel('Solo gli enti con una Convenzione per il modello di servizio del percorso'));
    // Reserving to a Convenzione needs a service model: said before anything is sent.
    await page.getByRole('button', { name: 'Crea il percorso' }).click();
    await page
      .getByText('Per riservare il percorso agli enti con Convenzione scegli il modello di servizio.')
      .waitFor();
    await page.getByLabel('Modello di servizio', { exact: true }).selectOption({ label: model });
    await page.getByRole('button', { name: 'Crea il percorso' }).click();
    await expectHeading(page, pathTitle);
    await page.getByRole('button', { name: 'Pubblica il percorso' }).click();
    const link = page.getByRole('link', { name: 'Apri la scheda pubblica del percorso' });
    await link.waitFor();
    publicPath = (await link.getAttribute('href')) ?? '';
    expect(publicPath).toMatch(/^\/formazione\/percorsi\/[a-z0-9-]+$/);
  });

  it('records the Convenzione of Sassari for that service model', async () => {
    await openFromMenu(page, 'Convenzioni', 'Formazione');
    await expectHeading(page, 'Convenzioni');
    const table = page.getByRole('table', { name: /^Convenzioni: \d+ risultat/ });
    // The demo Convenzione of Cuneo.
    await table.getByText('Cuneo').first().waitFor();
    await expectAccessible(page, 'agreements');

    await page.getByRole('button', { name: 'Nuova Convenzione' }).click();
    const form = page.getByRole('form', { name: 'Nuova Convenzione' });
    await form.getByLabel('Ente').selectOption({ label: 'Sassari' });
    await form.getByLabel('Modello di servizio').selectOption({ label: model });
    await form.getByLabel('Atto', { exact: true }).fill(`Decreto del Presidente n. ${stamp % 1000}`);
    await form.getByLabel('Data di firma').fill(romeDayFromToday(-10));
    // The start of validity follows the signature date unless chosen.
    expect(await form.getByLabel('Valida dal').inputValue()).toBe(romeDayFromToday(-10));
    await expectAccessible(page, 'agreement form');
    await form.getByRole('button', { name: 'Registra la Convenzione' }).click();
    await page.getByText(`Convenzione di Sassari per ${model} salvata.`).waitFor();

    await page.getByLabel('Ente', { exact: true }).selectOption({ label: 'Sassari' });
    const filtered = page.waitForResponse(
      (r) =>
        new URL(r.url()).pathname === '/api/v1/agreements' && new URL(r.url()).searchParams.has('unitId'),
    );
    await page.getByRole('button', { name: 'Cerca', exact: true }).click();
    await filtered;
    const row = page.getByRole('row', { name: new RegExp(`Sassari.*${model}`) }).first();
    await row.getByText('In vigore').waitFor();
    expect(await page.locator('tbody tr', { hasText: 'Cuneo' }).count()).toBe(0);
    await expectAccessible(page, 'agreements filtered');
  });

  it('corrects the Convenzione', async () => {
    await page
      .getByRole('button', { name: `Modifica Sassari — ${model}` })
      .first()
      .click();
    const form = page.getByRole('form', { name: 'Modifica della Convenzione' });
    await form.getByLabel('Note').fill('Trasmessa con PEC.');
    await form.getByRole('button', { name: 'Salva' }).click();
    await page.getByText(`Convenzione di Sassari per ${model} salvata.`).waitFor();
  });

  it('lists Sassari among the units that may enrol in the reserved path', async () => {
    await page.goto(publicPath);
    await expectHeading(page, pathTitle);
    const section = page.getByRole('region', { name: 'Chi può iscriversi' });
    await section.getByText(/Riservato alle Province con una Convenzione attiva/).waitFor();
    expect(await section.textContent()).toContain('Sassari');
    await expectAccessible(page, 'reserved path');
  });
});
