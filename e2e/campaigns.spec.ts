import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseURL,
  DEMO_PASSWORD,
  expectAccessible,
  expectHeading,
  focused,
  latestMailTo,
  launch,
  newPage,
  openFromMenu,
  romeDayFromToday,
  signIn,
  tick,
} from './support/browser.js';

const SURVEY = 'Rilevazione dei fabbisogni 2027';

async function pageWidth(page: Page) {
  return page.evaluate(
    () =>
      (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
        .documentElement.scrollWidth,
  );
}

describe('a learner answers the open needs survey on a phone', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launch();
    context = await browser.newContext({
      baseURL: baseURL(),
      locale: 'it-IT',
      timezoneId: 'Europe/Rome',
      viewport: { width: 390, height: 844 },
    });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
    await signIn(page, 'discente.cuneo@officina.demo', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  const groups = () => page.locator('fieldset.officina-competency');
  const radio = (group: number, option: number) =>
    groups().nth(group).locator('input[type="radio"]').nth(option);

  it('finds the survey in "Le mie rilevazioni", with its deadline', async () => {
    await page.goto('/le-mie-rilevazioni');
    await expectHeading(page, 'Le mie rilevazioni');
    await page
      .getByText(/Entro il/)
      .first()
      .waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'my surveys on a phone');
    await page.getByRole('link', { name: new RegExp(SURVEY) }).click();
    await expectHeading(page, SURVEY);
    await groups().first().waitFor();
    expect(await groups().count()).toBeGreaterThan(5);
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'questionnaire on a phone');
  });

  it('answers the first competencies by keyboard, and the answers are saved automatically', async () => {
    // First group: Space chooses "Nessuna", the arrow moves the choice to "Base".
    await radio(0, 0).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    expect(await radio(0, 1).isChecked()).toBe(true);
    // Tab leaves the group for the next one, where Space chooses its first option; then up to "Avanzato".
    await page.keyboard.press('Tab');
    expect((await focused(page))?.id).toBe(await radio(1, 0).getAttribute('id'));
    await page.keyboard.press('Space');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    expect(await radio(1, 3).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowUp');
    // From the first option, the arrow up wraps to the last: "Non applicabile".
    expect(await radio(2, 4).isChecked()).toBe(true);
    await page.getByText(/Salvato alle \d{2}[:.]\d{2}/).waitFor();
    await page.getByText(/3 di \d+ risposte date/).waitFor();
    await expectAccessible(page, 'questionnaire with a draft saved');
  });

  it('leaves, comes back and finds the saved answers', async () => {
    await page.getByRole('link', { name: 'Torna alle mie rilevazioni' }).click();
    await expectHeading(page, 'Le mie rilevazioni');
    await page.getByText('In compilazione').first().waitFor();
    await page.getByRole('link', { name: new RegExp(SURVEY) }).click();
    await expectHeading(page, SURVEY);
    await groups().first().waitFor();
    expect(await radio(0, 1).isChecked()).toBe(true);
    expect(await radio(1, 3).isChecked()).toBe(true);
    expect(await radio(2, 4).isChecked()).toBe(true);
    await page.getByText(/Salvato alle/).waitFor();
  });

  it('lists what is missing when sending too early, with links to the fields', async () => {
    await page.getByRole('button', { name: 'Invia le risposte' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Il questionario non è completo' });
    await summary.waitFor();
    expect((await focused(page))?.tag).toBe('DIV');
    await expectAccessible(page, 'questionnaire with its missing answers listed');
    await summary.getByRole('link').first().click();
    expect((await focused(page))?.id).toBe(await radio(3, 0).getAttribute('id'));
  });

  it('answers the rest, saves to continue later, and sends', async () => {
    const count = await groups().count();
    for (let g = 3; g < count; g++) await tick(radio(g, g % 2 ? 2 : 1));
    await tick(page.locator('input[type="radio"][id^="question-"][id$="-4"]').first());
    await page.getByLabel(/Quali temi vorresti approfondire/).fill('Contratti pubblici e PNRR');
    await page.getByRole('button', { name: 'Salva e continua dopo' }).click();
    await page.getByText(/Risposte salvate/).waitFor();
    await page.getByRole('button', { name: 'Invia le risposte' }).click();
    await page.getByText(/Hai inviato le tue risposte/).waitFor();
    await expectAccessible(page, 'questionnaire sent');
    await page.goto('/le-mie-rilevazioni');
    await page.getByText('Inviata').first().waitFor();
  });
});

describe('the administrator follows the survey', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launch();
    ({ context, page } = await newPage(browser));
    await signIn(page, 'admin@officina.demo', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('sees the live progress per Province', async () => {
    await openFromMenu(page, 'Rilevazioni', 'Fabbisogni');
    await expectHeading(page, 'Rilevazioni dei fabbisogni');
    await expectAccessible(page, 'surveys list');
    await page.getByRole('link', { name: SURVEY }).click();
    await expectHeading(page, SURVEY);
    const cuneo = page.locator('tbody tr', { hasText: 'Cuneo' });
    await cuneo.waitFor();
    expect(Number(await cuneo.locator('td').nth(2).textContent())).toBeGreaterThanOrEqual(1);
    await page.locator('tbody tr', { hasText: 'Bergamo' }).waitFor();
    await expectAccessible(page, 'survey progress');
  });

  it('sends a reminder to Cuneo and finds it in the outbox', async () => {
    await page.getByRole('button', { name: 'Invia sollecito a Cuneo' }).click();
    await page.getByText(/Solleciti inviati: \d+/).waitFor();
    await expectAccessible(page, 'reminder sent');
    // A second one within 24 hours is refused, with the reason.
    await page.getByRole('button', { name: 'Invia sollecito a Cuneo' }).click();
    await page.getByText(/ultime 24 ore/).waitFor();
    const text = await latestMailTo(page, 'discente2.cuneo@officina.demo');
    expect(text).toContain(SURVEY);
    expect(text).toContain('non abbiamo ancora ricevuto');
    expect(text).toMatch(/\/le-mie-rilevazioni\/\d+/);
    await expectAccessible(page, 'outbox with the reminder');
  });

  it('prepares a survey with a question of its own and opens it after confirming', async () => {
    await page.goto('/rilevazioni/nuova');
    await expectHeading(page, 'Nuova rilevazione');
    await page.getByLabel('Titolo (italiano)').fill('Rilevazione di prova e2e');
    await page.getByLabel('Titolo (inglese)').fill('E2E test survey');
    await page.getByLabel('Data di apertura').fill(romeDayFromToday(0));
    await page.getByLabel('Data di chiusura').fill(romeDayFromToday(20));
    await tick(page.getByLabel('Province scelte'));
    await page.getByLabel(/Filtra gli enti/).fill('Sassari');
    await tick(page.getByRole('checkbox', { name: /Sassari/ }).first());
    // Anonymous (the default) needs groups of at least 5: the form says why.
    await page.getByText(/In una rilevazione anonima almeno 5/).waitFor();
    await page.getByLabel('Dimensione minima dei gruppi mostrati').fill('3');
    await page.getByRole('button', { name: 'Salva la bozza' }).click();
    await page.getByText('Una rilevazione anonima richiede un gruppo minimo di almeno 5 persone.').waitFor();
    await page.getByLabel('Dimensione minima dei gruppi mostrati').fill('5');
    await tick(page.getByLabel(/Nominativa/));
    await page.getByRole('button', { name: 'Aggiungi una domanda' }).click();
    await page.getByLabel('Tipo di risposta').selectOption('single');
    await page.getByLabel('Testo della domanda (italiano)').fill('Dove preferisci seguire i corsi?');
    await page.getByLabel('Testo della domanda (inglese)').fill('Where do you prefer to attend courses?');
    await page.getByLabel(/Opzioni/).fill('Aula | Classroom\nOnline | Online');
    await expectAccessible(page, 'survey form');
    await page.getByRole('button', { name: 'Salva la bozza' }).click();
    await expectHeading(page, 'Rilevazione di prova e2e');
    await page.getByText('Dove preferisci seguire i corsi?').waitFor();
    // The draft's form comes back with what was saved.
    await page.getByRole('link', { name: 'Modifica' }).click();
    await expectHeading(page, 'Modifica la rilevazione');
    expect(await page.getByLabel(/Opzioni/).inputValue()).toBe('Aula | Classroom\nOnline | Online');
    await expectAccessible(page, 'survey edit form');
    await page.getByRole('link', { name: 'Annulla' }).click();
    await expectHeading(page, 'Rilevazione di prova e2e');
    await page.getByRole('button', { name: 'Apri la rilevazione' }).click();
    const dialog = page.getByRole('dialog', { name: 'Aprire la rilevazione?' });
    await dialog.waitFor();
    await expectAccessible(page, 'open confirmation');
    await dialog.getByRole('button', { name: 'Conferma' }).click();
    await page.getByText(/Rilevazione aperta: \d+ persone invitate/).waitFor();
    await page.locator('tbody tr', { hasText: 'Sassari' }).waitFor();
    await expectAccessible(page, 'survey opened');
  });

  it('fits a phone too', async () => {
    const phone = await browser.newContext({
      baseURL: baseURL(),
      viewport: { width: 390, height: 844 },
      storageState: await context.storageState(),
    });
    const small = await phone.newPage();
    await small.goto('/rilevazioni');
    await expectHeading(small, 'Rilevazioni dei fabbisogni');
    await small.getByRole('link', { name: SURVEY }).click();
    await expectHeading(small, SURVEY);
    await small.locator('tbody tr', { hasText: 'Cuneo' }).waitFor();
    expect(await pageWidth(small)).toBeLessThanOrEqual(390);
    await expectAccessible(small, 'survey progress on a phone');
    await phone.close();
  });
});

describe('the officer of Cuneo follows the survey and assesses a respondent', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launch();
    ({ context, page } = await newPage(browser));
    await signIn(page, 'referente.cuneo@officina.demo', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('sees only Cuneo, with the names of who has not answered yet', async () => {
    await openFromMenu(page, 'Rilevazioni', 'Fabbisogni');
    await expectHeading(page, 'Rilevazioni dei fabbisogni');
    await page.getByRole('link', { name: SURVEY }).click();
    await expectHeading(page, SURVEY);
    await page.getByRole('heading', { name: 'Chi non ha ancora risposto' }).waitFor();
    await page.getByRole('cell', { name: 'discente2.cuneo@officina.demo' }).waitFor();
    expect(await page.locator('tbody tr', { hasText: 'Bergamo' }).count()).toBe(0);
    await expectAccessible(page, 'survey progress for an officer');
  });

  it('gives the observed levels of a respondent', async () => {
    await page.getByRole('link', { name: 'Valuta Carlo Discente' }).click();
    await expectHeading(page, 'Valutazione di Carlo Discente');
    await page.locator('select').first().selectOption('2');
    await page.getByRole('button', { name: 'Salva la valutazione' }).click();
    await page.getByText('Valutazione salvata.').waitFor();
    await expectAccessible(page, 'manager assessment');
    await page.getByRole('link', { name: 'Torna alla rilevazione' }).click();
    await page.getByText(/1 di \d+ competenze valutate/).waitFor();
  });
});

describe('a respondent with the questionnaire open on two devices', () => {
  let browser: Browser;
  let context: BrowserContext;
  let laptop: Page;
  let phone: Page;

  beforeAll(async () => {
    browser = await launch();
    ({ context, page: laptop } = await newPage(browser));
    await signIn(laptop, 'discente2.cuneo@officina.demo', DEMO_PASSWORD);
    phone = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  const radio = (page: Page, group: number, option: number) =>
    page.locator('fieldset.officina-competency').nth(group).locator('input[type="radio"]').nth(option);
  const openSurvey = async (page: Page) => {
    await page.goto('/le-mie-rilevazioni');
    await page.getByRole('link', { name: new RegExp(SURVEY) }).click();
    await expectHeading(page, SURVEY);
    await page.locator('fieldset.officina-competency').first().waitFor();
  };

  it('is told to reload when the other device saved newer answers, and keeps them', async () => {
    await openSurvey(laptop);
    const count = await laptop.locator('fieldset.officina-competency').count();
    for (let g = 0; g < count; g++) await tick(radio(laptop, g, 1));
    await tick(laptop.locator('input[type="radio"][id^="question-"][id$="-4"]').first());
    await laptop.getByRole('button', { name: 'Salva e continua dopo' }).click();
    await laptop.getByText(/Risposte salvate/).waitFor();
    // The phone changes one answer afterwards.
    await openSurvey(phone);
    const saved = phone.waitForResponse(
      (res) => res.url().endsWith('/draft') && res.request().method() === 'PUT' && res.ok(),
    );
    await tick(radio(phone, 0, 3));
    await saved;
    // The laptop's page is stale: sending is refused, with a reload button.
    await laptop.getByRole('button', { name: 'Invia le risposte' }).click();
    const alert = laptop.getByRole('alert').filter({ hasText: 'cambiate su un altro dispositivo' });
    await alert.waitFor();
    await expectAccessible(laptop, 'stale answers refused');
    await alert.getByRole('button', { name: 'Ricarica la pagina' }).click();
    await expectHeading(laptop, SURVEY);
    await radio(laptop, 0, 3).waitFor();
    expect(await radio(laptop, 0, 3).isChecked()).toBe(true);
    await laptop.getByRole('button', { name: 'Invia le risposte' }).click();
    await laptop.getByText(/Hai inviato le tue risposte/).waitFor();
  });
});
