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

const TITLE = 'Profili professionali e livelli attesi';
const COMPETENCY = 'Gestire il procedimento amministrativo';
const CODE = 'GA-PA-01';

/** The row of one competency in the form (a list item). */
const row = (page: Page) => page.getByRole('listitem').filter({ hasText: CODE });

describe('expected levels per job profile', () => {
  let browser: Browser;
  let admin: { context: BrowserContext; page: Page };
  let officer: { context: BrowserContext; page: Page };

  beforeAll(async () => {
    browser = await launch();
    admin = await newPage(browser);
    await signIn(admin.page, 'admin@officina.demo', DEMO_PASSWORD);
    officer = await newPage(browser);
    await signIn(officer.page, 'referente.cuneo@officina.demo', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await admin?.context.close();
    await officer?.context.close();
    await browser?.close();
  });

  it('lets an admin set a national level from the administration menu', async () => {
    const { page } = admin;
    await openFromMenu(page, 'Profili e livelli attesi', 'Fabbisogni');
    await expectHeading(page, TITLE);
    await page.getByLabel('Profilo professionale').selectOption('funzionario-tecnico');
    await page.getByRole('heading', { level: 2, name: 'Funzionario tecnico: livelli nazionali' }).waitFor();
    const level = page.getByLabel(`Livello nazionale – ${COMPETENCY}`);
    expect(await level.inputValue()).toBe('2');
    await level.selectOption('3');
    await page.getByText('1 modifica non salvata').waitFor();
    // The level descriptions open from the competency's row.
    await row(page).getByText('Descrizione e livelli').click();
    await row(page).getByText('1 – Base:').waitFor();
    await page.getByRole('button', { name: 'Salva i livelli' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Salvato 1 livello.' }).waitFor();
    await expectAccessible(page, 'profiles: national levels');

    const res = await page.request.get('/api/v1/job-profiles/funzionario-tecnico/expectations');
    const body = (await res.json()) as {
      domains: { areas: { competencies: { code: string; national: number }[] }[] }[];
    };
    const saved = body.domains
      .flatMap((d) => d.areas.flatMap((a) => a.competencies))
      .find((c) => c.code === CODE);
    expect(saved?.national).toBe(3);
  });

  it('lets the Cuneo officer override for Cuneo, next to the national level they only read', async () => {
    const { page } = officer;
    await openFromMenu(page, 'Profili e livelli attesi', 'Fabbisogni');
    await expectHeading(page, TITLE);
    await page.getByText('Livelli propri di: Cuneo').waitFor();
    await page.getByLabel('Profilo professionale').selectOption('funzionario-tecnico');
    await page.getByRole('heading', { level: 2, name: 'Funzionario tecnico: livelli di Cuneo' }).waitFor();
    expect(await page.getByLabel(`Livello nazionale – ${COMPETENCY}`).count()).toBe(0);
    await row(page)
      .locator('p', { hasText: 'Livello nazionale' })
      .filter({ hasText: '3 – Avanzato' })
      .waitFor();
    const override = page.getByLabel(`Livello dell’ente – ${COMPETENCY}`);
    expect(await override.inputValue()).toBe('');
    await override.selectOption('1');
    await page.getByRole('button', { name: 'Salva i livelli' }).click();
    await page.getByRole('status').filter({ hasText: 'Salvato 1 livello.' }).waitFor();
    expect(await override.inputValue()).toBe('1');
    await row(page)
      .locator('p', { hasText: 'Livello nazionale' })
      .filter({ hasText: '3 – Avanzato' })
      .waitFor();
    await expectAccessible(page, 'profiles: unit overrides');
  });

  it('works on a phone: the levels become a list that fits 390 px', async () => {
    const phone = await browser.newContext({
      baseURL: new URL(officer.page.url()).origin,
      viewport: { width: 390, height: 844 },
      storageState: await officer.context.storageState(),
    });
    const small = await phone.newPage();
    await small.goto('/amministrazione/profili-competenze?profilo=funzionario-tecnico');
    await expectHeading(small, TITLE);
    const override = small.getByLabel(`Livello dell’ente – ${COMPETENCY}`);
    await override.waitFor();
    expect(await override.inputValue()).toBe('1');
    const width = await small.evaluate(
      () =>
        (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
          .documentElement.scrollWidth,
    );
    expect(width).toBeLessThanOrEqual(390);
    await expectAccessible(small, 'profiles on a phone');
    await phone.close();
  });

  it('shows the wide page to the admin at 1280 px with the unit chosen', async () => {
    const { page } = admin;
    await page.setViewportSize({ width: 1280, height: 900 });
    const units = (await (await page.request.get('/api/v1/units?q=004')).json()) as {
      items: { id: number }[];
    };
    await page.goto(
      `/amministrazione/profili-competenze?profilo=funzionario-tecnico&ente=${units.items[0]?.id}`,
    );
    await page.getByRole('heading', { level: 2, name: 'Funzionario tecnico: livelli di Cuneo' }).waitFor();
    expect(await page.getByLabel(`Livello dell’ente – ${COMPETENCY}`).inputValue()).toBe('1');
    await expectAccessible(page, 'profiles: a unit seen by the admin');
  });
});
