import { strFromU8, unzipSync } from 'fflate';
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

const PLAN_TITLE = 'Piano formativo 2027 – Cuneo';

describe('the Cuneo officer prepares the training plan from the needs survey', () => {
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

  it('finds the plans in the menu and generates the proposed plan from the demo survey', async () => {
    await openFromMenu(page, 'Piani formativi', 'Fabbisogni');
    await expectHeading(page, 'Piani formativi');
    await page.getByRole('cell', { name: 'Rilevazione dei fabbisogni formativi 2026' }).first().waitFor();
    await expectAccessible(page, 'training plans');
    await page.getByRole('button', { name: /Genera il piano proposto/ }).click();
    await expectHeading(page, PLAN_TITLE);
    await page.getByRole('table', { name: 'Righe del piano' }).waitFor();
    await page.getByRole('table', { name: /Competenze per priorità/ }).waitFor();
    await expectAccessible(page, 'training plan');
  });

  it('tells the officer when someone else changed the plan meanwhile, and reloads it', async () => {
    // Another editor changes the plan behind the page's back.
    const id = new URL(page.url()).pathname.split('/').pop();
    const plan = (await (await page.request.get(`/api/v1/training-plans/${id}`)).json()) as {
      version: number;
    };
    const { token } = (await (await page.request.get('/api/v1/auth/csrf')).json()) as { token: string };
    const other = await page.request.patch(`/api/v1/training-plans/${id}`, {
      data: { version: plan.version, notes: 'Condiviso con la dirigenza' },
      headers: { 'x-csrf-token': token },
    });
    expect(other.status()).toBe(200);

    await page
      .getByRole('button', { name: /^Modifica — / })
      .first()
      .click();
    await page.getByRole('spinbutton', { name: 'Partecipanti' }).fill('4');
    await page.getByRole('button', { name: /^Salva — / }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'modificato da qualcun altro' });
    await alert.waitFor();
    await expectAccessible(page, 'stale edit refused');
    await alert.getByRole('button', { name: 'Ricarica il piano' }).click();
    await page.getByText(/\(versione 2\)/).waitFor();
    expect(await page.getByRole('textbox', { name: 'Note', exact: true }).last().inputValue()).toBe(
      'Condiviso con la dirigenza',
    );
    await page.getByRole('button', { name: 'Annulla' }).click();
  });

  it('edits a line by keyboard, then approves the plan after confirming', async () => {
    const edit = page.getByRole('button', { name: /^Modifica — / }).first();
    await edit.focus();
    await page.keyboard.press('Enter');
    const participants = page.getByRole('spinbutton', { name: 'Partecipanti' });
    await participants.waitFor();
    await participants.fill('6');
    await page.getByRole('combobox', { name: 'Periodo' }).selectOption({ label: '3° trimestre 2027' });
    await page.getByRole('textbox', { name: 'Note' }).first().fill('Una edizione in sede');
    await expectAccessible(page, 'training plan line being edited');
    await page.getByRole('button', { name: /^Salva — / }).press('Enter');
    await page.getByRole('cell', { name: 'Una edizione in sede' }).waitFor();
    await page.getByRole('cell', { name: '3° trimestre 2027' }).first().waitFor();

    await page.getByRole('button', { name: 'Approva il piano' }).click();
    const dialog = page.getByRole('dialog', { name: 'Approvare il piano?' });
    await dialog.waitFor();
    await expectAccessible(page, 'approval confirmation');
    await dialog.getByRole('button', { name: 'Approva il piano' }).click();
    await page.getByText('Piano approvato.').waitFor();
    await page.getByRole('button', { name: 'Riapri il piano' }).waitFor();
    expect(await page.getByRole('button', { name: /^Modifica — / }).count()).toBe(0);
    await expectAccessible(page, 'approved training plan');
  });

  it('downloads the plan as PDF and as DOCX', async () => {
    const pdfHref = await page.getByRole('link', { name: 'Scarica PDF' }).getAttribute('href');
    const pdf = await page.request.get(pdfHref ?? '');
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

    const docxHref = await page.getByRole('link', { name: /Scarica DOCX/ }).getAttribute('href');
    const docx = await page.request.get(docxHref ?? '');
    expect(docx.status()).toBe(200);
    const files = unzipSync(new Uint8Array(await docx.body()));
    const xml = strFromU8(files['word/document.xml'] ?? new Uint8Array());
    expect(xml).toContain('Piano della formazione 2027');
    expect(xml).toContain('Piano approvato il');
    expect(xml).not.toContain('BOZZA');
  });

  it('works on a phone: the plan fits 390 px', async () => {
    const phone = await browser.newContext({
      baseURL: new URL(page.url()).origin,
      viewport: { width: 390, height: 844 },
      storageState: await context.storageState(),
    });
    const small = await phone.newPage();
    await small.goto(new URL(page.url()).pathname);
    await expectHeading(small, PLAN_TITLE);
    await small.getByRole('table', { name: 'Righe del piano' }).waitFor();
    const width = await small.evaluate(
      () =>
        (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
          .documentElement.scrollWidth,
    );
    expect(width).toBeLessThanOrEqual(390);
    await expectAccessible(small, 'training plan on a phone');
    await small.goto('/piani-formativi');
    await expectHeading(small, 'Piani formativi');
    await expectAccessible(small, 'training plans on a phone');
    await phone.close();
  });
});

describe('the task force reads the national demand', () => {
  it('sees the approved Cuneo plan counted, and the CSV', async () => {
    const browser = await launch();
    const { context, page } = await newPage(browser);
    try {
      await signIn(page, 'taskforce@officina.demo', DEMO_PASSWORD);
      await openFromMenu(page, 'Domanda formativa', 'Fabbisogni');
      await expectHeading(page, 'Domanda formativa nazionale');
      await page.getByText(/1 piani approvati/).waitFor();
      await page.getByRole('table', { name: /Domanda per percorso/ }).waitFor();
      await expectAccessible(page, 'national training demand');
      const href = await page.getByRole('link', { name: 'Scarica CSV' }).getAttribute('href');
      const csv = await page.request.get(href ?? '');
      expect(csv.status()).toBe(200);
      expect(await csv.text()).toContain('tipo,percorso_id,titolo');
    } finally {
      await context.close();
      await browser.close();
    }
  });
});

describe('a learner finds the suggested paths in La mia formazione', () => {
  it('is told that an anonymous survey gives no suggestions', async () => {
    const browser = await launch();
    const { context, page } = await newPage(browser);
    try {
      // Sassari is in no named survey; other specs have the Cuneo learners answer one or change their password.
      await signIn(page, 'discente.sassari@officina.demo', DEMO_PASSWORD);
      await page.goto('/la-mia-formazione');
      await page.getByRole('heading', { name: 'Percorsi suggeriti per te' }).waitFor();
      await page.getByText('Non hai ancora risposto a una rilevazione nominativa').waitFor();
      await page.getByText(/Le rilevazioni anonime non si collegano alle persone/).waitFor();
      await expectAccessible(page, 'learner hub with suggestions');
    } finally {
      await context.close();
      await browser.close();
    }
  });
});
