/**
 * Totals published for a filter (a unit, a unit and a job profile, a region…), and the guard against
 * differencing between filters of the same campaign.
 *
 * Why: a total of fewer than k people is hidden like any cell (k = 5 by default, the platform's
 * DEFAULT_MIN_GROUP_SIZE, configurable). But two totals that are each large enough still disclose
 * when their populations differ by a few people: "unit 12" minus "unit 12 without job profile X"
 * is the total of the X people in unit 12, and if they are 1–4, their answers are out.
 *
 * The rule, for a requested filter R and each filter P already published for the same campaign:
 * T(R) − T(P) = T(R∖P) − T(P∖R), so R is refused when 0 < |R∖P| < k or 0 < |P∖R| < k. With one side
 * empty the other side's total comes out exactly; with both non-empty it comes out mixed with the
 * other side, which a third filter can often remove, so both sides are held to k. Identical
 * populations (both sides empty) are fine: the same number again tells nothing new.
 *
 * Limits, honestly:
 *  - Pairs only. Three or more filters can still combine (A − B − C with A = B ∪ C ∪ {x}) while every
 *    pair differs by k or more. Keep the filters a campaign offers to a fixed set of dimensions, and
 *    send cross-tables through suppressTable, whose margins are checked together.
 *  - It is only as good as the list it is given: the caller must pass every filter published for the
 *    campaign to anyone (people can pool what they saw), not only those this user has seen, and keep
 *    that list for as long as the results are available. The first filter published wins.
 *  - It compares populations, not answers: it cannot see that a large group answered all alike
 *    (everyone has a gap, so each of them has one), nor what an insider knows of their colleagues.
 */
import {
  isTooSmall,
  minGroupSize,
  type PublishedCell,
  type SuppressionOptions,
  type TableCell,
} from './suppression.js';

/** A total for a filter: published only when its n is 0 (it describes nobody) or at least k. */
export function safeTotal(total: TableCell, opts?: SuppressionOptions): PublishedCell {
  return isTooSmall(total.n, minGroupSize(opts))
    ? { n: null, value: null, suppressed: 'primary' }
    : { n: total.n, value: total.value, suppressed: null };
}

/** A filter as the people it selects (opaque person keys, never shown), with a stable id. */
export type PopulationFilter = { id: string; members: ReadonlySet<string> };

export type FilterDecision =
  | { publish: true }
  | { publish: false; reason: 'too-small' }
  /** The ids of the published filters it could be subtracted from; the sizes are not returned. */
  | { publish: false; reason: 'differencing'; conflictsWith: string[] };

function sizeOfDifference(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  for (const x of a) if (!b.has(x)) n += 1;
  return n;
}

/** Whether publishing totals for both populations would let one be subtracted from the other. */
export function differencingRisk(
  a: ReadonlySet<string>,
  b: ReadonlySet<string>,
  opts?: SuppressionOptions,
): boolean {
  const k = minGroupSize(opts);
  return isTooSmall(sizeOfDifference(a, b), k) || isTooSmall(sizeOfDifference(b, a), k);
}

/**
 * For nested filters known by their sizes only (inner ⊆ outer, e.g. "unit 12 without profile X" in
 * "unit 12"): both may be published when they differ by nobody or by at least k people.
 */
export function nestedDifferenceSafe(outerN: number, innerN: number, opts?: SuppressionOptions): boolean {
  if (innerN > outerN) throw new RangeError('the inner filter cannot select more people than the outer one');
  return !isTooSmall(outerN - innerN, minGroupSize(opts));
}

/**
 * Whether a requested filter may be published, given the filters already published for the same
 * campaign (the ones it is derived from among them). On `publish: true` the caller publishes it and
 * adds it to that list.
 */
export function checkFilter(
  requested: PopulationFilter,
  published: readonly PopulationFilter[],
  opts?: SuppressionOptions,
): FilterDecision {
  if (isTooSmall(requested.members.size, minGroupSize(opts))) return { publish: false, reason: 'too-small' };
  const conflictsWith = published
    .filter((p) => differencingRisk(requested.members, p.members, opts))
    .map((p) => p.id);
  return conflictsWith.length === 0
    ? { publish: true }
    : { publish: false, reason: 'differencing', conflictsWith };
}
