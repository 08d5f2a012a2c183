import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  expectAccessible,
  expectHeading,
  focused,
  launch,
  newPage,
  openFromMenu,
  romeDayFromToday,
  signIn,
  tick,
} from './support/browser.js';

/** Presses Tab until the focused element is a button whose text starts with `name` (keyboard only). */
async function tabToButton(page: Page, name: string, maxPresses = 80) {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab');
    const el = await focused(page);
    if (el?.tag === 'BUTTON' && el.text.startsWith(name)) return el;
  }
  throw new Error(`the "${name}" button was not reached with ${maxPresses} Tab presses`);
}

/** Opens the outbox as the administrator and returns the text of the newest message to `to` with `subject`. */
async function mailTo(page: Page, to: string, subject: string): Promise<string> {
  await page.goto(`/amministrazione/posta?to=${encodeURIComponent(to)}`);
  await expectHeading(page, 'Posta in uscita');
  const row = page.locator('tbody tr').filter({ hasText: subject }).first();
  await row.waitFor();
  await row.getByRole('button', { name: /^Leggi/ }).click();
  const body = page.locator('pre.officina-mail-text').first();
  await body.waitFor();
  return (await body.textContent()) ?? '';
}

async function hasFocus(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => el === (el.ownerDocument as { activeElement: unknown }).activeElement);
}

describe('enrolment with approval by the Province officer', () => {
  let browser: Browser;
  const people: { context: BrowserContext; page: Page }[] = [];
  let admin: Page;
  let learner: Page;
  let officer: Page;
  const stamp = Date.now();
  const editionTitle = `Edizione con approvazione ${stamp}`;
  const day = romeDayFromToday(20);
  let editionId = 0;

  beforeAll(async () => {
    browser = await launch();
    for (let i = 0; i < 3; i++) people.push(await newPage(browser));
    [admin, learner, officer] = people.map((p) => p.page) as [Page, Page, Page];
  });
  afterAll(async () => {
    for (const p of people) await p.context.close();
    await browser?.close();
  });

  it('an administrator creates an edition that needs approval', async () => {
    await signIn(admin, 'admin@officina.demo', DEMO_PASSWORD);
    const path = (await (
      await admin.request.get('/api/v1/public/paths/fondi-europei-progettazione')
    ).json()) as {
      id: number;
    };
    await admin.goto(`/amministrazione/catalogo/${path.id}`);
    await expectHeading(admin, 'Progettare con i fondi europei');
    await admin.getByRole('button', { name: 'Nuova edizione' }).click();
    const form = admin.getByRole('form', { name: 'Nuova edizione' });
    await form.getByLabel("Titolo dell'edizione").fill(editionTitle);
    await form.getByLabel('Primo giorno').fill(day);
    await form.getByLabel('Ultimo giorno').fill(day);
    await form.getByLabel('Posti').fill('10');
    const opens = form.getByRole('group', { name: 'Apertura delle iscrizioni' });
    await opens.getByLabel('Giorno').fill(romeDayFromToday(0));
    await opens.getByLabel('Ora (ora italiana)').fill('00:00');
    const closes = form.getByRole('group', { name: 'Chiusura delle iscrizioni' });
    await closes.getByLabel('Giorno').fill(romeDayFromToday(15));
    await closes.getByLabel('Ora (ora italiana)').fill('23:59');
    await tick(form.getByLabel("Le iscrizioni richiedono l'approvazione del referente provinciale"));
    // Client-side check of the completion share before anything is sent.
    await form.getByLabel('Frequenza minima (%)').fill('120');
    await form.getByRole('button', { name: "Crea l'edizione" }).click();
    await form.getByText('Indica un numero intero da 1 a 100.').waitFor();
    await form.getByLabel('Frequenza minima (%)').fill('80');
    const deadline = form.getByRole('group', { name: "Termine per annullare l'iscrizione" });
    await deadline.getByLabel('Giorno').fill(romeDayFromToday(10));
    await deadline.getByLabel('Ora (ora italiana)').fill('18:00');
    await expectAccessible(admin, 'edition form with enrolment settings');
    await form.getByRole('button', { name: "Crea l'edizione" }).click();
    await expectHeading(admin, editionTitle);
    editionId = Number(new URL(admin.url()).pathname.split('/').pop());
    expect(editionId).toBeGreaterThan(0);

    // The settings were saved as typed.
    const edit = admin.getByRole('form', { name: "Dati dell'edizione" });
    expect(
      await edit.getByLabel("Le iscrizioni richiedono l'approvazione del referente provinciale").isChecked(),
    ).toBe(true);
    expect(await edit.getByLabel('Frequenza minima (%)').inputValue()).toBe('80');
    const saved = edit.getByRole('group', { name: "Termine per annullare l'iscrizione" });
    expect(await saved.getByLabel('Ora (ora italiana)').inputValue()).toBe('18:00');

    await admin.getByRole('button', { name: 'Aggiungi una sessione' }).click();
    const session = admin.getByRole('form', { name: 'Aggiungi una sessione' });
    await session.getByLabel('Titolo della sessione').fill('Lezione unica');
    await session.getByLabel('Giorno di inizio').fill(day);
    await session.getByLabel('Ora di inizio').fill('09:00');
    await session.getByLabel('Giorno di fine').fill(day);
    await session.getByLabel('Ora di fine').fill('13:00');
    await session.getByLabel('Modalità').selectOption({ label: 'Aula' });
    await session.getByRole('button', { name: 'Aggiungi la sessione' }).click();
    await admin.getByText('Sessione «Lezione unica» aggiunta.').waitFor();
    await admin.getByRole('button', { name: "Pubblica l'edizione" }).click();
    await admin.getByText('Edizione pubblicata: compare nel calendario pubblico.').waitFor();
  });

  it('the officer chooses, on the profile page, between one e-mail each and a daily summary', async () => {
    await signIn(officer, 'referente.cuneo@officina.demo', DEMO_PASSWORD);
    const choose = async (label: string) => {
      await officer.goto('/profilo');
      await expectHeading(officer, 'Il mio profilo');
      const panel = officer.locator('article', {
        has: officer.getByRole('heading', { name: 'E-mail sulle iscrizioni del personale' }),
      });
      // Bootstrap Italia's label covers the radio: choose it with the keyboard, as `tick` does.
      await tick(panel.getByRole('radio', { name: label }));
      await panel.getByRole('button', { name: 'Salva', exact: true }).click();
      await panel.getByText('Preferenza salvata.').waitFor();
      // Kept after a reload.
      await officer.reload();
      expect(await officer.getByRole('radio', { name: label }).isChecked()).toBe(true);
    };
    await officer.setViewportSize({ width: 390, height: 844 });
    await choose('Un riepilogo giornaliero');
    await expectAccessible(officer, 'profile with the daily summary chosen (390 px)');
    await officer.setViewportSize({ width: 1280, height: 900 });
    await choose('Una e-mail per ogni richiesta');
    await expectAccessible(officer, 'profile with one e-mail per request (1280 px)');
  });

  it('a visitor is asked to sign in, then the learner enrols with the keyboard', async () => {
    await learner.goto(`/formazione/edizioni/${editionId}`);
    await expectHeading(learner, editionTitle);
    await learner.getByText('Restano 10 posti disponibili.').waitFor();
    await expectAccessible(learner, 'edition page (visitor)');
    await learner.getByRole('link', { name: 'Accedi per iscriverti' }).click();
    await expectHeading(learner, 'Accedi');
    await learner.getByLabel('Indirizzo e-mail', { exact: true }).fill('discente.cuneo@officina.demo');
    await learner.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await learner.getByRole('button', { name: 'Accedi', exact: true }).click();
    // Back on the edition page.
    await expectHeading(learner, editionTitle);
    expect(new URL(learner.url()).pathname).toBe(`/formazione/edizioni/${editionId}`);
    await learner
      .getByText("L'iscrizione richiede l'approvazione del referente della tua Provincia.")
      .waitFor();

    // Reachable with Tab from the top of a freshly loaded page, used with Enter.
    await learner.reload();
    await expectHeading(learner, editionTitle);
    await learner.getByRole('button', { name: 'Iscriviti', exact: true }).waitFor();
    await tabToButton(learner, 'Iscriviti');
    await learner.keyboard.press('Enter');
    const done = learner.getByRole('status').filter({ hasText: 'Richiesta inviata' });
    await done.waitFor();
    expect(await hasFocus(done)).toBe(true);
    await learner.getByText('In attesa di approvazione').first().waitFor();
    await learner.getByRole('button', { name: 'Annulla iscrizione' }).waitFor();
    await expectAccessible(learner, 'edition page (pending)');
  });

  it('the learner finds the request among their enrolments', async () => {
    await openFromMenu(learner, 'Le mie iscrizioni', 'La mia area');
    await expectHeading(learner, 'Le mie iscrizioni');
    const row = learner.getByRole('row', { name: new RegExp(editionTitle) });
    await row.getByText('In attesa di approvazione').waitFor();
    await expectAccessible(learner, 'my enrolments');
  });

  it('the officer’s e-mail about the request is in the outbox', async () => {
    const text = await mailTo(admin, 'referente.cuneo@officina.demo', 'richiesta di iscrizione da approvare');
    expect(text).toContain('Carlo Discente, della tua Provincia, ha chiesto di iscriversi');
    expect(text).toContain(`Edizione: ${editionTitle}`);
    expect(text).toContain('/provincia/iscrizioni');
    await expectAccessible(admin, 'outbox with the officer’s e-mail open');
  });

  it('the Province officer approves it with the keyboard', async () => {
    await officer.goto('/');
    await openFromMenu(officer, 'Iscrizioni della Provincia', 'Provincia');
    await expectHeading(officer, 'Iscrizioni della Provincia');
    await officer.getByLabel('Stato', { exact: true }).selectOption({ label: 'In attesa di approvazione' });
    await officer
      .getByLabel('Percorso', { exact: true })
      .selectOption({ label: 'Progettare con i fondi europei' });
    await officer.getByLabel('Edizione', { exact: true }).selectOption({ value: String(editionId) });
    await officer.getByRole('button', { name: 'Cerca', exact: true }).click();
    const table = officer.getByRole('table', { name: 'Iscrizioni: 1 risultato' });
    await table.waitFor();
    await table.getByRole('rowheader', { name: /Carlo Discente/ }).waitFor();
    await expectAccessible(officer, 'Province enrolments');

    // From the results' scrollable region, Tab reaches the row's first action.
    await officer.getByRole('region', { name: 'Iscrizioni: 1 risultato' }).focus();
    const button = await tabToButton(officer, 'Approva', 5);
    expect(button.text).toBe('Approva la richiesta di Carlo Discente');
    await officer.keyboard.press('Enter');
    const done = officer.getByRole('status').filter({ hasText: 'Richiesta di Carlo Discente approvata' });
    await done.waitFor();
    expect(await hasFocus(done)).toBe(true);
    await expectAccessible(officer, 'Province enrolments after approval');

    // A rejection asks for a reason: nothing pending is left here, so look at the confirmed list.
    await officer.getByLabel('Stato', { exact: true }).selectOption({ label: 'Confermata' });
    await officer.getByRole('button', { name: 'Cerca', exact: true }).click();
    await officer.getByRole('table', { name: 'Iscrizioni: 1 risultato' }).getByText('Confermata').waitFor();
  });

  it('the learner sees the enrolment confirmed', async () => {
    await learner.reload();
    await expectHeading(learner, 'Le mie iscrizioni');
    const row = learner.getByRole('row', { name: new RegExp(editionTitle) });
    await row.getByText('Confermata').waitFor();
    await learner.goto(`/formazione/edizioni/${editionId}`);
    await learner.getByText('Iscrizione confermata').waitFor();
    await learner.getByText(/Puoi annullare l'iscrizione fino/).waitFor();
    await learner.getByText('Restano 9 posti disponibili.').waitFor();
  });

  it('the officer enrols a colleague, with a report per person', async () => {
    await officer.getByRole('link', { name: 'Iscrivi personale' }).click();
    await expectHeading(officer, 'Iscrivi personale');
    // Nothing is sent without an edition and people.
    await officer.getByRole('button', { name: /^Iscrivi 0 persone/ }).click();
    await officer.getByText("Scegli l'edizione.").waitFor();
    await officer
      .getByLabel('Percorso', { exact: true })
      .selectOption({ label: 'Progettare con i fondi europei' });
    await officer.getByLabel('Edizione', { exact: true }).selectOption({ value: String(editionId) });
    await officer.getByLabel('Nome o e-mail').fill('discente');
    await officer.getByRole('button', { name: 'Cerca', exact: true }).click();
    const people = officer.getByRole('table', { name: /^Persone:/ });
    await people.getByText('discente2.cuneo@officina.demo').waitFor();
    expect(await people.textContent()).not.toContain('bergamo');
    await tick(people.getByLabel('Giulia Discente'));
    await tick(people.getByLabel('Carlo Discente'));
    await officer.getByText('2 persone scelte: Carlo Discente, Giulia Discente').waitFor();
    await expectAccessible(officer, 'nominate staff');
    await officer.getByRole('button', { name: 'Iscrivi 2 persone' }).click();
    const report = officer.getByRole('table', { name: 'Esito per persona' });
    await report.waitFor();
    await report
      .getByRole('row', { name: /Giulia Discente/ })
      .getByText('Confermata')
      .waitFor();
    // Carlo is already enrolled: the server says so for that row only.
    await report
      .getByRole('row', { name: /Carlo Discente/ })
      .getByText(/già un’iscrizione attiva/)
      .waitFor();
    await officer.getByText('Iscrizioni fatte: 1. Non riuscite: 1.').waitFor();
    await expectAccessible(officer, 'nomination report');
  });

  it('the administrator sees the seats, reserves seats for Cuneo and the learner cancels', async () => {
    await admin.goto(`/amministrazione/edizioni/${editionId}`);
    await expectHeading(admin, editionTitle);
    const panel = admin.getByRole('region', { name: 'Iscrizioni', exact: true });
    const table = panel.getByRole('table', { name: "Iscrizioni all'edizione: 2" });
    await table
      .getByRole('row', { name: /Carlo Discente/ })
      .getByText('Confermata')
      .waitFor();
    await table
      .getByRole('row', { name: /Giulia Discente/ })
      .getByText('Confermata')
      .waitFor();
    const seat = (label: string) =>
      panel
        .locator('dl.officina-seats > div', { has: admin.getByText(label, { exact: true }) })
        .locator('dd');
    expect(await seat('Confermate').textContent()).toBe('2');
    expect(await seat('Posti liberi').textContent()).toBe('8');
    await panel.getByLabel('Ente da aggiungere').selectOption({ label: 'Cuneo' });
    await panel.getByRole('button', { name: 'Aggiungi', exact: true }).click();
    await panel.getByLabel('Cuneo', { exact: true }).fill('3');
    await panel.getByRole('button', { name: 'Salva i posti riservati' }).click();
    await panel.getByText('Posti riservati salvati.').waitFor();
    await expectAccessible(admin, 'edition enrolments panel');

    await learner.getByRole('button', { name: 'Annulla iscrizione' }).click();
    const dialog = learner.getByRole('dialog', { name: "Annullare l'iscrizione?" });
    await dialog.getByLabel('Motivo (facoltativo)').fill('Impegno di servizio');
    await expectAccessible(learner, 'cancel enrolment dialog');
    await dialog.getByRole('button', { name: "Annulla l'iscrizione" }).click();
    await learner.getByRole('status').filter({ hasText: 'Iscrizione annullata.' }).waitFor();
    await learner.getByRole('button', { name: 'Iscriviti', exact: true }).waitFor();
  });

  it('the cancellation is confirmed to the learner and told to the officer', async () => {
    const own = await mailTo(admin, 'discente.cuneo@officina.demo', 'iscrizione annullata');
    expect(own).toContain('come hai chiesto, la tua iscrizione è stata annullata');
    expect(own).toContain('Motivo: Impegno di servizio');
    expect(own).toContain(`Edizione: ${editionTitle}`);
    const notice = await mailTo(
      admin,
      'referente.cuneo@officina.demo',
      'iscrizione annullata – Carlo Discente',
    );
    expect(notice).toContain(`Carlo Discente: Progettare con i fondi europei – ${editionTitle}`);
    expect(notice).toContain('annullata dalla persona stessa. Motivo: Impegno di servizio');
    await admin.goto(`/amministrazione/edizioni/${editionId}`);
    await expectHeading(admin, editionTitle);
  });
  it('the administrator moves a person to another edition of the same path', async () => {
    const panel = admin.getByRole('region', { name: 'Iscrizioni', exact: true });
    await panel.getByRole('button', { name: 'Sposta Giulia Discente' }).click();
    const dialog = admin.getByRole('dialog', { name: "Spostare Giulia Discente in un'altra edizione?" });
    await dialog.getByRole('button', { name: "Sposta l'iscrizione" }).click();
    await dialog.getByText("Scegli l'edizione in cui spostare l'iscrizione.").waitFor();
    await dialog.getByLabel('Nuova edizione').selectOption({ index: 1 });
    await expectAccessible(admin, 'move dialog');
    await dialog.getByRole('button', { name: "Sposta l'iscrizione" }).click();
    await admin
      .getByRole('status')
      .filter({ hasText: /L'iscrizione di Giulia Discente è stata spostata all'edizione/ })
      .waitFor();
    await panel
      .getByRole('row', { name: /Giulia Discente/ })
      .getByText('Annullata')
      .waitFor();
  });

  it('the officer rejects a new request with a reason, which the learner reads', async () => {
    await learner.getByRole('button', { name: 'Iscriviti', exact: true }).click();
    await learner.getByRole('status').filter({ hasText: 'Richiesta inviata' }).waitFor();

    await officer.goto(`/provincia/iscrizioni?status=pending&editionId=${editionId}`);
    await expectHeading(officer, 'Iscrizioni della Provincia');
    await officer.getByRole('button', { name: 'Respingi la richiesta di Carlo Discente' }).click();
    const dialog = officer.getByRole('dialog', { name: 'Respingere la richiesta di Carlo Discente?' });
    await dialog.getByRole('button', { name: 'Respingi la richiesta' }).click();
    await dialog.getByText('Indica un motivo di almeno 5 caratteri.').waitFor();
    await dialog.getByLabel('Motivo', { exact: true }).fill('Posti riservati ad altri uffici');
    await expectAccessible(officer, 'reject dialog');
    await dialog.getByRole('button', { name: 'Respingi la richiesta' }).click();
    await officer.getByRole('status').filter({ hasText: 'Richiesta di Carlo Discente respinta.' }).waitFor();

    await learner.goto('/formazione/iscrizioni');
    await expectHeading(learner, 'Le mie iscrizioni');
    const row = learner.getByRole('row', { name: new RegExp(editionTitle) }).first();
    await row.getByText('Respinta').waitFor();
    await row.getByText('Motivo: Posti riservati ad altri uffici').waitFor();
    await expectAccessible(learner, 'my enrolments with a rejection');
  });
});
