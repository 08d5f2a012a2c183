import type { GapGrain } from '../../../../common/assessment.js';
import type { Db } from '../../../db/client.js';
import { type CellKey, compareKeys, DIMENSIONS, type Dimension } from './aggregate.js';
import { createSummaryRepository, type SummaryDimension } from './summary-repository.js';

/** Which answers count: a campaign, and optionally only some units and one job profile. */
export type StatsFilter = { campaignId: number; unitIds?: readonly number[]; jobProfile?: string };

/** The raw statistics of one group, as aggregate() computes them from the rows. */
export type GroupStats = {
  key: CellKey;
  respondents: number;
  observations: number;
  totalGap: number;
  affected: number;
};

const FRAMEWORK: readonly Dimension[] = ['domain', 'area', 'competency'];
const PEOPLE: readonly SummaryDimension[] = ['region', 'unit', 'jobProfile'];

/**
 * The gap statistics of a campaign, for any groupings of people (region, unit, job profile) by at
 * most one grain of the framework (domain, area or competency). They are sums of the campaign's gap
 * summary (summary-repository.ts), brought up to date once per request by `refresh`, so a national campaign of a million
 * answers is a few thousand summed rows; the numbers are those aggregate() computes from the gap rows
 * (stats.int.test.ts and summary.int.test.ts prove it).
 */
export function createStatsRepository() {
  const summary = createSummaryRepository();
  return {
    /** Brings the campaign's summary up to date: once per request, before any `groups`. */
    refresh: (db: Db, campaignId: number) => summary.refresh(db, campaignId),

    /**
     * Reads the summary as it is (no refresh). Sets of one framework grain are read once, grouped by
     * every people dimension any of them uses, and rolled up in memory for the others: people are
     * split by unit and job profile, so those sums are exact, and a table with its margins costs
     * two queries instead of four.
     */
    async groups(db: Db, filter: StatsFilter, sets: readonly (readonly Dimension[])[]) {
      const plans = sets.map((dims) => {
        const grains = dims.filter((d) => FRAMEWORK.includes(d));
        if (grains.length > 1)
          throw new RangeError(`one framework grain per grouping, got ${grains.join(', ')}`);
        const grain: GapGrain = (grains[0] as 'domain' | 'area' | 'competency' | undefined) ?? 'all';
        return { grain, by: dims.filter((d): d is SummaryDimension => !FRAMEWORK.includes(d)) };
      });
      const read = new Map<GapGrain, GroupStats[]>();
      for (const grain of new Set(plans.map((p) => p.grain))) {
        const by = PEOPLE.filter((d) => plans.some((p) => p.grain === grain && p.by.includes(d)));
        const cells = await summary.cells(db, {
          campaignId: filter.campaignId,
          grain,
          by,
          unitIds: filter.unitIds,
          jobProfile: filter.jobProfile,
        });
        read.set(
          grain,
          cells.map(({ key, respondents, observations, totalGap, affected }) => ({
            key,
            respondents,
            observations,
            totalGap,
            affected,
          })),
        );
      }
      return plans.map((p) => rollUp(read.get(p.grain) ?? [], p.by));
    },
  };
}

/** The groups summed over the people dimensions not in `by` (the framework key is kept). */
function rollUp(groups: readonly GroupStats[], by: readonly SummaryDimension[]): GroupStats[] {
  const out = new Map<string, GroupStats>();
  for (const g of groups) {
    const key: CellKey = { ...g.key };
    for (const d of PEOPLE) if (!by.includes(d)) delete key[d];
    const id = JSON.stringify(DIMENSIONS.map((d) => key[d]));
    const sum = out.get(id);
    if (sum) {
      sum.respondents += g.respondents;
      sum.observations += g.observations;
      sum.totalGap += g.totalGap;
      sum.affected += g.affected;
    } else out.set(id, { ...g, key });
  }
  return [...out.values()].sort((a, b) => compareKeys(a.key, b.key));
}

export type StatsRepository = ReturnType<typeof createStatsRepository>;
