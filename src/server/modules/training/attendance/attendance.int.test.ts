import { and, eq, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { AttendanceMatrix, Register } from '../../../../common/attendance.js';
import type { AuditAction } from '../../../../common/audit.js';
import { addDays } from '../../../../common/rome-time.js';
import {
  attendance,
  auditLog,
  editionSessions,
  enrolments,
  roleGrants,
  users,
} from '../../../db/schema/index.js';
import { createEventBus } from '../../../kernel/events.js';
import type { RequestContext } from '../../../kernel/principal.js';
import { startTestApp } from '../../../test/app.js';
import {
  confirmedEnrolment,
  enrolmentById,
  makeEdition,
  today,
  userByEmail,
} from '../../../test/training.js';
import { createLedger } from './ledger.js';
import { createAttendanceRepository } from './repository.js';

const t = await startTestApp();
const admin = await t.as('admin@officina.demo');
const learner = await t.as('discente.cuneo@officina.demo');
const officerCuneo = await t.as('referente.cuneo@officina.demo');
const officerBergamo = await t.as('referente.bergamo@officina.demo');
const officerSassari = await t.as('referente.sassari@officina.demo');
const taskforce = await t.as('taskforce@officina.demo');
const helpdesk = await t.as('helpdesk@officina.demo');

/** A trainer of one Province only: not a catalogue manager, so only their editions are theirs. */
async function localTrainer(email: string, name: string) {
  const ref = await userByEmail(t, 'discente.cuneo@officina.demo');
  const [u] = await t.db
    .insert(users)
    .values({ email, name, unitId: ref.unitId, passwordHash: ref.passwordHash })
    .returning();
  if (!u) throw new Error('trainer not created');
  await t.db.insert(roleGrants).values({ userId: u.id, role: 'trainer', unitId: ref.unitId });
  return { id: u.id, client: await t.as(email) };
}
const trainer = await localTrainer('formatrice.cuneo@officina.demo', 'Laura Formatrice');

const carlo = await userByEmail(t, 'discente.cuneo@officina.demo');
const giulia = await userByEmail(t, 'discente2.cuneo@officina.demo');
const marco = await userByEmail(t, 'discente.bergamo@officina.demo');
const anna = await userByEmail(t, 'discente.sassari@officina.demo');

const systemCtx: RequestContext = { actor: null, ip: null, requestId: null, lang: 'it' };

/** An edition with two past sessions (09:00–13:00) and Carlo, Giulia (Cuneo) and Marco (Bergamo) confirmed. */
async function pastEdition(spec: Parameters<typeof makeEdition>[1] = {}) {
  const edition = await makeEdition(admin, {
    sessions: [{ day: -2 }, { day: -1 }],
    trainerIds: [trainer.id],
    ...spec,
  });
  const e = {
    carlo: await confirmedEnrolment(t, edition.id, 'discente.cuneo@officina.demo'),
    giulia: await confirmedEnrolment(t, edition.id, 'discente2.cuneo@officina.demo'),
    marco: await confirmedEnrolment(t, edition.id, 'discente.bergamo@officina.demo'),
  };
  const [s1, s2] = edition.sessions.map((s) => s.id) as [number, number];
  return { edition, e, s1, s2 };
}

const entry = (userId: string, present = true, lateMinutes = 0, leftEarlyMinutes = 0) => ({
  userId,
  present,
  lateMinutes,
  leftEarlyMinutes,
});
const ledgerRow = async (sessionId: number, userId: string) =>
  (
    await t.db
      .select()
      .from(attendance)
      .where(and(eq(attendance.sessionId, sessionId), eq(attendance.userId, userId)))
  )[0];
const audits = (action: AuditAction, entityId: string) =>
  t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)));

describe('register', () => {
  it('lists the confirmed enrollees by name for the edition’s trainer, and refuses anyone else', async () => {
    const { s1 } = await pastEdition();
    const res = await trainer.client.get(`/api/v1/sessions/${s1}/register`);
    expect(res.statusCode, res.body).toBe(200);
    const reg = res.json() as Register;
    expect(reg.session).toMatchObject({ lengthMinutes: 240, mode: 'aula', status: 'scheduled' });
    expect(reg.session.pathTitle).toMatch(/^Percorso di prova/);
    expect(reg.started).toBe(true);
    expect(reg.people.map((p) => [p.name, p.unitName, p.attendance])).toEqual([
      ['Carlo Discente', 'Cuneo', null],
      ['Giulia Discente', 'Cuneo', null],
      ['Marco Discente', 'Bergamo', null],
    ]);
    for (const c of [learner, officerCuneo, helpdesk]) {
      const r = await c.get(`/api/v1/sessions/${s1}/register`);
      expect(r.statusCode).toBe(403);
      expect(r.json().code).toBe('FORBIDDEN');
    }
    expect((await t.client().get(`/api/v1/sessions/${s1}/register`)).statusCode).toBe(401);
    expect((await admin.get('/api/v1/sessions/99999999/register')).statusCode).toBe(404);
  });

  it('records minutes from presence, late arrival and early leaving, with an audit record each', async () => {
    const { s1 } = await pastEdition();
    const res = await trainer.client.put(`/api/v1/sessions/${s1}/register`, {
      entries: [entry(carlo.id), entry(giulia.id, true, 30, 15), entry(marco.id, false, 10, 0)],
    });
    expect(res.statusCode, res.body).toBe(200);
    const people = (res.json() as Register).people;
    expect(people.map((p) => [p.name, p.attendance?.minutes, p.attendance?.source])).toEqual([
      ['Carlo Discente', 240, 'register'],
      ['Giulia Discente', 195, 'register'],
      ['Marco Discente', 0, 'register'],
    ]);
    expect(people[1]?.attendance?.detail).toEqual({ present: true, late: 30, early: 15 });
    expect(people[2]?.attendance?.detail).toEqual({ present: false, late: 0, early: 0 });
    const recorded = await audits('attendance.recorded', `${s1}:${giulia.id}`);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]?.details).toMatchObject({ minutes: 195, source: 'register' });
    // Saving the same register again changes nothing and writes nothing.
    await trainer.client.put(`/api/v1/sessions/${s1}/register`, {
      entries: [entry(giulia.id, true, 30, 15)],
    });
    expect(await audits('attendance.corrected', `${s1}:${giulia.id}`)).toHaveLength(0);
  });

  it('refuses a non-trainer, people not enrolled, and late plus early longer than the session', async () => {
    const { s1 } = await pastEdition();
    for (const c of [learner, officerCuneo, helpdesk]) {
      const r = await c.put(`/api/v1/sessions/${s1}/register`, { entries: [entry(carlo.id)] });
      expect(r.statusCode).toBe(403);
    }
    const notEnrolled = await trainer.client.put(`/api/v1/sessions/${s1}/register`, {
      entries: [entry(carlo.id), entry(anna.id)],
    });
    expect(notEnrolled.statusCode).toBe(400);
    expect(notEnrolled.json()).toMatchObject({ code: 'NOT_ENROLLED' });
    expect(notEnrolled.json().message).toContain('iscrizione confermata');
    expect(notEnrolled.json().details[0].path).toBe('entries.1.userId');
    // All or nothing: Carlo's entry was not recorded either.
    expect(await ledgerRow(s1, carlo.id)).toBeUndefined();

    const tooLong = await trainer.client.put(`/api/v1/sessions/${s1}/register`, {
      entries: [entry(carlo.id, true, 200, 41)],
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().code).toBe('LATE_EARLY_TOO_LONG');
    expect(tooLong.json().message).toContain('240 minuti');
  });

  it('refuses a session that has not started, a cancelled session and a cancelled edition', async () => {
    const future = await makeEdition(admin, { sessions: [{ day: 3 }], trainerIds: [trainer.id] });
    await confirmedEnrolment(t, future.id, 'discente.cuneo@officina.demo');
    const sid = future.sessions[0]?.id as number;
    const early = await trainer.client.put(`/api/v1/sessions/${sid}/register`, {
      entries: [entry(carlo.id)],
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().code).toBe('SESSION_NOT_STARTED');
    expect(early.json().message).toContain('09:00');

    const { edition, s1, s2 } = await pastEdition();
    const cancel = await admin.post(`/api/v1/editions/${edition.id}/sessions/${s1}/cancel`, {
      reason: 'Aula non disponibile',
    });
    expect(cancel.statusCode, cancel.body).toBe(200);
    const r1 = await trainer.client.put(`/api/v1/sessions/${s1}/register`, { entries: [entry(carlo.id)] });
    expect(r1.statusCode).toBe(409);
    expect(r1.json().code).toBe('SESSION_CANCELLED');
    await admin.post(`/api/v1/editions/${edition.id}/status`, { status: 'cancelled', reason: 'Annullata' });
    const r2 = await trainer.client.put(`/api/v1/sessions/${s2}/register`, { entries: [entry(carlo.id)] });
    expect(r2.statusCode).toBe(409);
    expect(r2.json().code).toBe('EDITION_CANCELLED');
  });
});

describe('completion', () => {
  it('completes at the minimum share, and a correction withdraws it with an audit record', async () => {
    const { e, s1, s2 } = await pastEdition();
    await trainer.client.put(`/api/v1/sessions/${s1}/register`, { entries: [entry(carlo.id)] });
    expect(await enrolmentById(t, e.carlo.id)).toMatchObject({ minutesAttended: 240, completedOn: null });
    // 240 + 120 = 360 of 480 minutes: exactly 75%.
    await trainer.client.put(`/api/v1/sessions/${s2}/register`, { entries: [entry(carlo.id, true, 60, 60)] });
    expect(await enrolmentById(t, e.carlo.id)).toMatchObject({
      minutesAttended: 360,
      completedOn: addDays(today(), -1),
    });
    expect(await audits('enrolment.completed', String(e.carlo.id))).toHaveLength(1);

    const fix = await trainer.client.put(`/api/v1/sessions/${s2}/register`, {
      entries: [entry(carlo.id, true, 60, 61)],
    });
    expect(fix.statusCode, fix.body).toBe(200);
    expect(await enrolmentById(t, e.carlo.id)).toMatchObject({ minutesAttended: 359, completedOn: null });
    const corrected = await audits('attendance.corrected', `${s2}:${carlo.id}`);
    expect(corrected).toHaveLength(1);
    expect(corrected[0]?.details).toMatchObject({ from: 120, to: 119, source: 'register' });
    expect(corrected[0]?.actorEmail).toBe('formatrice.cuneo@officina.demo');
    expect(await audits('enrolment.completion_withdrawn', String(e.carlo.id))).toHaveLength(1);
  });

  it('needs a passed final test when required, recorded by the trainer and audited', async () => {
    const { e, s1, s2 } = await pastEdition({ finalTestRequired: true });
    for (const s of [s1, s2])
      await trainer.client.put(`/api/v1/sessions/${s}/register`, { entries: [entry(carlo.id)] });
    expect(await enrolmentById(t, e.carlo.id)).toMatchObject({ minutesAttended: 480, completedOn: null });
    const url = `/api/v1/enrolments/${e.carlo.id}/final-test`;
    expect((await learner.put(url, { passed: true })).statusCode).toBe(403);
    expect((await officerCuneo.put(url, { passed: true })).statusCode).toBe(403);
    const failed = await trainer.client.put(url, { passed: false });
    expect(failed.json()).toMatchObject({ complete: false, finalTestPassed: false, pct: 100 });
    const passed = await trainer.client.put(url, { passed: true });
    expect(passed.statusCode, passed.body).toBe(200);
    expect(passed.json()).toMatchObject({
      complete: true,
      completedOn: addDays(today(), -1),
      minutesScheduled: 480,
      minutesAttended: 480,
      finalTestPassed: true,
    });
    expect(await enrolmentById(t, e.carlo.id)).toMatchObject({ finalTestPassed: true });
    const records = await audits('enrolment.final_test', String(e.carlo.id));
    expect(records.map((r) => r.details)).toEqual([
      { from: null, to: false },
      { from: false, to: true },
    ]);
    const waitlisted = await t.db
      .insert(enrolments)
      .values({ editionId: e.carlo.editionId, userId: anna.id, unitId: anna.unitId, status: 'waitlisted' })
      .returning();
    const notConfirmed = await trainer.client.put(`/api/v1/enrolments/${waitlisted[0]?.id}/final-test`, {
      passed: true,
    });
    expect(notConfirmed.statusCode).toBe(409);
    expect(notConfirmed.json().code).toBe('NOT_ENROLLED');
  });

  it('recomputes when the catalogue cancels a session the person missed', async () => {
    const { edition, e, s1, s2 } = await pastEdition();
    await trainer.client.put(`/api/v1/sessions/${s1}/register`, { entries: [entry(carlo.id)] });
    expect((await enrolmentById(t, e.carlo.id))?.completedOn).toBeNull();
    const res = await admin.post(`/api/v1/editions/${edition.id}/sessions/${s2}/cancel`, {
      reason: 'Formatore assente',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await enrolmentById(t, e.carlo.id)).toMatchObject({
      minutesAttended: 240,
      completedOn: addDays(today(), -2),
    });
  });

  it('recomputes a whole edition when a session is cancelled, and tells completion.changed in the same transaction', async () => {
    const { edition, e, s1 } = await pastEdition();
    await trainer.client.put(`/api/v1/sessions/${s1}/register`, { entries: [entry(carlo.id)] });
    expect((await enrolmentById(t, e.carlo.id))?.completedOn).toBeNull();
    // The session Carlo missed is cancelled: 240 of 240 scheduled minutes.
    const s2 = edition.sessions[1]?.id as number;
    await t.db.update(editionSessions).set({ status: 'cancelled' }).where(eq(editionSessions.id, s2));
    const calls: number[] = [];
    const events = createEventBus();
    events.subscribe('test', {
      'completion.changed': async (tx, _ctx, { enrolmentId: id }) => {
        const [row] = await tx.select().from(enrolments).where(eq(enrolments.id, id));
        expect(row?.completedOn).toBe(addDays(today(), -2));
        calls.push(id);
      },
    });
    const ledger = createLedger({ repo: createAttendanceRepository(), audit: t.services.audit, events });
    await t.db.transaction((tx) => ledger.recomputeEdition(tx, systemCtx, edition.id));
    expect(calls).toEqual([e.carlo.id]);
    expect(await enrolmentById(t, e.carlo.id)).toMatchObject({ completedOn: addDays(today(), -2) });
    // Nothing changed: no second call.
    await t.db.transaction((tx) => t.services.attendance.recomputeEdition(tx, systemCtx, edition.id));
    await t.db.transaction((tx) => ledger.recomputeEdition(tx, systemCtx, edition.id));
    expect(calls).toEqual([e.carlo.id]);
  });
});

describe('online progress hook', () => {
  it('records online minutes through the service, with the ledger’s rules', async () => {
    const edition = await makeEdition(admin, {
      sessions: [{ day: -1, mode: 'online', start: '10:00', end: '11:30' }],
      minAttendancePct: 50,
    });
    const en = await confirmedEnrolment(t, edition.id, 'discente.cuneo@officina.demo');
    const sessionId = edition.sessions[0]?.id as number;
    const call = (userId: string, minutes: number) =>
      t.db.transaction((tx) =>
        t.services.attendance.recordOnlineProgress(tx, systemCtx, {
          sessionId,
          userId,
          minutes,
          completed: true,
        }),
      );
    await expect(call(carlo.id, 91)).rejects.toMatchObject({ code: 'ATTENDANCE_TOO_LONG', statusCode: 400 });
    await expect(call(carlo.id, 91)).rejects.toThrow(/90 minutes/);
    await expect(call(carlo.id, -1)).rejects.toMatchObject({ code: 'ATTENDANCE_TOO_LONG' });
    await expect(call(giulia.id, 30)).rejects.toMatchObject({ code: 'NOT_ENROLLED', statusCode: 403 });
    expect(await call(carlo.id, 45)).toMatchObject({
      minutes: 45,
      source: 'online',
      detail: { completed: true },
    });
    expect(await enrolmentById(t, en.id)).toMatchObject({
      minutesAttended: 45,
      completedOn: addDays(today(), -1),
    });
    expect(await audits('attendance.recorded', `${sessionId}:${carlo.id}`)).toHaveLength(1);
  });
});

describe('attendance matrix', () => {
  it('shows sessions × people to trainers and the task force, and only their Province to officers', async () => {
    const { edition, s1, s2 } = await pastEdition();
    await trainer.client.put(`/api/v1/sessions/${s1}/register`, {
      entries: [entry(carlo.id), entry(giulia.id, false), entry(marco.id, true, 0, 40)],
    });
    await trainer.client.put(`/api/v1/sessions/${s2}/register`, { entries: [entry(carlo.id)] });
    const url = `/api/v1/editions/${edition.id}/attendance`;
    const full = await trainer.client.get(url);
    expect(full.statusCode, full.body).toBe(200);
    const m = full.json() as AttendanceMatrix;
    expect(m.sessions.map((s) => [s.id, s.lengthMinutes])).toEqual([
      [s1, 240],
      [s2, 240],
    ]);
    expect(m.people.map((p) => [p.name, p.minutesAttended, p.pct, p.complete])).toEqual([
      ['Carlo Discente', 480, 100, true],
      ['Giulia Discente', 0, 0, false],
      ['Marco Discente', 200, 41.6, false],
    ]);
    expect(m.people[0]?.minutes).toEqual(
      expect.arrayContaining([
        { sessionId: s1, minutes: 240, source: 'register' },
        { sessionId: s2, minutes: 240, source: 'register' },
      ]),
    );
    expect(m.people[0]?.completedOn).toBe(addDays(today(), -1));
    expect((await taskforce.get(url)).json().people).toHaveLength(3);
    const names = async (c: typeof admin) =>
      ((await c.get(url)).json() as AttendanceMatrix).people.map((p) => p.name);
    expect(await names(officerCuneo)).toEqual(['Carlo Discente', 'Giulia Discente']);
    expect(await names(officerBergamo)).toEqual(['Marco Discente']);
    expect(await names(officerSassari)).toEqual([]);
    expect((await learner.get(url)).statusCode).toBe(403);
    expect((await helpdesk.get(url)).statusCode).toBe(403);
    expect((await admin.get('/api/v1/editions/99999999/attendance')).statusCode).toBe(404);
  });
});

describe('audit trail', () => {
  it('keeps who recorded what', async () => {
    const { s1 } = await pastEdition();
    await trainer.client.put(`/api/v1/sessions/${s1}/register`, { entries: [entry(marco.id)] });
    const [row] = await t.db
      .select()
      .from(auditLog)
      .where(and(like(auditLog.action, 'attendance.%'), eq(auditLog.entityId, `${s1}:${marco.id}`)));
    expect(row).toMatchObject({ actorEmail: 'formatrice.cuneo@officina.demo', entityType: 'attendance' });
    expect(row?.unitId).toBe(marco.unitId);
    expect((await ledgerRow(s1, marco.id))?.recordedBy).toBe(trainer.id);
  });
});
