import { and, eq, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { LogbookEntry } from '../../../../common/attendance.js';
import { addDays } from '../../../../common/rome-time.js';
import { attendance, auditLog, coachingLogs, roleGrants, users } from '../../../db/schema/index.js';
import { startTestApp } from '../../../test/app.js';
import {
  confirmedEnrolment,
  enrolmentById,
  makeEdition,
  today,
  userByEmail,
} from '../../../test/training.js';

const t = await startTestApp();
const admin = await t.as('admin@officina.demo');
const learner = await t.as('discente.cuneo@officina.demo');
const learner2 = await t.as('discente2.cuneo@officina.demo');
const officer = await t.as('referente.cuneo@officina.demo');
const otherOfficer = await t.as('referente.bergamo@officina.demo');
const carlo = await userByEmail(t, 'discente.cuneo@officina.demo');

/** A coach: a trainer of one Province, not a catalogue manager. */
async function localTrainer(email: string, name: string) {
  const [u] = await t.db
    .insert(users)
    .values({ email, name, unitId: carlo.unitId, passwordHash: carlo.passwordHash })
    .returning();
  if (!u) throw new Error('trainer not created');
  await t.db.insert(roleGrants).values({ userId: u.id, role: 'trainer', unitId: carlo.unitId });
  return { id: u.id, client: await t.as(email) };
}
const coach = await localTrainer('tutor.cuneo@officina.demo', 'Tiziana Tutor');

/** An aula day, then two affiancamento days (09:00–13:00, 240 minutes each); Carlo confirmed. */
async function affiancamento() {
  const edition = await makeEdition(admin, {
    sessions: [
      { day: -3, title: 'Aula introduttiva' },
      { day: -2, mode: 'affiancamento', title: 'Affiancamento 1' },
      { day: -1, mode: 'affiancamento', title: 'Affiancamento 2' },
    ],
    trainerIds: [coach.id],
    path: { deliveryModes: ['aula', 'affiancamento'] },
  });
  const enrolment = await confirmedEnrolment(t, edition.id, 'discente.cuneo@officina.demo');
  const [, aff1, aff2] = edition.sessions.map((s) => s.id) as [number, number, number];
  return { edition, enrolment, aff1, aff2, url: `/api/v1/enrolments/${enrolment.id}/logbook` };
}

const activities = 'Istruttoria di due pratiche SUA con il tutor';
const ledgerRow = async (sessionId: number) =>
  (
    await t.db
      .select()
      .from(attendance)
      .where(and(eq(attendance.sessionId, sessionId), eq(attendance.userId, carlo.id)))
  )[0];

describe('affiancamento logbook', () => {
  it('takes entries from the learner for days of affiancamento sessions only', async () => {
    const { aff1, url } = await affiancamento();
    const res = await learner.post(url, { day: addDays(today(), -2), minutes: 120, activities });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ sessionId: aff1, sessionTitle: 'Affiancamento 1', credited: false });

    const refuse = async (body: object, code: string) => {
      const r = await learner.post(url, { day: addDays(today(), -2), minutes: 60, activities, ...body });
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json().code).toBe(code);
      return r.json().message as string;
    };
    await refuse({ minutes: 50 }, 'VALIDATION_ERROR');
    await refuse({ minutes: 0 }, 'VALIDATION_ERROR');
    await refuse({ activities: 'poco' }, 'VALIDATION_ERROR');
    expect(await refuse({ day: addDays(today(), -3) }, 'DAY_OUTSIDE_AFFIANCAMENTO')).toContain(
      'affiancamento',
    );
    await refuse({ day: addDays(today(), 1) }, 'DAY_IN_FUTURE');
    expect(await refuse({ minutes: 255 }, 'ATTENDANCE_TOO_LONG')).toContain('240');

    // Only the learner writes their logbook; others who can read it get 403, the rest 404.
    expect((await officer.post(url, { day: addDays(today(), -2), minutes: 60, activities })).statusCode).toBe(
      403,
    );
    expect(
      (await learner2.post(url, { day: addDays(today(), -2), minutes: 60, activities })).statusCode,
    ).toBe(404);
  });

  it('is read by the learner, the coach, their Province officer and managers only', async () => {
    const { url } = await affiancamento();
    await learner.post(url, { day: addDays(today(), -2), minutes: 60, activities });
    for (const c of [learner, coach.client, officer, admin]) {
      const r = await c.get(url);
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().entries).toHaveLength(1);
      expect(r.json().learnerName).toBe('Carlo Discente');
    }
    for (const c of [otherOfficer, learner2]) expect((await c.get(url)).statusCode).toBe(404);
  });

  it('lets the owner change or delete an entry only until somebody signs it', async () => {
    const { url } = await affiancamento();
    const a = (await learner.post(url, { day: addDays(today(), -2), minutes: 60, activities })).json();
    const b = (await learner.post(url, { day: addDays(today(), -1), minutes: 30, activities })).json();
    const moved = await learner.patch(`/api/v1/logbook/${a.id}`, {
      day: addDays(today(), -1),
      minutes: 90,
      activities,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ sessionTitle: 'Affiancamento 2', minutes: 90 });
    expect(
      (await officer.patch(`/api/v1/logbook/${a.id}`, { day: addDays(today(), -1), minutes: 15, activities }))
        .statusCode,
    ).toBe(403);
    expect((await learner.delete(`/api/v1/logbook/${b.id}`)).statusCode).toBe(200);
    expect(await t.db.select().from(coachingLogs).where(eq(coachingLogs.id, b.id))).toEqual([]);

    expect((await coach.client.post(`/api/v1/logbook/${a.id}/sign`, { as: 'coach' })).statusCode).toBe(200);
    const patch = await learner.patch(`/api/v1/logbook/${a.id}`, {
      day: addDays(today(), -1),
      minutes: 15,
      activities,
    });
    expect(patch.statusCode).toBe(409);
    expect(patch.json().code).toBe('ENTRY_SIGNED');
    expect((await learner.delete(`/api/v1/logbook/${a.id}`)).json().code).toBe('ENTRY_SIGNED');
    const actions = await t.db.select().from(auditLog).where(like(auditLog.action, 'logbook.%'));
    expect(actions.map((x) => x.action)).toEqual(
      expect.arrayContaining([
        'logbook.entry_added',
        'logbook.entry_updated',
        'logbook.entry_deleted',
        'logbook.signed',
      ]),
    );
  });

  it('credits the minutes once coach and officer have both signed', async () => {
    const { enrolment, aff1, url } = await affiancamento();
    const entry = (
      await learner.post(url, { day: addDays(today(), -2), minutes: 120, activities })
    ).json() as LogbookEntry;
    const sign = (c: typeof admin, as: 'coach' | 'officer', id = entry.id) =>
      c.post(`/api/v1/logbook/${id}/sign`, { as });

    const awaiting = async (c: typeof admin) =>
      (
        (await c.get('/api/v1/logbook/awaiting')).json().items as { id: number; awaitingAs: string[] }[]
      ).filter((i) => i.id === entry.id);
    expect(await awaiting(coach.client)).toEqual([expect.objectContaining({ awaitingAs: ['coach'] })]);
    expect(await awaiting(officer)).toEqual([expect.objectContaining({ awaitingAs: ['officer'] })]);
    expect(await awaiting(otherOfficer)).toEqual([]);
    expect(await awaiting(learner)).toEqual([]);

    // Wrong people, wrong roles.
    expect((await sign(otherOfficer, 'officer')).statusCode).toBe(404);
    expect((await sign(learner2, 'coach')).statusCode).toBe(404);
    expect((await sign(coach.client, 'officer')).json().code).toBe('NOT_OFFICER');
    expect((await sign(officer, 'coach')).json().code).toBe('NOT_COACH');
    expect((await sign(learner, 'coach')).statusCode).toBe(403);

    const first = await sign(coach.client, 'coach');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ coachName: 'Tiziana Tutor', credited: false });
    expect((await sign(coach.client, 'coach')).json().code).toBe('ALREADY_SIGNED');
    expect(await ledgerRow(aff1)).toBeUndefined();
    expect(await awaiting(coach.client)).toEqual([]);

    const second = await sign(officer, 'officer');
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json()).toMatchObject({ officerName: 'Chiara Referente', credited: true });
    expect(await ledgerRow(aff1)).toMatchObject({
      minutes: 120,
      source: 'logbook',
      detail: { entries: [entry.id] },
    });
    expect(await enrolmentById(t, enrolment.id)).toMatchObject({ minutesAttended: 120 });
    expect(await awaiting(officer)).toEqual([]);
  });

  it('refuses the signature that would take a session beyond its length, and lets admins sign as officer', async () => {
    const { aff1, aff2, url, enrolment } = await affiancamento();
    const post = async (day: number, minutes: number) =>
      (await learner.post(url, { day: addDays(today(), day), minutes, activities })).json() as LogbookEntry;
    const a = await post(-2, 180);
    const b = await post(-2, 90);
    for (const e of [a, b])
      expect((await coach.client.post(`/api/v1/logbook/${e.id}/sign`, { as: 'coach' })).statusCode).toBe(200);
    expect((await admin.post(`/api/v1/logbook/${a.id}/sign`, { as: 'officer' })).statusCode).toBe(200);
    const over = await officer.post(`/api/v1/logbook/${b.id}/sign`, { as: 'officer' });
    expect(over.statusCode).toBe(400);
    expect(over.json().code).toBe('ATTENDANCE_TOO_LONG');
    expect(over.json().message).toContain('270 minuti firmati su 240');
    // Nothing of the refused signature remains.
    const [kept] = await t.db.select().from(coachingLogs).where(eq(coachingLogs.id, b.id));
    expect(kept?.officerSignedAt).toBeNull();
    expect(await ledgerRow(aff1)).toMatchObject({ minutes: 180 });

    // Both affiancamento days fully signed: 180 + 240 of 720 scheduled minutes (58%), not complete.
    const c = await post(-1, 240);
    await coach.client.post(`/api/v1/logbook/${c.id}/sign`, { as: 'coach' });
    await officer.post(`/api/v1/logbook/${c.id}/sign`, { as: 'officer' });
    expect(await ledgerRow(aff2)).toMatchObject({ minutes: 240 });
    expect(await enrolmentById(t, enrolment.id)).toMatchObject({ minutesAttended: 420, completedOn: null });
  });
});
