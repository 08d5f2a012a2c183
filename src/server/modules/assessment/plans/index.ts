import { defineModule } from '../../../kernel/module.js';
import type { AuditService } from '../../platform/audit/index.js';
import type { GapRowsService, GapsService } from '../gaps/index.js';
import { createPlanAccess } from './access.js';
import { createDemandService, type DemandService } from './demand-service.js';
import { createPlanItemsService, type PlanItemsService } from './items-service.js';
import { canUsePlans, canViewDemand } from './policy.js';
import { createPlansRepository } from './repository.js';
import { plansRoutes } from './routes.js';
import { createPlansService, type PlansService } from './service.js';

export { type TrainingPlanLookup, trainingPlanLookup } from './unit-summary.js';
export type { DemandService, PlanItemsService, PlansService };

/**
 * From needs to offer: a unit's training plan proposed from a closed survey's gaps, edited and
 * approved by its officer and exported as the PIAO's training section; the national demand across
 * plans; and the paths suggested to a learner from their own named answers.
 */
export const plansModule = defineModule({
  name: 'plans',
  create: ({ db, clock }, deps: { audit: AuditService; gapRows: GapRowsService; gaps: GapsService }) => {
    const repo = createPlansRepository();
    const access = createPlanAccess({
      repo,
      gapRows: deps.gapRows,
      gaps: deps.gaps,
      audit: deps.audit,
      clock,
    });
    return {
      plans: createPlansService({ db, repo, access, clock }),
      planItems: createPlanItemsService({ db, repo, access }),
      demand: createDemandService({ db, repo, gaps: deps.gaps, clock }),
    };
  },
  routes: (app, services, { config }) => plansRoutes(app, { services, config }),
  can: (p) => ({ managePlans: canUsePlans(p), viewDemand: canViewDemand(p) }),
});
