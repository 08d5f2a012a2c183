import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../kernel/clock.js';
import { startTestApp } from '../../../test/app.js';
import { confirmedEnrolment, makeEdition } from '../../../test/training.js';

/** The app runs on a fixed clock years away from the real one; the session is set around that clock. */
const clock = fixedClock('2031-05-05T08:00:00Z');
const t = await startTestApp({}, { clock });
const MIN = 60_000;

describe('QR check-in window, at the app clock', () => {
  it('takes check-ins from half an hour before the start to the end, and refuses them outside', async () => {
    const admin = await t.as('admin@officina.demo');
    const edition = await makeEdition(admin, {
      now: clock.now(),
      sessions: [{ day: 5, start: '09:00', end: '13:00' }],
    });
    for (const email of ['discente.cuneo', 'discente2.cuneo', 'discente.sassari'])
      await confirmedEnrolment(t, edition.id, `${email}@officina.demo`);
    const session = edition.sessions[0];
    if (!session) throw new Error('no session');
    const startsAt = new Date(session.startsAt).getTime();
    const endsAt = new Date(session.endsAt).getTime();
    const code = await admin.post(`/api/v1/sessions/${session.id}/checkin-code`);
    expect(code.statusCode, code.body).toBe(200);
    const { token } = code.json() as { token: string };

    /** Scans the code at an instant, signed in then (sessions idle out after 8 hours of clock time). */
    const scan = async (email: string, at: number) => {
      clock.set(new Date(at));
      const learner = await t.as(`${email}@officina.demo`);
      const info = await learner.get(`/api/v1/checkin/${token}`);
      return { open: info.json().open as boolean, res: await learner.post(`/api/v1/checkin/${token}`) };
    };

    const tooEarly = await scan('discente.cuneo', startsAt - 31 * MIN);
    expect(tooEarly.open).toBe(false);
    expect(tooEarly.res.statusCode, tooEarly.res.body).toBe(409);
    expect(tooEarly.res.json()).toMatchObject({
      code: 'CHECKIN_CLOSED',
      message: expect.stringContaining('08:30'),
    });

    // Early arrivals count from the start.
    const early = await scan('discente.cuneo', startsAt - 29 * MIN);
    expect(early.open).toBe(true);
    expect(early.res.statusCode, early.res.body).toBe(200);
    expect(early.res.json()).toMatchObject({ minutes: 240, checkedInAt: clock.now().toISOString() });

    const late = await scan('discente2.cuneo', startsAt + 60 * MIN);
    expect(late.open).toBe(true);
    expect(late.res.statusCode, late.res.body).toBe(200);
    expect(late.res.json().minutes).toBe(180);

    const after = await scan('discente.sassari', endsAt + MIN);
    expect(after.open).toBe(false);
    expect(after.res.statusCode, after.res.body).toBe(409);
    expect(after.res.json().code).toBe('CHECKIN_CLOSED');
  });
});
