import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseURL,
  expectAccessible,
  expectHeading,
  launch,
  newPage,
  openFromMenu,
  pageMeta,
} from './support/browser.js';

const isCalendarCall = (url: string) => new URL(url).pathname === '/api/v1/public/calendar';

/** Clicks a control that changes the calendar and waits for the new answer of the API. */
async function clickAndLoad(page: Page, target: Locator) {
  const loaded = page.waitForResponse((r) => isCalendarCall(r.url()) && r.ok());
  await target.click();
  await loaded;
  await page.locator('main [aria-busy="false"]').waitFor();
}

/** Moves forward (next month or week) until the view shows at least one session link. */
async function forwardUntilSessions(page: Page, next: string, sessions: Locator, maxSteps: number) {
  for (let i = 0; i <= maxSteps; i++) {
    if ((await sessions.count()) > 0) return;
    await clickAndLoad(page, page.getByRole('link', { name: next, exact: true }));
  }
  throw new Error(`no sessions found after ${maxSteps} × "${next}"`);
}

describe('the public training calendar', () => {
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

  it('is reached from the main navigation and lists the demo sessions', async () => {
    await page.goto('/');
    const loaded = page.waitForResponse((r) => isCalendarCall(r.url()) && r.ok());
    await openFromMenu(page, 'Calendario dei corsi', 'Formazione');
    await expectHeading(page, 'Calendario della formazione');
    await loaded;
    expect(new URL(page.url()).pathname).toBe('/formazione');
    const entries = page.locator('main li.officina-entry');
    await entries.first().waitFor();
    expect(await entries.count()).toBeGreaterThan(1);
    // A heading for each day, in Italian.
    expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toMatch(
      /(lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica) \d+ \w+ \d{4}/,
    );
    const meta = await pageMeta(page);
    expect(meta.title).toBe('Calendario della formazione — Officina');
    expect(meta.description).toContain('Calendario pubblico');
    await expectAccessible(page, 'calendar (list)');
  });

  it('filters by domain and by delivery mode, in the address too', async () => {
    await page.getByLabel('Ambito formativo', { exact: true }).selectOption({ label: 'Tecnologico' });
    await clickAndLoad(page, page.getByRole('button', { name: 'Cerca', exact: true }));
    expect(new URL(page.url()).searchParams.get('domain')).toBe('tecnologico');
    const entries = page.locator('main li.officina-entry');
    await entries.first().waitFor();
    for (const text of await entries.allTextContents()) expect(text).toContain('Tecnologico');

    await page.getByLabel('Modalità', { exact: true }).selectOption({ label: 'Aula' });
    await clickAndLoad(page, page.getByRole('button', { name: 'Cerca', exact: true }));
    const params = new URL(page.url()).searchParams;
    expect(params.get('mode')).toBe('aula');
    expect(params.get('domain')).toBe('tecnologico');
    await entries.first().waitFor();
    for (const text of await entries.allTextContents()) {
      expect(text).toContain('Tecnologico');
      expect(text).toContain('Aula');
    }
    await expectAccessible(page, 'calendar (filtered)');

    // The filtered page is shareable: opening its address shows the same filters.
    await page.goto(`/formazione?${params.toString()}`);
    await entries.first().waitFor();
    expect(await page.getByLabel('Ambito formativo', { exact: true }).inputValue()).toBe('tecnologico');
    expect(await page.getByLabel('Modalità', { exact: true }).inputValue()).toBe('aula');
  });

  it('offers the iCal subscription with the same filters', async () => {
    const link = page.getByRole('link', { name: 'Iscriviti al calendario (iCal)' });
    const href = (await link.getAttribute('href')) ?? '';
    const url = new URL(href, 'http://x');
    expect(url.pathname).toBe('/calendar.ics');
    expect(url.searchParams.get('domain')).toBe('tecnologico');
    expect(url.searchParams.get('mode')).toBe('aula');
    const res = await page.request.get(href);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('text/calendar');
    const ics = await res.text();
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('BEGIN:VEVENT');
  });

  it('shows a month as a table with a heading for each day with sessions', async () => {
    // Each change waits for its own answer, so the month is never drawn from the list's late answer.
    await clickAndLoad(page, page.getByRole('button', { name: 'Azzera i filtri' }));
    await page.waitForURL((u) => u.pathname === '/formazione' && u.search === '');
    await clickAndLoad(
      page,
      page.getByRole('navigation', { name: 'Vista del calendario' }).getByRole('link', { name: 'Mese' }),
    );
    expect(new URL(page.url()).searchParams.get('view')).toBe('month');
    const links = page.locator('main table a');
    await forwardUntilSessions(page, 'Mese successivo', links, 3);
    const table = page.getByRole('table', { name: /^Calendario di \w+ \d{4}: \d+ session/ });
    await table.waitFor();
    expect(await table.getByRole('columnheader').count()).toBe(7);
    await expect.poll(() => table.getByRole('heading', { level: 3 }).count()).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get('view')).toBe('month');
    await expectAccessible(page, 'calendar (month)');
  });

  it('shows a week as a list with a heading for every day', async () => {
    await clickAndLoad(
      page,
      page.getByRole('navigation', { name: 'Vista del calendario' }).getByRole('link', { name: 'Settimana' }),
    );
    expect(new URL(page.url()).searchParams.get('view')).toBe('week');
    await expect.poll(() => page.getByRole('heading', { level: 3 }).count()).toBe(7);
    const entries = page.locator('main li.officina-entry');
    await forwardUntilSessions(page, 'Settimana successiva', entries, 9);
    await expectAccessible(page, 'calendar (week)');
  });

  it('opens an edition page with dates, sessions and how to enrol', async () => {
    // Editions with seats and enrolment open: the demo also has one under way, whose enrolment is closed.
    await page.goto('/formazione?available=true');
    const entry = page.locator('main li.officina-entry').first();
    await entry.waitFor();
    await entry.getByRole('link').first().click();
    await page.waitForURL((u) => /^\/formazione\/edizioni\/\d+$/.test(u.pathname));
    await page.getByText('Come iscriversi').waitFor();
    const title = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
    await page.getByRole('link', { name: 'Accedi per iscriverti' }).waitFor();
    await page.getByRole('heading', { name: 'Chi può iscriversi' }).waitFor();
    const sessions = page.getByRole('table', { name: /^Calendario delle sessioni/ });
    await sessions.waitFor();
    expect(await sessions.locator('tbody tr').count()).toBeGreaterThan(0);
    const meta = await pageMeta(page);
    expect(meta.title).toBe(`${title} — Officina`);
    expect(meta.description).toContain(title);
    await expectAccessible(page, 'edition page');
  });

  it('opens the path page from the edition', async () => {
    await page.getByRole('main').locator('p.lead a').click();
    await page.waitForURL((u) => u.pathname.startsWith('/formazione/percorsi/'));
    await page.getByRole('heading', { name: 'Prossime edizioni' }).waitFor();
    await page.getByRole('heading', { name: 'Chi può iscriversi' }).waitFor();
    await page.getByRole('heading', { name: 'Programma', exact: true }).waitFor();
    await page.getByText('Ambito formativo').first().waitFor();
    const title = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
    expect((await pageMeta(page)).title).toBe(`${title} — Officina`);
    await expectAccessible(page, 'path page');
  });

  it('says so when nothing matches', async () => {
    await page.goto('/formazione?q=zzzqqqnonesiste');
    await page.getByText('Nessuna sessione in programma').first().waitFor();
    await expectAccessible(page, 'calendar (empty)');
  });

  it('fits a phone screen in every view, with no sideways scroll', async () => {
    const phone = await browser.newContext({
      baseURL: baseURL(),
      locale: 'it-IT',
      timezoneId: 'Europe/Rome',
      viewport: { width: 390, height: 844 },
    });
    const small = await phone.newPage();
    for (const view of ['list', 'month', 'week']) {
      await small.goto(`/formazione?view=${view}`);
      await expectHeading(small, 'Calendario della formazione');
      await small.locator('main [aria-busy="false"]').waitFor();
      const width = await small.evaluate(
        () =>
          (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
            .documentElement.scrollWidth,
      );
      expect(width, `page width in the ${view} view`).toBeLessThanOrEqual(390);
      await expectAccessible(small, `calendar (${view}, phone)`);
    }
    await phone.close();
  });
});
