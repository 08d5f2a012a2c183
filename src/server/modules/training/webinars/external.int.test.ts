import { describe, expect, it } from 'vitest';
import { addDays } from '../../../../common/rome-time.js';
import { fixedClock } from '../../../kernel/clock.js';
import { startTestApp } from '../../../test/app.js';
import { at, confirmedEnrolment, makeEdition, today, userByEmail } from '../../../test/training.js';

// Without BBB_URL and BBB_SECRET: the session's own link, in the same window.
const day = addDays(today(), 1);
const clock = fixedClock(at(day, '07:00'));
const t = await startTestApp({}, { clock });
const admin = await t.as('admin@officina.demo');
const trainer = await t.as('formatore@officina.demo');
const carlo = await t.as('discente.cuneo@officina.demo');
const trainerId = (await userByEmail(t, 'formatore@officina.demo')).id;

describe('webinars on the session’s own link', () => {
  it('answer the link inside the window, keep it in my sessions, and have no room to end or record', async () => {
    const edition = await makeEdition(admin, {
      trainerIds: [trainerId],
      sessions: [
        { day: 1, mode: 'webinar', start: '10:00', end: '12:00' },
        { day: 1, start: '14:00', end: '16:00' },
      ],
    });
    await confirmedEnrolment(t, edition.id, 'discente.cuneo@officina.demo');
    const [webinar, classroom] = edition.sessions.map((s) => s.id) as [number, number];

    const early = await carlo.post(`/api/v1/me/sessions/${webinar}/join`, {});
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain('09:45');
    clock.set(at(day, '09:50'));
    const res = await carlo.post(`/api/v1/me/sessions/${webinar}/join`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      url: 'https://meet.example.org/officina',
      role: 'viewer',
      room: 'external',
    });
    expect((await carlo.post(`/api/v1/me/sessions/${classroom}/join`, {})).json().code).toBe('NOT_A_WEBINAR');

    const mine = (await carlo.get(`/api/v1/me/sessions?from=${day}&to=${day}`)).json() as {
      sessionId: number;
      onlineUrl: string | null;
      webinar: string | null;
    }[];
    expect(mine.find((s) => s.sessionId === webinar)).toMatchObject({
      onlineUrl: 'https://meet.example.org/officina',
      webinar: 'external',
    });
    expect(mine.find((s) => s.sessionId === classroom)?.webinar).toBeNull();

    const end = await trainer.post(`/api/v1/sessions/${webinar}/webinar/end`, {});
    expect(end.statusCode).toBe(409);
    expect(end.json().code).toBe('NO_PLATFORM_ROOM');
    expect((await trainer.get(`/api/v1/sessions/${webinar}/webinar/recordings`)).json()).toEqual({
      room: 'external',
      items: [],
    });
    // Without a shared secret no callback can be signed.
    const cb = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/webinars/analytics',
      headers: { authorization: 'Bearer a.b.c', 'content-type': 'application/json' },
      payload: '{}',
    });
    expect(cb.statusCode).toBe(401);
  });
});
