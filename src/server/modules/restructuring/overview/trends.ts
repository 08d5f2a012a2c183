import type { TrendsView } from '../../../../common/overview.js';
import { INTERVENTION_KINDS, REORG_STATUSES, type ReorgStatus } from '../../../../common/restructuring.js';
import { romeDate } from '../../../../common/rome-time.js';

/** The `count` months ending with the month of `today` (YYYY-MM), oldest first. */
export function lastMonths(today: string, count: number): string[] {
  let y = Number(today.slice(0, 4));
  let m = Number(today.slice(5, 7));
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.unshift(`${y}-${String(m).padStart(2, '0')}`);
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
  }
  return out;
}

const isStatus = (s: string | null): s is ReorgStatus => REORG_STATUSES.includes(s as ReorgStatus);

/**
 * Plan statuses at the end of each month (Rome time): a unit's status is the target of its latest
 * status change up to then, 'non_avviato' before any. Units counted are those in scope.
 */
export function planStatusByMonth(
  months: readonly string[],
  unitIds: readonly number[],
  events: readonly { unitId: number; toStatus: string | null; at: Date }[],
): TrendsView['planStatus'] {
  const current = new Map<number, ReorgStatus>(unitIds.map((u) => [u, 'non_avviato']));
  const sorted = [...events].sort((a, b) => a.at.getTime() - b.at.getTime());
  let i = 0;
  return months.map((month) => {
    while (i < sorted.length && romeDate(sorted[i]?.at as Date).slice(0, 7) <= month) {
      const e = sorted[i] as (typeof sorted)[number];
      if (current.has(e.unitId) && isStatus(e.toStatus)) current.set(e.unitId, e.toStatus);
      i++;
    }
    const counts = Object.fromEntries(REORG_STATUSES.map((s) => [s, 0])) as Record<ReorgStatus, number>;
    for (const s of current.values()) counts[s] += 1;
    return counts;
  });
}

/** Interventions per month and kind, zeros included. */
export function interventionsByMonth(
  months: readonly string[],
  rows: readonly { month: string; kind: (typeof INTERVENTION_KINDS)[number]; n: number }[],
): TrendsView['interventions'] {
  return months.map((month) => {
    const counts = Object.fromEntries(INTERVENTION_KINDS.map((k) => [k, 0])) as Record<
      (typeof INTERVENTION_KINDS)[number],
      number
    >;
    for (const r of rows) if (r.month === month) counts[r.kind] += Number(r.n);
    return counts;
  });
}
