import { describe, expect, it } from 'vitest';
import { computeCapacity, hiringStatus, thresholdFor } from '../../../common/capacity.js';
import { CAPACITY_THRESHOLDS } from './restructuring-rules.js';

const euro = (n: number) => Math.round(n * 100);
const band = (type: string, population: number, year = 2026) =>
  thresholdFor(CAPACITY_THRESHOLDS, type, population, year)?.thresholdBp ?? null;

describe('capacity thresholds (DM 11 gennaio 2022)', () => {
  it('puts a Province in its band at each edge, the lower bound included and the upper excluded', () => {
    expect(band('provincia', 0)).toBe(2080);
    expect(band('provincia', 249_999)).toBe(2080);
    expect(band('provincia', 250_000)).toBe(1910);
    expect(band('provincia', 449_999)).toBe(1910);
    expect(band('provincia', 450_000)).toBe(1970);
    expect(band('provincia', 699_999)).toBe(1970);
    expect(band('provincia', 700_000)).toBe(1390);
    expect(band('provincia', 4_000_000)).toBe(1390);
  });

  it('gives Città metropolitane their own bands and autonomous Provinces none', () => {
    expect(band('citta_metropolitana', 1_000_000)).toBe(2530);
    expect(band('citta_metropolitana', 1_500_000)).toBe(1420);
    expect(band('citta_metropolitana', 3_000_000)).toBe(1620);
    expect(band('libero_consorzio', 300_000)).toBe(1910);
    expect(band('provincia_autonoma', 500_000)).toBeNull();
  });

  it('applies a threshold only in the years it is valid', () => {
    expect(band('provincia', 100_000, 2021)).toBeNull();
    const ended = CAPACITY_THRESHOLDS.map((t) => ({ ...t, validToYear: 2026 }));
    expect(thresholdFor(ended, 'provincia', 100_000, 2026)?.thresholdBp).toBe(2080);
    expect(thresholdFor(ended, 'provincia', 100_000, 2027)).toBeNull();
  });
});

describe('capacity maths', () => {
  it('works the example of a Province of 300,000 people', () => {
    const r = computeCapacity(
      {
        personnelSpendingCents: euro(10_000_000),
        revenueCents: [euro(60_000_000), euro(58_000_000), euro(62_000_000)],
        fcdeCents: euro(2_000_000),
      },
      1910,
    );
    // 10 / (60 − 2) = 17.2413…%; 19.10% of 58 M€ is 11.078 M€, so 1.078 M€ of headroom.
    expect(r).toEqual({
      complete: true,
      netRevenueCents: euro(58_000_000),
      ratioPercent: 17.24,
      withinThreshold: true,
      headroomCents: euro(1_078_000),
    });
  });

  it('counts a ratio exactly at the threshold as within it, and one cent more as above', () => {
    const at = { revenueCents: [euro(1_000_000), euro(1_000_000), euro(1_000_000)] as const, fcdeCents: 0 };
    const exact = computeCapacity({ ...at, personnelSpendingCents: euro(208_000) }, 2080);
    expect(exact).toMatchObject({ ratioPercent: 20.8, withinThreshold: true, headroomCents: 0 });
    const over = computeCapacity({ ...at, personnelSpendingCents: euro(208_000) + 1 }, 2080);
    expect(over).toMatchObject({ ratioPercent: 20.8, withinThreshold: false, headroomCents: -1 });
  });

  it('stays exact when the mean of three revenues is not a whole cent', () => {
    // Mean 100.33… cents: 20 / 100.33… = 19.93%; 20.80% of it is 20.869… cents, rounded down to 20.
    const r = computeCapacity(
      { personnelSpendingCents: 20, revenueCents: [100, 100, 101], fcdeCents: 0 },
      2080,
    );
    expect(r).toMatchObject({
      netRevenueCents: 100,
      ratioPercent: 19.93,
      withinThreshold: true,
      headroomCents: 0,
    });
  });

  it('handles national-scale sums without losing a cent', () => {
    const big = 4_000_000_000_00; // four billion euro
    const r = computeCapacity(
      { personnelSpendingCents: big / 5, revenueCents: [big, big, big], fcdeCents: 0 },
      2080,
    );
    expect(r).toMatchObject({ ratioPercent: 20, withinThreshold: true, headroomCents: big * 0.008 });
  });

  it('names what is missing, and computes no ratio on a net revenue of zero or less', () => {
    expect(
      computeCapacity({ personnelSpendingCents: null, revenueCents: [1, null, 1], fcdeCents: null }, 2080),
    ).toEqual({
      complete: false,
      missing: ['personnelSpending', 'revenue', 'fcde'],
    });
    expect(
      computeCapacity({ personnelSpendingCents: 5, revenueCents: [10, 10, 10], fcdeCents: 10 }, 2080),
    ).toMatchObject({
      complete: true,
      withinThreshold: null,
      headroomCents: null,
    });
  });
});

describe('sblocco assunzioni', () => {
  const within = computeCapacity(
    { personnelSpendingCents: 10, revenueCents: [100, 100, 100], fcdeCents: 0 },
    2080,
  );
  const above = computeCapacity(
    { personnelSpendingCents: 30, revenueCents: [100, 100, 100], fcdeCents: 0 },
    2080,
  );
  const t = thresholdFor(CAPACITY_THRESHOLDS, 'provincia', 100_000, 2026);

  it('unlocks hiring with an adopted plan and a ratio within the threshold', () => {
    expect(hiringStatus('adottato', within, t, true)).toEqual({
      state: 'sbloccato',
      reasons: ['within_threshold'],
    });
    expect(hiringStatus('verificato', within, t, true).state).toBe('sbloccato');
    expect(hiringStatus('da_aggiornare', within, t, true)).toEqual({
      state: 'sbloccato',
      reasons: ['plan_to_update', 'within_threshold'],
    });
  });

  it('keeps hiring locked without an adopted plan or above the threshold, saying why', () => {
    expect(hiringStatus('in_predisposizione', within, t, true)).toEqual({
      state: 'bloccato',
      reasons: ['plan_not_adopted', 'within_threshold'],
    });
    expect(hiringStatus('trasmesso', above, t, true)).toEqual({
      state: 'bloccato',
      reasons: ['above_threshold'],
    });
  });

  it('asks for a check when a figure, the population or the threshold is missing', () => {
    expect(hiringStatus('adottato', null, t, true)).toEqual({
      state: 'da_verificare',
      reasons: ['missing_figures'],
    });
    expect(hiringStatus('adottato', within, t, false)).toEqual({
      state: 'da_verificare',
      reasons: ['no_population'],
    });
    expect(hiringStatus('adottato', within, null, true)).toEqual({
      state: 'da_verificare',
      reasons: ['no_threshold'],
    });
  });
});
