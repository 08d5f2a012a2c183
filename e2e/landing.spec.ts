import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  expectAccessible,
  expectHeading,
  expectNoSidewaysScroll,
  launch,
  newPage,
  openFromMenu,
  signIn,
  signOut,
} from './support/browser.js';

const WIDTHS = [1280, 390] as const;

/** Each demo role, the page where its work is, and that page's heading. */
const LANDINGS = [
  { email: 'admin@officina.demo', path: '/amministrazione', heading: 'Da fare' },
  {
    email: 'referente.cuneo@officina.demo',
    path: '/provincia/iscrizioni',
    heading: 'Iscrizioni della Provincia',
  },
  { email: 'taskforce@officina.demo', path: '/riassetto/settimana', heading: 'I miei enti questa settimana' },
  { email: 'formatore@officina.demo', path: '/formazione/docenze', heading: 'Le mie docenze' },
  { email: 'discente.cuneo@officina.demo', path: '/la-mia-formazione', heading: 'La mia formazione' },
  { email: 'helpdesk@officina.demo', path: '/la-mia-formazione', heading: 'La mia formazione' },
] as const;

describe('after signing in, each role lands where its work is', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const width of WIDTHS)
    for (const { email, path, heading } of LANDINGS)
      it(`${email} lands on ${path} at ${width} px`, async () => {
        const { context, page } = await newPage(browser);
        await page.setViewportSize({ width, height: 900 });
        await signIn(page, email, DEMO_PASSWORD);
        await expectHeading(page, heading);
        expect(new URL(page.url()).pathname).toBe(path);
        // The officer's work is the requests awaiting their approval: the list opens filtered on them.
        if (path === '/provincia/iscrizioni') {
          expect(new URL(page.url()).searchParams.get('status')).toBe('pending');
          await expect.poll(() => page.getByRole('row').count()).toBeGreaterThan(1);
        }
        if (width === 390) await expectNoSidewaysScroll(page);
        await expectAccessible(page, `landing of ${email} at ${width} px`);
        await context.close();
      });

  it('follows ?next= over the landing page', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/accedi?next=%2Fprofilo');
    await page.getByLabel('Indirizzo e-mail', { exact: true }).fill('admin@officina.demo');
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Accedi', exact: true }).click();
    await expectHeading(page, 'Il mio profilo');
    expect(new URL(page.url()).pathname).toBe('/profilo');
    await context.close();
  });
});

describe("the national administrator's overview of what needs attention", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const width of WIDTHS)
    it(`shows its cards, each with a number and a link that works, at ${width} px`, async () => {
      const { context, page } = await newPage(browser);
      await page.setViewportSize({ width, height: 900 });
      await signIn(page, 'admin@officina.demo', DEMO_PASSWORD);
      await expectHeading(page, 'Da fare');
      // The demo holds a plan proposal waiting for the task force (Cuneo) and draft catalogue content.
      const card = page.getByRole('article', { name: 'Proposte di piano da validare' });
      await card.waitFor();
      expect(Number(await card.locator('.display-6').textContent())).toBeGreaterThan(0);
      expect(await page.getByRole('article').count()).toBeGreaterThan(1);
      if (width === 390) await expectNoSidewaysScroll(page);
      await expectAccessible(page, `attention overview at ${width} px`);

      // Every card's link leads to a page with its own heading (no 404, no refusal).
      const links = await page.getByRole('article').getByRole('link').all();
      const targets = await Promise.all(links.map((l) => l.getAttribute('href')));
      for (const href of targets) {
        expect(href).toMatch(/^\//);
        await page.goto(href as string);
        const h1 = page.getByRole('heading', { level: 1 });
        await h1.waitFor();
        expect(await h1.textContent()).not.toMatch(/Pagina non trovata|non autorizzato/i);
      }

      await page.goto('/amministrazione');
      await card.getByRole('link').click();
      await page.waitForURL((url) => url.pathname.startsWith('/riassetto'));
      await context.close();
    });

  it('is in the administrator’s navigation and refused to other roles', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'admin@officina.demo', DEMO_PASSWORD);
    await page.goto('/profilo');
    await openFromMenu(page, 'Da fare', 'Amministrazione');
    await expectHeading(page, 'Da fare');
    await signOut(page);
    await signIn(page, 'discente.cuneo@officina.demo', DEMO_PASSWORD);
    await page.goto('/amministrazione');
    await expectHeading(page, 'Accesso non autorizzato');
    await context.close();
  });
});

describe('the language chosen before signing in', () => {
  let browser: Browser;
  const email = 'discente2.cuneo@officina.demo';

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is kept at sign-in over the profile’s, and saved to the profile (1280 px)', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/accedi');
    await page.getByRole('button', { name: 'English' }).click();
    await expectHeading(page, 'Sign in');
    await page.getByLabel('E-mail address', { exact: true }).fill(email);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expectHeading(page, 'My training');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.reload();
    await expectHeading(page, 'My training');
    await page.goto('/profilo');
    await expectHeading(page, 'My profile');
    expect(await page.getByLabel('Language of the interface and of messages').inputValue()).toBe('en');
    await expectAccessible(page, 'profile in English');
    await context.close();
  });

  it('is the profile’s for a visitor who did not choose, on another device (390 px)', async () => {
    const { context, page } = await newPage(browser);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/accedi');
    await expectHeading(page, 'Accedi');
    await page.getByLabel('Indirizzo e-mail', { exact: true }).fill(email);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Accedi', exact: true }).click();
    await expectHeading(page, 'My training');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expectAccessible(page, 'landing in English at 390 px');

    // Put the profile back in Italian for the other specs.
    await page.goto('/profilo');
    await page.getByLabel('Language of the interface and of messages').selectOption('it');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expectHeading(page, 'Il mio profilo');
    await context.close();
  });
});
