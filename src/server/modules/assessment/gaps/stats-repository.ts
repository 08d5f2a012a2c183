import type { Db } from '../../../db/client.js';
import type { CellKey, Dimension } from './aggregate.js';
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

    /** Reads the summary as it is (no refresh). */
    async groups(db: Db, filter: StatsFilter, sets: readonly (readonly Dimension[])[]) {
      const out: GroupStats[][] = [];
      for (const dims of sets) {
        const grains = dims.filter((d) => FRAMEWORK.includes(d));
        if (grains.length > 1)
          throw new RangeError(`one framework grain per grouping, got ${grains.join(', ')}`);
        const cells = await summary.cells(db, {
          campaignId: filter.campaignId,
          grain: (grains[0] as 'domain' | 'area' | 'competency' | undefined) ?? 'all',
          by: dims.filter((d): d is SummaryDimension => !FRAMEWORK.includes(d)),
          unitIds: filter.unitIds,
          jobProfile: filter.jobProfile,
        });
        out.push(
          cells.map(({ key, respondents, observations, totalGap, affected }) => ({
            key,
            respondents,
            observations,
            totalGap,
            affected,
          })),
        );
      }
      return out;
    },
  };
}

export type StatsRepository = ReturnType<typeof createStatsRepository>;
