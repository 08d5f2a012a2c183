import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  expectAccessible,
  expectHeading,
  launch,
  newPage,
  romeDayFromToday,
  signIn,
} from './support/browser.js';

const UNIT_HEADING = /: lavoro della task force$/;

describe('the task force follows its units', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launch();
    ({ context, page } = await newPage(browser));
    await signIn(page, 'taskforce@officina.demo', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('reads its week: its units, the follow-ups and milestones due, the open high risks', async () => {
    await page.goto('/riassetto/settimana');
    await expectHeading(page, 'I miei enti questa settimana');
    await page.getByRole('table', { name: 'Seguiti in scadenza questa settimana o in ritardo' }).waitFor();
    await page.getByRole('cell', { name: 'Bilancio di previsione in ritardo' }).waitFor();
    expect(await page.getByText('in ritardo', { exact: true }).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'my week');
  });

  it("opens a unit's page, logs an intervention (a follow-up before it is refused) and closes a risk", async () => {
    await page.getByRole('link', { name: 'Cuneo', exact: true }).first().click();
    await expectHeading(page, UNIT_HEADING);
    await page.getByRole('table', { name: /Interventi della task force presso/ }).waitFor();
    await expectAccessible(page, 'unit task force page');

    await page.getByRole('button', { name: 'Registra un intervento' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Data', { exact: true }).fill(romeDayFromToday(0));
    await dialog.getByLabel('Esito').fill('Verifica della bozza con il segretario');
    await dialog.getByLabel('Seguito previsto').fill(romeDayFromToday(-1));
    await dialog.getByRole('button', { name: 'Salva' }).click();
    await dialog.getByRole('alert').waitFor();
    await expectAccessible(page, 'intervention form with an error');
    await dialog.getByLabel('Seguito previsto').fill(romeDayFromToday(7));
    await dialog.getByRole('button', { name: 'Salva' }).click();
    await page.getByRole('cell', { name: 'Verifica della bozza con il segretario' }).waitFor();

    await page.getByRole('button', { name: 'Chiudi: Bilancio di previsione in ritardo' }).click();
    await page.getByRole('button', { name: 'Riapri: Bilancio di previsione in ritardo' }).waitFor();
  });

  it('lists the members and the units they follow', async () => {
    await page.goto('/riassetto/task-force');
    await expectHeading(page, 'Task force: componenti e enti seguiti');
    await page.getByRole('table', { name: 'Componenti della task force con gli enti seguiti' }).waitFor();
    await expectAccessible(page, 'task force members');
  });

  it("works on a phone: the unit's page fits 390 px", async () => {
    const phone = await browser.newContext({
      baseURL: new URL(page.url()).origin,
      viewport: { width: 390, height: 844 },
      storageState: await context.storageState(),
    });
    const small = await phone.newPage();
    await small.goto('/riassetto/settimana');
    await expectHeading(small, 'I miei enti questa settimana');
    await small.getByRole('link', { name: 'Cuneo', exact: true }).first().click();
    await expectHeading(small, UNIT_HEADING);
    await small.getByRole('table', { name: /Interventi della task force presso/ }).waitFor();
    const width = await small.evaluate(
      () =>
        (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
          .documentElement.scrollWidth,
    );
    expect(width).toBeLessThanOrEqual(390);
    await expectAccessible(small, 'unit task force page on a phone');
    await phone.close();
  });
});

describe("the Cuneo officer reads the task force's work on Cuneo", () => {
  it('sees interventions and milestones, not the risks, and changes nothing', async () => {
    const browser = await launch();
    const { context, page } = await newPage(browser);
    try {
      await signIn(page, 'referente.cuneo@officina.demo', DEMO_PASSWORD);
      const units = (await (await page.request.get('/api/v1/units?q=Cuneo')).json()) as {
        items: { id: number; name: string }[];
      };
      const cuneo = units.items.find((u) => u.name === 'Cuneo');
      expect(cuneo).toBeDefined();
      await page.goto(`/riassetto/unita/${cuneo?.id}/task-force`);
      await expectHeading(page, UNIT_HEADING);
      await page.getByRole('table', { name: /Milestone concordate con/ }).waitFor();
      expect(await page.getByRole('heading', { name: 'Rischi e criticità' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Registra un intervento' }).count()).toBe(0);
      await expectAccessible(page, 'unit task force page, officer');
    } finally {
      await context.close();
      await browser.close();
    }
  });
});
