import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  expectAccessible,
  expectHeading,
  launch,
  newPage,
  openFromMenu,
  romeDayFromToday,
  signIn,
  tick,
} from './support/browser.js';

describe('an administrator manages the catalogue', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const stamp = Date.now();
  const pathTitle = `Percorso di prova ${stamp}`;
  const editionTitle = `Edizione di prova ${stamp}`;
  const firstDay = romeDayFromToday(8);
  const secondDay = romeDayFromToday(15);
  let editionUrl = '';
  let slug = '';

  beforeAll(async () => {
    browser = await launch();
    ({ context, page } = await newPage(browser));
    await signIn(page, 'admin@officina.demo', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('finds the catalogue in the navigation', async () => {
    await openFromMenu(page, 'Catalogo', 'Formazione');
    await expectHeading(page, 'Catalogo dei percorsi');
    await page.getByRole('table', { name: /^Percorsi: \d+ risultat/ }).waitFor();
    await expectAccessible(page, 'catalogue');
  });

  it('creates a path with modules and publishes it', async () => {
    await page.getByRole('link', { name: 'Nuovo percorso' }).click();
    await expectHeading(page, 'Nuovo percorso formativo');
    // Client-side checks first: nothing is sent with an empty form.
    await page.getByRole('button', { name: 'Crea il percorso' }).click();
    await page.getByText('Indica un titolo di almeno 3 caratteri.').waitFor();

    await page.getByLabel('Titolo', { exact: true }).fill(pathTitle);
    await page
      .getByLabel('Descrizione breve', { exact: true })
      .fill('Un percorso creato dai test end-to-end per verificare il catalogo.');
    await page.getByLabel('Obiettivi', { exact: true }).fill('Verificare che il catalogo funzioni.');
    await page.getByLabel('Ambito formativo', { exact: true }).selectOption({ label: 'Tecnologico' });
    await page.getByLabel('Livello', { exact: true }).selectOption({ label: 'Base' });
    await page.getByLabel('Durata', { exact: true }).fill('6');
    await tick(page.getByLabel('Webinar', { exact: true }));
    await tick(page.getByLabel('Aula', { exact: true }));
    await page.getByLabel('Competenze sviluppate', { exact: true }).fill('Uso della piattaforma\nCalendari');

    await page.getByRole('button', { name: 'Aggiungi un modulo' }).click();
    await page.getByRole('button', { name: 'Aggiungi un modulo' }).click();
    const modules = page.getByRole('group', { name: /^Modulo \d$/ });
    await modules.nth(0).getByLabel('Titolo del modulo').fill('Secondo modulo');
    await modules.nth(0).getByLabel('Ore').fill('2');
    await modules.nth(1).getByLabel('Titolo del modulo').fill('Primo modulo');
    await modules.nth(1).getByLabel('Ore').fill('4');
    // Reorder with the keyboard-reachable buttons.
    await modules.nth(1).getByRole('button', { name: 'Sposta su Modulo 2' }).click();
    expect(await modules.nth(0).getByLabel('Titolo del modulo').inputValue()).toBe('Primo modulo');

    await page.getByRole('button', { name: 'Aggiungi un materiale' }).click();
    await page.getByLabel('Titolo del materiale').fill('Dispensa');
    await page.getByLabel('Indirizzo (URL)').fill('https://www.example.org/dispensa.pdf');
    await expectAccessible(page, 'path form');

    await page.getByRole('button', { name: 'Crea il percorso' }).click();
    await expectHeading(page, pathTitle);
    expect(new URL(page.url()).pathname).toMatch(/^\/amministrazione\/catalogo\/\d+$/);
    await page.getByText(`Percorso «${pathTitle}» creato in bozza.`).waitFor();

    await page.getByRole('button', { name: 'Pubblica il percorso' }).click();
    await page.getByText('Percorso pubblicato: compare nel catalogo pubblico.').waitFor();
    const publicLink = page.getByRole('link', { name: 'Apri la scheda pubblica del percorso' });
    slug = ((await publicLink.getAttribute('href')) ?? '').split('/').pop() ?? '';
    expect(slug).not.toBe('');
    await expectAccessible(page, 'path detail');
  });

  it('creates an edition with two sessions and publishes it', async () => {
    await page.getByRole('button', { name: 'Nuova edizione' }).click();
    const form = page.getByRole('form', { name: 'Nuova edizione' });
    await form.getByLabel("Titolo dell'edizione").fill(editionTitle);
    await form.getByLabel('Primo giorno').fill(firstDay);
    await form.getByLabel('Ultimo giorno').fill(secondDay);
    await form.getByLabel('Posti').fill('25');
    const opens = form.getByRole('group', { name: 'Apertura delle iscrizioni' });
    await opens.getByLabel('Giorno').fill(romeDayFromToday(0));
    await opens.getByLabel('Ora (ora italiana)').fill('00:00');
    const closes = form.getByRole('group', { name: 'Chiusura delle iscrizioni' });
    await closes.getByLabel('Giorno').fill(romeDayFromToday(6));
    await closes.getByLabel('Ora (ora italiana)').fill('23:59');
    await form.getByLabel('Sede', { exact: true }).fill('Sala delle prove');
    await form.getByLabel('Indirizzo della sede').fill('Via dei Test 1, Cuneo');
    await form.getByLabel('Ente della sede').selectOption({ label: 'Cuneo' });
    await expectAccessible(page, 'new edition form');
    await form.getByRole('button', { name: "Crea l'edizione" }).click();
    await expectHeading(page, editionTitle);
    editionUrl = new URL(page.url()).pathname;
    expect(editionUrl).toMatch(/^\/amministrazione\/edizioni\/\d+$/);

    for (const [title, day, start, end] of [
      ['Prima lezione di prova', firstDay, '09:30', '12:30'],
      ['Seconda lezione di prova', secondDay, '14:00', '17:00'],
    ] as const) {
      await page.getByRole('button', { name: 'Aggiungi una sessione' }).click();
      const sessionForm = page.getByRole('form', { name: 'Aggiungi una sessione' });
      await sessionForm.getByLabel('Titolo della sessione').fill(title);
      await sessionForm.getByLabel('Giorno di inizio').fill(day);
      await sessionForm.getByLabel('Ora di inizio').fill(start);
      await sessionForm.getByLabel('Giorno di fine').fill(day);
      await sessionForm.getByLabel('Ora di fine').fill(end);
      await sessionForm.getByLabel('Modalità').selectOption({ label: 'Aula' });
      await sessionForm.getByLabel('Aula', { exact: true }).fill('Sala A');
      await sessionForm.getByRole('button', { name: 'Aggiungi la sessione' }).click();
      await page.getByText(`Sessione «${title}» aggiunta.`).waitFor();
    }
    const sessions = page.getByRole('table', { name: /^Calendario delle sessioni: 2 sessioni/ });
    await sessions.waitFor();
    // Shown in Italian time as typed, whatever the offset of that day.
    await sessions.getByText('09:30–12:30').waitFor();
    await sessions.getByText('14:00–17:00').waitFor();
    await expectAccessible(page, 'edition detail');

    await page.getByRole('button', { name: "Pubblica l'edizione" }).click();
    await page.getByText('Edizione pubblicata: compare nel calendario pubblico.').waitFor();
  });

  it('shows the edition in the public calendar', async () => {
    await page.goto(`/formazione?from=${firstDay}&to=${firstDay}`);
    await expectHeading(page, 'Calendario della formazione');
    const entry = page.locator('main li.officina-entry', { hasText: editionTitle });
    await entry.waitFor();
    expect(await entry.textContent()).toContain('Prima lezione di prova');
    expect(await entry.textContent()).toContain('09:30–12:30');
    await entry.getByRole('link').first().click();
    await expectHeading(page, editionTitle);
    await page.getByRole('link', { name: pathTitle }).waitFor();
    await page.getByText('Sala delle prove').first().waitFor();
  });

  it('cancels a session, which the public pages then mark as cancelled', async () => {
    await page.goto(editionUrl);
    await expectHeading(page, editionTitle);
    await page.getByRole('button', { name: 'Annulla la sessione Seconda lezione di prova' }).click();
    const dialog = page.getByRole('dialog', { name: 'Annullare la sessione «Seconda lezione di prova»?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Annulla la sessione' }).click();
    await dialog.getByText('Indica un motivo di almeno 5 caratteri.').waitFor();
    await dialog.getByLabel('Motivo').fill('Docente non disponibile');
    await expectAccessible(page, 'cancel session dialog');
    await dialog.getByRole('button', { name: 'Annulla la sessione' }).click();
    await page.getByText('Sessione «Seconda lezione di prova» annullata.').waitFor();
    const row = page
      .getByRole('table', { name: /^Calendario delle sessioni/ })
      .getByRole('row', { name: /Seconda lezione di prova/ });
    await row.getByText('Annullata', { exact: true }).waitFor();
    await expectAccessible(page, 'edition with a cancelled session');

    await page.goto(`/formazione?from=${secondDay}&to=${secondDay}`);
    const entry = page.locator('main li.officina-entry', { hasText: editionTitle });
    await entry.waitFor();
    await entry.getByText('Annullata', { exact: true }).waitFor();
    await expectAccessible(page, 'calendar with a cancelled session');
  });

  it('imports editions and sessions from a CSV file and reports the bad rows', async () => {
    const day = romeDayFromToday(30);
    const opens = `${romeDayFromToday(0)} 09:00`;
    const closes = `${romeDayFromToday(25)} 23:59`;
    const edition = (title: string, pathSlug: string, session: string, start: string, mode = 'aula') =>
      `${pathSlug},${title},${day},${day},20,${opens},${closes},Sala Giunta,"Corso Nizza 21, Cuneo",004,${session},${day} ${start},${day} 13:00,${mode},Sala B`;
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'officina-schedule-')), 'calendario.csv');
    writeFileSync(
      file,
      [
        'path_slug,edition_title,starts_on,ends_on,capacity,enrolment_opens,enrolment_closes,venue_name,venue_address,venue_unit_istat,session_title,session_start,session_end,mode,room',
        edition(`Importata ${stamp}`, slug, 'Mattina', '09:00'),
        edition(`Importata ${stamp}`, slug, 'Tarda mattina', '11:00'),
        edition(`Sbagliata ${stamp}`, 'percorso-che-non-esiste', 'Lezione', '09:00'),
      ].join('\n'),
    );
    await page.goto('/amministrazione/catalogo');
    await page.getByRole('link', { name: 'Importa il calendario (CSV)' }).click();
    await expectHeading(page, 'Importa il calendario da CSV');
    await page.getByLabel('File CSV', { exact: true }).setInputFiles(file);
    await expectAccessible(page, 'schedule import');
    await page.getByRole('button', { name: 'Importa', exact: true }).click();
    await page
      .getByText('Importazione completata: 1 edizione e 2 sessioni create, 1 riga scartata.')
      .waitFor();
    const report = page.getByRole('table', { name: 'Righe scartate e motivi' });
    const rows = report.locator('tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('4');
    expect(await rows.first().textContent()).toContain('percorso-che-non-esiste');
    await expectAccessible(page, 'schedule import report');
  });
});
