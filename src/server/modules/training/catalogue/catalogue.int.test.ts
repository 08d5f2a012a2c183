import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Edition, Session, TrainingPath } from '../../../../common/catalogue.js';
import { addDays, formatRomeDate, romeDate, romeInstant } from '../../../../common/rome-time.js';
import { editionChanges } from '../../../db/schema/index.js';
import { startTestApp } from '../../../test/app.js';
import type { TestClient } from '../../../test/client.js';

const t = await startTestApp();
// Sign-in is throttled per address: sign each person in once for the whole file.
const admin = await t.as('admin@officina.demo');
const trainer = await t.as('formatore@officina.demo');
const officer = await t.as('referente.cuneo@officina.demo');
const learner = await t.as('discente.cuneo@officina.demo');
const anon = t.client();

const unitId = async (code: string) =>
  (await admin.get(`/api/v1/units?q=${code}`)).json().items[0].id as number;
const cuneo = await unitId('004');
const sassari = await unitId('090');

const today = romeDate(new Date());
/** An instant at a Rome wall-clock time, as the API expects it. */
const at = (day: string, time: string) => romeInstant(day, time).toISOString();

let counter = 0;
/** A valid path body with three modules; each call gets its own title (hence slug). */
function pathBody(over: Record<string, unknown> = {}) {
  counter++;
  return {
    title: `Contabilità armonizzata ${counter}`,
    summary: 'Il bilancio armonizzato delle Province, dal DUP al rendiconto di gestione.',
    domainCode: 'gestionale',
    serviceModelCode: null,
    level: 'base',
    totalHours: 9,
    deliveryModes: ['webinar', 'aula'],
    modules: [
      { title: 'Principi contabili', hours: 3, mode: 'webinar' },
      { title: 'Il ciclo del bilancio', hours: 3, mode: 'webinar' },
      { title: 'Laboratorio sul rendiconto', hours: 3, mode: 'aula' },
    ],
    ...over,
  };
}

async function createPath(client: TestClient = admin, over: Record<string, unknown> = {}) {
  const res = await client.post('/api/v1/training-paths', pathBody(over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as TrainingPath;
}

const START = addDays(today, 30);
const END = addDays(today, 37);

function editionBody(pathId: number, over: Record<string, unknown> = {}) {
  return {
    pathId,
    title: 'Edizione di prova',
    startsOn: START,
    endsOn: END,
    capacity: 25,
    enrolmentOpensAt: at(today, '00:00'),
    enrolmentClosesAt: at(addDays(START, -1), '23:59'),
    venueName: 'Sala consiliare',
    venueAddress: 'Corso Nizza 21, Cuneo',
    venueUnitId: cuneo,
    ...over,
  };
}

function sessionBody(day = START, over: Record<string, unknown> = {}) {
  return {
    title: 'Primo incontro',
    startsAt: at(day, '09:00'),
    endsAt: at(day, '13:00'),
    mode: 'webinar',
    onlineUrl: 'https://webinar.example.it/officina/prova',
    ...over,
  };
}

async function createEdition(pathId: number, over: Record<string, unknown> = {}) {
  const res = await admin.post('/api/v1/editions', editionBody(pathId, over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Edition;
}

async function addSession(editionId: number, day = START, over: Record<string, unknown> = {}) {
  const res = await admin.post(`/api/v1/editions/${editionId}/sessions`, sessionBody(day, over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Session;
}

const setStatus = (client: TestClient, editionId: number, body: Record<string, unknown>) =>
  client.post(`/api/v1/editions/${editionId}/status`, body);

const changesOf = (editionId: number) =>
  t.db
    .select()
    .from(editionChanges)
    .where(eq(editionChanges.editionId, editionId))
    .orderBy(editionChanges.id);

/** The 400 answer of a business rule: its code, the field, and an Italian message. */
function expectBadRequest(res: { statusCode: number; json: () => unknown; body: string }, code: string) {
  expect(res.statusCode, res.body).toBe(400);
  const body = res.json() as { code: string; message: string; details: { path: string }[] };
  expect(body.code).toBe(code);
  return body;
}

const sharedPath = await createPath(admin);
const trainerId = (await trainer.get('/api/v1/me')).json().id as string;

describe('training paths', () => {
  it('an admin creates a draft path: 201, slug from the title, modules kept in order', async () => {
    const res = await admin.post(
      '/api/v1/training-paths',
      pathBody({ title: 'Appalti & PNRR: la città è pronta?', unitIds: [] }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json() as TrainingPath;
    expect(p).toMatchObject({
      slug: 'appalti-pnrr-la-citta-e-pronta',
      status: 'draft',
      domainName: 'Gestionale',
      eligibility: 'all',
    });
    expect(p.modules.map((m) => [m.position, m.title])).toEqual([
      [0, 'Principi contabili'],
      [1, 'Il ciclo del bilancio'],
      [2, 'Laboratorio sul rendiconto'],
    ]);
    const again = (await admin.get(`/api/v1/training-paths/${p.id}`)).json() as TrainingPath;
    expect(again.modules.map((m) => m.title)).toEqual(p.modules.map((m) => m.title));
    // Drafts are not public.
    expect((await anon.get(`/api/v1/public/paths/${p.slug}`)).statusCode).toBe(404);
  });

  it('a global trainer manages the catalogue too', async () => {
    const p = await createPath(trainer, { serviceModelCode: 'SIT', domainCode: 'tecnologico' });
    expect(p).toMatchObject({ status: 'draft', serviceModelCode: 'SIT', domainName: 'Tecnologico' });
    const list = await trainer.get('/api/v1/training-paths?pageSize=100');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((x: TrainingPath) => x.id)).toContain(p.id);
  });

  it('updates the content, replacing modules and keeping the slug when none is given', async () => {
    const p = await createPath(admin);
    const body = pathBody({
      title: 'Contabilità armonizzata: edizione rivista',
      eligibility: 'units',
      unitIds: [sassari, cuneo],
      modules: [
        { title: 'Laboratorio sul rendiconto', hours: 5, mode: 'aula' },
        { title: 'Principi contabili', hours: 4, mode: 'online' },
      ],
    });
    const res = await trainer.patch(`/api/v1/training-paths/${p.id}`, body);
    expect(res.statusCode, res.body).toBe(200);
    const u = res.json() as TrainingPath;
    expect(u).toMatchObject({ title: 'Contabilità armonizzata: edizione rivista', slug: p.slug });
    expect(u.modules.map((m) => [m.position, m.title, m.hours])).toEqual([
      [0, 'Laboratorio sul rendiconto', 5],
      [1, 'Principi contabili', 4],
    ]);
    expect([...u.unitIds].sort()).toEqual([cuneo, sassari].sort());
    const missing = await admin.patch('/api/v1/training-paths/999999', body);
    expect(missing.statusCode).toBe(404);
  });

  it('publishes and archives a path, and only a published one is public', async () => {
    const p = await createPath(admin);
    const pub = await admin.post(`/api/v1/training-paths/${p.id}/status`, { status: 'published' });
    expect(pub.statusCode, pub.body).toBe(200);
    expect(pub.json().status).toBe('published');
    const page = await anon.get(`/api/v1/public/paths/${p.slug}`);
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ slug: p.slug, status: 'published' });
    const listed = (await anon.get('/api/v1/public/paths?pageSize=100')).json();
    expect(listed.items.map((x: TrainingPath) => x.slug)).toContain(p.slug);

    const arch = await trainer.post(`/api/v1/training-paths/${p.id}/status`, { status: 'archived' });
    expect(arch.json().status).toBe('archived');
    expect((await anon.get(`/api/v1/public/paths/${p.slug}`)).statusCode).toBe(404);
    const after = (await anon.get('/api/v1/public/paths?pageSize=100')).json();
    expect(after.items.map((x: TrainingPath) => x.slug)).not.toContain(p.slug);
    const audit = (await admin.get(`/api/v1/audit-log?action=path.archived&entityId=${p.id}`)).json();
    expect(audit.total).toBe(1);
  });

  it('refuses Province officers and learners (403) and anonymous callers (401)', async () => {
    for (const c of [officer, learner]) {
      expect((await c.post('/api/v1/training-paths', pathBody())).statusCode).toBe(403);
      expect((await c.get('/api/v1/training-paths')).statusCode).toBe(403);
      expect((await c.patch(`/api/v1/training-paths/${sharedPath.id}`, pathBody())).statusCode).toBe(403);
      const st = await c.post(`/api/v1/training-paths/${sharedPath.id}/status`, { status: 'published' });
      expect(st.statusCode).toBe(403);
    }
    const res = await anon.post('/api/v1/training-paths', pathBody());
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('UNAUTHENTICATED');
    expect((await anon.get('/api/v1/training-paths')).statusCode).toBe(401);
    expect((await admin.get(`/api/v1/training-paths/${sharedPath.id}`)).json().status).toBe('draft');
  });

  it('validates references and eligibility with a code and an Italian message', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ domainCode: 'astrologia' }, 'UNKNOWN_DOMAIN', 'Ambito formativo sconosciuto.'],
      [{ serviceModelCode: 'XYZ' }, 'UNKNOWN_SERVICE_MODEL', 'Modello di servizio sconosciuto.'],
      [
        { eligibility: 'agreement', serviceModelCode: null },
        'SERVICE_MODEL_REQUIRED',
        'Un percorso riservato alle Convenzioni deve indicare il modello di servizio.',
      ],
      [{ eligibility: 'units', unitIds: [] }, 'UNITS_REQUIRED', 'Scegli almeno una unità territoriale.'],
      [{ eligibility: 'units', unitIds: [cuneo, 999999] }, 'UNKNOWN_UNIT', 'Unità territoriale sconosciuta.'],
    ];
    for (const [over, code, message] of cases) {
      const body = pathBody(over);
      const res = await admin.post('/api/v1/training-paths', body);
      expect(expectBadRequest(res, code).message, code).toBe(message);
      // Nothing was created.
      const list = (await admin.get('/api/v1/training-paths?pageSize=100')).json();
      expect(list.items.map((p: TrainingPath) => p.title)).not.toContain(body.title);
    }
    const schema = await admin.post('/api/v1/training-paths', pathBody({ deliveryModes: [] }));
    expect(schema.statusCode).toBe(400);
    expect(schema.json()).toMatchObject({ code: 'VALIDATION_ERROR', message: /deliveryModes/ });
  });

  it('refuses a slug already taken (409), on create and on update', async () => {
    const p = await createPath(admin, { title: 'Percorso con titolo ripetuto' });
    const dup = await admin.post(
      '/api/v1/training-paths',
      pathBody({ title: 'Percorso con titolo ripetuto' }),
    );
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'SLUG_TAKEN', message: expect.stringContaining('slug') });
    const explicit = await admin.post(
      '/api/v1/training-paths',
      pathBody({ slug: 'appalti-pubblici-nuovo-codice' }),
    );
    expect(explicit.statusCode).toBe(409);
    const other = await createPath(admin);
    const upd = await admin.patch(`/api/v1/training-paths/${other.id}`, pathBody({ slug: p.slug }));
    expect(upd.statusCode).toBe(409);
    expect(upd.json().code).toBe('SLUG_TAKEN');
    expect((await admin.get(`/api/v1/training-paths/${other.id}`)).json().slug).toBe(other.slug);
  });
});

describe('editions: validation', () => {
  it('creates a draft edition with its venue and trainers', async () => {
    const me = (await trainer.get('/api/v1/me')).json();
    const res = await trainer.post('/api/v1/editions', editionBody(sharedPath.id, { trainerIds: [me.id] }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      status: 'draft',
      pathId: sharedPath.id,
      pathSlug: sharedPath.slug,
      startsOn: START,
      endsOn: END,
      capacity: 25,
      seatsLeft: 25,
      venueUnitName: 'Cuneo',
      trainerIds: [me.id],
      sessions: [],
    });
    expect(res.json().trainers[0].name).toBeTruthy();
  });

  it('refuses officers and learners (403) and anonymous callers (401)', async () => {
    expect((await officer.post('/api/v1/editions', editionBody(sharedPath.id))).statusCode).toBe(403);
    expect((await learner.post('/api/v1/editions', editionBody(sharedPath.id))).statusCode).toBe(403);
    expect((await anon.post('/api/v1/editions', editionBody(sharedPath.id))).statusCode).toBe(401);
    const e = await createEdition(sharedPath.id);
    expect((await officer.post(`/api/v1/editions/${e.id}/sessions`, sessionBody())).statusCode).toBe(403);
    expect((await learner.post(`/api/v1/editions/${e.id}/status`, { status: 'published' })).statusCode).toBe(
      403,
    );
  });

  it('rejects inconsistent dates and enrolment windows', async () => {
    expectBadRequest(
      await admin.post('/api/v1/editions', editionBody(sharedPath.id, { endsOn: addDays(START, -1) })),
      'INVALID_DATES',
    );
    const closes = await admin.post(
      '/api/v1/editions',
      editionBody(sharedPath.id, {
        enrolmentOpensAt: at(addDays(today, 5), '09:00'),
        enrolmentClosesAt: at(addDays(today, 4), '09:00'),
      }),
    );
    expect(expectBadRequest(closes, 'INVALID_ENROLMENT_WINDOW').message).toContain('iscrizioni');
    const late = await admin.post(
      '/api/v1/editions',
      editionBody(sharedPath.id, {
        enrolmentOpensAt: at(START, '08:00'),
        enrolmentClosesAt: at(END, '08:00'),
      }),
    );
    expect(expectBadRequest(late, 'ENROLMENT_AFTER_START').message).toBe(
      'Le iscrizioni devono aprirsi prima dell’inizio dell’edizione.',
    );
  });

  it('rejects a negative capacity, an unknown venue unit and an unknown path', async () => {
    const cap = await admin.post('/api/v1/editions', editionBody(sharedPath.id, { capacity: -1 }));
    expect(cap.statusCode).toBe(400);
    expect(cap.json()).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ path: 'body.capacity' }] });
    const unit = await admin.post('/api/v1/editions', editionBody(sharedPath.id, { venueUnitId: 999999 }));
    expect(expectBadRequest(unit, 'UNKNOWN_UNIT').message).toBe('Unità territoriale sconosciuta.');
    const path = await admin.post('/api/v1/editions', editionBody(999999));
    expect(expectBadRequest(path, 'UNKNOWN_PATH').message).toContain('sconosciuto');
    // Only people holding the trainer role can be an edition's trainers (they get the online links).
    const learnerId = (await learner.get('/api/v1/me')).json().id;
    const notTrainer = await admin.post(
      '/api/v1/editions',
      editionBody(sharedPath.id, { trainerIds: [learnerId] }),
    );
    expect(expectBadRequest(notTrainer, 'UNKNOWN_TRAINER').details[0]?.path).toBe('trainerIds');
    // An officer learns nothing about the data: permissions come first.
    const early = await officer.patch('/api/v1/editions/1', {
      ...editionBody(sharedPath.id),
      endsOn: addDays(START, -5),
    });
    expect(early.statusCode).toBe(403);
    // A capacity of zero is allowed (e.g. a waiting list only).
    expect(
      (await admin.post('/api/v1/editions', editionBody(sharedPath.id, { capacity: 0 }))).statusCode,
    ).toBe(201);
  });

  it('rejects sessions outside the edition or ending before they start', async () => {
    const e = await createEdition(sharedPath.id);
    const before = await admin.post(`/api/v1/editions/${e.id}/sessions`, sessionBody(addDays(START, -1)));
    expect(expectBadRequest(before, 'SESSION_OUTSIDE_EDITION').message).toContain(formatRomeDate(START));
    const after = await admin.post(`/api/v1/editions/${e.id}/sessions`, sessionBody(addDays(END, 1)));
    expectBadRequest(after, 'SESSION_OUTSIDE_EDITION');
    const backwards = await admin.post(
      `/api/v1/editions/${e.id}/sessions`,
      sessionBody(START, { startsAt: at(START, '13:00'), endsAt: at(START, '09:00') }),
    );
    expect(expectBadRequest(backwards, 'INVALID_TIMES').message).toBe(
      'La sessione deve finire dopo l’inizio.',
    );
    // The last day counts as inside, until midnight Rome time.
    await addSession(e.id, END, { startsAt: at(END, '20:00'), endsAt: at(END, '23:30') });
    const edition = (await admin.get(`/api/v1/editions/${e.id}`)).json() as Edition;
    expect(edition.sessions).toHaveLength(1);
  });
});

describe('editions: status workflow', () => {
  it('cannot publish an edition without sessions', async () => {
    const e = await createEdition(sharedPath.id);
    const res = await setStatus(admin, e.id, { status: 'published' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'NO_SESSIONS', message: expect.stringContaining('sessione') });
    expect((await admin.get(`/api/v1/editions/${e.id}`)).json().status).toBe('draft');
  });

  it('moves draft → published → closed → completed, and refuses other moves', async () => {
    const e = await createEdition(sharedPath.id, { trainerIds: [trainerId] });
    await addSession(e.id);
    const skip = await setStatus(admin, e.id, { status: 'closed' });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().code).toBe('INVALID_TRANSITION');
    // In words, not the status codes.
    expect(skip.json().message).toBe('Un’edizione «in bozza» non può diventare «con le iscrizioni chiuse».');
    for (const status of ['published', 'closed', 'completed']) {
      const res = await setStatus(trainer, e.id, { status });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().status).toBe(status);
    }
    for (const status of ['published', 'closed']) {
      const res = await setStatus(admin, e.id, { status });
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('INVALID_TRANSITION');
    }
    const cancel = await setStatus(admin, e.id, { status: 'cancelled', reason: 'Troppo tardi ormai' });
    expect(cancel.statusCode).toBe(409);
    // A completed edition can no longer be changed.
    const edit = await admin.post(`/api/v1/editions/${e.id}/sessions`, sessionBody(addDays(START, 1)));
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('EDITION_FINAL');
  });

  it('cancelling needs a reason and cancels every session', async () => {
    const e = await createEdition(sharedPath.id);
    await addSession(e.id, START);
    await addSession(e.id, addDays(START, 2));
    expect((await setStatus(admin, e.id, { status: 'published' })).statusCode).toBe(200);
    const none = await setStatus(admin, e.id, { status: 'cancelled' });
    expect(none.statusCode).toBe(400);
    expect(none.json().code).toBe('VALIDATION_ERROR');
    const short = await setStatus(admin, e.id, { status: 'cancelled', reason: 'no' });
    expect(short.statusCode).toBe(400);
    expect((await admin.get(`/api/v1/editions/${e.id}`)).json().status).toBe('published');

    const res = await setStatus(admin, e.id, { status: 'cancelled', reason: 'Docente non disponibile' });
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json() as Edition;
    expect(c).toMatchObject({ status: 'cancelled', cancelReason: 'Docente non disponibile' });
    expect(c.sessions.map((s) => [s.status, s.sequence])).toEqual([
      ['cancelled', 1],
      ['cancelled', 1],
    ]);
    const log = await changesOf(e.id);
    expect(log.map((l) => l.kind)).toEqual(['edition.cancelled']);
    expect((await setStatus(admin, e.id, { status: 'published' })).statusCode).toBe(409);
  });

  it('lets exactly one of two simultaneous publications through', async () => {
    const e = await createEdition(sharedPath.id, { trainerIds: [trainerId] });
    await addSession(e.id);
    const results = await Promise.all([
      setStatus(admin, e.id, { status: 'published' }),
      setStatus(trainer, e.id, { status: 'published' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.statusCode === 409);
    expect(['STALE_STATUS', 'INVALID_TRANSITION']).toContain(loser?.json().code);
    const audit = (await admin.get(`/api/v1/audit-log?action=edition.published&entityId=${e.id}`)).json();
    expect(audit.total).toBe(1);
  });
});

describe('editions: changes after publication', () => {
  it('logs no change while a draft, then logs edition and session changes once published', async () => {
    const e = await createEdition(sharedPath.id);
    const s = await addSession(e.id);
    expect(s.sequence).toBe(0);
    const { pathId: _p, ...draftEdit } = editionBody(sharedPath.id, { capacity: 30 });
    expect((await admin.patch(`/api/v1/editions/${e.id}`, draftEdit)).statusCode).toBe(200);
    expect(await changesOf(e.id)).toEqual([]);

    expect((await setStatus(admin, e.id, { status: 'published' })).statusCode).toBe(200);
    const newEnd = addDays(END, 3);
    const { pathId: _q, ...edit } = editionBody(sharedPath.id, {
      capacity: 30,
      endsOn: newEnd,
      venueName: 'Palazzo della Provincia',
    });
    const res = await admin.patch(`/api/v1/editions/${e.id}`, edit);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ endsOn: newEnd, venueName: 'Palazzo della Provincia' });
    const [editionChange] = await t.db
      .select()
      .from(editionChanges)
      .where(and(eq(editionChanges.editionId, e.id), eq(editionChanges.kind, 'edition.updated')));
    expect(editionChange?.changes).toEqual({
      endsOn: { from: END, to: newEnd },
      venueName: { from: 'Sala consiliare', to: 'Palazzo della Provincia' },
    });
    expect(editionChange?.notifiedAt).toBeNull();

    // The same values again change nothing and log nothing.
    expect((await admin.patch(`/api/v1/editions/${e.id}`, edit)).statusCode).toBe(200);
    expect(await changesOf(e.id)).toHaveLength(1);

    const moved = sessionBody(addDays(START, 1), { title: 'Primo incontro (spostato)' });
    const upd = await admin.patch(`/api/v1/editions/${e.id}/sessions/${s.id}`, moved);
    expect(upd.statusCode, upd.body).toBe(200);
    expect(upd.json()).toMatchObject({ sequence: 1, startsAt: moved.startsAt, title: moved.title });
    const sessionChange = (await changesOf(e.id)).find((c) => c.kind === 'session.updated');
    expect(sessionChange).toMatchObject({ sessionId: s.id });
    expect(Object.keys(sessionChange?.changes ?? {}).sort()).toEqual(['endsAt', 'startsAt', 'title']);

    const again = await admin.patch(`/api/v1/editions/${e.id}/sessions/${s.id}`, {
      ...moved,
      room: 'Sala B',
    });
    expect(again.json().sequence).toBe(2);

    const cancel = await admin.post(`/api/v1/editions/${e.id}/sessions/${s.id}/cancel`, {
      reason: 'Sala non disponibile',
    });
    expect(cancel.json()).toMatchObject({ status: 'cancelled', sequence: 3 });
    expect((await changesOf(e.id)).map((c) => c.kind)).toEqual([
      'edition.updated',
      'session.updated',
      'session.updated',
      'session.cancelled',
    ]);
  });

  it('refuses to move an edition’s dates away from its sessions', async () => {
    const e = await createEdition(sharedPath.id);
    await addSession(e.id, END);
    const { pathId: _p, ...edit } = editionBody(sharedPath.id, { endsOn: addDays(END, -1) });
    const res = await admin.patch(`/api/v1/editions/${e.id}`, edit);
    expectBadRequest(res, 'SESSION_OUTSIDE_EDITION');
    expect((await admin.get(`/api/v1/editions/${e.id}`)).json().endsOn).toBe(END);
  });
});
