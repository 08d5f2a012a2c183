import { describe, expect, it } from 'vitest';
import {
  easterMonday,
  easterSunday,
  isItalianHoliday,
  isWeekend,
  isWorkingDay,
  nextWorkingDay,
  previousWorkingDay,
} from './holidays.js';

describe('Easter', () => {
  it('falls on the known Sundays', () => {
    const known: [number, string][] = [
      [1818, '1818-03-22'], // the earliest possible date
      [1943, '1943-04-25'], // the latest possible date
      [2000, '2000-04-23'],
      [2011, '2011-04-24'],
      [2019, '2019-04-21'],
      [2024, '2024-03-31'],
      [2025, '2025-04-20'],
      [2026, '2026-04-05'],
      [2027, '2027-03-28'],
      [2028, '2028-04-16'],
      [2029, '2029-04-01'],
      [2030, '2030-04-21'],
      [2038, '2038-04-25'],
    ];
    for (const [year, sunday] of known) {
      expect(easterSunday(year), String(year)).toBe(sunday);
      expect(new Date(`${sunday}T12:00:00Z`).getUTCDay()).toBe(0);
    }
    expect(easterMonday(2027)).toBe('2027-03-29');
    expect(easterMonday(2024)).toBe('2024-04-01');
  });
});

describe('Italian public holidays', () => {
  it('knows the fixed holidays of every year', () => {
    for (const year of [2026, 2027, 2031]) {
      for (const md of [
        '01-01',
        '01-06',
        '04-25',
        '05-01',
        '06-02',
        '08-15',
        '11-01',
        '12-08',
        '12-25',
        '12-26',
      ])
        expect(isItalianHoliday(`${year}-${md}`), `${year}-${md}`).toBe(true);
    }
  });

  it('knows Easter Monday, which moves', () => {
    expect(isItalianHoliday('2026-04-06')).toBe(true);
    expect(isItalianHoliday('2027-03-29')).toBe(true);
    expect(isItalianHoliday('2028-04-17')).toBe(true);
    // Easter Monday of another year is a working day.
    expect(isItalianHoliday('2027-04-06')).toBe(false);
  });

  it('knows San Francesco (4 October) from 2026, when it became a national holiday again', () => {
    expect(isItalianHoliday('2026-10-04')).toBe(true);
    expect(isItalianHoliday('2027-10-04')).toBe(true);
    expect(isItalianHoliday('2025-10-04')).toBe(false);
  });

  it('leaves ordinary days, the 24th and 31st of December and local feasts alone', () => {
    for (const day of ['2026-12-24', '2026-12-31', '2026-11-30', '2027-03-30', '2026-09-29', '2026-11-02'])
      expect(isItalianHoliday(day), day).toBe(false);
  });

  it('refuses what is not a day', () => {
    expect(() => isItalianHoliday('2026-02-30')).toThrow(RangeError);
    expect(() => nextWorkingDay('domani')).toThrow(RangeError);
  });
});

describe('working days', () => {
  it('are Monday to Friday except the holidays', () => {
    expect(isWeekend('2026-11-28')).toBe(true); // Saturday
    expect(isWeekend('2026-11-29')).toBe(true); // Sunday
    expect(isWorkingDay('2026-11-30')).toBe(true); // Monday
    expect(isWorkingDay('2026-12-08')).toBe(false); // Tuesday, Immacolata
  });

  it('move forward past weekends and holidays', () => {
    expect(nextWorkingDay('2026-11-30')).toBe('2026-11-30');
    expect(nextWorkingDay('2026-11-28')).toBe('2026-11-30');
    // Christmas 2026: Friday 25 and Saturday 26, then Sunday: Monday 28.
    expect(nextWorkingDay('2026-12-25')).toBe('2026-12-28');
    // Christmas 2027: Saturday 25, Sunday 26: Monday 27.
    expect(nextWorkingDay('2027-12-25')).toBe('2027-12-27');
    // Easter 2027: Sunday 28 March, Monday 29: Tuesday 30.
    expect(nextWorkingDay('2027-03-27')).toBe('2027-03-30');
    // New Year's Day 2027 is a Friday, the 6th a Wednesday.
    expect(nextWorkingDay('2027-01-01')).toBe('2027-01-04');
    expect(nextWorkingDay('2027-01-06')).toBe('2027-01-07');
  });

  it('move back past weekends and holidays', () => {
    expect(previousWorkingDay('2026-11-29')).toBe('2026-11-27');
    expect(previousWorkingDay('2026-12-27')).toBe('2026-12-24');
    expect(previousWorkingDay('2027-03-29')).toBe('2027-03-26');
  });
});
