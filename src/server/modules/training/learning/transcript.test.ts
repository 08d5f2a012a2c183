import { describe, expect, it } from 'vitest';
import { romeInstant } from '../../../../common/rome-time.js';
import { hoursPerYear, type LedgerEntry } from './transcript.js';

const entry = (
  over: Partial<LedgerEntry> & Pick<LedgerEntry, 'sessionStartsAt' | 'minutes'>,
): LedgerEntry => ({
  enrolmentId: 1,
  editionId: 10,
  pathTitle: 'Appalti',
  editionTitle: 'Edizione 1',
  completedOn: null,
  certificateCode: null,
  ...over,
});

describe('hours per calendar year', () => {
  it('sums the minutes of each year against the target, most recent year first', () => {
    const years = hoursPerYear(
      [
        entry({ sessionStartsAt: romeInstant('2025-03-10', '09:00'), minutes: 240 }),
        entry({ sessionStartsAt: romeInstant('2025-03-11', '09:00'), minutes: 210 }),
        entry({
          sessionStartsAt: romeInstant('2026-02-01', '09:00'),
          minutes: 2400,
          enrolmentId: 2,
          editionId: 20,
        }),
      ],
      40,
      2026,
    );
    expect(years.map((y) => [y.year, y.minutes, y.hours, y.reached, y.progressPct])).toEqual([
      [2026, 2400, 40, true, 100],
      [2025, 450, 7.5, false, 18],
    ]);
    expect(years[1]?.editions).toEqual([
      {
        enrolmentId: 1,
        editionId: 10,
        pathTitle: 'Appalti',
        editionTitle: 'Edizione 1',
        minutes: 450,
        hours: 7.5,
        completedOn: null,
        certificateCode: null,
      },
    ]);
  });

  it('splits an edition that runs across New Year between the two years', () => {
    const years = hoursPerYear(
      [
        entry({
          sessionStartsAt: romeInstant('2025-12-30', '09:00'),
          minutes: 240,
          completedOn: '2026-01-08',
        }),
        entry({
          sessionStartsAt: romeInstant('2026-01-08', '09:00'),
          minutes: 180,
          completedOn: '2026-01-08',
        }),
      ],
      40,
      2026,
    );
    expect(years.map((y) => [y.year, y.minutes, y.editions.map((e) => e.minutes)])).toEqual([
      [2026, 180, [180]],
      [2025, 240, [240]],
    ]);
  });

  it('uses the Rome date: 23:30 UTC on 31 December is already the new year in Rome', () => {
    const years = hoursPerYear(
      [
        entry({ sessionStartsAt: new Date('2025-12-31T23:30:00Z'), minutes: 60 }),
        entry({
          sessionStartsAt: new Date('2025-12-31T22:59:00Z'),
          minutes: 30,
          enrolmentId: 2,
          editionId: 20,
        }),
      ],
      40,
      2026,
    );
    expect(years.map((y) => [y.year, y.minutes])).toEqual([
      [2026, 60],
      [2025, 30],
    ]);
  });

  it('counts a session running past midnight on New Year’s Eve in the year it starts', () => {
    const years = hoursPerYear(
      [entry({ sessionStartsAt: romeInstant('2025-12-31', '22:00'), minutes: 240 })],
      40,
      2026,
    );
    expect(years.find((y) => y.year === 2025)?.minutes).toBe(240);
    expect(years.find((y) => y.year === 2026)?.minutes).toBe(0);
  });

  it('lists several editions of a year by their first session, each with its own total', () => {
    const years = hoursPerYear(
      [
        entry({
          sessionStartsAt: romeInstant('2026-05-04', '09:00'),
          minutes: 120,
          enrolmentId: 3,
          editionId: 30,
        }),
        entry({
          sessionStartsAt: romeInstant('2026-03-02', '09:00'),
          minutes: 240,
          enrolmentId: 4,
          editionId: 40,
        }),
        entry({
          sessionStartsAt: romeInstant('2026-06-01', '09:00'),
          minutes: 60,
          enrolmentId: 3,
          editionId: 30,
        }),
        entry({
          sessionStartsAt: romeInstant('2026-03-03', '09:00'),
          minutes: 200,
          enrolmentId: 4,
          editionId: 40,
          certificateCode: 'K7QM-3XTR-9PAD-2VHC',
        }),
      ],
      40,
      2026,
    );
    expect(years).toHaveLength(1);
    expect(years[0]?.minutes).toBe(620);
    expect(years[0]?.editions.map((e) => [e.editionId, e.minutes])).toEqual([
      [40, 440],
      [30, 180],
    ]);
  });

  it('always lists the current year, even with nothing attended', () => {
    expect(hoursPerYear([], 40, 2027)).toEqual([
      { year: 2027, minutes: 0, hours: 0, targetHours: 40, progressPct: 0, reached: false, editions: [] },
    ]);
  });
});
