import http from 'node:http';
import { type Browser, type BrowserContext, type Locator, type Page, request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseURL,
  DEMO_PASSWORD,
  expectAccessible,
  expectHeading,
  expectNoSidewaysScroll,
  launch,
  newPage,
  romeDayFromToday,
  signIn,
} from './support/browser.js';
import { ApiAs, makeEditionWithLearners, romeAt } from './support/training.js';

/**
 * The first hour of each role, at 1280 px and at 390 px: the work waiting on the first sign-in, the
 * enrolment badges after a decision, the language chosen before signing in, the home page for any
 * client, radio buttons aligned in the questionnaires, the empty week of the public calendar, the
 * English manual and the quota section.
 */

const WIDTHS = [1280, 390] as const;
const viewport = (width: number) => ({ width, height: width > 1000 ? 900 : 844 });

/**
 * Radio options drawn by their labels: an option continuing a line sits at the same height as the one
 * before it (the first is not higher than the others), and an option wrapped to a new line sits below it.
 */
async function expectAligned(labels: Locator, what: string) {
  const boxes: { x: number; y: number; height: number }[] = [];
  for (const l of await labels.all()) {
    const box = await l.boundingBox();
    if (!box) throw new Error(`${what}: a label is not visible`);
    boxes.push(box);
  }
  expect(boxes.length, `${what}: options`).toBeGreaterThan(1);
  const tops = boxes.map((b) => Math.round(b.y)).join(', ');
  for (let i = 1; i < boxes.length; i++) {
    const prev = boxes[i - 1] as { x: number; y: number; height: number };
    const cur = boxes[i] as { x: number; y: number; height: number };
    if (cur.x > prev.x)
      expect(
        Math.abs(cur.y - prev.y),
        `${what}: option ${i + 1} beside option ${i} (tops ${tops})`,
      ).toBeLessThanOrEqual(1);
    else
      expect(cur.y, `${what}: option ${i + 1} below option ${i} (tops ${tops})`).toBeGreaterThanOrEqual(
        prev.y + prev.height - 1,
      );
  }
}

/** The Rome wall-clock hour now (0–23). */
function romeHour(): number {
  return Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Rome', hour: '2-digit', hourCycle: 'h23' }).format(
      new Date(),
    ),
  );
}

/** The texts of a row's cells (the row header left out), as a sighted person reads them. */
function cells(table: Locator, row: string | RegExp): Promise<string[]> {
  return table.getByRole('row', { name: row }).getByRole('cell').allTextContents();
}

/** A published path with a published edition of one session in 20 days, taking requests since yesterday. */
async function publishedEdition(api: ApiAs, title: string, approvalRequired: boolean) {
  const path = await api.send<{ id: number }>('POST', '/api/v1/training-paths', {
    title: `Percorso ${title}`,
    summary: 'Un percorso per le prove del primo accesso.',
    domainCode: 'gestionale',
    serviceModelCode: null,
    level: 'base',
    totalHours: 4,
    deliveryModes: ['aula'],
    modules: [{ title: 'Modulo unico', hours: 4, mode: 'aula' }],
  });
  await api.send('POST', `/api/v1/training-paths/${path.id}/status`, { status: 'published' });
  const edition = await api.send<{ id: number }>('POST', '/api/v1/editions', {
    pathId: path.id,
    title,
    startsOn: romeDayFromToday(20),
    endsOn: romeDayFromToday(20),
    capacity: 10,
    enrolmentOpensAt: romeAt(-1, '00:00'),
    enrolmentClosesAt: romeAt(15, '23:59'),
    online: false,
    venueName: 'Sede di prova',
    venueAddress: 'Via Roma 1, Cuneo',
    venueUnitId: null,
    trainerIds: [],
    approvalRequired,
    minAttendancePct: 75,
    finalTestRequired: false,
    cancellationClosesAt: null,
  });
  await api.send('POST', `/api/v1/editions/${edition.id}/sessions`, {
    title: 'Lezione unica',
    startsAt: romeAt(20, '09:00'),
    endsAt: romeAt(20, '13:00'),
    mode: 'aula',
    room: 'Aula 1',
    onlineUrl: null,
    trainerId: null,
  });
  await api.send('POST', `/api/v1/editions/${edition.id}/status`, { status: 'published' });
  return edition.id;
}

describe('each role finds real work on the first sign-in to the demo', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const width of WIDTHS) {
    it(`the trainer has a register to fill today and a past edition in "Le mie docenze" (${width} px)`, async () => {
      const { context, page } = await newPage(browser, viewport(width));
      await signIn(page, 'formatore@officina.demo', DEMO_PASSWORD);
      await expectHeading(page, 'Le mie docenze');
      expect(new URL(page.url()).pathname).toBe('/formazione/docenze');

      // The Cuneo edition under way: its third meeting is today's classroom morning (09:00–13:00 Rome,
      // or the last working day's on a weekend or holiday), with two people enrolled and nothing recorded.
      const underWay = page.getByRole('region', {
        name: /^Dati territoriali e servizi digitali per i Comuni — Edizione 1 – Cuneo/,
      });
      const today = underWay.getByRole('table');
      await today.getByRole('row', { name: /Incontro 3/ }).waitFor();
      const row = await cells(today, /Incontro 3/);
      expect(row.slice(1, 3)).toEqual(['09:00–13:00', 'Aula']);
      expect(row.slice(4, 7)).toEqual(['2', '0', 'Registro — Incontro 3']);
      const state = row[3] ?? '';
      if (state === 'In programma') {
        // Only before the class starts on a working morning.
        expect(romeHour(), 'the register day is still to start').toBeLessThan(9);
      } else {
        expect(state).toMatch(/^(In corso|Svolta)Presenze da registrare$/);
      }

      // A past edition, completed, in the page's default period (from 30 days ago).
      const past = page.getByRole('region', {
        name: /^Progettare con i fondi europei — Edizione 1 – online/,
      });
      const ledger = past.getByRole('table', { name: /: 2 sessioni$/ });
      await ledger.waitFor();
      for (const meeting of ['Incontro 1', 'Incontro 2']) {
        const held = await cells(ledger, new RegExp(meeting));
        expect(held[2], meeting).toBe('Webinar');
        expect(held[3], meeting).toBe('Svolta');
        expect(Number(held[5]), meeting).toBeGreaterThan(0);
      }
      if (width === 390) await expectNoSidewaysScroll(page, 'my teaching at 390 px');
      await expectAccessible(page, `trainer's first sign-in at ${width} px`);

      if (state !== 'In programma') {
        await today.getByRole('link', { name: 'Registro — Incontro 3' }).click();
        await expectHeading(page, 'Registro: Incontro 3');
        await page.getByText('Presenti: 0, assenti: 0, da indicare: 2.').waitFor();
      }
      await context.close();
    });

    it(`the Cuneo officer has requests to approve on landing (${width} px)`, async () => {
      const { context, page } = await newPage(browser, viewport(width));
      await signIn(page, 'referente.cuneo@officina.demo', DEMO_PASSWORD);
      await expectHeading(page, 'Iscrizioni della Provincia');
      expect(new URL(page.url()).pathname).toBe('/provincia/iscrizioni');
      // The landing list (latest first) opens on requests waiting for a decision, with their buttons.
      await page
        .getByRole('row')
        .filter({ hasText: 'In attesa di approvazione' })
        .first()
        .getByRole('button', { name: /^Approva la richiesta di / })
        .waitFor();
      await expectAccessible(page, `officer's first sign-in at ${width} px`);
      // Among them Carlo's and Giulia's requests for the Cuneo edition of the procurement path (found
      // with the status filter, however many enrolments other tests have queued since).
      await page.getByLabel('Stato', { exact: true }).selectOption({ label: 'In attesa di approvazione' });
      await page.getByRole('button', { name: 'Cerca', exact: true }).click();
      await page.waitForURL((url) => url.searchParams.get('status') === 'pending');
      const requests = page
        .getByRole('row')
        .filter({ hasText: 'Appalti pubblici: il nuovo codice dei contratti' })
        .filter({ hasText: 'In attesa di approvazione' });
      await requests.first().waitFor();
      for (const name of ['Carlo Discente', 'Giulia Discente']) {
        const mine = requests.filter({ hasText: name });
        expect(await mine.count(), name).toBeGreaterThan(0);
        await mine
          .first()
          .getByRole('button', { name: `Approva la richiesta di ${name}` })
          .waitFor();
        await mine
          .first()
          .getByRole('button', { name: `Respingi la richiesta di ${name}` })
          .waitFor();
      }
      if (width === 390) await expectNoSidewaysScroll(page, 'Province enrolments at 390 px');
      await expectAccessible(page, `pending requests at ${width} px`);
      await context.close();
    });

    it(`the community moderator lands on La mia formazione (${width} px)`, async () => {
      const { context, page } = await newPage(browser, viewport(width));
      await signIn(page, 'moderatore@officina.demo', DEMO_PASSWORD);
      await expectHeading(page, 'La mia formazione');
      expect(new URL(page.url()).pathname).toBe('/la-mia-formazione');
      if (width === 390) await expectNoSidewaysScroll(page, 'moderator landing at 390 px');
      await expectAccessible(page, `moderator's landing at ${width} px`);
      await context.close();
    });
  }
});

describe('enrolment badges change colour, without a reload, when the officer decides', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let admin: Page;
  let officer: Page;
  let api: ApiAs;
  const learners: ApiAs[] = [];
  const stamp = Date.now();

  beforeAll(async () => {
    browser = await launch();
    const pages: Page[] = [];
    for (let i = 0; i < 4; i++) {
      const { context, page } = await newPage(browser);
      contexts.push(context);
      pages.push(page);
    }
    const [a, o, carlo, giulia] = pages as [Page, Page, Page, Page];
    admin = a;
    officer = o;
    await signIn(admin, 'admin@officina.demo', DEMO_PASSWORD);
    api = new ApiAs(admin);
    await signIn(officer, 'referente.cuneo@officina.demo', DEMO_PASSWORD);
    await signIn(carlo, 'discente.cuneo@officina.demo', DEMO_PASSWORD);
    await signIn(giulia, 'discente2.cuneo@officina.demo', DEMO_PASSWORD);
    learners.push(new ApiAs(carlo), new ApiAs(giulia));
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
  });

  const badgeClass = (badge: Locator) =>
    badge.evaluate((el) => (el as unknown as { className: string }).className);

  for (const width of WIDTHS)
    it(`approving turns the badge green and rejecting red (${width} px)`, async () => {
      const editionId = await publishedEdition(api, `Edizione badge ${width} ${stamp}`, true);
      for (const learner of learners) {
        const made = await learner.send<{ status: string }>('POST', '/api/v1/enrolments', { editionId });
        expect(made.status).toBe('pending');
      }
      await officer.setViewportSize(viewport(width));
      await officer.goto(`/provincia/iscrizioni?editionId=${editionId}`);
      await expectHeading(officer, 'Iscrizioni della Provincia');
      const table = officer.getByRole('table', { name: 'Iscrizioni: 2 risultati' });
      await table.waitFor();
      const badge = (name: string) => table.getByRole('row', { name: new RegExp(name) }).locator('.badge');
      for (const name of ['Carlo Discente', 'Giulia Discente']) {
        await badge(name).filter({ hasText: 'In attesa di approvazione' }).waitFor();
        expect(await badgeClass(badge(name))).toMatch(/\bbg-warning\b/);
      }
      // Set on the window: still there afterwards only if the page was not reloaded.
      await officer.evaluate(() => {
        (globalThis as unknown as { officinaNoReload: boolean }).officinaNoReload = true;
      });

      await table.getByRole('button', { name: 'Approva la richiesta di Carlo Discente' }).click();
      await officer
        .getByRole('status')
        .filter({ hasText: 'Richiesta di Carlo Discente approvata' })
        .waitFor();
      await badge('Carlo Discente').filter({ hasText: 'Confermata' }).waitFor();
      await expect.poll(() => badgeClass(badge('Carlo Discente'))).toMatch(/\bbg-success\b/);
      expect(await badgeClass(badge('Carlo Discente'))).not.toMatch(/\bbg-warning\b/);
      expect(await badgeClass(badge('Giulia Discente'))).toMatch(/\bbg-warning\b/);
      await expectAccessible(officer, `enrolments after an approval at ${width} px`);

      await table.getByRole('button', { name: 'Respingi la richiesta di Giulia Discente' }).click();
      const dialog = officer.getByRole('dialog', { name: 'Respingere la richiesta di Giulia Discente?' });
      await dialog.getByLabel('Motivo', { exact: true }).fill('Posti riservati ad altri uffici');
      await dialog.getByRole('button', { name: 'Respingi la richiesta' }).click();
      await officer
        .getByRole('status')
        .filter({ hasText: 'Richiesta di Giulia Discente respinta.' })
        .waitFor();
      await badge('Giulia Discente').filter({ hasText: 'Respinta' }).waitFor();
      await expect.poll(() => badgeClass(badge('Giulia Discente'))).toMatch(/\bbg-danger\b/);
      expect(await badgeClass(badge('Giulia Discente'))).not.toMatch(/\bbg-warning\b/);
      expect(await badgeClass(badge('Carlo Discente'))).toMatch(/\bbg-success\b/);

      const kept = await officer.evaluate(
        () => (globalThis as unknown as { officinaNoReload?: boolean }).officinaNoReload === true,
      );
      expect(kept, 'the page was not reloaded').toBe(true);
      if (width === 390) await expectNoSidewaysScroll(officer, 'Province enrolments at 390 px');
      await expectAccessible(officer, `enrolments after a rejection at ${width} px`);
    });
});

describe('a visitor who chose English before signing in, on a phone', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lands in English at 390 px', async () => {
    const { context, page } = await newPage(browser, viewport(390));
    await page.goto('/accedi');
    await expectHeading(page, 'Accedi');
    await page.getByRole('button', { name: 'English' }).click();
    await expectHeading(page, 'Sign in');
    await page.getByLabel('E-mail address', { exact: true }).fill('discente.sassari@officina.demo');
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expectHeading(page, 'My training');
    expect(new URL(page.url()).pathname).toBe('/la-mia-formazione');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByRole('button', { name: 'Show navigation' }).waitFor();
    await expectNoSidewaysScroll(page, 'landing in English at 390 px');
    await expectAccessible(page, 'landing in English at 390 px');

    // The profile keeps the choice; put it back in Italian for the other specs.
    await page.goto('/profilo');
    await expectHeading(page, 'My profile');
    const language = page.getByLabel('Language of the interface and of messages');
    expect(await language.inputValue()).toBe('en');
    await language.selectOption('it');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expectHeading(page, 'Il mio profilo');
    await context.close();
  });
});

/** GET with no Accept header at all (fetch and Playwright always send one). */
function getWithoutAccept(url: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'GET', headers: {} }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body }),
      );
    });
    req.on('error', reject);
    expect(req.getHeader('accept')).toBeUndefined();
    req.end();
  });
}

describe('the home page for clients that do not ask for HTML', () => {
  it('answers GET / and pages with the app, and unknown API addresses with a JSON 404', async () => {
    const client = await request.newContext({ baseURL: baseURL() });
    try {
      for (const path of ['/', '/formazione']) {
        for (const headers of [{ accept: '*/*' }, { accept: 'application/json' }]) {
          const res = await client.get(path, { headers });
          expect(res.status(), `${path} with ${headers.accept}`).toBe(200);
          expect(res.headers()['content-type']).toMatch(/^text\/html/);
          expect(await res.text()).toMatch(/<div id="root"/);
        }
        const bare = await getWithoutAccept(`${baseURL()}${path}`);
        expect(bare.status, `${path} with no Accept`).toBe(200);
        expect(bare.type).toMatch(/^text\/html/);
        expect(bare.body).toMatch(/<div id="root"/);
      }
      const viaFetch = await fetch(`${baseURL()}/`, { headers: { accept: '*/*' } });
      expect(viaFetch.status).toBe(200);
      expect(viaFetch.headers.get('content-type')).toMatch(/^text\/html/);

      // Under /api an unknown address stays a JSON 404, whatever the client asks for.
      for (const accept of ['*/*', 'text/html', 'application/json']) {
        const res = await client.get('/api/v1/nonexistent', { headers: { accept } });
        expect(res.status(), `/api with ${accept}`).toBe(404);
        expect(res.headers()['content-type']).toMatch(/^application\/json/);
        const body = (await res.json()) as { code?: unknown; message?: unknown };
        expect(typeof body.code).toBe('string');
        expect(typeof body.message).toBe('string');
      }
      const bare = await getWithoutAccept(`${baseURL()}/api/v1/nonexistent`);
      expect(bare.status).toBe(404);
      expect(bare.type).toMatch(/^application\/json/);
    } finally {
      await client.dispose();
    }
  });
});

describe('radio buttons in the questionnaires sit on one line', () => {
  let browser: Browser;
  let context: BrowserContext;
  let learner: Page;
  let enrolmentId = 0;

  beforeAll(async () => {
    browser = await launch();
    const admin = await newPage(browser);
    await signIn(admin.page, 'admin@officina.demo', DEMO_PASSWORD);
    // An edition held yesterday: its satisfaction questionnaire is open to Marco (Bergamo).
    const made = await makeEditionWithLearners(new ApiAs(admin.page), {
      title: `Edizione gradimento ${Date.now()}`,
      sessions: [{ title: 'Lezione di ieri', day: -1, start: '09:00', end: '13:00' }],
      learners: ['discente.bergamo@officina.demo'],
    });
    await admin.context.close();
    ({ context, page: learner } = await newPage(browser));
    await signIn(learner, 'discente.bergamo@officina.demo', DEMO_PASSWORD);
    const due = await new ApiAs(learner).get<{ enrolmentId: number; editionId: number }[]>(
      '/api/v1/me/feedback-due',
    );
    enrolmentId = due.find((d) => d.editionId === made.editionId)?.enrolmentId ?? 0;
    expect(enrolmentId).toBeGreaterThan(0);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  for (const width of WIDTHS) {
    it(`in the satisfaction questionnaire (${width} px)`, async () => {
      await learner.setViewportSize(viewport(width));
      await learner.goto(`/la-mia-formazione/questionari/${enrolmentId}`);
      await expectHeading(learner, 'Questionario di gradimento');
      const groups = learner.getByRole('form').getByRole('group');
      await groups.first().waitFor();
      expect(await groups.count()).toBe(6);
      for (const group of await groups.all())
        await expectAligned(
          group.locator('label'),
          `${await group.locator('legend').textContent()} at ${width} px`,
        );
      await expectNoSidewaysScroll(learner, `satisfaction questionnaire at ${width} px`);
      await expectAccessible(learner, `satisfaction questionnaire at ${width} px`);
    });

    it(`in the needs survey's 1–5 scale (${width} px)`, async () => {
      await learner.setViewportSize(viewport(width));
      await learner.goto('/le-mie-rilevazioni');
      await expectHeading(learner, 'Le mie rilevazioni');
      await learner.getByRole('link', { name: /Rilevazione dei fabbisogni 2027/ }).click();
      await expectHeading(learner, 'Rilevazione dei fabbisogni 2027');
      const scale = learner.getByRole('group', { name: /Quanto ti è utile la formazione a distanza/ });
      await scale.waitFor();
      const labels = scale.locator('label');
      expect(await labels.allTextContents()).toEqual(['1', '2', '3', '4', '5']);
      await expectAligned(labels, `1–5 scale at ${width} px`);
      // Five short numbers fit on one line at either size.
      const tops = await Promise.all(
        (await labels.all()).map(async (l) => Math.round((await l.boundingBox())?.y ?? -1)),
      );
      expect(new Set(tops).size, `scale tops ${tops.join(', ')}`).toBe(1);
      await expectNoSidewaysScroll(learner, `needs survey at ${width} px`);
      await expectAccessible(learner, `needs survey at ${width} px`);
    });
  }
});

describe("the public calendar's empty week", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const width of WIDTHS)
    it(`leads to the week of the next session (${width} px)`, async () => {
      const { context, page } = await newPage(browser, viewport(width));
      // A year ago: long before any demo session.
      const date = romeDayFromToday(-365);
      await page.goto(`/formazione?view=week&date=${date}`);
      await page.locator('main [aria-busy="false"]').first().waitFor();
      await page.getByText('Nessuna sessione in programma in questa settimana').waitFor();
      await expectAccessible(page, `calendar (empty week, ${width} px)`);
      const next = page.getByRole('link', { name: /^Vai alla settimana della prossima sessione/ });
      const answer = page.waitForResponse(
        (r) => new URL(r.url()).pathname === '/api/v1/public/calendar' && r.ok(),
      );
      await next.click();
      await answer;
      await page.locator('main [aria-busy="false"]').first().waitFor();
      const url = new URL(page.url());
      expect(url.searchParams.get('view')).toBe('week');
      expect((url.searchParams.get('date') ?? '') > date).toBe(true);
      await page.locator('main .officina-calendar-week li.officina-entry').first().waitFor();
      expect(await page.getByText('Nessuna sessione in programma in questa settimana').count()).toBe(0);
      await expectNoSidewaysScroll(page, `calendar week at ${width} px`);
      await expectAccessible(page, `calendar (week of the next session, ${width} px)`);
      await context.close();
    });
});

describe('the English manual and the quota section', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const width of WIDTHS)
    it(`the manual in English passes axe (${width} px)`, async () => {
      const { context, page } = await newPage(browser, viewport(width));
      await page.goto('/manuale');
      await expectHeading(page, 'Manuale utente');
      await page.getByRole('button', { name: 'English' }).click();
      await expectHeading(page, 'User manual');
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      await expectNoSidewaysScroll(page, `English manual at ${width} px`);
      await expectAccessible(page, `English manual at ${width} px`);
      await context.close();
    });

  it('the quota section of an edition passes axe at 390 px', async () => {
    const { context, page } = await newPage(browser, viewport(390));
    await signIn(page, 'admin@officina.demo', DEMO_PASSWORD);
    const title = `Edizione posti riservati ${Date.now()}`;
    const editionId = await publishedEdition(new ApiAs(page), title, false);
    await page.goto(`/amministrazione/edizioni/${editionId}`);
    await expectHeading(page, title);
    const panel = page.getByRole('region', { name: 'Iscrizioni', exact: true });
    await panel.getByLabel('Ente da aggiungere').selectOption({ label: 'Cuneo' });
    await panel.getByRole('button', { name: 'Aggiungi', exact: true }).click();
    await panel.getByLabel('Cuneo', { exact: true }).fill('3');
    await panel.getByRole('button', { name: 'Salva i posti riservati' }).click();
    await panel.getByText('Posti riservati salvati.').waitFor();
    await expectNoSidewaysScroll(page, 'quota section at 390 px');
    await expectAccessible(page, 'quota section at 390 px');
    await context.close();
  });
});
