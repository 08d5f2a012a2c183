// The gap rule on hand-computed cases: clamping, the signed difference, 0 as "none", unit overrides.
import { describe, expect, it } from 'vitest';
import { expectedLevel, gap, isLevel, LEVEL_VALUES, personSummary, signedGap, strength } from './gap.js';

describe('gap', () => {
  it('is expected − assessed when short of the expected level', () => {
    expect(gap(3, 1)).toBe(2);
    expect(gap(2, 1)).toBe(1);
    expect(gap(LEVEL_VALUES.avanzato, LEVEL_VALUES.base)).toBe(2);
  });

  it('is 0 at or above the expected level: over-qualification is clamped, not a negative need', () => {
    expect(gap(2, 2)).toBe(0);
    expect(gap(1, 3)).toBe(0);
  });

  it('counts 0 ("not assessed / none") as no competence, so the whole expected level is the gap', () => {
    expect(gap(3, 0)).toBe(3);
    expect(gap(0, 0)).toBe(0);
  });

  it('keeps the sign apart for strengths', () => {
    expect(signedGap(1, 3)).toBe(-2);
    expect(signedGap(3, 1)).toBe(2);
    expect(strength(1, 3)).toBe(2);
    expect(strength(3, 1)).toBe(0);
    expect(strength(0, 2)).toBe(2);
  });

  it('refuses a level out of 0..3 or not an integer (a bug upstream)', () => {
    expect(() => gap(4, 1)).toThrow(RangeError);
    expect(() => gap(2, -1)).toThrow(RangeError);
    expect(() => gap(1.5, 1)).toThrow(RangeError);
    expect(() => gap(Number.NaN, 1)).toThrow(RangeError);
    expect(isLevel(3)).toBe(true);
    expect(isLevel(4)).toBe(false);
  });
});

describe('expectedLevel', () => {
  it("takes the unit's override over the national profile, even an override of 0", () => {
    expect(expectedLevel(2)).toBe(2);
    expect(expectedLevel(2, null)).toBe(2);
    expect(expectedLevel(2, 3)).toBe(3);
    expect(expectedLevel(2, 0)).toBe(0);
    expect(() => expectedLevel(2, 5)).toThrow(RangeError);
  });
});

describe('personSummary', () => {
  it('sums and averages the clamped gaps and counts competencies below and above expectation', () => {
    // gaps 2, 0, 1, 0 (strength 2 on C4); hand-computed: total 3, mean 3/4.
    const s = personSummary([
      { competency: 'C1', expected: 3, assessed: 1 },
      { competency: 'C2', expected: 2, assessed: 2 },
      { competency: 'C3', expected: 2, assessed: 1 },
      { competency: 'C4', expected: 1, assessed: 3 },
    ]);
    expect(s).toEqual({
      competencies: 4,
      totalGap: 3,
      meanGap: 0.75,
      belowExpectation: 2,
      aboveExpectation: 1,
      totalStrength: 2,
    });
  });

  it('does not let a strength offset a gap', () => {
    const s = personSummary([
      { competency: 'C1', expected: 1, assessed: 3 },
      { competency: 'C2', expected: 3, assessed: 1 },
    ]);
    expect(s.totalGap).toBe(2);
    expect(s.totalStrength).toBe(2);
  });

  it('has no mean with no answers', () => {
    expect(personSummary([]).meanGap).toBeNull();
  });

  it('refuses a competency answered twice', () => {
    expect(() =>
      personSummary([
        { competency: 'C1', expected: 1, assessed: 1 },
        { competency: 'C1', expected: 1, assessed: 0 },
      ]),
    ).toThrow(RangeError);
  });
});
