import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  expectAccessible,
  expectHeading,
  launch,
  newPage,
  signIn,
  tick,
} from './support/browser.js';
import { ApiAs, type Made, makeEditionWithLearners } from './support/training.js';

describe('online quizzes: an editor writes a final test, a learner passes it', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let admin: Page;
  let learner: Page;
  let api: ApiAs;
  let made: Made;
  const stamp = Date.now();
  const title = `Edizione test ${stamp}`;

  beforeAll(async () => {
    browser = await launch();
    const desk = await newPage(browser);
    const phone = await newPage(browser, { width: 390, height: 844 });
    contexts.push(desk.context, phone.context);
    admin = desk.page;
    learner = phone.page;
    await signIn(admin, 'admin@officina.demo', DEMO_PASSWORD);
    api = new ApiAs(admin);
    made = await makeEditionWithLearners(api, {
      title,
      sessions: [{ title: 'Lezione di ieri', day: -1, start: '09:00', end: '13:00' }],
      learners: ['discente.cuneo@officina.demo'],
      finalTestRequired: true,
    });
    const learnerId = await api.userId('discente.cuneo@officina.demo');
    await api.send('PUT', `/api/v1/sessions/${made.sessions[0]?.id}/register`, {
      entries: [{ userId: learnerId, present: true, lateMinutes: 0, leftEarlyMinutes: 0 }],
    });
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
  });

  it('the editor adds questions from the path page (1280 px)', async () => {
    await admin.goto(`/amministrazione/catalogo/${made.pathId}`);
    await admin.getByRole('link', { name: 'Domande e test', exact: true }).click();
    await expectHeading(admin, 'Domande e test');
    await expectAccessible(admin, 'question bank (empty)');

    // A single-choice question.
    await admin.getByRole('button', { name: 'Aggiungi una domanda' }).click();
    const form = admin.getByRole('form', { name: 'Nuova domanda' });
    await form
      .getByLabel('Testo della domanda', { exact: true })
      .fill('Chi firma il registro delle presenze?');
    await form.getByLabel('Risposta 1', { exact: true }).fill('Il formatore');
    await form.getByLabel('Risposta 2', { exact: true }).fill('Il discente');
    await form
      .getByLabel('Commento mostrato dopo la consegna (facoltativo)')
      .fill('Lo tiene chi conduce la sessione.');
    await expectAccessible(admin, 'question form');
    await form.getByRole('button', { name: 'Salva' }).click();
    await admin.getByText('Domanda salvata.').waitFor();

    // A true/false question, chosen with the keyboard.
    await admin.getByRole('button', { name: 'Aggiungi una domanda' }).click();
    const second = admin.getByRole('form', { name: 'Nuova domanda' });
    await second.getByLabel('Tipo', { exact: true }).selectOption('true_false');
    await second
      .getByLabel('Testo della domanda', { exact: true })
      .fill('La prova finale si può svolgere online.');
    await tick(second.getByLabel('Vero', { exact: true }));
    await second.getByRole('button', { name: 'Salva' }).click();
    await admin.getByText('Domanda salvata.').waitFor();

    // A matching question: its right-hand side is shuffled for the learner.
    await admin.getByRole('button', { name: 'Aggiungi una domanda' }).click();
    const third = admin.getByRole('form', { name: 'Nuova domanda' });
    await third.getByLabel('Tipo', { exact: true }).selectOption('matching');
    await third.getByLabel('Testo della domanda', { exact: true }).fill('Abbina ogni strumento al suo uso.');
    await third.getByLabel('Elemento 1', { exact: true }).fill('Registro');
    await third.getByLabel('Abbinamento dell’elemento 1', { exact: true }).fill('Presenze in aula');
    await third.getByLabel('Elemento 2', { exact: true }).fill('Codice QR');
    await third
      .getByLabel('Abbinamento dell’elemento 2', { exact: true })
      .fill('Presenza registrata dal discente');
    await expectAccessible(admin, 'matching question form');
    await third.getByRole('button', { name: 'Salva' }).click();
    await admin.getByText('Domanda salvata.').waitFor();
    const table = admin.getByRole('table', { name: '3 domande' });
    await table.getByText('Abbinamento').waitFor();
    await table.getByText('Vero o falso').waitFor();
    await table.getByText('Scelta singola').waitFor();
    await expectAccessible(admin, 'question bank');
  });

  it('the editor adds the final test and makes the edition use it', async () => {
    await admin.getByRole('button', { name: 'Aggiungi un test' }).click();
    const form = admin.getByRole('form', { name: 'Nuovo test' });
    await form.getByLabel('Titolo', { exact: true }).fill('Prova finale del percorso');
    await form.getByLabel('Domande per tentativo').fill('3');
    await form.getByLabel('Tempo in minuti').fill('15');
    await form.getByLabel('Soglia di superamento (%)').fill('100');
    await form.getByLabel('Tentativi ammessi').fill('2');
    await tick(form.getByLabel(/È la prova finale del percorso/));
    await form.getByRole('button', { name: 'Salva' }).click();
    await admin.getByText('Test salvato.').waitFor();
    const table = admin.getByRole('table', { name: '1 test' });
    await table.getByText('Prova finale del percorso').waitFor();
    await table.getByText('3 su 3 disponibili').waitFor();
    await expectAccessible(admin, 'quizzes of the path');

    await admin.goto(`/amministrazione/edizioni/${made.editionId}`);
    await expectHeading(admin, title);
    const section = admin.getByRole('region', { name: 'Prova finale online' });
    // The switch shows what the server holds: it turns on once the change is saved.
    const toggle = section.getByLabel('La prova finale si svolge online');
    await toggle.focus();
    await toggle.press('Space');
    await section.getByText('Impostazione salvata.').waitFor();
    expect(await toggle.isChecked()).toBe(true);
    await expectAccessible(admin, 'edition with the online final test');
  });

  it('the learner takes the test on a phone (390 px) with the keyboard and passes it', async () => {
    await signIn(learner, 'discente.cuneo@officina.demo', DEMO_PASSWORD);
    await learner.goto('/la-mia-formazione');
    await learner.getByRole('link', { name: 'I miei test di verifica' }).click();
    await expectHeading(learner, 'I miei test di verifica');
    const card = learner.getByRole('region', { name: /Prova finale del percorso/ });
    await card.getByText('Tempo a disposizione: 15 minuti').waitFor();
    await expectAccessible(learner, 'my quizzes (phone)');
    await card.getByRole('button', { name: 'Inizia il test' }).click();
    await expectHeading(learner, 'Prova finale del percorso');

    // Each question is a group named by its legend; the time left is a timer.
    await learner.getByRole('timer').waitFor();
    const single = learner.getByRole('group', { name: /Chi firma il registro/ });
    const truth = learner.getByRole('group', { name: /si può svolgere online/ });
    await tick(single.getByLabel('Il formatore', { exact: true }));
    await tick(truth.getByLabel('Vero', { exact: true }));
    const matching = learner.getByRole('group', { name: /Abbina ogni strumento/ });
    await matching.getByLabel('Registro', { exact: true }).focus();
    await matching.getByLabel('Registro', { exact: true }).selectOption({ label: 'Presenze in aula' });
    await matching
      .getByLabel('Codice QR', { exact: true })
      .selectOption({ label: 'Presenza registrata dal discente' });
    await learner.getByText(/Risposte salvate alle/).waitFor();
    await expectAccessible(learner, 'taking the quiz (phone)');

    // A reload shows the same test with the answers saved.
    await learner.reload();
    await expectHeading(learner, 'Prova finale del percorso');
    expect(await learner.getByLabel('Il formatore', { exact: true }).isChecked()).toBe(true);

    await learner.getByRole('button', { name: 'Consegna il test' }).focus();
    await learner.keyboard.press('Enter');
    await learner.getByText('Superato: 3 punti su 3 (100%).').waitFor();
    await learner.getByText('Lo tiene chi conduce la sessione.').waitFor();
    await expectAccessible(learner, 'quiz result (phone)');
  });

  it('the result counts as the passed final test, and reads well at 1280 px', async () => {
    const matrix = await api.get<{ people: { finalTestPassed: boolean | null; complete: boolean }[] }>(
      `/api/v1/editions/${made.editionId}/attendance`,
    );
    expect(matrix.people).toEqual([expect.objectContaining({ finalTestPassed: true, complete: true })]);

    await learner.setViewportSize({ width: 1280, height: 900 });
    await learner.getByRole('link', { name: 'Torna ai miei test' }).click();
    await expectHeading(learner, 'I miei test di verifica');
    const card = learner.getByRole('region', { name: /Prova finale del percorso/ });
    await card.getByText('Test superato.').waitFor();
    await card.getByText('Tentativi usati: 1 su 2').waitFor();
    await expectAccessible(learner, 'my quizzes (desktop)');
    await card.getByRole('link', { name: /Tentativo 1/ }).click();
    await learner.getByText('Superato: 3 punti su 3 (100%).').waitFor();
    await expectAccessible(learner, 'quiz result (desktop)');
  });
});
