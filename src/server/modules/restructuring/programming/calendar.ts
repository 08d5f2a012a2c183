import {
  type DeadlineMove,
  type DeadlineRule,
  daysUntil,
  deadlineFor,
} from '../../../../common/deadlines.js';
import { DUE_SOON_DAYS, OVERDUE_WINDOW_DAYS } from '../../../../common/programming.js';
import { PROGRAMMING_KINDS, type ProgrammingKind } from '../../../../common/restructuring.js';
import type { Db } from '../../../db/client.js';
import type { ProgrammingRepository } from './repository.js';

/** The rules and moves in force, read once for a computation. */
export type Reference = { rules: DeadlineRule[]; moves: DeadlineMove[] };

export async function loadReference(db: Db, repo: ProgrammingRepository): Promise<Reference> {
  const [rules, moves] = await Promise.all([repo.rules(db), repo.moves(db)]);
  return {
    rules: rules.map((r) => ({
      kind: r.kind,
      month: r.month,
      day: r.day,
      yearOffset: r.yearOffset,
      afterBudgetDays: r.afterBudgetDays,
      validFromYear: r.validFromYear,
      validToYear: r.validToYear,
      source: r.source,
    })),
    moves: moves.map((m) => ({ kind: m.kind, year: m.year, due: m.due, source: m.source })),
  };
}

export const deadlineOf = (ref: Reference, kind: ProgrammingKind, year: number) =>
  deadlineFor(kind, year, ref.rules, ref.moves);

const yearOf = (day: string) => Number(day.slice(0, 4));

/**
 * The year whose documents are due next: the first year (from this one) with a document whose
 * deadline is today or later. On 29 November 2026 that is 2027 (the PIAO 2027 is due on 31 January).
 */
export function defaultYear(ref: Reference, today: string): number {
  const y = yearOf(today);
  for (let year = y; year <= y + 2; year++)
    for (const kind of PROGRAMMING_KINDS) {
      const d = deadlineOf(ref, kind, year);
      if (d && d.due >= today) return year;
    }
  return y + 1;
}

/** The documents whose deadline is followed on `today`: at most one cycle overdue, or due within 30 days. */
export type Followed = {
  unitId: number;
  kind: ProgrammingKind;
  year: number;
  due: string;
  basis: 'rule' | 'moved' | 'budget';
  source: string;
  daysLeft: number;
  state: 'overdue' | 'due';
};

/**
 * Every document of the units that is not presented and is either past its deadline (by no more than
 * a year: the next one then replaces it) or due within the next 30 days.
 */
export function followed(
  ref: Reference,
  today: string,
  unitIds: number[],
  presented: (unitId: number, year: number, kind: ProgrammingKind) => boolean,
): Followed[] {
  const y = yearOf(today);
  const out: Followed[] = [];
  for (const kind of PROGRAMMING_KINDS)
    for (let year = y - 1; year <= y + 2; year++) {
      const d = deadlineOf(ref, kind, year);
      if (!d) continue;
      const daysLeft = daysUntil(today, d.due);
      if (daysLeft > DUE_SOON_DAYS || daysLeft < -OVERDUE_WINDOW_DAYS) continue;
      for (const unitId of unitIds) {
        if (presented(unitId, year, kind)) continue;
        out.push({
          unitId,
          kind,
          year,
          due: d.due,
          basis: d.basis,
          source: d.source,
          daysLeft,
          state: daysLeft < 0 ? 'overdue' : 'due',
        });
      }
    }
  return out;
}

/** The years `followed` looks at on `today`. */
export const followedYears = (today: string) => {
  const y = yearOf(today);
  return [y - 1, y, y + 1, y + 2];
};
