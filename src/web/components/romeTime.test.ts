import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  endOfMonth,
  isDay,
  monthWeeks,
  romeInstant,
  romeParts,
  romeToday,
  startOfWeek,
} from './romeTime';

describe('romeInstant', () => {
  it('uses +01:00 in winter and +02:00 in summer', () => {
    expect(romeInstant('2026-01-15', '09:30')).toBe('2026-01-15T09:30:00+01:00');
    expect(romeInstant('2026-07-01', '14:00')).toBe('2026-07-01T14:00:00+02:00');
  });

  it('switches offset on the days daylight saving time starts and ends', () => {
    // Summer time starts on 29 March 2026 at 02:00 (clocks jump to 03:00).
    expect(romeInstant('2026-03-29', '01:30')).toBe('2026-03-29T01:30:00+01:00');
    expect(romeInstant('2026-03-29', '09:00')).toBe('2026-03-29T09:00:00+02:00');
    expect(romeInstant('2026-03-28', '09:00')).toBe('2026-03-28T09:00:00+01:00');
    // 02:30 does not exist that night: the clock reads 03:30.
    expect(romeInstant('2026-03-29', '02:30')).toBe('2026-03-29T03:30:00+02:00');
    // Summer time ends on 25 October 2026 at 03:00 (clocks go back to 02:00).
    expect(romeInstant('2026-10-24', '09:00')).toBe('2026-10-24T09:00:00+02:00');
    expect(romeInstant('2026-10-25', '09:00')).toBe('2026-10-25T09:00:00+01:00');
  });

  it('names the same instant as the one a clock in Rome shows', () => {
    const iso = romeInstant('2026-03-29', '09:00') ?? '';
    expect(new Date(iso).toISOString()).toBe('2026-03-29T07:00:00.000Z');
    expect(romeParts(iso)).toEqual({ day: '2026-03-29', time: '09:00' });
  });

  it('refuses days and times that do not exist', () => {
    expect(romeInstant('2026-02-30', '09:00')).toBeUndefined();
    expect(romeInstant('2026-13-01', '09:00')).toBeUndefined();
    expect(romeInstant('2026-01-01', '24:00')).toBeUndefined();
    expect(romeInstant('2026-01-01', '9:00')).toBeUndefined();
    expect(romeInstant('', '')).toBeUndefined();
  });
});

describe('romeParts', () => {
  it('shows an instant on the Rome clock whatever its offset', () => {
    expect(romeParts('2026-06-30T22:30:00Z')).toEqual({ day: '2026-07-01', time: '00:30' });
    expect(romeParts('2026-12-31T23:30:00Z')).toEqual({ day: '2027-01-01', time: '00:30' });
    expect(romeParts('2026-10-25T00:30:00Z')).toEqual({ day: '2026-10-25', time: '02:30' });
    expect(romeParts('2026-10-25T01:30:00Z')).toEqual({ day: '2026-10-25', time: '02:30' });
    expect(romeParts(null)).toEqual({ day: '', time: '' });
  });

  it('knows that it is already tomorrow in Rome', () => {
    expect(romeToday(new Date('2026-05-31T22:30:00Z'))).toBe('2026-06-01');
  });
});

describe('calendar days', () => {
  it('does day and month arithmetic on plain days', () => {
    expect(isDay('2026-02-28')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
    expect(endOfMonth('2028-02-10')).toBe('2028-02-29');
  });

  it('starts weeks on Monday and covers a month with whole weeks', () => {
    expect(startOfWeek('2026-03-29')).toBe('2026-03-23'); // a Sunday
    expect(startOfWeek('2026-03-23')).toBe('2026-03-23');
    const weeks = monthWeeks('2026-03-10');
    expect(weeks[0]?.[0]).toBe('2026-02-23');
    expect(weeks.at(-1)?.[6]).toBe('2026-04-05');
    expect(weeks.every((w) => w.length === 7)).toBe(true);
  });
});
