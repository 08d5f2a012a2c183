import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { romeTime } from '../../../../common/rome-time.js';
import { attendance, auditLog, editionSessions } from '../../../db/schema/index.js';
import { startTestApp } from '../../../test/app.js';
import { confirmedEnrolment, makeEdition, userByEmail } from '../../../test/training.js';

const t = await startTestApp({ publicUrl: 'https://officina.example.it' });
const admin = await t.as('admin@officina.demo');
const learner = await t.as('discente.cuneo@officina.demo');
const learner2 = await t.as('discente2.cuneo@officina.demo');
const outsider = await t.as('discente.sassari@officina.demo');
const carlo = await userByEmail(t, 'discente.cuneo@officina.demo');
const giulia = await userByEmail(t, 'discente2.cuneo@officina.demo');

const MIN = 60_000;

/**
 * An edition from yesterday to tomorrow whose sessions are then moved to times around now, so the
 * check-in window is tested with the real clock at any hour of the day.
 */
async function sessionsAroundNow(spans: [number, number][]) {
  const edition = await makeEdition(admin, {
    sessions: spans.map((_, i) => ({ day: i % 2 ? 1 : -1 })),
  });
  await confirmedEnrolment(t, edition.id, 'discente.cuneo@officina.demo');
  await confirmedEnrolment(t, edition.id, 'discente2.cuneo@officina.demo');
  const now = Date.now();
  const ids: number[] = [];
  for (const [i, [from, to]] of spans.entries()) {
    const id = edition.sessions[i]?.id as number;
    await t.db
      .update(editionSessions)
      .set({ startsAt: new Date(now + from * MIN), endsAt: new Date(now + to * MIN) })
      .where(eq(editionSessions.id, id));
    ids.push(id);
  }
  return { edition, ids };
}

const code = async (sessionId: number) => {
  const res = await admin.post(`/api/v1/sessions/${sessionId}/checkin-code`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { token: string; url: string; opensAt: string; closesAt: string; svg: string };
};
const ledgerRow = async (sessionId: number, userId: string) =>
  (
    await t.db
      .select()
      .from(attendance)
      .where(and(eq(attendance.sessionId, sessionId), eq(attendance.userId, userId)))
  )[0];

describe('QR check-in', () => {
  it('gives trainers one code per session with its address, window and QR code', async () => {
    const { ids } = await sessionsAroundNow([[-10, 50]]);
    const sid = ids[0] as number;
    const first = await code(sid);
    expect(first.token).toMatch(/^[\w-]{43}$/);
    expect(first.url).toBe(`https://officina.example.it/presenze/${first.token}`);
    expect(first.svg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    const [s] = await t.db.select().from(editionSessions).where(eq(editionSessions.id, sid));
    expect(first.opensAt).toBe(new Date((s?.startsAt.getTime() ?? 0) - 30 * MIN).toISOString());
    expect(first.closesAt).toBe(s?.endsAt.toISOString());
    expect((await code(sid)).token).toBe(first.token);
    const created = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'checkin.code_created'), eq(auditLog.entityId, String(sid))));
    expect(created).toHaveLength(1);
    expect((await learner.post(`/api/v1/sessions/${sid}/checkin-code`)).statusCode).toBe(403);
    expect((await admin.post('/api/v1/sessions/99999999/checkin-code')).statusCode).toBe(404);
  });

  it('records from the check-in to the end of a session under way', async () => {
    const { ids } = await sessionsAroundNow([[-10, 50]]);
    const sid = ids[0] as number;
    const { token } = await code(sid);
    const info = await learner.get(`/api/v1/checkin/${token}`);
    expect(info.statusCode, info.body).toBe(200);
    expect(info.json()).toMatchObject({
      open: true,
      enrolled: true,
      minutes: null,
      sessionTitle: 'Sessione 1',
    });

    const res = await learner.post(`/api/v1/checkin/${token}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { minutes: number; checkedInAt: string };
    const row = await ledgerRow(sid, carlo.id);
    const [s] = await t.db.select().from(editionSessions).where(eq(editionSessions.id, sid));
    const expected = Math.floor(((s?.endsAt.getTime() ?? 0) - new Date(body.checkedInAt).getTime()) / MIN);
    expect(body.minutes).toBe(expected);
    expect(expected).toBeGreaterThanOrEqual(48);
    expect(expected).toBeLessThanOrEqual(50);
    expect(row).toMatchObject({ minutes: expected, source: 'qr', detail: { checkedInAt: body.checkedInAt } });
    expect((await learner.get(`/api/v1/checkin/${token}`)).json().minutes).toBe(expected);

    // Scanning again later never lowers what was recorded.
    const again = await learner.post(`/api/v1/checkin/${token}`);
    expect(again.json().minutes).toBe(expected);
    expect((await ledgerRow(sid, carlo.id))?.detail).toEqual({ checkedInAt: body.checkedInAt });
  });

  it('counts from the start when checking in early, and keeps a higher register figure', async () => {
    const { ids } = await sessionsAroundNow([[20, 80]]);
    const sid = ids[0] as number;
    const { token } = await code(sid);
    const res = await learner.post(`/api/v1/checkin/${token}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().minutes).toBe(60);

    const { ids: now } = await sessionsAroundNow([[-30, 30]]);
    const sid2 = now[0] as number;
    const reg = await admin.put(`/api/v1/sessions/${sid2}/register`, {
      entries: [{ userId: giulia.id, present: true, lateMinutes: 0, leftEarlyMinutes: 0 }],
    });
    expect(reg.statusCode, reg.body).toBe(200);
    const late = await learner2.post(`/api/v1/checkin/${(await code(sid2)).token}`);
    expect(late.statusCode).toBe(200);
    expect(late.json().minutes).toBe(60);
    expect(await ledgerRow(sid2, giulia.id)).toMatchObject({ minutes: 60, source: 'register' });
  });

  it('refuses outside the window, telling the window in Italian time', async () => {
    const { ids } = await sessionsAroundNow([
      [180, 240],
      [-180, -60],
    ]);
    const [future, past] = ids as [number, number];
    const { token, opensAt, closesAt } = await code(future);
    const res = await learner.post(`/api/v1/checkin/${token}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('CHECKIN_CLOSED');
    // Both ends in Rome time (with their days when the window spans midnight).
    expect(res.json().message).toMatch(
      new RegExp(`${romeTime(new Date(opensAt))} (alle|al .+) ${romeTime(new Date(closesAt))}`),
    );
    expect(res.json().message).toContain('ora italiana');
    learner.lang = 'en';
    expect((await learner.post(`/api/v1/checkin/${token}`)).json().message).toContain('Italian time');
    learner.lang = 'it';
    expect((await learner.get(`/api/v1/checkin/${token}`)).json().open).toBe(false);

    const closed = await learner.post(`/api/v1/checkin/${(await code(past)).token}`);
    expect(closed.statusCode).toBe(409);
    expect(closed.json().code).toBe('CHECKIN_CLOSED');
    expect(await ledgerRow(future, carlo.id)).toBeUndefined();
    expect(await ledgerRow(past, carlo.id)).toBeUndefined();
  });

  it('refuses people not enrolled, unknown codes and anonymous requests', async () => {
    const { ids } = await sessionsAroundNow([[-10, 50]]);
    const { token } = await code(ids[0] as number);
    const res = await outsider.post(`/api/v1/checkin/${token}`);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('NOT_ENROLLED');
    expect(res.json().message).toContain('iscrizione confermata');
    expect((await outsider.get(`/api/v1/checkin/${token}`)).json()).toMatchObject({ enrolled: false });
    const unknown = await learner.post(`/api/v1/checkin/${'x'.repeat(43)}`);
    expect(unknown.statusCode).toBe(404);
    expect((await t.client().get(`/api/v1/checkin/${token}`)).statusCode).toBe(401);
    expect((await t.client().post(`/api/v1/checkin/${token}`)).statusCode).toBe(401);
  });
});
