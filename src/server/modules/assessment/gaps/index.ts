import { defineModule } from '../../../kernel/module.js';
import { snapshotExpectations } from './expectations.js';
import { createLookupRepository } from './lookup-repository.js';
import { canViewGaps } from './policy.js';
import { createGapsRepository, type RowsFilter } from './repository.js';
import { gapsRoutes } from './routes.js';
import { createGapsService, type GapsService } from './service.js';
import { createStatsRepository } from './stats-repository.js';
import { createSummaryRepository } from './summary-repository.js';

export type { PersonRow } from './aggregate.js';
export { gap } from './gap.js';
export {
  type CompetencyNeed,
  type PathOffer,
  type PathProposal,
  type PlanProposal,
  proposePlan,
  unitNeeds,
} from './matching.js';
export { isTooSmall } from './suppression.js';
export type { GapsService, RowsFilter };
export { canViewGaps, snapshotExpectations };

/**
 * Competency gaps: from a campaign's answers and the job profiles' expected levels to gap rows, cells
 * and priorities, always through the suppression of small groups. The maths is pure (gap.ts,
 * aggregate.ts, suppression.ts, differencing.ts, matching.ts, tables.ts); the heatmaps, rankings and
 * exports aggregate in SQL (stats-repository.ts); the people's own gaps exist for named campaigns only.
 * A closed campaign is judged against the expected levels frozen when it closed (expectations.ts).
 */
export const gapsModule = defineModule({
  name: 'gaps',
  create: ({ db }) => {
    const repo = createGapsRepository();
    return {
      gapRows: {
        /** Raw gap rows, for the modules that aggregate them (never published as they are). */
        personRows: (filter: RowsFilter) => repo.personRows(db, filter),
      },
      gaps: createGapsService({ db, stats: createStatsRepository(), lookup: createLookupRepository() }),
    };
  },
  routes: (app, services, { config }) => gapsRoutes(app, { services, config }),
  can: (p) => ({ viewGaps: canViewGaps(p) }),
  handles: () => {
    const summary = createSummaryRepository();
    return {
      // The expected levels the campaign is judged against, frozen with its answers.
      'campaign.closed': (tx, _ctx, { campaignId }) => snapshotExpectations(tx, campaignId),
      // A manager's levels change the unit's gaps: its summary is recomputed at the next read.
      'campaign.assessed': (tx, _ctx, { campaignId, unitId }) => summary.forget(tx, campaignId, unitId),
    };
  },
});

export type GapRowsService = ReturnType<typeof gapsModule.create>['gapRows'];
