import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, expectAccessible, expectHeading, focused, launch, newPage } from './support/browser.js';

describe('public pages', () => {
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

  it('shows the home page in Italian', async () => {
    await page.goto('/');
    await expectHeading(page, /Officina/);
    expect(await page.getAttribute('html', 'lang')).toBe('it');
    await page.getByRole('heading', { name: 'Che cosa puoi consultare' }).waitFor();
    await page.getByRole('banner').getByRole('link', { name: 'Accedi', exact: true }).waitFor();
    await expectAccessible(page, 'home (it)');
  });

  it('puts the skip link first in the tab order and moves focus to main', async () => {
    await page.goto('/');
    await expectHeading(page, /Officina/);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({
      tag: 'A',
      text: 'Vai al contenuto principale',
      href: '#main',
    });
    await page.keyboard.press('Enter');
    expect(await focused(page)).toMatchObject({ id: 'main', tag: 'MAIN' });
  });

  it('shows the sign-in page', async () => {
    await page.goto('/accedi');
    await expectHeading(page, 'Accedi');
    await page.getByLabel('Indirizzo e-mail', { exact: true }).waitFor();
    await page.getByLabel('Password', { exact: true }).waitFor();
    await expectAccessible(page, 'sign-in page');
  });

  it('shows the bad-credentials message from the server', async () => {
    await page.goto('/accedi');
    await page.getByLabel('Indirizzo e-mail', { exact: true }).fill('nessuno@officina.demo');
    await page.getByLabel('Password', { exact: true }).fill('non-e-la-password');
    await page.getByRole('button', { name: 'Accedi', exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('E-mail o password non corretti');
    await expectAccessible(page, 'sign-in page with error');
  });

  it('shows the forgotten-password page and its neutral confirmation', async () => {
    await page.goto('/accedi');
    await page.getByRole('link', { name: 'Hai dimenticato la password?' }).click();
    await expectHeading(page, 'Password dimenticata');
    await expectAccessible(page, 'forgotten password');
    await page.getByLabel('Indirizzo e-mail', { exact: true }).fill('sconosciuto@example.org');
    await page.getByRole('button', { name: 'Invia il collegamento' }).click();
    await page.getByText('Richiesta ricevuta').waitFor();
    await expectAccessible(page, 'forgotten password, sent');
  });

  it('switches to English', async () => {
    await page.goto('/');
    await page.getByRole('button', { name: 'English' }).click();
    await expectHeading(page, 'Officina, the platform of the national programme for the Provinces');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByRole('link', { name: 'Skip to main content' }).waitFor({ state: 'attached' });
    await expectAccessible(page, 'home (en)');
    await page.goto('/accedi');
    await expectHeading(page, 'Sign in');
    await page.getByLabel('E-mail address', { exact: true }).waitFor();
    // The choice survives a reload; switch back for the next tests.
    await page.reload();
    await expectHeading(page, 'Sign in');
    await page.getByRole('button', { name: 'Italiano' }).click();
    await expectHeading(page, 'Accedi');
    expect(await page.getAttribute('html', 'lang')).toBe('it');
  });

  it('shows a 404 page for unknown addresses', async () => {
    await page.goto('/non-esiste');
    await expectHeading(page, 'Pagina non trovata');
    await expectAccessible(page, '404');
  });

  it('fits a phone screen and opens the navigation menu', async () => {
    const phone = await browser.newContext({ baseURL: baseURL(), viewport: { width: 390, height: 844 } });
    const small = await phone.newPage();
    await small.goto('/');
    await expectHeading(small, /Officina/);
    const overflow = await small.evaluate(
      () =>
        (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
          .documentElement.scrollWidth,
    );
    expect(overflow).toBeLessThanOrEqual(390);
    await small.getByRole('button', { name: 'Mostra la navigazione' }).click();
    const menu = small.getByRole('dialog', { name: 'Navigazione principale' });
    await menu.getByRole('link', { name: 'Manuale', exact: true }).waitFor();
    await expectAccessible(small, 'mobile menu');
    await menu.getByRole('link', { name: 'Manuale', exact: true }).click();
    await expectHeading(small, 'Manuale utente');
    await small.getByRole('button', { name: 'Mostra la navigazione' }).waitFor();
    await expectAccessible(small, 'manual (phone)');
    await phone.close();
  });

  it('shows the user manual', async () => {
    await page.goto('/manuale');
    await expectHeading(page, 'Manuale utente');
    await expectAccessible(page, 'manual');
  });
});
