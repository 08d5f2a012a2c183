/**
 * A person's competency gap: how far the level they self-assess falls short of the level their job
 * profile expects. Pure, so the rule is tested apart from campaigns and the database.
 *
 * Levels follow the catalogue's vocabulary (base = 1, intermedio = 2, avanzato = 3); 0 means "not
 * assessed / none", and counts as no competence: a competency left at 0 shows its full expected
 * level as a gap. A campaign that must tell "skipped" from "none" drops skipped rows before calling.
 *
 * The gap is clamped at 0: being above the expected level on one competency does not make up for
 * being below on another, and a training need cannot be negative. The signed difference is kept
 * apart (`signedGap`, `strength`) for the "punti di forza" view, never mixed into gap sums.
 *
 * A person summary is an individual's answer: it is for their own view and for internal
 * aggregation, never published for an anonymous campaign, where only groups of at least k people
 * (5, the platform default, configurable) are shown (see suppression.ts).
 */
import type { LEVELS } from '../../../../common/catalogue.js';

/** The numeric value of each named level; 0 is "not assessed / none". */
export const LEVEL_VALUES = { base: 1, intermedio: 2, avanzato: 3 } as const satisfies Record<
  (typeof LEVELS)[number],
  number
>;
export const MAX_LEVEL = 3;
export type Level = 0 | 1 | 2 | 3;

export function isLevel(x: number): x is Level {
  return Number.isInteger(x) && x >= 0 && x <= MAX_LEVEL;
}

/** Levels come from validated rows, so a value out of range is a bug upstream, not a user's error. */
function checkLevel(x: number, what: string): Level {
  if (!isLevel(x)) throw new RangeError(`${what} must be an integer level 0..${MAX_LEVEL}, got ${x}`);
  return x;
}

/** The level expected of a person: the unit's override when it has one, else the national profile's. */
export function expectedLevel(national: number, unitOverride?: number | null): Level {
  return unitOverride === undefined || unitOverride === null
    ? checkLevel(national, 'national expected level')
    : checkLevel(unitOverride, 'unit expected level');
}

/** expected − assessed, with its sign: positive is a gap, negative is a level above expectation. */
export function signedGap(expected: number, assessed: number): number {
  return checkLevel(expected, 'expected level') - checkLevel(assessed, 'assessed level');
}

/** The training need on one competency: max(0, expected − assessed). */
export function gap(expected: number, assessed: number): number {
  return Math.max(0, signedGap(expected, assessed));
}

/** How far above expectation a person is on one competency: max(0, assessed − expected). */
export function strength(expected: number, assessed: number): number {
  return Math.max(0, -signedGap(expected, assessed));
}

export type CompetencyAnswer = { competency: string; expected: number; assessed: number };

export type PersonSummary = {
  /** Competencies answered (one answer per competency). */
  competencies: number;
  /** Sum of the clamped gaps. */
  totalGap: number;
  /** totalGap / competencies; null when there is nothing to average. */
  meanGap: number | null;
  /** Competencies with a gap of at least 1 level. */
  belowExpectation: number;
  /** Competencies above the expected level (strengths), and by how many levels in all. */
  aboveExpectation: number;
  totalStrength: number;
};

/** One person's gaps over the competencies they answered; a competency answered twice is a bug. */
export function personSummary(answers: readonly CompetencyAnswer[]): PersonSummary {
  const seen = new Set<string>();
  let totalGap = 0;
  let belowExpectation = 0;
  let aboveExpectation = 0;
  let totalStrength = 0;
  for (const a of answers) {
    if (seen.has(a.competency)) throw new RangeError(`competency ${a.competency} answered twice`);
    seen.add(a.competency);
    const g = gap(a.expected, a.assessed);
    const s = strength(a.expected, a.assessed);
    totalGap += g;
    if (g >= 1) belowExpectation += 1;
    if (s >= 1) aboveExpectation += 1;
    totalStrength += s;
  }
  return {
    competencies: answers.length,
    totalGap,
    meanGap: answers.length === 0 ? null : totalGap / answers.length,
    belowExpectation,
    aboveExpectation,
    totalStrength,
  };
}
