import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../src/server/test/pdf.js';
import {
  baseURL,
  DEMO_PASSWORD,
  expectAccessible,
  expectHeading,
  launch,
  newPage,
  openFromMenu,
  signIn,
} from './support/browser.js';
import { ApiAs, type Made, makeEditionWithLearners } from './support/training.js';

describe('certificates: completion, download, public verification and revocation', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let admin: Page;
  let learner: Page;
  let visitor: Page;
  let made: Made;
  let code = '';
  const stamp = Date.now();
  const title = `Edizione attestati ${stamp}`;
  const pathTitle = `Percorso ${title}`;

  beforeAll(async () => {
    browser = await launch();
    const pages: Page[] = [];
    for (let i = 0; i < 3; i++) {
      const { context, page } = await newPage(browser);
      contexts.push(context);
      pages.push(page);
    }
    [admin, learner, visitor] = pages as [Page, Page, Page];
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
  });

  it('an administrator records the attendance and completes the edition', async () => {
    await signIn(admin, 'admin@officina.demo', DEMO_PASSWORD);
    const api = new ApiAs(admin);
    made = await makeEditionWithLearners(api, {
      title,
      sessions: [{ title: 'Lezione unica', day: -1, start: '09:00', end: '13:00' }],
      learners: ['discente.cuneo@officina.demo'],
    });
    const session = made.sessions[0];
    if (!session) throw new Error('no session');
    const carlo = await api.userId('discente.cuneo@officina.demo');
    await api.send('PUT', `/api/v1/sessions/${session.id}/register`, {
      entries: [{ userId: carlo, present: true, lateMinutes: 0, leftEarlyMinutes: 0 }],
    });
    await api.send('POST', `/api/v1/editions/${made.editionId}/status`, { status: 'completed' });
    const list = await api.get<{ items: { holderName: string; status: string }[] }>(
      `/api/v1/editions/${made.editionId}/certificates`,
    );
    expect(list.items.map((c) => [c.holderName, c.status])).toEqual([['Carlo Discente', 'valid']]);
  });

  it('the learner finds the attestato in La mia formazione and downloads the PDF', async () => {
    await signIn(learner, 'discente.cuneo@officina.demo', DEMO_PASSWORD);
    await openFromMenu(learner, 'La mia formazione', 'La mia area');
    await expectHeading(learner, 'La mia formazione');
    // The demo learner may hold other attestati already.
    await learner.getByText(/^Hai \d+ attestat(o valido|i validi)\.$/).waitFor();
    await expectAccessible(learner, 'learner area');

    await learner.getByRole('link', { name: 'Vai ai miei attestati' }).click();
    await expectHeading(learner, 'I miei attestati');
    const row = learner
      .getByRole('table', { name: /^\d+ attestat[oi]$/ })
      .getByRole('row', { name: new RegExp(pathTitle) });
    await row.getByText('Valido').waitFor();
    await row.getByText('4 ore').waitFor();
    code = ((await row.locator('code').textContent()) ?? '').trim();
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    await expectAccessible(learner, 'my certificates');

    const [download] = await Promise.all([
      learner.waitForEvent('download'),
      row.getByRole('link', { name: `Scarica il PDF ${pathTitle}` }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const file = await readFile((await download.path()) ?? '');
    expect(file.subarray(0, 5).toString()).toBe('%PDF-');
    // The edition is titled "Edizione attestati …": named once, not as edizione «Edizione …».
    const text = pdfText(file);
    expect(text).toMatch(new RegExp(`^${title}, svolta (il|dal) \\d`, 'm'));
    expect(text).not.toMatch(/edizione «Edizione/i);
    // Four hours in words, not "4,0 ore"; dates as "19 dic 2026", never ISO.
    expect(text).toMatch(/frequentando 4 ore e completandolo il \d{1,2} [a-z]{3} \d{4}\./);
    expect(text).not.toContain('4,0 ore');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    // The verification address, on a line of its own, is the server's PUBLIC_URL, not localhost.
    expect(text.split('\n')).toContain(`${baseURL()}/verifica/${code}`);
    // The issuing body, the place and date of issue and the signatory the operator configured.
    expect(text).toContain('Programma di formazione delle Province');
    expect(text).toMatch(/Roma, \d{1,2} [a-z]{3} \d{4}/);
    expect(text).toContain('Maria Rossi');
    expect(text).toContain('La Dirigente del Servizio formazione');
  });

  it('the verification link shows the attestato as valid', async () => {
    await learner.getByRole('link', { name: `Verifica il codice ${code}` }).click();
    await expectHeading(learner, 'Verifica di un attestato');
    expect(new URL(learner.url()).pathname).toBe(`/verifica/${code}`);
    await learner.getByRole('heading', { name: 'Attestato valido' }).waitFor();
    await learner.getByRole('main').getByText('Carlo Discente', { exact: true }).waitFor();
    await learner.getByRole('main').getByText(pathTitle, { exact: true }).waitFor();
    await expectAccessible(learner, 'verification (signed in)');
  });

  it('anyone can type a code on /verifica, without signing in', async () => {
    await visitor.goto('/verifica');
    await expectHeading(visitor, 'Verifica di un attestato');
    const field = visitor.getByLabel('Codice di verifica');
    await field.fill('ABC-123');
    await visitor.getByRole('button', { name: 'Verifica', exact: true }).click();
    await visitor.getByText('Il codice ha 16 caratteri').waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(visitor, 'verification form with an error');
    // Case and dashes do not matter.
    await field.fill(code.replace(/-/g, '').toLowerCase());
    await visitor.getByRole('button', { name: 'Verifica', exact: true }).click();
    await visitor.getByRole('heading', { name: 'Attestato valido' }).waitFor();
    expect(new URL(visitor.url()).pathname).toBe(`/verifica/${code}`);
    await visitor.getByRole('main').getByText('Carlo Discente', { exact: true }).waitFor();
    await expectAccessible(visitor, 'verification (visitor)');
  });

  it('the learner answers the satisfaction questionnaire', async () => {
    await learner.goto('/la-mia-formazione');
    await expectHeading(learner, 'La mia formazione');
    await learner.getByRole('link', { name: `Compila il questionario: ${pathTitle} — ${title}` }).click();
    await expectHeading(learner, 'Questionario di gradimento');
    // Nothing is sent until every item has a rating.
    await learner.getByRole('button', { name: 'Invia il questionario' }).click();
    await learner.getByText('Scegli un valore da 1 a 5.').first().waitFor();
    const items = [
      'Contenuti del corso',
      'Chiarezza dei docenti',
      'Materiali didattici',
      'Organizzazione',
      'Utilità per il lavoro',
      'Valutazione complessiva',
    ];
    for (const item of items) {
      const radio = learner.getByRole('group', { name: item }).getByLabel('4 – Buono');
      await radio.focus();
      await learner.keyboard.press('Space');
    }
    await learner.getByLabel('Commento (facoltativo)').fill('Esempi pratici molto utili.');
    await expectAccessible(learner, 'questionnaire');
    await learner.getByRole('button', { name: 'Invia il questionario' }).click();
    await learner.getByText('Grazie: le tue risposte sono state registrate in forma anonima.').waitFor();
    await learner.getByRole('link', { name: 'Torna a La mia formazione' }).click();
    await expectHeading(learner, 'La mia formazione');
    // This edition's questionnaire is no longer among those to fill in (the demo may list others).
    await learner
      .getByText('Nessun questionario da compilare.')
      .or(learner.getByText('Al termine di ogni edizione ti chiediamo un parere'))
      .waitFor();
    const link = learner.getByRole('link', { name: `Compila il questionario: ${pathTitle} — ${title}` });
    await expect.poll(() => link.count()).toBe(0);
  });

  it('the learner reads the training record and the sessions ahead', async () => {
    await learner.getByRole('link', { name: 'Apri il libretto formativo' }).click();
    await expectHeading(learner, 'Libretto formativo');
    const edition = learner.getByRole('row', { name: new RegExp(pathTitle) });
    await edition.getByText('4 ore').waitFor();
    await edition.getByRole('link', { name: `Verifica il codice ${code}` }).waitFor();
    await learner.getByRole('progressbar').first().waitFor();
    await expectAccessible(learner, 'training record');
    await learner.getByRole('link', { name: 'Torna a La mia formazione' }).click();
    await learner.getByRole('link', { name: 'Tutte le mie sessioni' }).click();
    await expectHeading(learner, 'Le mie sessioni');
    await learner.getByRole('table', { name: /^\d+ session[ei] in programma$/ }).waitFor();
    await expectAccessible(learner, 'my sessions');
  });

  it('the administrator sees the answer count and revokes the attestato', async () => {
    await admin.goto(`/formazione/edizioni/${made.editionId}/gradimento`);
    await expectHeading(admin, `Gradimento: ${title}`);
    await admin.getByText('Risposte: 1 su 1 iscritti confermati (100%).').waitFor();
    await admin.getByText('I risultati si mostrano da 3 risposte in su').waitFor();
    await expectAccessible(admin, 'satisfaction results');
    await admin
      .getByRole('navigation', { name: "Pagine dell'edizione" })
      .getByRole('link', { name: 'Attestati' })
      .click();
    await expectHeading(admin, `Attestati: ${title}`);
    await admin.getByRole('table', { name: '1 attestato rilasciato' }).waitFor();
    await expectAccessible(admin, 'edition certificates page');

    await admin.goto(`/amministrazione/edizioni/${made.editionId}`);
    await expectHeading(admin, title);
    const panel = admin.getByRole('region', { name: 'Attestati', exact: true });
    const zip = panel.getByRole('link', { name: 'Scarica tutti (ZIP, 1 attestato)' });
    const res = await admin.request.get((await zip.getAttribute('href')) ?? '');
    expect(res.headers()['content-type']).toContain('application/zip');
    const row = panel
      .getByRole('table', { name: '1 attestato rilasciato' })
      .getByRole('row', { name: /Carlo Discente/ });
    await row.getByText('Valido').waitFor();
    await expectAccessible(admin, 'edition certificates');

    await row.getByRole('button', { name: 'Revoca Carlo Discente' }).click();
    const dialog = admin.getByRole('dialog', { name: "Revocare l'attestato di Carlo Discente?" });
    await dialog.getByLabel('Motivo', { exact: true }).fill('Presenze registrate per errore');
    await expectAccessible(admin, 'revoke dialog');
    await dialog.getByRole('button', { name: "Revoca l'attestato" }).click();
    await admin
      .getByRole('status')
      .filter({ hasText: `Attestato ${code} di Carlo Discente revocato.` })
      .waitFor();
    await row.getByText(/^Revocato (il |l')/).waitFor();
    await panel.getByRole('button', { name: 'Rilascia un nuovo attestato Carlo Discente' }).waitFor();
    await expectAccessible(admin, 'edition certificates after revocation');
  });

  it('the verification page now says the attestato is revoked, when and why', async () => {
    await visitor.reload();
    await expectHeading(visitor, 'Verifica di un attestato');
    await visitor.getByRole('heading', { name: /^Attestato revocato (il |l')/ }).waitFor();
    // The revocation date is in the heading, the reason among the facts.
    const main = visitor.getByRole('main');
    await main
      .getByRole('term')
      .filter({ hasText: /^Motivo della revoca$/ })
      .waitFor();
    await main
      .getByRole('definition')
      .filter({ hasText: /^Presenze registrate per errore$/ })
      .waitFor();
    await expectAccessible(visitor, 'verification of a revoked attestato');

    await learner.goto('/la-mia-formazione/attestati');
    await expectHeading(learner, 'I miei attestati');
    await learner
      .getByRole('row', { name: new RegExp(pathTitle) })
      .getByText(/^Revocato (il |l')/)
      .waitFor();
  });
});
