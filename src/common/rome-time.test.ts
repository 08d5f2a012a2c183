import { describe, expect, it } from 'vitest';
import {
  addDays,
  checkRomeTime,
  formatRomeDate,
  formatRomeDateTime,
  isIsoDate,
  romeDate,
  romeDayBoundary,
  romeFields,
  romeInstant,
  romeIso,
  romeTime,
  romeToday,
} from './rome-time.js';

const iso = (date: string, time?: string) => romeInstant(date, time).toISOString();

describe('Rome wall-clock times', () => {
  it('uses +01:00 in winter (CET) and +02:00 in summer (CEST)', () => {
    expect(iso('2026-01-15', '09:00')).toBe('2026-01-15T08:00:00.000Z');
    expect(iso('2026-07-15', '09:00')).toBe('2026-07-15T07:00:00.000Z');
    expect(iso('2026-12-31', '23:59')).toBe('2026-12-31T22:59:00.000Z');
    expect(iso('2026-08-01')).toBe('2026-07-31T22:00:00.000Z'); // midnight when no time is given
  });

  it('handles the days the clocks change (29 March and 25 October 2026)', () => {
    expect(iso('2026-03-28', '09:00')).toBe('2026-03-28T08:00:00.000Z');
    expect(iso('2026-03-29', '01:59')).toBe('2026-03-29T00:59:00.000Z');
    expect(iso('2026-03-29', '03:00')).toBe('2026-03-29T01:00:00.000Z');
    expect(iso('2026-03-29', '09:00')).toBe('2026-03-29T07:00:00.000Z');
    expect(iso('2026-10-24', '09:00')).toBe('2026-10-24T07:00:00.000Z');
    expect(iso('2026-10-25', '03:00')).toBe('2026-10-25T02:00:00.000Z');
    expect(iso('2026-10-25', '09:00')).toBe('2026-10-25T08:00:00.000Z');
  });

  it('refuses the hour skipped when summer time starts (02:00–02:59 on 29 March 2026)', () => {
    for (const time of ['02:00', '02:30', '02:59']) {
      expect(() => romeInstant('2026-03-29', time)).toThrow(RangeError);
      expect(() => romeInstant('2026-03-29', time)).toThrow(/does not exist in Europe\/Rome/);
      expect(checkRomeTime('2026-03-29', time)).toEqual({ ok: false, problem: 'skipped' });
    }
    // The same wall time exists on any other day, including the autumn change.
    expect(checkRomeTime('2026-03-28', '02:30').ok).toBe(true);
    expect(checkRomeTime('2027-03-28', '02:30')).toEqual({ ok: false, problem: 'skipped' });
  });

  it('reads the hour repeated when summer time ends (25 October 2026) as its earlier, summer-time pass', () => {
    expect(iso('2026-10-25', '02:00')).toBe('2026-10-25T00:00:00.000Z');
    expect(iso('2026-10-25', '02:30')).toBe('2026-10-25T00:30:00.000Z'); // not 01:30Z, the second pass
    expect(iso('2026-10-25', '02:59')).toBe('2026-10-25T00:59:00.000Z');
    expect(romeIso(romeInstant('2026-10-25', '02:30'))).toBe('2026-10-25T02:30:00+02:00');
  });

  it('refuses what is not a day and a time', () => {
    for (const [date, time] of [
      ['2026-02-30', '09:00'],
      ['2026-13-01', '09:00'],
      ['2026-1-5', '09:00'],
      ['', '09:00'],
      ['2026-01-01', '24:00'],
      ['2026-01-01', '09:60'],
      ['2026-01-01', '9:00'],
      ['2026-01-01', ''],
    ] as const) {
      expect(checkRomeTime(date, time)).toEqual({ ok: false, problem: 'invalid' });
      expect(() => romeInstant(date, time)).toThrow(RangeError);
    }
  });

  it('gives the Rome date and time of an instant near midnight and around the changes', () => {
    expect(romeDate(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(romeDate(new Date('2026-12-31T22:59:00Z'))).toBe('2026-12-31');
    expect(romeDate('2026-12-31T23:30:00Z')).toBe('2027-01-01');
    expect(romeTime(new Date('2026-03-29T00:59:00Z'))).toBe('01:59');
    expect(romeTime(new Date('2026-03-29T01:00:00Z'))).toBe('03:00');
    // Both passes of the repeated autumn hour read 02:30 on the clock.
    expect(romeTime('2026-10-25T00:30:00Z')).toBe('02:30');
    expect(romeTime('2026-10-25T01:30:00Z')).toBe('02:30');
    expect(() => romeDate('not a date')).toThrow(RangeError);
  });

  it('round-trips instants across both changes: instant → Rome date and time → the same instant', () => {
    const checked: string[] = [];
    // Every quarter hour from 27 March to 31 March and from 23 to 27 October 2026 (UTC).
    for (const [from, to] of [
      ['2026-03-27T00:00:00Z', '2026-03-31T00:00:00Z'],
      ['2026-10-23T00:00:00Z', '2026-10-27T00:00:00Z'],
    ] as const) {
      for (let ms = Date.parse(from); ms < Date.parse(to); ms += 15 * 60_000) {
        const at = new Date(ms);
        // The second pass of the repeated hour (01:00–01:59 UTC on 25 October) reads back as the first.
        if (ms >= Date.parse('2026-10-25T01:00:00Z') && ms < Date.parse('2026-10-25T02:00:00Z')) {
          expect(romeInstant(romeDate(at), romeTime(at)).getTime()).toBe(ms - 3_600_000);
          continue;
        }
        expect(romeInstant(romeDate(at), romeTime(at)).toISOString()).toBe(at.toISOString());
        checked.push(at.toISOString());
      }
    }
    expect(checked).toHaveLength(2 * 4 * 96 - 4);
  });

  it('round-trips Rome wall times that exist, through the instant and back', () => {
    for (const [date, time] of [
      ['2026-03-29', '01:59'],
      ['2026-03-29', '03:00'],
      ['2026-10-25', '01:59'],
      ['2026-10-25', '02:30'],
      ['2026-10-25', '03:00'],
      ['2026-02-28', '23:30'],
    ] as const) {
      expect(romeFields(romeInstant(date, time))).toEqual({ date, time });
    }
  });
});

describe('form fields and the wire format', () => {
  it('writes an instant with the Rome offset of that moment', () => {
    expect(romeIso(romeInstant('2026-01-15', '09:30'))).toBe('2026-01-15T09:30:00+01:00');
    expect(romeIso('2026-07-01T12:00:00Z')).toBe('2026-07-01T14:00:00+02:00');
    expect(romeIso('2026-10-25T01:30:00Z')).toBe('2026-10-25T02:30:00+01:00');
    expect(new Date(romeIso('2026-03-29T07:00:00.000Z')).toISOString()).toBe('2026-03-29T07:00:00.000Z');
  });

  it('shows an instant as the date and time fields a form holds, empty when there is none', () => {
    expect(romeFields('2026-06-30T22:30:00Z')).toEqual({ date: '2026-07-01', time: '00:30' });
    expect(romeFields('2026-03-29T09:00:00+02:00')).toEqual({ date: '2026-03-29', time: '09:00' });
    expect(romeFields(null)).toEqual({ date: '', time: '' });
    expect(romeFields('')).toEqual({ date: '', time: '' });
    expect(romeFields('garbage')).toEqual({ date: '', time: '' });
  });
});

describe('day boundaries', () => {
  it('gives the first and last second of a Rome day, with the offset of each moment', () => {
    expect(romeDayBoundary('2026-03-03', 'start')).toBe('2026-03-03T00:00:00+01:00');
    expect(romeDayBoundary('2026-03-05', 'end')).toBe('2026-03-05T23:59:59+01:00');
    // The day summer time starts begins in winter time and ends in summer time; the reverse in October.
    expect(romeDayBoundary('2026-03-29', 'start')).toBe('2026-03-29T00:00:00+01:00');
    expect(romeDayBoundary('2026-03-29', 'end')).toBe('2026-03-29T23:59:59+02:00');
    expect(romeDayBoundary('2026-10-25', 'start')).toBe('2026-10-25T00:00:00+02:00');
    expect(romeDayBoundary('2026-10-25', 'end')).toBe('2026-10-25T23:59:59+01:00');
    expect(romeDayBoundary('2026-02-30', 'start')).toBeUndefined();
    expect(romeDayBoundary('', 'end')).toBeUndefined();
  });
});

describe('calendar days', () => {
  it('knows that it is already tomorrow in Rome', () => {
    expect(romeToday(new Date('2026-05-31T22:30:00Z'))).toBe('2026-06-01');
    expect(romeToday(new Date('2026-01-31T22:30:00Z'))).toBe('2026-01-31');
  });

  it('tells real days from look-alikes', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-2-28')).toBe(false);
    expect(isIsoDate('')).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });

  it('adds days across months, years and the DST changes', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('writes a day one way everywhere, in both languages', () => {
    expect(formatRomeDate('2026-12-19')).toBe('19 dic 2026');
    expect(formatRomeDate('2026-12-19', 'en')).toBe('19 Dec 2026');
    expect(formatRomeDate('2026-03-09')).toBe('9 mar 2026');
    expect(formatRomeDate('2026-03-09', 'en')).toBe('9 Mar 2026');
    expect(formatRomeDate('not a day')).toBe('not a day');
  });

  it('writes an instant as Rome shows it, across both clock changes', () => {
    expect(formatRomeDateTime('2026-12-19T13:30:00Z')).toBe('19 dic 2026, 14:30');
    expect(formatRomeDateTime('2026-12-19T13:30:00Z', 'en')).toBe('19 Dec 2026, 14:30');
    // Spring forward, 29 March 2026: 00:30 UTC is 01:30 (+01:00), 01:30 UTC is 03:30 (+02:00).
    expect(formatRomeDateTime('2026-03-29T00:30:00Z')).toBe('29 mar 2026, 01:30');
    expect(formatRomeDateTime('2026-03-29T01:30:00Z')).toBe('29 mar 2026, 03:30');
    // Fall back, 25 October 2026: 02:30 is shown twice, an hour apart.
    expect(formatRomeDateTime('2026-10-25T00:30:00Z', 'en')).toBe('25 Oct 2026, 02:30');
    expect(formatRomeDateTime('2026-10-25T01:30:00Z', 'en')).toBe('25 Oct 2026, 02:30');
    // Late evening UTC is already the next day in Rome.
    expect(formatRomeDateTime(new Date('2026-12-31T23:30:00Z'))).toBe('1 gen 2027, 00:30');
  });

  it('gives the same reading the second time, as a Date of its own', () => {
    const first = romeInstant('2026-07-01', '09:00');
    first.setTime(0);
    expect(romeInstant('2026-07-01', '09:00').toISOString()).toBe('2026-07-01T07:00:00.000Z');
    expect(checkRomeTime('2026-03-29', '02:30')).toEqual({ ok: false, problem: 'skipped' });
    expect(checkRomeTime('2026-03-29', '02:30')).toEqual({ ok: false, problem: 'skipped' });
    // Thousands of different days later (past what is kept), the readings are still right.
    for (let i = 0; i < 5000; i++) romeInstant(addDays('2020-01-01', i));
    expect(romeInstant('2026-10-25', '02:30').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(checkRomeTime(`2026-07-01${' '.repeat(1000)}`, '09:00')).toEqual({
      ok: false,
      problem: 'invalid',
    });
  });
});
