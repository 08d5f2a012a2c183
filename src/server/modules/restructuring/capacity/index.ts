import { defineModule } from '../../../kernel/module.js';
import type { AuditService } from '../../platform/audit/index.js';
import type { ReorgLookup } from '../reorg/index.js';
import type { PopulationLookup } from '../unit-profiles/index.js';
import { createCapacityRepository } from './repository.js';
import { capacityRoutes } from './routes.js';
import { type CapacityService, createCapacityService } from './service.js';
import { createThresholdsService, type ThresholdsService } from './thresholds-service.js';

export type { CapacityService, ThresholdsService };

/**
 * Hiring capacity (DL 34/2019 art. 33; DM 11 gennaio 2022): each unit's yearly figures and the
 * thresholds as reference data. Offers `capacityView(tx, unitId, year)` and `capacityViews(tx, year)`
 * through the `capacity` service for the national view and the briefs.
 */
export const capacityModule = defineModule({
  name: 'capacity',
  create: (
    { db, clock },
    deps: { audit: AuditService; reorgLookup: ReorgLookup; populationLookup: PopulationLookup },
  ) => {
    const repo = createCapacityRepository();
    return {
      capacity: createCapacityService({
        db,
        repo,
        clock,
        audit: deps.audit,
        reorg: deps.reorgLookup,
        populations: deps.populationLookup,
      }),
      capacityThresholds: createThresholdsService({ db, repo, audit: deps.audit }),
    };
  },
  routes: (app, services, { config }) => capacityRoutes(app, { services, config }),
});
