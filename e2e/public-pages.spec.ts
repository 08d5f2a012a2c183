import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAccessible,
  expectHeading,
  focused,
  launch,
  newPage,
  openFromMenu,
  romeDayFromToday,
} from './support/browser.js';

/**
 * What a visitor meets first, on a desktop and on a phone: the home page, the calendar (its count, the
 * way out of an empty month, the phone layout) and the list of training paths.
 */

const isCalendarCall = (url: string) => new URL(url).pathname === '/api/v1/public/calendar';

type Doc = { documentElement: { scrollWidth: number; clientWidth: number } };
/** The page is no wider than the screen: nothing to scroll sideways. */
async function expectNoSideScroll(page: Page, what: string) {
  const { scroll, client } = await page.evaluate(() => {
    const d = (globalThis as unknown as { document: Doc }).document.documentElement;
    return { scroll: d.scrollWidth, client: d.clientWidth };
  });
  expect(scroll, `sideways scroll on ${what}`).toBeLessThanOrEqual(client);
}

async function loaded(page: Page) {
  await page.locator('main [aria-busy="false"]').first().waitFor();
}

/** Shown for real: not hidden, and not a one-pixel screen-reader-only box. */
async function expectShown(target: Locator, what: string) {
  await target.waitFor();
  const box = await target.boundingBox();
  expect(box, `${what} has no box`).not.toBeNull();
  expect(box?.width ?? 0, `${what} is not visible`).toBeGreaterThan(20);
}

const SIZES = [
  { name: 'desktop', viewport: { width: 1280, height: 900 }, phone: false },
  { name: 'phone', viewport: { width: 390, height: 844 }, phone: true },
] as const;

for (const size of SIZES) {
  describe(`public pages on a ${size.name} (${size.viewport.width} px)`, () => {
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      browser = await launch();
      ({ context, page } = await newPage(browser, size.viewport));
    });
    afterAll(async () => {
      await context?.close();
      await browser?.close();
    });

    it('the home page offers only pages that exist, certificate verification among them', async () => {
      await page.goto('/');
      await expectHeading(page, /Officina/);
      const main = page.getByRole('main');
      const text = (await main.textContent()) ?? '';
      expect(text).not.toMatch(/Comunità tematiche|comunità di pratica/i);
      for (const [name, path] of [
        ['Apri il calendario della formazione', '/formazione'],
        ['Sfoglia i percorsi formativi', '/formazione/percorsi'],
        ['Leggi il manuale', '/manuale'],
      ] as const)
        expect(await main.getByRole('link', { name, exact: true }).getAttribute('href')).toBe(path);
      // Needs assessment and the task force are described as reserved areas, not as open pages.
      await main.getByRole('heading', { name: 'Aree riservate' }).waitFor();
      await expectNoSideScroll(page, 'home');
      await expectAccessible(page, `home (${size.name})`);
      // Verification is in the hero, the first thing on the page.
      const verify = page.locator('.it-hero-wrapper').getByRole('link', { name: 'Verifica un attestato' });
      await expectShown(verify, 'the verification button');
      await verify.click();
      await expectHeading(page, /Verifica/);
      expect(new URL(page.url()).pathname).toBe('/verifica');
    });

    it('the calendar shows how many sessions it found, and says it politely when filters change', async () => {
      await page.goto('/formazione');
      await expectHeading(page, 'Calendario della formazione');
      await loaded(page);
      const count = page.locator('main p.officina-result-count');
      await expectShown(count, 'the result count');
      expect(await count.getAttribute('aria-live')).toBe('polite');
      const before = (await count.textContent()) ?? '';
      expect(before).toMatch(/^\d+ session[ei] trovat[ae]$/);
      await page.goto('/formazione?q=zzzqqqnonesiste');
      await loaded(page);
      await expect.poll(() => count.textContent()).toBe('0 sessioni trovate');
      await expectNoSideScroll(page, 'calendar (list)');
    });

    it('an empty month leads to the month of the next session', async () => {
      // A year ago: long before any demo session.
      const date = romeDayFromToday(-365);
      await page.goto(`/formazione?view=month&date=${date}`);
      await loaded(page);
      await page.getByText('Nessuna sessione in programma in questo mese').waitFor();
      await expectAccessible(page, `calendar (empty month, ${size.name})`);
      const next = page.getByRole('link', { name: /^Vai al mese della prossima sessione/ });
      const answer = page.waitForResponse((r) => isCalendarCall(r.url()) && r.ok());
      await next.click();
      await answer;
      await loaded(page);
      const target = new URL(page.url()).searchParams.get('date') ?? '';
      expect(target > date).toBe(true);
      expect(new URL(page.url()).searchParams.get('view')).toBe('month');
      // The month shown has sessions: in the grid's cells on a desktop, in the agenda on a phone.
      const sessions = size.phone
        ? page.locator('main li.officina-entry').filter({ visible: true })
        : page.locator('main table.officina-month a');
      await sessions.first().waitFor();
      expect(await page.getByText('Nessuna sessione in programma in questo mese').count()).toBe(0);
    });

    it('the month shows all seven weekdays legibly, and the page does not scroll sideways', async () => {
      const table = page.getByRole('table', { name: /^Calendario di \w+ \d{4}: \d+ session/ });
      await table.waitFor();
      const headers = table.getByRole('columnheader');
      expect(await headers.count()).toBe(7);
      for (let i = 0; i < 7; i++) {
        const box = await headers.nth(i).boundingBox();
        expect(box, `weekday ${i + 1}`).not.toBeNull();
        expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= size.viewport.width).toBe(true);
        expect(box?.width ?? 0).toBeGreaterThanOrEqual(40);
      }
      await expectNoSideScroll(page, 'calendar (month)');
      await expectAccessible(page, `calendar (month, ${size.name})`);
    });

    it('on the edition page the sessions are all readable, not cut off', async () => {
      await page.goto('/formazione');
      await loaded(page);
      await page.locator('main li.officina-entry').first().getByRole('link').first().click();
      await page.waitForURL((u) => /^\/formazione\/edizioni\/\d+$/.test(u.pathname));
      const heading = page.getByRole('heading', { name: 'Sessioni', exact: true });
      await heading.waitFor();
      if (size.phone) {
        const list = page.getByRole('list', { name: "Sessioni dell'edizione" });
        await list.waitFor();
        expect(await list.getByRole('listitem').count()).toBeGreaterThan(0);
        expect(await page.getByRole('table', { name: /^Calendario delle sessioni/ }).count()).toBe(0);
        const box = await list.boundingBox();
        expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(size.viewport.width);
      } else {
        const table = page.getByRole('table', { name: /^Calendario delle sessioni/ });
        await table.waitFor();
        expect(await table.getByRole('columnheader').count()).toBe(6);
      }
      await expectNoSideScroll(page, 'edition page');
      await expectAccessible(page, `edition page (${size.name})`);
    });

    it('the list of training paths searches and leads to a path page with its editions', async () => {
      await page.goto('/formazione/percorsi');
      await expectHeading(page, 'Percorsi formativi');
      await loaded(page);
      const count = page.locator('main p.officina-result-count');
      await expectShown(count, 'the path count');
      expect(await count.textContent()).toMatch(/^\d+ percors[oi] trovat[oi]$/);
      const items = page.locator('main li.officina-entry');
      expect(await items.count()).toBeGreaterThan(1);
      await expectNoSideScroll(page, 'paths');
      await expectAccessible(page, `paths (${size.name})`);

      await page.getByLabel('Cerca nei titoli e nelle descrizioni').fill('appalto');
      await page.getByRole('button', { name: 'Cerca', exact: true }).click();
      await page.waitForURL((u) => u.searchParams.get('q') === 'appalto');
      await expect.poll(() => count.textContent()).toBe('1 percorso trovato');
      const item = items.first();
      expect(await item.textContent()).toMatch(/\d+ edizion[ei] in programma/);
      await item.getByRole('link', { name: 'Appalti pubblici: il nuovo codice dei contratti' }).click();
      await expectHeading(page, 'Appalti pubblici: il nuovo codice dei contratti');
      await page.getByRole('heading', { name: 'Prossime edizioni' }).waitFor();
      // The programme and the editions: tables from tablets up, one block per item on a phone.
      if (size.phone) {
        expect(await page.locator('main table:visible').count()).toBe(0);
        expect(await page.locator('main ol.officina-stacked > li:visible').count()).toBeGreaterThan(0);
        expect(await page.locator('main ul.officina-stacked > li:visible').count()).toBeGreaterThan(0);
      } else expect(await page.locator('main table:visible').count()).toBe(2);
      await expectNoSideScroll(page, 'path page');
      await expectAccessible(page, `path page (${size.name})`);
    });

    if (size.phone) {
      it('on a phone the calendar puts its results first and the filters behind a button', async () => {
        await page.goto('/formazione');
        await loaded(page);
        const first = page.locator('main li.officina-entry').first();
        await first.waitFor();
        const filters = page.getByRole('form', { name: 'Filtri del calendario' });
        expect(await filters.isVisible()).toBe(false);
        // The first session is on the first screen, with no filter field before it.
        const top = (await first.boundingBox())?.y ?? Number.POSITIVE_INFINITY;
        expect(top).toBeLessThan(size.viewport.height);
        const button = page.getByRole('button', { name: 'Filtri', exact: true });
        expect(await button.getAttribute('aria-expanded')).toBe('false');
        expect(await button.getAttribute('aria-controls')).toBe('calendar-filters');
        await button.click();
        expect(await button.getAttribute('aria-expanded')).toBe('true');
        await filters.waitFor();
        await page.getByLabel('Ambito formativo', { exact: true }).selectOption({ label: 'Tecnologico' });
        await expectAccessible(page, 'calendar filters open (phone)');
        const answer = page.waitForResponse((r) => isCalendarCall(r.url()) && r.ok());
        await page.getByRole('button', { name: 'Cerca', exact: true }).click();
        await answer;
        // Applied: the filters close again, the button says how many are on and keeps the focus.
        const applied = page.getByRole('button', { name: 'Filtri (1 attivo)' });
        await applied.waitFor();
        expect(await applied.getAttribute('aria-expanded')).toBe('false');
        expect((await focused(page))?.text).toContain('Filtri (1 attivo)');
        expect(await filters.isVisible()).toBe(false);
        expect(new URL(page.url()).searchParams.get('domain')).toBe('tecnologico');
        for (const view of ['list', 'week']) {
          await page.goto(`/formazione?view=${view}`);
          await loaded(page);
          await expectNoSideScroll(page, `calendar (${view})`);
        }
      });
    } else {
      it('on a desktop the calendar filters are open, with no button in the way', async () => {
        await page.goto('/formazione');
        await loaded(page);
        await page.getByRole('form', { name: 'Filtri del calendario' }).waitFor();
        expect(await page.getByRole('button', { name: /^Filtri/ }).isVisible()).toBe(false);
      });

      it('the main navigation leads to the list of training paths', async () => {
        await page.goto('/');
        await openFromMenu(page, 'Percorsi formativi', 'Formazione');
        await expectHeading(page, 'Percorsi formativi');
      });
    }
  });
}
