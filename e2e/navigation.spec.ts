import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, DEMO_PASSWORD, expectAccessible, focused, launch, signIn } from './support/browser.js';

/** An entry of the main navigation: its group (null for a plain link in the bar), its label, its address. */
type Entry = [group: string | null, label: string, path: string];

/** The demo cast and the menu each of them gets: every page of their role. */
const cast: { who: string; email: string | null; entries: Entry[] }[] = [
  {
    who: 'visitor',
    email: null,
    entries: [
      [null, 'Home', '/'],
      ['Formazione', 'Calendario dei corsi', '/formazione'],
      ['Formazione', 'Percorsi formativi', '/formazione/percorsi'],
      [null, 'Manuale', '/manuale'],
    ],
  },
  {
    who: 'learner',
    email: 'discente.bergamo@officina.demo',
    entries: [
      [null, 'Home', '/'],
      ['Formazione', 'Calendario dei corsi', '/formazione'],
      ['Formazione', 'Percorsi formativi', '/formazione/percorsi'],
      ['La mia area', 'Il mio profilo', '/profilo'],
      ['La mia area', 'La mia formazione', '/la-mia-formazione'],
      ['La mia area', 'Formazione a distanza', '/formazione-a-distanza'],
      ['La mia area', 'Le mie iscrizioni', '/formazione/iscrizioni'],
      ['La mia area', 'Le mie rilevazioni', '/le-mie-rilevazioni'],
      ['La mia area', 'Le mie competenze', '/le-mie-competenze'],
      [null, 'Manuale', '/manuale'],
    ],
  },
  {
    who: 'Province officer',
    email: 'referente.cuneo@officina.demo',
    entries: [
      [null, 'Home', '/'],
      ['Formazione', 'Calendario dei corsi', '/formazione'],
      ['Formazione', 'Percorsi formativi', '/formazione/percorsi'],
      ['Formazione', 'Firme da apporre', '/formazione/firme'],
      ['La mia area', 'Il mio profilo', '/profilo'],
      ['La mia area', 'La mia formazione', '/la-mia-formazione'],
      ['La mia area', 'Formazione a distanza', '/formazione-a-distanza'],
      ['La mia area', 'Le mie iscrizioni', '/formazione/iscrizioni'],
      ['La mia area', 'Le mie rilevazioni', '/le-mie-rilevazioni'],
      ['La mia area', 'Le mie competenze', '/le-mie-competenze'],
      ['Provincia', 'Iscrizioni della Provincia', '/provincia/iscrizioni'],
      ['Provincia', 'Utenti', '/amministrazione/utenti'],
      ['Fabbisogni', 'Profili e livelli attesi', '/amministrazione/profili-competenze'],
      ['Fabbisogni', 'Rilevazioni', '/rilevazioni'],
      ['Fabbisogni', 'Fabbisogni formativi', '/fabbisogni'],
      ['Fabbisogni', 'Piani formativi', '/piani-formativi'],
      [null, 'Riassetto', '/riassetto'],
      [null, 'Manuale', '/manuale'],
    ],
  },
  {
    who: 'trainer',
    email: 'formatore@officina.demo',
    entries: [
      [null, 'Home', '/'],
      ['Formazione', 'Calendario dei corsi', '/formazione'],
      ['Formazione', 'Percorsi formativi', '/formazione/percorsi'],
      ['Formazione', 'Le mie docenze', '/formazione/docenze'],
      ['Formazione', 'Firme da apporre', '/formazione/firme'],
      ['Formazione', 'Catalogo', '/amministrazione/catalogo'],
      ['La mia area', 'Il mio profilo', '/profilo'],
      ['La mia area', 'La mia formazione', '/la-mia-formazione'],
      ['La mia area', 'Formazione a distanza', '/formazione-a-distanza'],
      ['La mia area', 'Le mie iscrizioni', '/formazione/iscrizioni'],
      ['La mia area', 'Le mie competenze', '/le-mie-competenze'],
      [null, 'Manuale', '/manuale'],
    ],
  },
  {
    who: 'task force',
    email: 'taskforce@officina.demo',
    entries: [
      [null, 'Home', '/'],
      ['Formazione', 'Calendario dei corsi', '/formazione'],
      ['Formazione', 'Percorsi formativi', '/formazione/percorsi'],
      ['Formazione', 'Iscrizioni', '/provincia/iscrizioni'],
      ['La mia area', 'Il mio profilo', '/profilo'],
      ['La mia area', 'La mia formazione', '/la-mia-formazione'],
      ['La mia area', 'Formazione a distanza', '/formazione-a-distanza'],
      ['La mia area', 'Le mie iscrizioni', '/formazione/iscrizioni'],
      ['La mia area', 'Le mie competenze', '/le-mie-competenze'],
      ['Fabbisogni', 'Fabbisogni formativi', '/fabbisogni'],
      ['Fabbisogni', 'Piani formativi', '/piani-formativi'],
      ['Fabbisogni', 'Domanda formativa', '/domanda-formativa'],
      [null, 'Riassetto', '/riassetto'],
      [null, 'Manuale', '/manuale'],
    ],
  },
  {
    who: 'national admin',
    email: 'admin@officina.demo',
    entries: [
      [null, 'Home', '/'],
      ['Formazione', 'Calendario dei corsi', '/formazione'],
      ['Formazione', 'Percorsi formativi', '/formazione/percorsi'],
      ['Formazione', 'Iscrizioni', '/provincia/iscrizioni'],
      ['Formazione', 'Firme da apporre', '/formazione/firme'],
      ['Formazione', 'Catalogo', '/amministrazione/catalogo'],
      ['Formazione', 'Convenzioni', '/amministrazione/convenzioni'],
      ['La mia area', 'Il mio profilo', '/profilo'],
      ['La mia area', 'La mia formazione', '/la-mia-formazione'],
      ['La mia area', 'Formazione a distanza', '/formazione-a-distanza'],
      ['La mia area', 'Le mie iscrizioni', '/formazione/iscrizioni'],
      ['La mia area', 'Le mie competenze', '/le-mie-competenze'],
      ['Fabbisogni', 'Quadro delle competenze', '/amministrazione/quadro-competenze'],
      ['Fabbisogni', 'Profili e livelli attesi', '/amministrazione/profili-competenze'],
      ['Fabbisogni', 'Rilevazioni', '/rilevazioni'],
      ['Fabbisogni', 'Fabbisogni formativi', '/fabbisogni'],
      ['Fabbisogni', 'Piani formativi', '/piani-formativi'],
      ['Fabbisogni', 'Domanda formativa', '/domanda-formativa'],
      [null, 'Riassetto', '/riassetto'],
      ['Amministrazione', 'Da fare', '/amministrazione'],
      ['Amministrazione', 'Utenti', '/amministrazione/utenti'],
      ['Amministrazione', 'Unità territoriali', '/amministrazione/unita'],
      ['Amministrazione', 'Registro attività', '/amministrazione/registro-attivita'],
      ['Amministrazione', 'Posta in uscita', '/amministrazione/posta'],
      [null, 'Manuale', '/manuale'],
    ],
  },
];

/** The phone layout collapses the menu bar into the off-canvas menu below Bootstrap's lg breakpoint. */
const PHONE_MAX = 991;

/**
 * Every shown item of the main navigation that sticks out past the right edge of the window or whose label
 * wraps onto several lines (an inline label broken over lines has several boxes), and whether the page
 * scrolls sideways. The e2e code is type-checked without the DOM library, hence the local types.
 */
function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    type Box = { right: number; width: number };
    type El = {
      textContent: string | null;
      getBoundingClientRect(): Box;
      getClientRects(): { length: number };
      querySelector(s: string): El | null;
    };
    const doc = (
      globalThis as unknown as {
        document: {
          documentElement: { clientWidth: number; scrollWidth: number };
          querySelectorAll(s: string): El[];
        };
      }
    ).document;
    const width = doc.documentElement.clientWidth;
    const problems: string[] = [];
    if (doc.documentElement.scrollWidth > width)
      problems.push(`page ${doc.documentElement.scrollWidth}px wide`);
    for (const el of Array.from(
      doc.querySelectorAll('#officina-nav .nav-link, #officina-nav .dropdown-item'),
    )) {
      const box = el.getBoundingClientRect();
      if (box.width === 0) continue; // in a closed group
      const label = el.querySelector('span') ?? el;
      const name = label.textContent?.trim();
      if (box.right > width + 0.5) problems.push(`${name} ends at ${Math.round(box.right)}px`);
      if (label.getClientRects().length > 1) problems.push(`${name} wraps onto several lines`);
    }
    return problems;
  });
}

/** Opens the phone's off-canvas menu with the keyboard, when the header is collapsed. */
async function openPhoneMenu(page: Page, width: number) {
  if (width > PHONE_MAX) return;
  const toggler = page.getByRole('button', { name: 'Mostra la navigazione' });
  await toggler.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('dialog', { name: 'Navigazione principale' }).waitFor();
  await settle(page);
}

/** Waits for the CSS transitions running (the phone menu sliding in) to end, so boxes are where they rest. */
async function settle(page: Page) {
  await page.evaluate(() =>
    Promise.all(
      (globalThis as unknown as { document: { getAnimations(): { finished: Promise<unknown> }[] } }).document
        .getAnimations()
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}

describe('the main navigation of each role', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const { who, email, entries } of cast)
    for (const width of [1280, 390])
      it(`${who} at ${width} px: fits, reaches every page by keyboard, passes axe with each menu open`, async () => {
        const context = await browser.newContext({
          baseURL: baseURL(),
          locale: 'it-IT',
          timezoneId: 'Europe/Rome',
          viewport: { width, height: width > PHONE_MAX ? 900 : 844 },
        });
        context.setDefaultTimeout(15_000);
        const page = await context.newPage();
        try {
          if (email) await signIn(page, email, DEMO_PASSWORD);
          await page.goto('/');
          await page.getByRole('heading', { level: 1 }).waitFor();
          const nav = page.getByRole('navigation', { name: 'Navigazione principale' });

          // The bar (or the phone menu) fits, and so does each group once open; axe is clean with it open.
          await openPhoneMenu(page, width);
          expect(await overflow(page), `${who} at ${width} px`).toEqual([]);
          const groups = [...new Set(entries.map(([group]) => group).filter((g) => g !== null))];
          expect(await nav.locator('.navbar-nav > li > button').allTextContents()).toEqual(groups);
          for (const group of groups) {
            const button = nav.getByRole('button', { name: group, exact: true });
            await button.click();
            expect(await button.getAttribute('aria-expanded')).toBe('true');
            const shown = entries.filter(([g]) => g === group).map(([, label]) => label);
            expect(
              await nav.locator(`#${await button.getAttribute('aria-controls')} a`).allTextContents(),
            ).toEqual(shown);
            await settle(page);
            expect(await overflow(page), `${who}, ${group} open at ${width} px`).toEqual([]);
            await expectAccessible(page, `${who}: ${group} open at ${width} px`);
            // Escape closes the group and gives the focus back to its button.
            await page.keyboard.press('Escape');
            expect(await button.getAttribute('aria-expanded')).toBe('false');
            expect((await focused(page))?.text).toBe(group);
          }
          if (width <= PHONE_MAX) await page.goto('/');

          // Every page, from the menu, with the keyboard only: Enter or Space opens the group, Tab or the
          // arrow keys reach the entry, Enter follows it; then the entry and its group are marked current.
          for (const [i, [group, label, path]] of entries.entries()) {
            await openPhoneMenu(page, width);
            if (group) {
              const button = nav.getByRole('button', { name: group, exact: true });
              await button.focus();
              await page.keyboard.press(i % 2 ? 'Space' : 'Enter');
              expect(await button.getAttribute('aria-expanded')).toBe('true');
              for (let n = 0; n < entries.length && (await focused(page))?.text !== label; n++) {
                await page.keyboard.press(i % 2 ? 'ArrowDown' : 'Tab');
                // The menu moves the focus on the next tick after an arrow key: read it once it has.
                await page.waitForTimeout(100);
              }
            } else {
              await nav.getByRole('link', { name: label, exact: true }).focus();
            }
            const target = await focused(page);
            expect(target?.text, `${who}: ${label}`).toBe(label);
            expect(target?.href).toBe(path);
            await page.keyboard.press('Enter');
            await page.waitForURL((url) => url.pathname === path || url.pathname.startsWith(`${path}/`));
            // The header changes when the new page has loaded (the router keeps the old one meanwhile).
            await nav.locator(`[aria-current="page"][href="${path}"]`).waitFor({ state: 'attached' });
            await page.getByRole('heading', { level: 1 }).waitFor();
            expect(await nav.locator('[aria-current="page"]').count(), `${who}: ${label}`).toBe(1);
            const marked = nav.locator('button[aria-current="true"]');
            if (group) expect(await marked.textContent()).toBe(group);
            else expect(await marked.count()).toBe(0);
          }
        } finally {
          await context.close();
        }
      });
});
