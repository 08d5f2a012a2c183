import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../../common/rome-time.js';
import { bbbApiUrl } from '../../../config.js';
import { attendance, auditLog } from '../../../db/schema/index.js';
import { fixedClock } from '../../../kernel/clock.js';
import { startTestApp } from '../../../test/app.js';
import { startBbbPeer } from '../../../test/bbb-peer.js';
import { at, confirmedEnrolment, makeEdition, today, userByEmail } from '../../../test/training.js';

const SECRET = 'peer-shared-secret-0123456789abcdef';
const peer = await startBbbPeer(SECRET);
const day = addDays(today(), 1);
// Everything happens tomorrow, from 07:00 Rome: sign-ins stay valid through the day's webinar.
const clock = fixedClock(at(day, '07:00'));
const t = await startTestApp(
  { bbb: { apiUrl: bbbApiUrl(peer.url), secret: SECRET, checksum: 'sha256' } },
  { clock },
);
const admin = await t.as('admin@officina.demo');
const trainer = await t.as('formatore@officina.demo');
const carlo = await t.as('discente.cuneo@officina.demo');
const giulia = await t.as('discente2.cuneo@officina.demo');
const marco = await t.as('discente.bergamo@officina.demo');
const carloId = (await userByEmail(t, 'discente.cuneo@officina.demo')).id;
const giuliaId = (await userByEmail(t, 'discente2.cuneo@officina.demo')).id;
const trainerId = (await userByEmail(t, 'formatore@officina.demo')).id;

/** Tomorrow's webinar, 10:00–12:00 Rome, trained by the demo trainer, with Carlo and Giulia confirmed. */
async function webinar() {
  clock.set(at(day, '07:00'));
  const edition = await makeEdition(admin, {
    trainerIds: [trainerId],
    sessions: [{ day: 1, mode: 'webinar', start: '10:00', end: '12:00' }],
  });
  await confirmedEnrolment(t, edition.id, 'discente.cuneo@officina.demo');
  await confirmedEnrolment(t, edition.id, 'discente2.cuneo@officina.demo');
  return { edition, sessionId: edition.sessions[0]?.id as number };
}

const join = (client: typeof carlo, sessionId: number) =>
  client.post(`/api/v1/me/sessions/${sessionId}/join`, {});

const ledgerRow = async (sessionId: number, userId: string) =>
  (
    await t.db
      .select()
      .from(attendance)
      .where(and(eq(attendance.sessionId, sessionId), eq(attendance.userId, userId)))
  )[0];

async function callback(body: unknown, token?: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/public/webinars/analytics',
    headers: {
      'content-type': 'application/json',
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
    },
    payload: JSON.stringify(body),
  });
}

describe('joining a webinar on BigBlueButton', () => {
  it('lets confirmed participants in from 15 minutes before to the end, with a signed VIEWER link', async () => {
    const { sessionId, edition } = await webinar();
    clock.set(at(day, '09:44'));
    const early = await join(carlo, sessionId);
    expect(early.statusCode, early.body).toBe(409);
    expect(early.json().code).toBe('WEBINAR_NOT_OPEN');
    expect(early.json().message).toContain('09:45');

    clock.set(at(day, '09:45'));
    const res = await join(carlo, sessionId);
    expect(res.statusCode, res.body).toBe(200);
    const answer = res.json() as { url: string; role: string; room: string };
    expect(answer).toMatchObject({ role: 'viewer', room: 'platform' });
    const url = new URL(answer.url);
    expect(url.pathname).toBe('/bigbluebutton/api/join');
    expect(url.searchParams.get('role')).toBe('VIEWER');
    expect(url.searchParams.get('userID')).toBe(carloId);
    expect(url.searchParams.get('checksum')).toMatch(/^[0-9a-f]{64}$/);

    // The meeting was created with the callback pointing back here, and the link passes the peer's check.
    const meetingId = url.searchParams.get('meetingID') ?? '';
    const meeting = peer.meetings.get(meetingId);
    expect(meeting?.params.get('name')).toContain(edition.title);
    expect(meeting?.params.get('meta_analytics-callback-url')).toBe(
      `${t.config.publicUrl}/api/v1/public/webinars/analytics`,
    );
    expect(meeting?.params.get('welcome')).toContain(edition.title);
    const followed = await fetch(answer.url, { redirect: 'manual' });
    expect(followed.status).toBe(302);
    expect(peer.calls.every((c) => c.valid)).toBe(true);

    // A second join creates nothing new (create is idempotent on the peer as on BBB).
    expect((await join(giulia, sessionId)).statusCode).toBe(200);
    expect(
      peer.calls.filter((c) => c.call === 'create' && c.params.get('meetingID') === meetingId),
    ).toHaveLength(2);

    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'webinar.joined'), eq(auditLog.entityId, String(sessionId))));
    expect(audits).toHaveLength(2);

    clock.set(at(day, '12:00'));
    const late = await join(carlo, sessionId);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('WEBINAR_CLOSED');
  });

  it('refuses people without a confirmed enrolment (403) and unknown sessions (404), in it and en', async () => {
    const { sessionId } = await webinar();
    clock.set(at(day, '10:00'));
    const res = await join(marco, sessionId);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('NOT_CONFIRMED');
    const en = await marco.request(
      'POST',
      `/api/v1/me/sessions/${sessionId}/join`,
      {},
      {
        headers: { 'accept-language': 'en' },
      },
    );
    expect(en.json().message).toContain('confirmed enrolment');
    expect((await join(carlo, 2_000_000_000)).statusCode).toBe(404);
    expect((await t.client().post(`/api/v1/me/sessions/${sessionId}/join`, {})).statusCode).toBe(401);
  });

  it('lets the edition’s trainer in as moderator from 30 minutes before, end the room and see recordings', async () => {
    const { sessionId } = await webinar();
    clock.set(at(day, '09:29'));
    expect((await join(trainer, sessionId)).json().code).toBe('WEBINAR_NOT_OPEN');
    clock.set(at(day, '09:30'));
    const res = await join(trainer, sessionId);
    expect(res.statusCode, res.body).toBe(200);
    const url = new URL(res.json().url);
    expect(res.json().role).toBe('moderator');
    expect(url.searchParams.get('role')).toBe('MODERATOR');
    const meetingId = url.searchParams.get('meetingID') ?? '';

    peer.recordings.set(meetingId, [
      { recordID: 'rec-1', published: true, url: 'https://bbb.example.org/playback/presentation/2.3/rec-1' },
      { recordID: 'rec-2', published: false, url: 'https://bbb.example.org/playback/presentation/2.3/rec-2' },
    ]);
    const mine = await trainer.get(`/api/v1/sessions/${sessionId}/webinar/recordings`);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().items.map((r: { recordId: string }) => r.recordId)).toEqual(['rec-1', 'rec-2']);
    // Participants: nothing before the end, then only what is published.
    expect((await carlo.get(`/api/v1/sessions/${sessionId}/webinar/recordings`)).json().items).toEqual([]);
    expect((await marco.get(`/api/v1/sessions/${sessionId}/webinar/recordings`)).statusCode).toBe(403);

    expect((await carlo.post(`/api/v1/sessions/${sessionId}/webinar/end`, {})).statusCode).toBe(403);
    const end = await trainer.post(`/api/v1/sessions/${sessionId}/webinar/end`, {});
    expect(end.statusCode, end.body).toBe(200);
    expect(peer.meetings.has(meetingId)).toBe(false);
    const again = await trainer.post(`/api/v1/sessions/${sessionId}/webinar/end`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('WEBINAR_NOT_RUNNING');

    clock.set(at(day, '12:30'));
    const after = await carlo.get(`/api/v1/sessions/${sessionId}/webinar/recordings`);
    expect(after.json().items.map((r: { recordId: string }) => r.recordId)).toEqual(['rec-1']);
    // Moderators may still come back after the end.
    expect((await join(trainer, sessionId)).statusCode).toBe(200);
  });
});

describe('lists and feeds with the platform’s room', () => {
  it('give no link to the room: my sessions and my teaching say where it is held, the feed points to my sessions', async () => {
    const { sessionId } = await webinar();
    const mine = (await carlo.get(`/api/v1/me/sessions?from=${day}&to=${day}`)).json() as {
      sessionId: number;
      onlineUrl: string | null;
      webinar: string | null;
    }[];
    expect(mine.find((s) => s.sessionId === sessionId)).toMatchObject({
      onlineUrl: null,
      webinar: 'platform',
    });
    const teaching = (await trainer.get(`/api/v1/me/teaching?from=${day}&to=${day}`)).json().items as {
      id: number;
      webinar: string | null;
    }[];
    expect(teaching.find((s) => s.id === sessionId)?.webinar).toBe('platform');

    const feed = (await carlo.post('/api/v1/me/calendar-feed')).json().url as string;
    const ics = (await carlo.get(new URL(feed).pathname)).body;
    expect(ics).toContain('/la-mia-formazione/sessioni');
    expect(ics).not.toContain('meet.example.org');
    expect(ics).not.toContain('checksum');
    expect(ics).not.toContain('bigbluebutton');
  });
});

describe('BigBlueButton’s analytics callback', () => {
  it('turns join and leave times into ledger minutes, matched by account id, and replays change nothing', async () => {
    const { sessionId } = await webinar();
    clock.set(at(day, '10:00'));
    const url = new URL((await join(carlo, sessionId)).json().url);
    const meetingId = url.searchParams.get('meetingID') ?? '';
    clock.set(at(day, '12:10'));
    const ruby = (time: string) => {
      // The callback writes Ruby's Time#to_s: "2026-12-01 10:05:00 +0100".
      const d = new Date(at(day, time));
      return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 19)} +0000`;
    };
    const body = {
      version: '1.0',
      meeting_id: meetingId,
      internal_meeting_id: 'abc-1',
      data: {
        metadata: { meeting_name: 'x' },
        start: ruby('09:58'),
        finish: ruby('12:05'),
        attendees: [
          // Carlo: 09:50–10:30 and 10:40 until the end (left open: the meeting ended under him).
          {
            ext_user_id: carloId,
            name: 'Carlo',
            moderator: false,
            joins: [ruby('09:50'), ruby('10:40')],
            leaves: [ruby('10:30')],
          },
          // Giulia in the same room from two devices.
          {
            ext_user_id: giuliaId,
            name: 'Giulia',
            moderator: false,
            joins: [ruby('10:00'), ruby('10:10')],
            leaves: [ruby('11:00'), ruby('10:20')],
          },
          {
            ext_user_id: trainerId,
            name: 'Docente',
            moderator: true,
            joins: [ruby('09:30')],
            leaves: [ruby('12:05')],
          },
          {
            ext_user_id: 'w_guest1',
            name: 'Ospite',
            moderator: false,
            joins: [ruby('10:00')],
            leaves: [ruby('10:30')],
          },
        ],
      },
    };
    const token = await peer.token({ expiresAt: new Date(at(day, '13:00')) });
    const res = await callback(body, token);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ recorded: 2, skipped: 2 });
    // 10:00–10:30 + 10:40–12:00 (clipped to the session) = 110 minutes.
    const carloRow = await ledgerRow(sessionId, carloId);
    expect(carloRow).toMatchObject({ minutes: 110, source: 'webinar' });
    expect((await ledgerRow(sessionId, giuliaId))?.minutes).toBe(60);

    const replay = await callback(body, token);
    expect(replay.json()).toEqual({ recorded: 2, skipped: 2 });
    expect((await ledgerRow(sessionId, carloId))?.minutes).toBe(110);
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'attendance'), eq(auditLog.entityId, `${sessionId}:${carloId}`)));
    expect(audits).toHaveLength(1);

    // Fewer minutes later (a partial replay) keep the higher figure.
    const less = structuredClone(body);
    less.data.attendees = [
      { ...body.data.attendees[0], joins: [ruby('10:00')], leaves: [ruby('10:05')] },
    ] as typeof body.data.attendees;
    expect((await callback(less, token)).statusCode).toBe(200);
    expect((await ledgerRow(sessionId, carloId))?.minutes).toBe(110);
  });

  it('refuses a missing, forged, expired or wrongly signed token with 401, and a foreign meeting with 404', async () => {
    const { sessionId } = await webinar();
    const meetingId = `officina-0000000000-session-${sessionId}`;
    const body = { meeting_id: meetingId, data: { attendees: [] } };
    clock.set(at(day, '12:10'));
    const valid = { expiresAt: new Date(at(day, '13:00')) };
    expect((await callback(body)).statusCode).toBe(401);
    expect((await callback(body, 'not-a-jwt')).statusCode).toBe(401);
    const forged = await callback(
      body,
      await peer.token({ ...valid, secret: 'another-secret-another-secret-xx' }),
    );
    expect(forged.statusCode).toBe(401);
    expect(forged.json().code).toBe('INVALID_TOKEN');
    expect(
      (await callback(body, await peer.token({ expiresAt: new Date(at(day, '12:00')) }))).statusCode,
    ).toBe(401);
    expect((await callback(body, await peer.token({ ...valid, alg: 'HS256' }))).statusCode).toBe(401);
    // Signed, but not a meeting of this platform.
    expect((await callback(body, await peer.token(valid))).statusCode).toBe(404);
    // A bad body from a signed caller is a 400.
    expect((await callback({ meeting_id: 1 }, await peer.token(valid))).statusCode).toBe(400);
  });
});
