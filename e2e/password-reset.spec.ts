import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  expectAccessible,
  expectHeading,
  latestMailTo,
  launch,
  newPage,
  resetLink,
  signIn,
} from './support/browser.js';

describe('password reset', () => {
  let browser: Browser;
  const learner = 'discente2.cuneo@officina.demo';
  const newPassword = 'Nuova frase segreta per Officina 2026';
  let link = '';

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is requested by the learner', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/password-dimenticata');
    await page.getByLabel('Indirizzo e-mail', { exact: true }).fill(learner);
    await page.getByRole('button', { name: 'Invia il collegamento' }).click();
    await page.getByText('Richiesta ricevuta').waitFor();
    await context.close();
  });

  it('sends a link the administrator can read in the outbox', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'admin@officina.demo', DEMO_PASSWORD);
    const text = await latestMailTo(page, learner);
    link = resetLink(text);
    expect(link).not.toContain('invito=1');
    await context.close();
  });

  it('lets the learner choose a new password and sign in with it', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(link);
    await expectHeading(page, 'Reimposta la password');
    await expectAccessible(page, 'reset password');
    await page.getByLabel('Nuova password', { exact: true }).fill(newPassword);
    await page.getByLabel('Ripeti la nuova password', { exact: true }).fill(`${newPassword}!`);
    await page.getByRole('button', { name: 'Salva la nuova password' }).click();
    await page.getByText('Le due password non coincidono.').waitFor();
    await page.getByLabel('Ripeti la nuova password', { exact: true }).fill(newPassword);
    await page.getByRole('button', { name: 'Salva la nuova password' }).click();
    await page.getByText('La password è stata aggiornata').waitFor();

    await signIn(page, learner, newPassword);
    await expectHeading(page, 'La mia formazione');
    await page.goto('/profilo');
    await expectHeading(page, 'Il mio profilo');
    await page.getByText(learner).first().waitFor();
    await context.close();
  });

  it('refuses the same link a second time', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(link);
    await expectHeading(page, 'Reimposta la password');
    await page.getByLabel('Nuova password', { exact: true }).fill('Ancora un altra frase lunga 2026');
    await page
      .getByLabel('Ripeti la nuova password', { exact: true })
      .fill('Ancora un altra frase lunga 2026');
    await page.getByRole('button', { name: 'Salva la nuova password' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect((await alert.textContent())?.length).toBeGreaterThan(5);
    await page.getByRole('link', { name: 'Richiedi un nuovo collegamento' }).waitFor();
    await expectAccessible(page, 'reset link used twice');
    await context.close();
  });
});
