/**
 * From a unit's gaps to a proposed training plan: which catalogue paths to offer first, for how many
 * people and hours, and which needs no path covers yet ("senza percorso").
 *
 * Why greedy set cover: choosing the fewest paths covering the most important gaps is a set cover,
 * hard to solve exactly; the greedy rule (take the path whose still-uncovered competencies weigh the
 * most, then again) is the classic approximation, easy to explain to a unit ("this first, because it
 * covers these gaps"). A competency's weight is its priority (mean gap × people affected, see
 * aggregate.ts). Ties go to the shorter path, then to the code, so a plan never depends on input order.
 *
 * A path's estimated participants are the distinct people with a gap of at least 1 on any of its
 * competencies (they would all attend, whether or not the competency was what made it chosen), so a
 * person may count in several proposals; estimated hours = participants × the path's hours. The
 * count may be 1–4 in a unit of k or more: it says how many fall short, not who.
 *
 * Needs of a group smaller than k (5 by default, the platform default, configurable) are left out
 * whole, before looking at their gaps, so the plan says nothing of a small group's answers; the
 * caller tells the unit that its plan is withheld for too few respondents.
 */
import type { DeliveryMode } from '../../../../common/catalogue.js';
import { aggregate, compareCodes, type PersonRow } from './aggregate.js';
import { gap } from './gap.js';
import { isTooSmall, minGroupSize, type SuppressionOptions } from './suppression.js';

export type CompetencyNeed = {
  competency: string;
  /** The unit's priority on it (aggregate.ts); 0 when nobody falls short. */
  priority: number;
  /** The unit's respondents on it. */
  respondents: number;
  /** Person keys of those with a gap of at least 1: only counted, never returned. */
  peopleWithGap: ReadonlySet<string>;
};

export type PathOffer = {
  pathId: number;
  code: string;
  competencies: readonly string[];
  /** Hours one participant spends on the path. */
  hours: number;
  deliveryModes: readonly DeliveryMode[];
};

export type PathProposal = {
  pathId: number;
  code: string;
  /** The competencies this path was chosen for (not covered by an earlier proposal), by priority. */
  covers: string[];
  coveredPriority: number;
  /** All of its competencies on which the unit has gaps. */
  addresses: string[];
  participants: number;
  hoursPerParticipant: number;
  estimatedHours: number;
  deliveryModes: readonly DeliveryMode[];
};

export type PlanProposal = {
  proposals: PathProposal[];
  /** Competencies with gaps that no (eligible) path covers, by priority. */
  withoutPath: { competency: string; priority: number }[];
  /** Competencies left out because too few people answered them. */
  withheld: number;
};

export type PlanOptions = SuppressionOptions & {
  /** Only paths offering at least one of these modes (all paths when omitted). */
  deliveryModes?: readonly DeliveryMode[];
};

/** A unit's needs, one per competency answered there, from its people's rows. */
export function unitNeeds(rows: readonly PersonRow[], unitId: number): CompetencyNeed[] {
  const mine = rows.filter((r) => r.unitId === unitId);
  const people = new Map<string, Set<string>>();
  for (const r of mine) {
    let set = people.get(r.competency);
    if (!set) {
      set = new Set();
      people.set(r.competency, set);
    }
    if (gap(r.expected, r.assessed) >= 1) set.add(r.personKey);
  }
  return aggregate(mine, ['competency']).map((cell) => {
    const competency = cell.key.competency ?? '';
    return {
      competency,
      priority: cell.priority,
      respondents: cell.respondents,
      peopleWithGap: people.get(competency) ?? new Set(),
    };
  });
}

const byPriority = (
  a: { competency: string; priority: number },
  b: { competency: string; priority: number },
) => b.priority - a.priority || compareCodes(a.competency, b.competency);

/** The greedy plan for one unit's needs over the catalogue's paths. */
export function proposePlan(
  needs: readonly CompetencyNeed[],
  paths: readonly PathOffer[],
  opts?: PlanOptions,
): PlanProposal {
  const k = minGroupSize(opts);
  const published = needs.filter((n) => !isTooSmall(n.respondents, k));
  const withheld = needs.length - published.length;
  const open = new Map(published.filter((n) => n.priority > 0).map((n) => [n.competency, n]));
  for (const p of paths)
    if (!Number.isFinite(p.hours) || p.hours < 0)
      throw new RangeError(`path ${p.code} has invalid hours ${p.hours}`);
  const modes = opts?.deliveryModes;
  const eligible = paths.filter((p) => !modes || p.deliveryModes.some((m) => modes.includes(m)));

  const linked = (p: PathOffer, among: ReadonlyMap<string, CompetencyNeed>) =>
    [...new Set(p.competencies)]
      .map((c) => among.get(c))
      .filter((n): n is CompetencyNeed => n !== undefined)
      .sort(byPriority);
  const uncovered = new Map(open);
  const proposals: PathProposal[] = [];
  const chosen = new Set<PathOffer>();
  for (;;) {
    let best: { path: PathOffer; covers: CompetencyNeed[]; weight: number } | undefined;
    for (const path of eligible) {
      if (chosen.has(path)) continue;
      const covers = linked(path, uncovered);
      const weight = covers.reduce((s, n) => s + n.priority, 0);
      if (weight <= 0) continue;
      if (
        !best ||
        weight > best.weight ||
        (weight === best.weight &&
          (path.hours - best.path.hours ||
            compareCodes(path.code, best.path.code) ||
            path.pathId - best.path.pathId) < 0)
      )
        best = { path, covers, weight };
    }
    if (!best) break;
    const { path, covers, weight } = best;
    chosen.add(path);
    for (const n of covers) uncovered.delete(n.competency);
    const addresses = linked(path, open);
    const participants = new Set(addresses.flatMap((n) => [...n.peopleWithGap])).size;
    proposals.push({
      pathId: path.pathId,
      code: path.code,
      covers: covers.map((n) => n.competency),
      coveredPriority: weight,
      addresses: addresses.map((n) => n.competency),
      participants,
      hoursPerParticipant: path.hours,
      estimatedHours: participants * path.hours,
      deliveryModes: path.deliveryModes,
    });
  }
  const withoutPath = [...uncovered.values()]
    .map(({ competency, priority }) => ({ competency, priority }))
    .sort(byPriority);
  return { proposals, withoutPath, withheld };
}
