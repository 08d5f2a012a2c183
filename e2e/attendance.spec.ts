import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
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
} from './support/browser.js';
import { ApiAs, type Made, makeEditionWithLearners } from './support/training.js';

async function hasFocus(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => el === (el.ownerDocument as { activeElement: unknown }).activeElement);
}

describe('attendance: a trainer keeps the register, learners check in', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let admin: Page;
  let trainer: Page;
  let learner: Page;
  let outsider: Page;
  let officer: Page;
  let api: ApiAs;
  let made: Made;
  let checkinPath = '';
  const stamp = Date.now();
  const title = `Edizione presenze ${stamp}`;
  const yesterday = romeDayFromToday(-1);

  beforeAll(async () => {
    browser = await launch();
    const pages: Page[] = [];
    for (let i = 0; i < 5; i++) {
      const { context, page } = await newPage(browser);
      contexts.push(context);
      pages.push(page);
    }
    [admin, trainer, learner, outsider, officer] = pages as [Page, Page, Page, Page, Page];
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
  });

  it('an administrator prepares an edition held yesterday with two confirmed learners', async () => {
    await signIn(admin, 'admin@officina.demo', DEMO_PASSWORD);
    api = new ApiAs(admin);
    made = await makeEditionWithLearners(api, {
      title,
      sessions: [
        { title: 'Lezione di ieri', day: -1, start: '09:00', end: '13:00' },
        { title: 'Lezione di domani', day: 1, start: '09:00', end: '13:00' },
        { title: 'Affiancamento in ufficio', day: -1, start: '14:00', end: '18:00', mode: 'affiancamento' },
      ],
      learners: ['discente.cuneo@officina.demo', 'discente2.cuneo@officina.demo'],
      trainers: ['formatore@officina.demo'],
      finalTestRequired: true,
    });
  });

  it('the trainer opens the register from the edition page', async () => {
    await signIn(trainer, 'formatore@officina.demo', DEMO_PASSWORD);
    await trainer.goto(`/amministrazione/edizioni/${made.editionId}`);
    await expectHeading(trainer, title);
    const records = trainer.getByRole('region', { name: 'Presenze, attestati e gradimento' });
    await records.getByRole('link', { name: 'Registro: Lezione di ieri' }).click();
    await expectHeading(trainer, 'Registro: Lezione di ieri');
    await trainer.getByRole('group', { name: /Carlo Discente/ }).waitFor();
    await trainer.getByRole('group', { name: /Giulia Discente/ }).waitFor();
    await expectAccessible(trainer, 'session register');
  });

  it('loads a webinar participants report, with unmatched and wrong rows listed', async () => {
    await trainer.getByText('Carica il report dei partecipanti al webinar (CSV)').click();
    const csv = [
      'Nome,Email,Ora di ingresso,Ora di uscita',
      `Giulia Discente,discente2.cuneo@officina.demo,${yesterday} 09:00,${yesterday} 10:00`,
      `Ospite,sconosciuto@example.org,${yesterday} 09:00,${yesterday} 12:00`,
      `Errata,discente.cuneo@officina.demo,ieri,${yesterday} 12:00`,
    ].join('\n');
    await trainer
      .getByLabel('File CSV')
      .setInputFiles({ name: 'partecipanti.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await trainer.getByRole('button', { name: 'Importa', exact: true }).click();
    await trainer
      .getByRole('status')
      .filter({
        hasText: 'Report caricato. Presenze registrate: 1; righe non abbinate: 1; righe con errori: 1.',
      })
      .waitFor();
    const unmatched = trainer.getByRole('table', { name: '1 riga non abbinata a un iscritto' });
    await unmatched.getByRole('row', { name: /sconosciuto@example\.org/ }).waitFor();
    const errors = trainer.getByRole('table', { name: 'Righe scartate e motivi' });
    await errors
      .getByRole('row', { name: /^4 / })
      .getByText(/ora di ingresso illeggibile/)
      .waitFor();
    // Giulia's minutes from the report now show in the register: she is present, and counted as marked.
    const giulia = trainer.getByRole('group', { name: /Giulia Discente/ });
    await giulia.getByText('Già registrato: 1 h (report webinar).').waitFor();
    expect(await giulia.getByLabel('Presente', { exact: true }).isChecked()).toBe(true);
    await trainer.getByText('Presenti: 1, assenti: 0, da indicare: 1.').waitFor();
    await expectAccessible(trainer, 'webinar report');
  });

  it('marks presence and absence with the keyboard and saves', async () => {
    const carlo = trainer.getByRole('group', { name: /Carlo Discente/ });
    const present = carlo.getByLabel('Presente', { exact: true });
    const absent = carlo.getByLabel('Assente', { exact: true });
    const late = carlo.getByLabel('Ritardo (minuti)');
    await present.focus();
    await trainer.keyboard.press('Space');
    expect(await present.isChecked()).toBe(true);
    // Arrow keys move within the pair, as in any radio group; absent people have no minutes to give.
    await trainer.keyboard.press('ArrowRight');
    expect(await absent.isChecked()).toBe(true);
    expect(await late.isDisabled()).toBe(true);
    await trainer.keyboard.press('ArrowLeft');
    expect(await present.isChecked()).toBe(true);
    await trainer.keyboard.press('Tab');
    expect(await hasFocus(late)).toBe(true);
    await trainer.keyboard.press('Control+A');
    await trainer.keyboard.type('15');

    const giulia = trainer.getByRole('group', { name: /Giulia Discente/ });
    await giulia.getByLabel('Assente', { exact: true }).focus();
    await trainer.keyboard.press('Space');
    await trainer.getByText('Presenti: 1, assenti: 1, da indicare: 0.').waitFor();

    await trainer.getByRole('button', { name: 'Salva il registro' }).focus();
    await trainer.keyboard.press('Enter');
    const done = trainer.getByRole('status').filter({ hasText: 'Registro salvato: presenti 1, assenti 1.' });
    await done.waitFor();
    expect(await hasFocus(done)).toBe(true);
    await carlo.getByText('Già registrato: 3 h 45 min (registro).').waitFor();
    await giulia.getByText('Già registrato: 0 min (registro).').waitFor();

    // What was saved comes back as it was typed.
    await trainer.reload();
    await expectHeading(trainer, 'Registro: Lezione di ieri');
    expect(await present.isChecked()).toBe(true);
    expect(await late.inputValue()).toBe('15');
    expect(await giulia.getByLabel('Assente', { exact: true }).isChecked()).toBe(true);
    await expectAccessible(trainer, 'session register after saving');
  });

  it('shows the check-in QR code and offers the sign-in sheet', async () => {
    await trainer.getByRole('button', { name: 'Mostra il codice QR per la presenza' }).click();
    await trainer
      .getByRole('img', { name: 'Codice QR per registrare la presenza alla sessione «Lezione di ieri»' })
      .waitFor();
    const link = trainer.locator('#checkin-qr a');
    const url = (await link.getAttribute('href')) ?? '';
    expect(url).toMatch(/\/presenze\/[\w-]{20,}$/);
    checkinPath = new URL(url).pathname;
    await trainer.getByText(/La registrazione è aperta dal .* \(ora italiana\)\./).waitFor();
    await expectAccessible(trainer, 'check-in QR code');

    const sheet = trainer.getByRole('link', { name: 'Scarica il foglio firme (PDF)' });
    const res = await trainer.request.get((await sheet.getAttribute('href')) ?? '');
    expect(res.headers()['content-type']).toContain('application/pdf');
    expect((await res.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('the edition attendance shows the minutes, and the trainer records a final test', async () => {
    await trainer.getByRole('link', { name: "Presenze dell'edizione" }).click();
    await expectHeading(trainer, `Presenze: ${title}`);
    const table = trainer.getByRole('table', { name: 'Presenze per persona e sessione: 2 iscritti' });
    const carlo = table.getByRole('row', { name: /Carlo Discente/ });
    await carlo.getByText('3 h 45 min').first().waitFor();
    await carlo.getByText('Non completato').waitFor();
    const passed = carlo
      .getByRole('group', { name: 'Prova finale di Carlo Discente' })
      .getByLabel('Superata', { exact: true });
    await passed.focus();
    await trainer.keyboard.press('Space');
    await trainer
      .getByRole('status')
      .filter({ hasText: 'Prova finale di Carlo Discente registrata come superata.' })
      .waitFor();
    // The focus stays on the radio button, so the arrow keys can still change the result.
    expect(await hasFocus(passed)).toBe(true);
    await expectAccessible(trainer, 'edition attendance');
  });

  it('the trainer finds the sessions in "Le mie docenze" and opens a register from there', async () => {
    await openFromMenu(trainer, 'Le mie docenze', 'Formazione');
    await expectHeading(trainer, 'Le mie docenze');
    const edition = `Percorso ${title} — ${title}`;
    const section = trainer.getByRole('region', { name: edition });
    await section.getByRole('heading', { level: 2, name: edition }).waitFor();
    const table = section.getByRole('table', { name: `${edition}: 3 sessioni` });
    // Cells after the session's name: date, time, mode, status, enrolled, recorded, register.
    const cells = (session: string) =>
      table
        .getByRole('row', { name: new RegExp(session) })
        .getByRole('cell')
        .allTextContents();
    await expect
      .poll(() => cells('Lezione di ieri'))
      .toEqual([expect.any(String), '09:00–13:00', 'Aula', 'Svolta', '2', '2', 'Registro — Lezione di ieri']);
    expect((await cells('Affiancamento in ufficio')).slice(2, 6)).toEqual([
      'Affiancamento',
      'SvoltaPresenze da registrare',
      '2',
      '0',
    ]);
    expect((await cells('Lezione di domani')).slice(3, 6)).toEqual(['In programma', '2', '0']);
    await section.getByRole('link', { name: `Presenze dell'edizione — ${edition}` }).waitFor();
    await section.getByRole('link', { name: `Attestati — ${edition}` }).waitFor();
    await section.getByRole('link', { name: `Questionari di gradimento — ${edition}` }).waitFor();
    await expectAccessible(trainer, 'my teaching');

    // From tomorrow on, only tomorrow's lesson is left, and the period stays in the address.
    await trainer.getByLabel('Dal giorno').fill(romeDayFromToday(1));
    await trainer.getByRole('button', { name: 'Cerca', exact: true }).click();
    await section.getByRole('table', { name: `${edition}: 1 sessione` }).waitFor();
    expect(new URL(trainer.url()).searchParams.get('from')).toBe(romeDayFromToday(1));
    await trainer.getByRole('button', { name: 'Azzera i filtri' }).click();
    await table.waitFor();

    await table.getByRole('link', { name: 'Registro — Lezione di ieri' }).click();
    await expectHeading(trainer, 'Registro: Lezione di ieri');
    await trainer.getByText('Già registrato: 3 h 45 min (registro).').waitFor();
  });

  it('a learner is sent to sign in and back, and check-in is refused after the session', async () => {
    await learner.goto(checkinPath);
    await expectHeading(learner, 'Accedi');
    await learner.getByLabel('Indirizzo e-mail', { exact: true }).fill('discente.cuneo@officina.demo');
    await learner.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await learner.getByRole('button', { name: 'Accedi', exact: true }).click();
    await expectHeading(learner, 'Registra la presenza');
    expect(new URL(learner.url()).pathname).toBe(checkinPath);
    await learner.getByRole('heading', { name: 'Lezione di ieri' }).waitFor();
    await learner.getByText('La tua presenza a questa sessione è già registrata: 3 h 45 min.').waitFor();
    await learner
      .getByRole('alert')
      .filter({ hasText: 'La registrazione della presenza è chiusa' })
      .waitFor();
    expect(await learner.getByRole('button', { name: 'Registra la mia presenza' }).count()).toBe(0);
    await expectAccessible(learner, 'check-in closed');
  });

  it('check-in is refused before the window opens and to people not enrolled', async () => {
    const tomorrow = made.sessions[1];
    if (!tomorrow) throw new Error('no second session');
    const code = await api.send<{ url: string }>('POST', `/api/v1/sessions/${tomorrow.id}/checkin-code`);
    await learner.goto(new URL(code.url).pathname);
    await learner.getByRole('heading', { name: 'Lezione di domani' }).waitFor();
    await learner
      .getByRole('alert')
      .filter({ hasText: 'La registrazione della presenza non è ancora aperta' })
      .waitFor();
    expect(await learner.getByRole('button', { name: 'Registra la mia presenza' }).count()).toBe(0);
    await expectAccessible(learner, 'check-in not open yet');

    await signIn(outsider, 'discente.bergamo@officina.demo', DEMO_PASSWORD);
    await outsider.goto(checkinPath);
    await expectHeading(outsider, 'Registra la presenza');
    await outsider.getByRole('alert').filter({ hasText: 'Non risulti iscritto' }).waitFor();
    expect(await outsider.getByRole('button', { name: 'Registra la mia presenza' }).count()).toBe(0);
  });

  it('the learner keeps the affiancamento logbook', async () => {
    await openFromMenu(learner, 'Le mie iscrizioni', 'La mia area');
    await expectHeading(learner, 'Le mie iscrizioni');
    await learner.getByRole('link', { name: `Diario di affiancamento ${title}` }).click();
    await expectHeading(learner, 'Diario di affiancamento');
    await learner.getByText('Nessuna giornata registrata.').waitFor();
    const form = learner.getByRole('form', { name: 'Aggiungi una giornata' });
    await form.getByLabel('Giorno').fill(yesterday);
    await form.getByLabel('Ore', { exact: true }).fill('2.3');
    await form.getByLabel('Attività svolte').fill('Affiancamento sulla gestione delle gare.');
    await form.getByRole('button', { name: 'Aggiungi la giornata' }).click();
    await form.getByText("Indica le ore in quarti d'ora, da 0,25 a 24.").waitFor();
    await form.getByLabel('Ore', { exact: true }).fill('2.5');
    await form.getByRole('button', { name: 'Aggiungi la giornata' }).click();
    await learner
      .getByRole('status')
      .filter({ hasText: /^Voce del giorno .+ aggiunta\.$/ })
      .waitFor();
    const table = learner.getByRole('table', { name: '1 giornata registrata' });
    const row = table.getByRole('row', { name: /Affiancamento in ufficio/ });
    await row.getByText('2 h 30 min').waitFor();
    await row.getByText('In attesa di firma').waitFor();
    await expectAccessible(learner, 'logbook');

    await row.getByRole('button', { name: /^Modifica la voce del giorno/ }).click();
    const edit = learner.getByRole('form', { name: /^Modifica la voce del giorno/ });
    expect(await edit.getByLabel('Ore', { exact: true }).inputValue()).toBe('2.5');
    await edit.getByLabel('Ore', { exact: true }).fill('3');
    await edit.getByRole('button', { name: 'Salva le modifiche' }).click();
    await learner
      .getByRole('status')
      .filter({ hasText: /^Voce del giorno .+ modificata\.$/ })
      .waitFor();
    await row.getByText('3 h', { exact: true }).waitFor();
  });

  it('the coach and the Province officer sign it, and it counts', async () => {
    for (const [page, email, button] of [
      [trainer, 'formatore@officina.demo', 'Firma come tutor'],
      [officer, 'referente.cuneo@officina.demo', 'Firma come referente'],
    ] as const) {
      if (page === officer) await signIn(officer, email, DEMO_PASSWORD);
      await openFromMenu(page, 'Firme da apporre', 'Formazione');
      await expectHeading(page, 'Firme da apporre');
      const row = page.getByRole('row', { name: new RegExp(`Carlo Discente.*${title}`) });
      await row.getByText('Affiancamento sulla gestione delle gare.').waitFor();
      await expectAccessible(page, `signatures (${email})`);
      await row
        .getByRole('button', { name: new RegExp(`^${button} la voce del giorno .+ di Carlo Discente$`) })
        .click();
      await page
        .getByRole('status')
        .filter({ hasText: /^Voce del giorno .+ di Carlo Discente firmata come/ })
        .waitFor();
    }
    await learner.reload();
    await expectHeading(learner, 'Diario di affiancamento');
    const row = learner.getByRole('row', { name: /Affiancamento in ufficio/ });
    await row.getByText('Conteggiata').waitFor();
    expect(await row.getByRole('button').count()).toBe(0);
  });

  it("the Province officer goes from the edition's enrolments to its attendance", async () => {
    await officer.goto(`/provincia/iscrizioni?editionId=${made.editionId}`);
    await expectHeading(officer, 'Iscrizioni della Provincia');
    await officer.getByRole('row', { name: /Carlo Discente/ }).waitFor();
    await officer.getByRole('link', { name: "Presenze dell'edizione" }).click();
    await expectHeading(officer, `Presenze: ${title}`);
    await officer.getByRole('table', { name: 'Presenze per persona e sessione: 2 iscritti' }).waitFor();
  });
});
