import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  expectAccessible,
  expectHeading,
  focused,
  latestMailTo,
  launch,
  newPage,
  resetLink,
  signIn,
} from './support/browser.js';

/** Presses Tab until the focused element is a link (or a button) with this text (keyboard-only navigation). */
async function tabTo(page: Page, text: string, tag: 'A' | 'BUTTON' = 'A', maxPresses = 40) {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab');
    const el = await focused(page);
    if (el?.tag === tag && el.text === text) return;
  }
  throw new Error(`"${text}" was not reached with ${maxPresses} Tab presses`);
}

describe('an administrator invites a new user', () => {
  let browser: Browser;
  let admin: { context: BrowserContext; page: Page };
  const email = `nuovo.utente.${Date.now()}@provincia.example.it`;
  const password = 'Una frase lunga per entrare 2026';
  let link = '';

  beforeAll(async () => {
    browser = await launch();
    admin = await newPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('signs in on the overview of what needs attention, and sees the profile with the roles', async () => {
    const { page } = admin;
    await signIn(page, 'admin@officina.demo', DEMO_PASSWORD);
    await expectHeading(page, 'Da fare');
    expect(new URL(page.url()).pathname).toBe('/amministrazione');
    await page.goto('/profilo');
    await expectHeading(page, 'Il mio profilo');
    await page.getByText('Amministratore nazionale (nazionale)').waitFor();
    await page.getByText('admin@officina.demo').first().waitFor();
    await expectAccessible(page, 'profile (admin)');
  });

  it('reaches the users page with the keyboard and invites a user', async () => {
    const { page } = admin;
    // Start from a fresh page load, so keyboard focus starts at the top of the document.
    await page.reload();
    await expectHeading(page, 'Il mio profilo');
    // Users are in the Amministrazione group of the menu: Enter opens it, Tab goes on to its links.
    await tabTo(page, 'Amministrazione', 'BUTTON');
    await page.keyboard.press('Enter');
    await tabTo(page, 'Utenti');
    await page.keyboard.press('Enter');
    await expectHeading(page, 'Gestione utenti');
    expect(new URL(page.url()).pathname).toBe('/amministrazione/utenti');
    await page.getByRole('table').waitFor();
    await expectAccessible(page, 'users list');

    await page.getByRole('button', { name: 'Invita un utente' }).click();
    await page.getByLabel('Indirizzo e-mail', { exact: true }).fill(email);
    await page.getByLabel('Nome e cognome', { exact: true }).fill('Nuova Utente Prova');
    await page.locator('#invite-unit').selectOption({ label: 'Cuneo' });
    await expectAccessible(page, 'invite form');
    await page.getByRole('button', { name: "Invia l'invito" }).click();
    await page.getByText(`Invito inviato a ${email}`).waitFor();
    await expectAccessible(page, 'invite sent');
  });

  it('reads the invitation in the outbox', async () => {
    const { page } = admin;
    const text = await latestMailTo(page, email);
    expect(text).toContain('/reimposta-password?token=');
    link = resetLink(text);
    expect(link).toContain('invito=1');
    await expectAccessible(page, 'outbox with message open');
  });

  it('lets the invited person activate the account and sign in', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(link);
    await expectHeading(page, 'Attiva il tuo account');
    await expectAccessible(page, 'activate account');
    // The policy is checked before anything is sent.
    await page.getByLabel('Nuova password', { exact: true }).fill('corta');
    await page.getByLabel('Ripeti la nuova password', { exact: true }).fill('corta');
    await page.getByRole('button', { name: "Attiva l'account" }).click();
    await page.getByText('La password deve avere almeno 12 caratteri.').waitFor();

    await page.getByLabel('Nuova password', { exact: true }).fill(password);
    await page.getByLabel('Ripeti la nuova password', { exact: true }).fill(password);
    await page.getByRole('button', { name: "Attiva l'account" }).click();
    await page.getByText('Il tuo account è attivo').waitFor();
    await expectAccessible(page, 'account activated');

    await signIn(page, email, password);
    await expectHeading(page, 'La mia formazione');
    await page.goto('/profilo');
    await expectHeading(page, 'Il mio profilo');
    await page.getByText('Nuova Utente Prova').first().waitFor();
    await page.getByText('Cuneo').first().waitFor();
    await expectAccessible(page, 'profile (new user)');
    await context.close();
  });
});
