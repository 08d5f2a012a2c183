import { describe, expect, it } from 'vitest';
import { romeInstant } from '../../../../common/rome-time.js';
import { type CompletionSession, completion, lengthMinutes } from './completion.js';

/** A session on a day of May 2026 (Rome), from..to. */
const s = (id: number, day: string, from: string, to: string, status = 'scheduled'): CompletionSession => ({
  id,
  startsAt: romeInstant(day, from),
  endsAt: romeInstant(day, to),
  status,
});

const base = {
  sessions: [s(1, '2026-05-12', '09:00', '13:00'), s(2, '2026-05-13', '09:00', '13:00')],
  minAttendancePct: 75,
  finalTestRequired: false,
  finalTestPassed: null,
};
const minutes = (entries: [number, number][]) => new Map(entries);

describe('completion', () => {
  it('completes at exactly the minimum share, dated the last attended session', () => {
    // 360 of 480 minutes = 75%.
    const r = completion({
      ...base,
      minutes: minutes([
        [1, 240],
        [2, 120],
      ]),
    });
    expect(r).toEqual({
      minutesScheduled: 480,
      minutesAttended: 360,
      pct: 75,
      complete: true,
      completedOn: '2026-05-13',
    });
  });

  it('does not complete one minute short of the minimum', () => {
    const r = completion({
      ...base,
      minutes: minutes([
        [1, 240],
        [2, 119],
      ]),
    });
    expect(r.complete).toBe(false);
    expect(r.completedOn).toBeNull();
    expect(r.pct).toBe(74.7);
  });

  it('dates completion with the last session attended, not the last one scheduled', () => {
    const r = completion({ ...base, minAttendancePct: 50, minutes: minutes([[1, 240]]) });
    expect(r).toMatchObject({ complete: true, completedOn: '2026-05-12', pct: 50 });
  });

  it('leaves cancelled sessions out of both the scheduled and the attended minutes', () => {
    const sessions = [...base.sessions, s(3, '2026-05-14', '09:00', '17:00', 'cancelled')];
    const r = completion({
      ...base,
      sessions,
      minutes: minutes([
        [1, 240],
        [2, 240],
        [3, 480],
      ]),
    });
    expect(r).toMatchObject({
      minutesScheduled: 480,
      minutesAttended: 480,
      pct: 100,
      completedOn: '2026-05-13',
    });
  });

  it('caps each session at its length and ignores minutes of unknown sessions', () => {
    const r = completion({
      ...base,
      minutes: minutes([
        [1, 999],
        [99, 500],
      ]),
    });
    expect(r).toMatchObject({ minutesAttended: 240, pct: 50, complete: false });
  });

  it('needs a passed final test when the edition requires one', () => {
    const all = minutes([
      [1, 240],
      [2, 240],
    ]);
    const req = { ...base, finalTestRequired: true, minutes: all };
    expect(completion({ ...req, finalTestPassed: null })).toMatchObject({
      complete: false,
      completedOn: null,
    });
    expect(completion({ ...req, finalTestPassed: false })).toMatchObject({
      complete: false,
      completedOn: null,
    });
    expect(completion({ ...req, finalTestPassed: true })).toMatchObject({
      complete: true,
      completedOn: '2026-05-13',
    });
    // A test result does not matter when none is required.
    expect(completion({ ...base, minutes: all, finalTestPassed: false }).complete).toBe(true);
  });

  it('never completes an edition without sessions, or with only cancelled ones', () => {
    expect(completion({ ...base, sessions: [], minutes: minutes([]) })).toEqual({
      minutesScheduled: 0,
      minutesAttended: 0,
      pct: 0,
      complete: false,
      completedOn: null,
    });
    const cancelled = [s(1, '2026-05-12', '09:00', '13:00', 'cancelled')];
    expect(completion({ ...base, sessions: cancelled, minutes: minutes([[1, 240]]) }).complete).toBe(false);
  });

  it('does not complete with nothing attended, even with a minimum of 1%', () => {
    expect(completion({ ...base, minAttendancePct: 1, minutes: minutes([]) }).complete).toBe(false);
  });

  it('uses the Rome date, also for a session whose UTC date is the day before', () => {
    // 00:30 in Rome on 13 May is 22:30 UTC on 12 May.
    const early = [s(1, '2026-05-13', '00:30', '01:30')];
    expect(completion({ ...base, sessions: early, minutes: minutes([[1, 60]]) }).completedOn).toBe(
      '2026-05-13',
    );
  });

  it('measures a session across the autumn DST change by real minutes', () => {
    // 25 October 2026: 02:00–04:00 Rome lasts three hours.
    expect(lengthMinutes(s(1, '2026-10-25', '01:30', '03:30'))).toBe(180);
  });
});
