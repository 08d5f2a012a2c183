import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  expectAccessible,
  expectHeading,
  launch,
  newPage,
  signIn,
} from './support/browser.js';

describe('a learner subscribes to a personal calendar feed', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let firstUrl = '';

  beforeAll(async () => {
    browser = await launch();
    ({ context, page } = await newPage(browser));
    await signIn(page, 'discente.bergamo@officina.demo', DEMO_PASSWORD);
    await expectHeading(page, 'La mia formazione');
    await page.goto('/profilo');
    await expectHeading(page, 'Il mio profilo');
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  const feedField = () => page.getByLabel('Indirizzo del tuo calendario personale');

  it('creates the feed on the profile page and the address answers iCalendar', async () => {
    const panel = page.getByRole('article').filter({ hasText: 'Calendario personale' });
    await panel.getByRole('heading', { name: 'Calendario personale' }).waitFor();
    // A rerun on the same database may find a feed already there: start from none.
    if (await panel.getByRole('button', { name: 'Disattiva' }).isVisible()) {
      await panel.getByRole('button', { name: 'Disattiva' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Disattiva' }).click();
    }
    await panel.getByRole('button', { name: 'Crea il calendario personale' }).click();
    await page.getByText('Calendario personale creato').waitFor();
    firstUrl = await feedField().inputValue();
    expect(firstUrl).toMatch(/^https?:\/\/.+/);
    await expectAccessible(page, 'profile with calendar feed');

    const res = await page.request.get(firstUrl);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('text/calendar');
    expect(await res.text()).toContain('BEGIN:VCALENDAR');
  });

  it('regenerates the address: the old one stops working', async () => {
    await page.getByRole('button', { name: 'Rigenera' }).click();
    const dialog = page.getByRole('dialog', { name: "Rigenerare l'indirizzo?" });
    await dialog.waitFor();
    await expectAccessible(page, 'regenerate dialog');
    await dialog.getByRole('button', { name: 'Rigenera' }).click();
    await page.getByText('Nuovo indirizzo creato').waitFor();
    const secondUrl = await feedField().inputValue();
    expect(secondUrl).not.toBe(firstUrl);
    expect((await page.request.get(secondUrl)).status()).toBe(200);
    expect((await page.request.get(firstUrl)).status()).toBe(404);
    firstUrl = secondUrl;
  });

  it('keeps the address after a reload, then deactivates it', async () => {
    await page.reload();
    await expectHeading(page, 'Il mio profilo');
    await feedField().waitFor();
    expect(await feedField().inputValue()).toBe(firstUrl);
    await page.getByRole('button', { name: 'Disattiva' }).click();
    const dialog = page.getByRole('dialog', { name: 'Disattivare il calendario personale?' });
    await dialog.getByRole('button', { name: 'Disattiva' }).click();
    await page.getByText('Calendario personale disattivato.').waitFor();
    await page.getByRole('button', { name: 'Crea il calendario personale' }).waitFor();
    expect((await page.request.get(firstUrl)).status()).toBe(404);
    await expectAccessible(page, 'profile without calendar feed');
  });
});
