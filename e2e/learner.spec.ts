import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, expectAccessible, expectHeading, launch, newPage } from './support/browser.js';

describe('a learner', () => {
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

  it('is sent to the sign-in page from a reserved page, and back after signing in', async () => {
    await page.goto('/amministrazione/utenti');
    await expectHeading(page, 'Accedi');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/amministrazione/utenti');
    await page.getByLabel('Indirizzo e-mail', { exact: true }).fill('discente.cuneo@officina.demo');
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Accedi', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/amministrazione/utenti');
  });

  it('is told the users page is not for them', async () => {
    await expectHeading(page, 'Accesso non autorizzato');
    await page.getByText('Non autorizzato').first().waitFor();
    await expectAccessible(page, 'not authorised');
  });

  it('does not see administrative links', async () => {
    await page.goto('/profilo');
    await expectHeading(page, 'Il mio profilo');
    const nav = page.getByRole('navigation', { name: 'Navigazione principale' });
    const texts = async () => (await nav.getByRole('link').allTextContents()).map((l) => l.trim());
    // The public pages and the personal pages are two groups, closed until opened.
    expect(await texts()).toEqual(['Home', 'Manuale']);
    expect(await nav.locator('.navbar-nav > li > button').allTextContents()).toEqual([
      'Formazione',
      'La mia area',
    ]);
    await nav.getByRole('button', { name: 'La mia area', exact: true }).click();
    expect(await texts()).toEqual([
      'Home',
      'Il mio profilo',
      'La mia formazione',
      'Formazione a distanza',
      'Le mie iscrizioni',
      'Le mie rilevazioni',
      'Le mie competenze',
      'Manuale',
    ]);
    await page.getByText('Discente — Cuneo').waitFor();
    await expectAccessible(page, 'profile (learner)');
  });

  it('can sign out', async () => {
    await page.getByRole('button', { name: 'Esci' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('banner').getByRole('link', { name: 'Accedi', exact: true }).waitFor();
    await page.goto('/profilo');
    await expectHeading(page, 'Accedi');
  });
});
