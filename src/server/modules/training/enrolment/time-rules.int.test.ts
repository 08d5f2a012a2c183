import { and, eq, inArray, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Edition } from '../../../../common/catalogue.js';
import { romeDate, romeInstant } from '../../../../common/rome-time.js';
import { outbox, sessionReminders } from '../../../db/schema/index.js';
import { fixedClock } from '../../../kernel/clock.js';
import { startTestApp } from '../../../test/app.js';
import { confirmedEnrolment, makeEdition } from '../../../test/training.js';

/**
 * The app runs on a fixed clock years away from the real one, and every edition is laid out around
 * that clock: a rule that read the system clock instead would refuse or miss everything here.
 */
const clock = fixedClock('2031-01-10T09:00:00Z');
const t = await startTestApp({ outboxIntervalMs: 3_600_000 }, { clock });
const MIN = 60_000;

/** Signs in at the clock's instant (sessions idle out after 8 hours of clock time). */
const as = (email: string) => t.as(email);

/** Days from one Rome date to another (both YYYY-MM-DD). */
const daysFrom = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

describe('enrolment window and cancellation deadline, at the app clock', () => {
  it('takes self-enrolment once the window opens and until it closes, and refuses it after', async () => {
    clock.set('2031-01-10T09:00:00Z');
    const edition = await makeEdition(await as('admin@officina.demo'), {
      now: clock.now(),
      sessions: [{ day: 40 }, { day: 41 }],
      opensInDays: 10,
      closesInDays: 30,
    });
    const opens = new Date(edition.enrolmentOpensAt);
    const closes = new Date(edition.enrolmentClosesAt);
    const enrol = async (email: string) =>
      (await as(email)).post('/api/v1/enrolments', { editionId: edition.id });

    clock.set(new Date(opens.getTime() - MIN));
    const early = await enrol('discente.cuneo@officina.demo');
    expect(early.statusCode, early.body).toBe(409);
    expect(early.json().code).toBe('ENROLMENT_NOT_OPEN_YET');

    clock.set(new Date(closes.getTime() - MIN));
    const inTime = await enrol('discente.cuneo@officina.demo');
    expect(inTime.statusCode, inTime.body).toBe(201);
    expect(inTime.json()).toMatchObject({ status: 'confirmed', confirmedAt: clock.now().toISOString() });

    clock.set(closes);
    const late = await enrol('discente2.cuneo@officina.demo');
    expect(late.statusCode, late.body).toBe(409);
    expect(late.json().code).toBe('ENROLMENT_CLOSED');
  });

  it('lets learners cancel until the deadline, and not from the deadline on', async () => {
    clock.set('2031-02-01T09:00:00Z');
    const deadline = romeInstant('2031-02-20', '18:00');
    const edition = await makeEdition(await as('admin@officina.demo'), {
      now: clock.now(),
      sessions: [{ day: 30 }],
      cancellationClosesAt: deadline.toISOString(),
    });
    const first = await as('discente.cuneo@officina.demo');
    const second = await as('discente2.cuneo@officina.demo');
    const a = await first.post('/api/v1/enrolments', { editionId: edition.id });
    const b = await second.post('/api/v1/enrolments', { editionId: edition.id });
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);

    clock.set(new Date(deadline.getTime() - MIN));
    const learner = await as('discente.cuneo@officina.demo');
    const mine = (await learner.get('/api/v1/me/enrolments'))
      .json()
      .items.find((e: { id: number }) => e.id === a.json().id);
    expect(mine.cancellable).toBe(true);
    const cancelled = await learner.post(`/api/v1/enrolments/${a.json().id}/cancel`, {});
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json().cancelledAt).toBe(clock.now().toISOString());

    clock.set(deadline);
    const late = await as('discente2.cuneo@officina.demo');
    const theirs = (await late.get('/api/v1/me/enrolments'))
      .json()
      .items.find((e: { id: number }) => e.id === b.json().id);
    expect(theirs.cancellable).toBe(false);
    const refused = await late.post(`/api/v1/enrolments/${b.json().id}/cancel`, {});
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().code).toBe('CANCELLATION_CLOSED');
  });
});

describe('day-before reminders, by the Rome calendar day of the app clock', () => {
  /** An edition with the sessions (Rome day, start, end, title) and one confirmed learner. */
  async function editionWith(sessions: [string, string, string, string][]) {
    const first = sessions[0]?.[0] as string;
    clock.set(new Date(romeInstant(first, '09:00').getTime() - 20 * 86_400_000));
    const start = romeDate(clock.now());
    const edition: Edition = await makeEdition(await as('admin@officina.demo'), {
      now: clock.now(),
      sessions: sessions.map(([day, s, e, title]) => ({
        day: daysFrom(start, day),
        start: s,
        end: e,
        title,
      })),
    });
    await confirmedEnrolment(t, edition.id, 'discente.cuneo@officina.demo');
    const titles = new Map(edition.sessions.map((s) => [s.id, s.title]));
    /** The titles of the sessions reminded so far, after a notifier pass at a Rome day and time. */
    return async (day: string, time: string) => {
      clock.set(romeInstant(day, time));
      await t.services.notifier.runOnce();
      const rows = await t.db
        .select()
        .from(sessionReminders)
        .where(inArray(sessionReminders.sessionId, [...titles.keys()]));
      return rows.map((r) => titles.get(r.sessionId)).sort();
    };
  }

  const reminders = (title: string) =>
    t.db
      .select()
      .from(outbox)
      .where(
        and(eq(outbox.toAddress, 'discente.cuneo@officina.demo'), like(outbox.subject, `%domani, ${title}%`)),
      );

  it('on the spring-forward Sunday (23 hours), reminds the session at 00:30 on Saturday, and only that day', async () => {
    // Summer time starts in Rome on Sunday 30 March 2031 at 02:00.
    const passAt = await editionWith([
      ['2031-03-29', '23:00', '23:45', 'Sabato sera'],
      ['2031-03-30', '00:30', '01:30', 'Domenica notte'],
      ['2031-03-31', '00:30', '01:30', 'Lunedì notte'],
    ]);
    // Friday at 23:50 in Rome: tomorrow is Saturday.
    expect(await passAt('2031-03-28', '23:50')).toEqual(['Sabato sera']);
    // Saturday at 00:30 in Rome is still Friday in UTC: tomorrow is the short Sunday, which ends
    // at 22:00 UTC, before Monday's 00:30 session.
    expect(await passAt('2031-03-29', '00:30')).toEqual(['Domenica notte', 'Sabato sera']);
    expect(await reminders('Domenica notte')).toHaveLength(1);
    expect(await reminders('Lunedì notte')).toHaveLength(0);
    // Sunday at 23:59 summer time (21:59 UTC): tomorrow is Monday.
    expect(await passAt('2031-03-30', '23:59')).toEqual(['Domenica notte', 'Lunedì notte', 'Sabato sera']);
    expect(await reminders('Lunedì notte')).toHaveLength(1);
  });

  it('on the fall-back Sunday (25 hours), reminds from its first to its last hour', async () => {
    // Summer time ends in Rome on Sunday 26 October 2031 at 03:00.
    const passAt = await editionWith([
      ['2031-10-25', '23:30', '23:55', 'Sabato sera'],
      ['2031-10-26', '00:30', '01:30', 'Domenica notte'],
      ['2031-10-26', '23:00', '23:45', 'Domenica sera'],
      ['2031-10-27', '00:30', '01:30', 'Lunedì notte'],
    ]);
    // Saturday at 00:30 in Rome is still Friday in UTC: tomorrow is the long Sunday, to its 24th hour.
    expect(await passAt('2031-10-25', '00:30')).toEqual(['Domenica notte', 'Domenica sera']);
    expect(await passAt('2031-10-26', '00:10')).toEqual(['Domenica notte', 'Domenica sera', 'Lunedì notte']);
    expect(await reminders('Domenica sera')).toHaveLength(1);
  });
});
