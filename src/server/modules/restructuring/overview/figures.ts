import {
  type CapacityThreshold,
  computeCapacity,
  type HiringReason,
  type HiringState,
  hiringStatus,
  thresholdFor,
} from '../../../../common/capacity.js';
import {
  type Deadline,
  type DeadlineMove,
  type DeadlineRule,
  daysUntil,
  deadlineFor,
} from '../../../../common/deadlines.js';
import type { OverviewRow } from '../../../../common/overview.js';
import { PROGRAMMING_KINDS, type ReorgStatus } from '../../../../common/restructuring.js';
import type { Unit } from '../../../../common/units.js';

/**
 * The national view's figures for a unit, from rows read in bulk: the hiring status by the shared
 * capacity rules (common/capacity.ts), the programming deadlines by the shared deadline rules
 * (common/deadlines.ts). Pure: the same inputs give the same rows.
 */

export type CapacityFiguresRow = {
  year: number;
  personnelSpendingCents: number | null;
  revenue1Cents: number | null;
  revenue2Cents: number | null;
  revenue3Cents: number | null;
  fcdeCents: number | null;
};

export type UnitCapacity = {
  year: number | null;
  stale: boolean;
  ratioPercent: number | null;
  thresholdPercent: number | null;
  headroomCents: number | null;
  state: HiringState;
  reasons: HiringReason[];
};

/** Ratio, threshold and hiring status of the latest figures; stale when older than the year before `currentYear`. */
export function unitCapacity(
  unitType: Unit['unitType'],
  planStatus: ReorgStatus,
  population: number | null,
  figures: CapacityFiguresRow | null,
  thresholds: readonly CapacityThreshold[],
  currentYear: number,
): UnitCapacity {
  const capacityYear = figures?.year ?? currentYear;
  const threshold = population === null ? null : thresholdFor(thresholds, unitType, population, capacityYear);
  const capacity = figures
    ? computeCapacity(
        {
          personnelSpendingCents: figures.personnelSpendingCents,
          revenueCents: [figures.revenue1Cents, figures.revenue2Cents, figures.revenue3Cents],
          fcdeCents: figures.fcdeCents,
        },
        threshold?.thresholdBp ?? null,
      )
    : null;
  const status = hiringStatus(planStatus, capacity, threshold, population !== null);
  const complete = capacity?.complete ? capacity : null;
  return {
    year: figures?.year ?? null,
    stale: figures !== null && figures.year < currentYear - 1,
    ratioPercent: complete && complete.netRevenueCents > 0 ? complete.ratioPercent : null,
    thresholdPercent: threshold ? threshold.thresholdBp / 100 : null,
    headroomCents: complete?.headroomCents ?? null,
    state: status.state,
    reasons: status.reasons,
  };
}

/** The years whose programming documents the view follows: the current one and the next (the DUP due this summer). */
export const followedYears = (currentYear: number) => [currentYear, currentYear + 1];

/** Every programming deadline of the followed years, by the rules (the same for every unit). */
export function followedDeadlines(
  currentYear: number,
  rules: readonly DeadlineRule[],
  moves: readonly DeadlineMove[],
): Deadline[] {
  const out: Deadline[] = [];
  for (const year of followedYears(currentYear))
    for (const kind of PROGRAMMING_KINDS) {
      const d = deadlineFor(kind, year, rules, moves);
      if (d) out.push(d);
    }
  return out.sort((a, b) => a.due.localeCompare(b.due));
}

export type DeadlineState = {
  deadline: Deadline;
  adoptedOn: string | null;
  daysLeft: number;
  overdue: boolean;
};

/** Each deadline's state for one unit: adopted (and when), still due, or overdue. */
export function deadlineStates(
  deadlines: readonly Deadline[],
  adopted: ReadonlyMap<string, string>,
  today: string,
): DeadlineState[] {
  return deadlines.map((d) => {
    const adoptedOn = adopted.get(`${d.kind}/${d.year}`) ?? null;
    const daysLeft = daysUntil(today, d.due);
    return { deadline: d, adoptedOn, daysLeft, overdue: adoptedOn === null && daysLeft < 0 };
  });
}

/** The next deadline still due and how many are overdue. */
export function deadlineSummary(
  states: readonly DeadlineState[],
): Pick<OverviewRow, 'nextDeadline' | 'overdue'> {
  const next = states.find((s) => s.adoptedOn === null && s.daysLeft >= 0);
  return {
    nextDeadline: next
      ? {
          kind: next.deadline.kind,
          year: next.deadline.year,
          due: next.deadline.due,
          daysLeft: next.daysLeft,
        }
      : null,
    overdue: states.filter((s) => s.overdue).length,
  };
}
