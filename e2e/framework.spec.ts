import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  expectAccessible,
  expectHeading,
  focused,
  launch,
  newPage,
  openFromMenu,
  signIn,
  tick,
} from './support/browser.js';
import { ApiAs } from './support/training.js';

/** The page's width in CSS pixels, to prove nothing overflows a phone's screen. */
const pageWidth = (page: Page) =>
  page.evaluate(
    () =>
      (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
        .documentElement.scrollWidth,
  );

/** Clears a checkbox with the keyboard (Space), as `tick` sets one. */
async function untick(box: Locator) {
  await box.focus();
  if (!(await box.isChecked())) return;
  await box.press('Space');
  expect(await box.isChecked()).toBe(false);
}

/**
 * Opens a new draft from the framework page; a draft left by an earlier run on the same database is
 * deleted first, so the spec can run again.
 */
async function newDraft(page: Page) {
  await page.goto('/amministrazione/quadro-competenze');
  await expectHeading(page, 'Quadro delle competenze');
  const open = page.getByRole('link', { name: /^Apri la bozza/ });
  await page
    .getByRole('link', { name: /^Apri la bozza/ })
    .or(page.getByRole('button', { name: 'Crea una nuova bozza' }))
    .first()
    .waitFor();
  if (await open.count()) {
    await open.click();
    await page.getByRole('button', { name: 'Elimina la bozza' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Elimina la bozza' }).click();
    await expectHeading(page, 'Quadro delle competenze');
  }
  await page.getByRole('button', { name: 'Crea una nuova bozza' }).click();
  await expectHeading(page, /^Quadro delle competenze, versione /);
  await page.getByRole('button', { name: 'Modifica la competenza GA-CP-01' }).waitFor();
}

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
    await openFromMenu(page, 'Quadro delle competenze', 'Fabbisogni');
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

describe('a national administrator changes the framework and maps the paths to it', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  // Codes and texts of this run, so the spec runs again on the same database.
  const run = Date.now().toString(36).toUpperCase();
  const code = `GA-CP-T${run}`;
  const text = `Gestione dei fascicoli di gara ${run}`;

  beforeAll(async () => {
    browser = await launch();
    ({ context, page } = await newPage(browser));
    await signIn(page, 'admin@officina.demo', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('creates a draft and changes a competency’s level description, warned before leaving unsaved', async () => {
    await newDraft(page);
    await expectAccessible(page, 'draft editor');
    await page.getByRole('button', { name: 'Modifica la competenza GA-CP-01' }).click();
    const form = page.getByRole('form', { name: 'Modifica della competenza GA-CP-01' });
    const level = form.getByLabel('Livello intermedio (italiano)');
    await level.fill('Applica il Codice nelle procedure ordinarie e ne spiega le scelte al RUP.');
    await form.getByText('Ci sono modifiche non salvate.').waitFor();
    await expectAccessible(page, 'competency form');

    // Leaving with unsaved changes asks first; staying keeps the text typed.
    let asked = '';
    page.once('dialog', (d) => {
      asked = d.message();
      void d.dismiss();
    });
    await page.getByRole('link', { name: 'Torna al quadro delle competenze' }).click();
    expect(asked).toContain('modifiche non salvate');
    expect(await level.inputValue()).toContain('spiega le scelte al RUP');

    await form.getByRole('button', { name: 'Salva' }).click();
    await form.waitFor({ state: 'detached' });
    await page
      .getByText('Applica il Codice nelle procedure ordinarie e ne spiega le scelte al RUP.')
      .waitFor();
    expect((await focused(page))?.text).toContain('Modifica');
  });

  it('adds a competency: the errors are shown next to the fields, in Italian', async () => {
    await page.getByRole('button', { name: 'Aggiungi una competenza in GA-CP' }).click();
    const form = page.getByRole('form', { name: 'Nuova competenza' });
    await form.getByRole('button', { name: 'Salva' }).click();
    await form.getByText('Correggi i campi segnalati.').waitFor();
    expect(await form.getByLabel('Codice', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'competency form with errors');

    // A code already used: the server says so under the code field.
    await form.getByLabel('Codice', { exact: true }).fill('GA-CP-01');
    await form.getByLabel('Nome (italiano)').fill(`Gestire i fascicoli di gara ${run}`);
    await form.getByLabel('Nome (inglese)').fill(`Managing tender files ${run}`);
    await form
      .getByLabel('Descrizione (italiano)')
      .fill('Tiene i fascicoli delle procedure completi e ordinati.');
    await form.getByLabel('Descrizione (inglese)').fill('Keeps the procedure files complete and in order.');
    await form.getByLabel('Parole chiave').fill(`${text}\nfascicolo di gara`);
    for (const [it, en] of [
      ['base', 'basic'],
      ['intermedio', 'intermediate'],
      ['avanzato', 'advanced'],
    ] as const) {
      await form.getByLabel(`Livello ${it} (italiano)`).fill(`Descrizione del livello ${it}.`);
      await form.getByLabel(`Livello ${it} (inglese)`).fill(`Description of the ${en} level.`);
    }
    await form.getByRole('button', { name: 'Salva' }).click();
    await form
      .getByText('Il codice di competenza "GA-CP-01" è già usato in questa versione.')
      .first()
      .waitFor();
    expect(await form.getByLabel('Codice', { exact: true }).getAttribute('aria-invalid')).toBe('true');

    await form.getByLabel('Codice', { exact: true }).fill(code);
    await form.getByRole('button', { name: 'Salva' }).click();
    await form.waitFor({ state: 'detached' });
    await page.getByRole('heading', { level: 4, name: new RegExp(code) }).waitFor();
  });

  it('moves the new competency up with the keyboard, the focus staying on the button', async () => {
    const headings = () =>
      page
        .locator('section[aria-labelledby^="area-"]')
        .first()
        .getByRole('heading', { level: 4 })
        .allTextContents();
    const before = await headings();
    const at = before.findIndex((h) => h.includes(code));
    expect(at).toBe(before.length - 1);
    const up = page.getByRole('button', { name: `Sposta su la competenza ${code}` });
    await up.focus();
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: `Competenza ${code} spostata` })
      .waitFor({ state: 'attached' });
    await expect.poll(headings).toEqual([...before.slice(0, at - 1), before[at], before[at - 1]]);
    const id = (await focused(page))?.id ?? '';
    expect(id).toMatch(/^move-up-competency-/);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await headings()).findIndex((h) => h.includes(code))).toBe(at - 2);
    await expectAccessible(page, 'draft after a move');
  });

  it('publishes the draft after a dialog that says what happens: it is the version in force', async () => {
    const title = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
    const label = title.replace('Quadro delle competenze, versione ', '').trim();
    await page.getByRole('button', { name: 'Pubblica', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/sarà ritirata e resterà consultabile/).waitFor();
    await dialog.getByText(/continuano a usare la versione con cui sono state create/).waitFor();
    await expectAccessible(page, 'publish dialog');
    await dialog.getByRole('button', { name: 'Pubblica', exact: true }).click();
    await page.getByText(`Versione ${label} pubblicata.`).waitFor();
    await page.getByRole('link', { name: 'Torna al quadro delle competenze' }).click();
    await expectHeading(page, 'Quadro delle competenze');
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: label, exact: true }) });
    await row.getByText('Pubblicata').waitFor();
    expect(await page.getByRole('cell', { name: 'Pubblicata' }).count()).toBe(1);
  });

  it('maps a path’s text that names no competency, and keeps the text', async () => {
    const api = new ApiAs(page);
    await api.send('POST', '/api/v1/training-paths', {
      title: `Archivi di gara ${run}`,
      summary: 'Come tenere i fascicoli delle procedure di gara.',
      domainCode: 'giuridico-amministrativo',
      serviceModelCode: null,
      level: 'base',
      totalHours: 3,
      deliveryModes: ['webinar'],
      competencies: ['Protocollo informatico avanzato', 'CAM'],
    });
    await page.getByRole('link', { name: 'Competenze da mappare' }).click();
    await expectHeading(page, 'Competenze da mappare');
    await page.getByLabel('Cerca un percorso (titolo)').fill(`Archivi di gara ${run}`);
    const card = page.getByRole('region', { name: `Archivi di gara ${run}` });
    // "CAM" was linked when the path was created; the other text waits.
    await card.getByText('Da mappare').waitFor();
    await card
      .getByText(/dal testo «CAM»/)
      .first()
      .waitFor();
    await expectAccessible(page, 'texts to map');

    await card.getByRole('button', { name: 'Mappa «Protocollo informatico avanzato»' }).click();
    const form = card.getByRole('form', { name: /Collega «Protocollo informatico avanzato»/ });
    await form.getByRole('button', { name: 'Collega' }).click();
    await form.getByText('Scegli almeno una competenza.').waitFor();
    await form.getByLabel(/Cerca una competenza/).fill(code);
    await tick(form.getByRole('checkbox', { name: new RegExp(code) }));
    await form.getByText('1 competenza scelta').waitFor();
    await expectAccessible(page, 'mapping a text');
    await form.getByRole('button', { name: 'Collega' }).click();
    await page.getByText(/«Protocollo informatico avanzato» collegata nel percorso/).waitFor();

    // Nothing left to map: the path leaves the list; all paths show it with its links and its text.
    await expect.poll(() => card.count()).toBe(0);
    await untick(page.getByRole('checkbox', { name: 'Solo i percorsi con testi da mappare' }));
    await card
      .getByText(new RegExp(`${code}.*dal testo «Protocollo informatico avanzato»`))
      .first()
      .waitFor();
    await card.getByText('Protocollo informatico avanzato', { exact: true }).waitFor();
    await expectAccessible(page, 'a mapped path');
  });

  it('works on a phone: the draft editor and the mapping page fit 390 px', async () => {
    const phone = await browser.newContext({
      baseURL: new URL(page.url()).origin,
      viewport: { width: 390, height: 844 },
      storageState: await context.storageState(),
    });
    const small = await phone.newPage();
    await newDraft(small);
    await small.getByRole('button', { name: 'Modifica la competenza GA-CP-01' }).click();
    await small.getByRole('form', { name: 'Modifica della competenza GA-CP-01' }).waitFor();
    expect(await pageWidth(small)).toBeLessThanOrEqual(390);
    await expectAccessible(small, 'draft editor on a phone');
    await small.getByRole('button', { name: 'Annulla' }).click();
    // The draft is not kept.
    await small.getByRole('button', { name: 'Elimina la bozza' }).click();
    await small.getByRole('dialog').getByRole('button', { name: 'Elimina la bozza' }).click();
    await expectHeading(small, 'Quadro delle competenze');
    await small.getByRole('button', { name: 'Crea una nuova bozza' }).waitFor();

    await small.goto('/amministrazione/quadro-competenze/da-mappare');
    await expectHeading(small, 'Competenze da mappare');
    await untick(small.getByRole('checkbox', { name: 'Solo i percorsi con testi da mappare' }));
    await small.getByRole('region', { name: `Archivi di gara ${run}` }).waitFor();
    expect(await pageWidth(small)).toBeLessThanOrEqual(390);
    await expectAccessible(small, 'texts to map on a phone');
    await phone.close();
  });
});
