import { and, eq, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Enrolment } from '../../../../common/enrolment.js';
import { auditLog, outbox } from '../../../db/schema/index.js';
import { startTestApp } from '../../../test/app.js';
import {
  confirmedEnrolment,
  editionUpdate,
  enrolmentById,
  makeEdition,
  userByEmail,
} from '../../../test/training.js';

const t = await startTestApp();
// Sign-in is throttled per address: sign each person in once for the whole file.
const admin = await t.as('admin@officina.demo');
const officer = await t.as('referente.cuneo@officina.demo');
const otherOfficer = await t.as('referente.bergamo@officina.demo');
const learner = await t.as('discente.cuneo@officina.demo');
const learner2 = await t.as('discente2.cuneo@officina.demo');
const bergamoLearner = await t.as('discente.bergamo@officina.demo');
const taskforce = await t.as('taskforce@officina.demo');
const anon = t.client();

const unitId = async (code: string) =>
  (await admin.get(`/api/v1/units?q=${code}`)).json().items[0].id as number;
const cuneo = await unitId('004');
const bergamo = await unitId('016');

const enrol = (c: typeof learner, editionId: number) => c.post('/api/v1/enrolments', { editionId });
const mailsTo = (email: string, subject: string) =>
  t.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.toAddress, email), like(outbox.subject, `%${subject}%`)));

describe('self-enrolment', () => {
  it('confirms while seats last, then waitlists, and shows seats left everywhere', async () => {
    const edition = await makeEdition(admin, { capacity: 1 });
    const first = await enrol(learner, edition.id);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ status: 'confirmed', userEmail: 'discente.cuneo@officina.demo' });
    const second = await enrol(learner2, edition.id);
    expect(second.json()).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect((await admin.get(`/api/v1/editions/${edition.id}`)).json().seatsLeft).toBe(0);
    const cal = await anon.get(`/api/v1/public/editions/${edition.id}`);
    expect(cal.json().seatsLeft).toBe(0);
    expect(await mailsTo('discente.cuneo@officina.demo', 'iscrizione confermata')).toHaveLength(1);
    expect(await mailsTo('discente2.cuneo@officina.demo', 'lista d’attesa')).toHaveLength(1);
  });

  it('refuses enrolling twice, anonymous, and outside the window, with clear messages', async () => {
    const edition = await makeEdition(admin);
    expect((await enrol(learner, edition.id)).statusCode).toBe(201);
    const again = await enrol(learner, edition.id);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ALREADY_ENROLLED');
    expect(again.json().message).toContain('già');
    expect((await enrol(anon, edition.id)).statusCode).toBe(401);

    const notYet = await makeEdition(admin, { opensInDays: 2, sessions: [{ day: 10 }] });
    const early = await enrol(learner, notYet.id);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('ENROLMENT_NOT_OPEN_YET');
    learner.lang = 'en';
    const earlyEn = await enrol(learner, notYet.id);
    expect(earlyEn.json().message).toMatch(
      /^Enrolment opens on \d{1,2} [A-Z][a-z]{2,3} \d{4} at \d\d:\d\d\.$/,
    );
    learner.lang = 'it';

    const closed = await makeEdition(admin, { opensInDays: -5, closesInDays: -1, sessions: [{ day: 3 }] });
    const late = await enrol(learner, closed.id);
    expect(late.json().code).toBe('ENROLMENT_CLOSED');

    const draft = await makeEdition(admin, { publish: false });
    expect((await enrol(learner, draft.id)).json().code).toBe('EDITION_NOT_OPEN');
    expect((await enrol(learner, 999_999)).statusCode).toBe(404);
  });

  it('refuses people whose Province is not eligible', async () => {
    const edition = await makeEdition(admin, { path: { eligibility: 'units', unitIds: [bergamo] } });
    const res = await enrol(learner, edition.id);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('NOT_ELIGIBLE');
    expect((await enrol(bergamoLearner, edition.id)).statusCode).toBe(201);
  });

  it('lets a learner cancel before the deadline only, and promotes the first on the waitlist', async () => {
    const edition = await makeEdition(admin, { capacity: 1 });
    const mine = (await enrol(learner, edition.id)).json() as Enrolment;
    expect(mine.cancellable).toBe(true);
    const waiting = (await enrol(learner2, edition.id)).json() as Enrolment;
    const third = (await enrol(bergamoLearner, edition.id)).json() as Enrolment;
    expect(third.waitlistPosition).toBe(2);
    expect((await learner2.post(`/api/v1/enrolments/${mine.id}/cancel`, {})).statusCode).toBe(404);
    const cancelled = await learner.post(`/api/v1/enrolments/${mine.id}/cancel`, {
      reason: 'Impegno di servizio',
    });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelReason: 'Impegno di servizio' });
    const promoted = (await learner2.get('/api/v1/me/enrolments'))
      .json()
      .items.find((e: Enrolment) => e.id === waiting.id);
    expect(promoted.status).toBe('confirmed');
    expect(await mailsTo('discente2.cuneo@officina.demo', 'si è liberato un posto')).toHaveLength(1);
    const stillWaiting = (await bergamoLearner.get('/api/v1/me/enrolments')).json().items[0];
    expect(stillWaiting).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect((await learner.post(`/api/v1/enrolments/${mine.id}/cancel`, {})).json().code).toBe(
      'ENROLMENT_NOT_ACTIVE',
    );

    const past = await makeEdition(admin, {
      cancellationClosesAt: new Date(Date.now() - 60_000).toISOString(),
      sessions: [{ day: 5 }],
    });
    const e = (await enrol(learner, past.id)).json() as Enrolment;
    expect(e.cancellable).toBe(false);
    const refused = await learner.post(`/api/v1/enrolments/${e.id}/cancel`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('CANCELLATION_CLOSED');
    // The Province officer can still cancel it.
    expect(
      (await officer.post(`/api/v1/enrolments/${e.id}/cancel`, { reason: 'Richiesta' })).statusCode,
    ).toBe(200);
  });
});

describe('approval by the Province officer', () => {
  it('keeps a request pending until the officer of the person’s Province decides', async () => {
    const edition = await makeEdition(admin, { approvalRequired: true, capacity: 1 });
    const req = (await enrol(learner, edition.id)).json() as Enrolment;
    expect(req.status).toBe('pending');
    expect(await mailsTo('discente.cuneo@officina.demo', 'iscrizione ricevuta')).toHaveLength(1);
    // Pending requests take no seat.
    expect((await admin.get(`/api/v1/editions/${edition.id}/seats`)).json()).toMatchObject({
      confirmed: 0,
      pending: 1,
      seatsLeft: 1,
    });
    expect(
      (await otherOfficer.post(`/api/v1/enrolments/${req.id}/decision`, { decision: 'approve' })).statusCode,
    ).toBe(404);
    expect(
      (await learner.post(`/api/v1/enrolments/${req.id}/decision`, { decision: 'approve' })).statusCode,
    ).toBe(404);
    const noReason = await officer.post(`/api/v1/enrolments/${req.id}/decision`, { decision: 'reject' });
    expect(noReason.statusCode).toBe(400);
    const ok = await officer.post(`/api/v1/enrolments/${req.id}/decision`, { decision: 'approve' });
    expect(ok.json()).toMatchObject({ status: 'confirmed' });
    expect(await mailsTo('discente.cuneo@officina.demo', 'iscrizione approvata')).toHaveLength(1);
    const twice = await officer.post(`/api/v1/enrolments/${req.id}/decision`, { decision: 'approve' });
    expect(twice.json().code).toBe('NOT_PENDING');

    // Approved when the seats are gone: the waitlist.
    const late = (await enrol(learner2, edition.id)).json() as Enrolment;
    const approved = await officer.post(`/api/v1/enrolments/${late.id}/decision`, { decision: 'approve' });
    expect(approved.json()).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
  });

  it('records a rejection with its reason and tells the person', async () => {
    const edition = await makeEdition(admin, { approvalRequired: true });
    const req = (await enrol(learner2, edition.id)).json() as Enrolment;
    const res = await officer.post(`/api/v1/enrolments/${req.id}/decision`, {
      decision: 'reject',
      reason: 'Percorso non coerente con il piano formativo',
    });
    expect(res.json()).toMatchObject({
      status: 'rejected',
      decisionReason: 'Percorso non coerente con il piano formativo',
    });
    const [mail] = await mailsTo('discente2.cuneo@officina.demo', 'non approvata');
    expect(mail?.textBody).toContain('Percorso non coerente con il piano formativo');
    // A rejected person may ask again.
    expect((await enrol(learner2, edition.id)).json().status).toBe('pending');
  });

  it('lets two officers deciding at once apply only one decision', async () => {
    const edition = await makeEdition(admin, { approvalRequired: true });
    const req = (await enrol(learner, edition.id)).json() as Enrolment;
    const [a, b] = await Promise.all([
      officer.post(`/api/v1/enrolments/${req.id}/decision`, { decision: 'approve' }),
      admin.post(`/api/v1/enrolments/${req.id}/decision`, {
        decision: 'reject',
        reason: 'Posti riservati ad altri',
      }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'enrolment'), eq(auditLog.entityId, String(req.id))));
    expect(
      audits.filter((x) => x.action === 'enrolment.approved' || x.action === 'enrolment.rejected'),
    ).toHaveLength(1);
  });
});

describe('nominations and Province scoping', () => {
  it('lets an officer nominate their own staff only, with one result per person', async () => {
    const edition = await makeEdition(admin, { approvalRequired: true });
    const a = await userByEmail(t, 'discente.cuneo@officina.demo');
    const b = await userByEmail(t, 'discente2.cuneo@officina.demo');
    const c = await userByEmail(t, 'discente.bergamo@officina.demo');
    const res = await officer.post('/api/v1/enrolments/nominations', {
      editionId: edition.id,
      userIds: [a.id, b.id, c.id],
    });
    expect(res.statusCode, res.body).toBe(200);
    const byUser = new Map(res.json().results.map((r: { userId: string }) => [r.userId, r]));
    // A nomination by the officer is the approval: confirmed at once.
    expect(byUser.get(a.id)).toMatchObject({ status: 'confirmed', error: null });
    expect(byUser.get(b.id)).toMatchObject({ status: 'confirmed' });
    expect(byUser.get(c.id)).toMatchObject({ status: null, enrolmentId: null });
    expect((byUser.get(c.id) as { error: string }).error).toContain('Persona non trovata');
    const again = await officer.post('/api/v1/enrolments/nominations', {
      editionId: edition.id,
      userIds: [a.id],
    });
    expect(again.json().results[0].error).toContain('già');
    expect(
      (await learner.post('/api/v1/enrolments/nominations', { editionId: edition.id, userIds: [a.id] }))
        .statusCode,
    ).toBe(403);
    // Trainers manage the catalogue, not people: they nominate nobody.
    const trainer = await t.as('formatore@officina.demo');
    const byTrainer = await trainer.post('/api/v1/enrolments/nominations', {
      editionId: edition.id,
      userIds: [a.id],
    });
    expect(byTrainer.statusCode).toBe(403);
  });

  it('shows each officer only their Province’s enrolments; admins and the task force see all', async () => {
    const edition = await makeEdition(admin);
    await enrol(learner, edition.id);
    await enrol(bergamoLearner, edition.id);
    const mine = (await officer.get(`/api/v1/enrolments?editionId=${edition.id}`)).json();
    expect(mine.items.map((e: Enrolment) => e.unitId)).toEqual([cuneo]);
    const theirs = (await otherOfficer.get(`/api/v1/enrolments?editionId=${edition.id}`)).json();
    expect(theirs.items.map((e: Enrolment) => e.unitId)).toEqual([bergamo]);
    expect((await admin.get(`/api/v1/enrolments?editionId=${edition.id}`)).json().total).toBe(2);
    expect((await taskforce.get(`/api/v1/enrolments?editionId=${edition.id}`)).json().total).toBe(2);
    expect((await admin.get(`/api/v1/enrolments?pathId=${edition.pathId}`)).json().total).toBe(2);
    expect((await admin.get(`/api/v1/enrolments?pathId=${edition.pathId + 1000}`)).json().total).toBe(0);
    expect((await learner.get('/api/v1/enrolments')).statusCode).toBe(403);
    // The officer of Bergamo cannot cancel a Cuneo enrolment.
    const cuneoOne = mine.items[0] as Enrolment;
    expect((await otherOfficer.post(`/api/v1/enrolments/${cuneoOne.id}/cancel`, {})).statusCode).toBe(404);
  });
});

describe('quotas and moves', () => {
  it('keeps reserved seats for a unit’s staff and gives a freed reserved seat to the first of that unit', async () => {
    const edition = await makeEdition(admin, { capacity: 2 });
    const q = await admin.put(`/api/v1/editions/${edition.id}/quotas`, {
      quotas: [{ unitId: bergamo, seats: 1 }],
    });
    expect(q.statusCode, q.body).toBe(200);
    expect(q.json().quotas).toEqual([expect.objectContaining({ unitId: bergamo, seats: 1, used: 0 })]);
    expect((await enrol(learner, edition.id)).json().status).toBe('confirmed');
    // The one seat left is Bergamo's.
    expect((await enrol(learner2, edition.id)).json().status).toBe('waitlisted');
    expect((await enrol(bergamoLearner, edition.id)).json().status).toBe('confirmed');
    expect((await officer.put(`/api/v1/editions/${edition.id}/quotas`, { quotas: [] })).statusCode).toBe(403);
    const over = await admin.put(`/api/v1/editions/${edition.id}/quotas`, {
      quotas: [{ unitId: cuneo, seats: 3 }],
    });
    expect(over.json().code).toBe('QUOTAS_OVER_CAPACITY');
  });

  it('moves a person to another edition, freeing the seat for the waitlist', async () => {
    const from = await makeEdition(admin, { capacity: 1 });
    const to = await makeEdition(admin, { capacity: 5 });
    const e = (await enrol(learner, from.id)).json() as Enrolment;
    const w = (await enrol(learner2, from.id)).json() as Enrolment;
    expect((await officer.post(`/api/v1/enrolments/${e.id}/move`, { toEditionId: to.id })).statusCode).toBe(
      403,
    );
    const moved = await admin.post(`/api/v1/enrolments/${e.id}/move`, { toEditionId: to.id });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ editionId: to.id, status: 'confirmed' });
    const mine = (await learner2.get('/api/v1/me/enrolments'))
      .json()
      .items.find((x: Enrolment) => x.id === w.id);
    expect(mine.status).toBe('confirmed');
    const old = (await learner.get('/api/v1/me/enrolments'))
      .json()
      .items.find((x: Enrolment) => x.id === e.id);
    expect(old.status).toBe('cancelled');
    const same = await admin.post(`/api/v1/enrolments/${moved.json().id}/move`, { toEditionId: to.id });
    expect(same.statusCode).toBe(400);
    const [mail] = await mailsTo('discente.cuneo@officina.demo', 'iscrizione spostata');
    expect(mail?.textBody).toContain('Il posto è confermato');

    // Only where the person may go: refused for a path reserved to other Provinces.
    const elsewhere = await makeEdition(admin, { path: { eligibility: 'units', unitIds: [bergamo] } });
    const refused = await admin.post(`/api/v1/enrolments/${moved.json().id}/move`, {
      toEditionId: elsewhere.id,
    });
    expect(refused.json().code).toBe('NOT_ELIGIBLE');
    // An edition whose enrolment is closed still takes a national move.
    const closed = await makeEdition(admin);
    await admin.post(`/api/v1/editions/${closed.id}/status`, { status: 'closed' });
    const late = await admin.post(`/api/v1/enrolments/${moved.json().id}/move`, { toEditionId: closed.id });
    expect(late.statusCode, late.body).toBe(200);
    expect((await enrol(learner2, closed.id)).json().code).toBe('EDITION_NOT_OPEN');
  });

  it('gives new seats to the waitlist when the capacity grows', async () => {
    const edition = await makeEdition(admin, { capacity: 1 });
    await enrol(learner, edition.id);
    const w = (await enrol(learner2, edition.id)).json() as Enrolment;
    const current = (await admin.get(`/api/v1/editions/${edition.id}`)).json();
    const res = await admin.patch(`/api/v1/editions/${edition.id}`, editionUpdate(current, { capacity: 2 }));
    expect(res.statusCode, res.body).toBe(200);
    const mine = (await learner2.get('/api/v1/me/enrolments'))
      .json()
      .items.find((x: Enrolment) => x.id === w.id);
    expect(mine.status).toBe('confirmed');
  });
});

describe('completion follows the enrolment and the edition’s rules', () => {
  it('withdraws completion when the share rises above what was attended, or the person is cancelled', async () => {
    const edition = await makeEdition(admin, { sessions: [{ day: -3 }, { day: -2 }], minAttendancePct: 75 });
    const e = await confirmedEnrolment(t, edition.id, 'discente.cuneo@officina.demo');
    const u = await userByEmail(t, 'discente.cuneo@officina.demo');
    for (const [i, s] of edition.sessions.entries()) {
      const res = await admin.put(`/api/v1/sessions/${s.id}/register`, {
        entries: [{ userId: u.id, present: true, lateMinutes: i === 1 ? 60 : 0, leftEarlyMinutes: 0 }],
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    // 240 + 180 of 480 minutes: 87.5%.
    expect((await enrolmentById(t, e.id))?.completedOn).toBe(edition.endsOn);
    const current = (await admin.get(`/api/v1/editions/${edition.id}`)).json();
    expect(
      (await admin.patch(`/api/v1/editions/${edition.id}`, editionUpdate(current, { minAttendancePct: 90 })))
        .statusCode,
    ).toBe(200);
    expect((await enrolmentById(t, e.id))?.completedOn).toBeNull();
    expect(
      (await admin.patch(`/api/v1/editions/${edition.id}`, editionUpdate(current, { minAttendancePct: 80 })))
        .statusCode,
    ).toBe(200);
    expect((await enrolmentById(t, e.id))?.completedOn).toBe(edition.endsOn);
    expect(
      (await admin.post(`/api/v1/enrolments/${e.id}/cancel`, { reason: 'Errore di iscrizione' })).statusCode,
    ).toBe(200);
    expect((await enrolmentById(t, e.id))?.completedOn).toBeNull();
  });
});

describe('what /me tells the web app each role may do', () => {
  it('matches the enrolment and attendance policies', async () => {
    const can = async (c: typeof admin) => (await c.get('/api/v1/me')).json().can;
    const trainer = await t.as('formatore@officina.demo');
    const flags = [
      'listEnrolments',
      'decideEnrolments',
      'administerEnrolments',
      'runSessions',
      'signLogbooks',
    ];
    const pick = (o: Record<string, boolean>) => flags.map((f) => o[f]);
    expect(pick(await can(admin))).toEqual([true, true, true, true, true]);
    expect(pick(await can(taskforce))).toEqual([true, false, false, false, false]);
    expect(pick(await can(officer))).toEqual([true, true, false, false, true]);
    expect(pick(await can(trainer))).toEqual([false, false, true, true, true]);
    expect(pick(await can(learner))).toEqual([false, false, false, false, false]);
  });
});
