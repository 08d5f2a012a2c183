import { defineModule } from '../../../kernel/module.js';
import type { AuditService } from '../../platform/audit/index.js';
import { type ReorgLookup, reorgLookup } from './lookup.js';
import { createReorgRepository } from './repository.js';
import { reorgRoutes } from './routes.js';
import { canEditRules, canUseRestructuring, canValidate } from './scope.js';
import { createReorgService, type ReorgService } from './service.js';
import { createReorgSummaries, type ReorgSummaries, reorgPlanSummaries } from './summaries.js';

export * from './scope.js';
export type { ReorgLookup, ReorgService, ReorgSummaries };
export { reorgPlanSummaries };

/**
 * A unit's Piano di riassetto organizzativo: versions with their workflow, proposals validated by the
 * task force, documents, comparison of versions. Offers `reorgLookup` (each unit's plan status),
 * `reorgPlans` (per unit: status, current version, act, totals; the history of status changes) and
 * the context's scope rules (`scope.ts`) to the other restructuring modules.
 */
export const reorgModule = defineModule({
  name: 'reorg',
  create: ({ db, clock }, deps: { audit: AuditService }) => {
    const repo = createReorgRepository();
    return {
      reorgLookup: reorgLookup as ReorgLookup,
      reorgPlans: createReorgSummaries(repo),
      reorg: createReorgService({ db, repo, audit: deps.audit, clock }),
    };
  },
  routes: (app, services, { config }) => reorgRoutes(app, { services, config }),
  can: (p) => ({
    useRestructuring: canUseRestructuring(p),
    validateRestructuring: canValidate(p),
    editRestructuringRules: canEditRules(p),
  }),
});
