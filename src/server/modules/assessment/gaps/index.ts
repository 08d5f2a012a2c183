import { defineModule } from '../../../kernel/module.js';
import { createGapsRepository, type RowsFilter } from './repository.js';

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
export type { RowsFilter };

/**
 * Competency gaps: from a campaign's answers and the job profiles' expected levels to gap rows, cells
 * and priorities, always through the suppression of small groups. The maths is pure (gap.ts,
 * aggregate.ts, suppression.ts, differencing.ts, matching.ts); this module reads the rows.
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
    };
  },
});

export type GapRowsService = ReturnType<typeof gapsModule.create>['gapRows'];
