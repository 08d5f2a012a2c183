import type { DeadlineKind } from './restructuring.js';
import { addDays, isIsoDate } from './rome-time.js';

/**
 * When a programming document is due, from rules held as reference data (never typed per unit).
 *
 * A document's `year` is the first year of the period it programmes: the DUP 2027–2029 has year 2027
 * and is due on 31 July 2026 (rule: month 7, day 31, year offset −1). A rule may instead follow the
 * budget: the PIAO is due on 31 January of its year, or 30 days after the budget's deadline when that
 * deadline moves (DL 80/2021 art. 6 as amended). A move is reference data too: the deadline a law or
 * decree set for one kind and year, with its source.
 */

export type DeadlineRule = {
  kind: DeadlineKind;
  month: number;
  day: number;
  /** Added to the document's year: −1 for the DUP, which is due the year before the period starts. */
  yearOffset: number;
  /** When set and the budget's deadline for the year has moved, the due date is that many days after it. */
  afterBudgetDays: number | null;
  validFromYear: number;
  validToYear: number | null;
  source: string;
};

export type DeadlineMove = { kind: DeadlineKind; year: number; due: string; source: string };

export type Deadline = {
  kind: DeadlineKind;
  year: number;
  due: string;
  /** 'rule': the date the rule states; 'moved': a move of this kind; 'budget': days after the moved budget deadline. */
  basis: 'rule' | 'moved' | 'budget';
  source: string;
};

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function ruleFor(rules: readonly DeadlineRule[], kind: DeadlineKind, year: number): DeadlineRule | null {
  return (
    rules.find(
      (r) => r.kind === kind && r.validFromYear <= year && (r.validToYear === null || year <= r.validToYear),
    ) ?? null
  );
}

/** The date a rule states for a year; 29 February in a common year falls back to the 28th. */
function statedDate(rule: DeadlineRule, year: number): string {
  const y = year + rule.yearOffset;
  const day = `${pad(y, 4)}-${pad(rule.month)}-${pad(rule.day)}`;
  return isIsoDate(day) ? day : `${pad(y, 4)}-${pad(rule.month)}-${pad(rule.day - 1)}`;
}

/** The deadline of a kind of document for a year, or null when no rule covers that year. */
export function deadlineFor(
  kind: DeadlineKind,
  year: number,
  rules: readonly DeadlineRule[],
  moves: readonly DeadlineMove[],
): Deadline | null {
  const own = moves.find((m) => m.kind === kind && m.year === year);
  if (own) return { kind, year, due: own.due, basis: 'moved', source: own.source };
  const rule = ruleFor(rules, kind, year);
  if (!rule) return null;
  if (rule.afterBudgetDays !== null) {
    const budgetMove = moves.find((m) => m.kind === 'bilancio' && m.year === year);
    if (budgetMove) {
      const due = addDays(budgetMove.due, rule.afterBudgetDays);
      const stated = statedDate(rule, year);
      // A budget moved earlier never brings the deadline forward.
      if (due > stated)
        return { kind, year, due, basis: 'budget', source: `${rule.source}; ${budgetMove.source}` };
    }
  }
  return { kind, year, due: statedDate(rule, year), basis: 'rule', source: rule.source };
}

/** Whole days from `today` to `due`: negative once overdue. */
export function daysUntil(today: string, due: string): number {
  return Math.round((Date.parse(`${due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
