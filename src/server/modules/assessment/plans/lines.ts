/**
 * From the gaps module's proposal (greedy cover, see gaps/matching.ts) to the lines of a plan: how each
 * is delivered and in which quarter of the plan's year.
 *
 * Mode: a path with many participants (LARGE_GROUP or more) goes online if the path offers it, else
 * by webinar — they reach a whole office without travel or a room that size; a smaller group keeps
 * the path's first mode (the catalogue lists the main one first). A need with no path gets the same
 * rule over every mode (online when many, classroom when few), as a first suggestion to edit.
 *
 * Quarter: the lines are ranked by priority (a path by the priority it was chosen for, a need by its
 * own) and spread evenly over the four quarters, the most urgent first. A need with no path is never
 * before the second quarter: a path must be designed for it first.
 */
import type { DeliveryMode } from '../../../../common/catalogue.js';
import type { PlanProposal } from '../gaps/index.js';

export const LARGE_GROUP = 15;

export type Line = {
  pathId: number | null;
  competencyCodes: string[];
  participants: number;
  hoursPerParticipant: number;
  deliveryMode: DeliveryMode;
  quarter: string;
  priority: number;
};

export function chooseMode(modes: readonly DeliveryMode[], participants: number): DeliveryMode {
  if (participants >= LARGE_GROUP) {
    for (const m of ['online', 'webinar'] as const) if (modes.includes(m)) return m;
  }
  if (modes.length) return modes[0] as DeliveryMode;
  return participants >= LARGE_GROUP ? 'online' : 'aula';
}

/** The quarter of rank `i` (0-based) among `n` lines, the first quarter for the most urgent. */
export function quarterOf(year: number, i: number, n: number, earliest = 1): string {
  const q = Math.max(earliest, Math.min(4, Math.floor((i * 4) / Math.max(1, n)) + 1));
  return `${year}-T${q}`;
}

/** The plan's lines, in the order they are shown: the proposed paths, then the needs without one. */
export function planLines(
  proposal: PlanProposal,
  peopleWithGap: ReadonlyMap<string, number>,
  year: number,
): Line[] {
  const lines: Line[] = [
    ...proposal.proposals.map((p) => ({
      pathId: p.pathId,
      competencyCodes: p.addresses,
      participants: p.participants,
      hoursPerParticipant: p.hoursPerParticipant,
      deliveryMode: chooseMode(p.deliveryModes, p.participants),
      quarter: '',
      priority: p.coveredPriority,
    })),
    ...proposal.withoutPath.map((n) => {
      const participants = peopleWithGap.get(n.competency) ?? 0;
      return {
        pathId: null,
        competencyCodes: [n.competency],
        participants,
        hoursPerParticipant: 0,
        deliveryMode: chooseMode([], participants),
        quarter: '',
        priority: n.priority,
      };
    }),
  ];
  const ranked = lines
    .map((l, i) => ({ l, i }))
    .sort((a, b) => b.l.priority - a.l.priority || a.i - b.i)
    .map((x) => x.l);
  ranked.forEach((l, rank) => {
    l.quarter = quarterOf(year, rank, ranked.length, l.pathId === null ? 2 : 1);
  });
  return lines;
}

/** The plan's year: the one after the campaign closed (its answers feed the next PIAO). */
export function planYear(closesOn: string): number {
  return Number(closesOn.slice(0, 4)) + 1;
}
