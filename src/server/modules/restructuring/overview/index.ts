import { defineModule } from '../../../kernel/module.js';
import { createOverviewRepository } from './repository.js';
import { overviewRoutes } from './routes.js';
import { createOverviewService, type OverviewService } from './service.js';

export type { OverviewService };

/**
 * The task force's national view: every unit's plan status, population, hiring capacity, programming
 * deadlines and follow-up in one table, the maps and trends built on it, its CSV/XLSX export and a
 * one-page PDF brief per unit.
 *
 * It is the restructuring context's READ MODEL: its repository reads the context's tables directly
 * and READ ONLY (plans and their events, populations, capacity figures, programming documents, task
 * force assignments, issues and interventions), and computes every figure with the shared rules
 * (common/capacity.ts, common/deadlines.ts) from the reference data. It never writes; the modules
 * that own those tables stay the only writers. It comes last in the module list.
 */
export const overviewModule = defineModule({
  name: 'overview',
  create: ({ db, clock }) => ({
    overview: createOverviewService({ db, repo: createOverviewRepository(), clock }),
  }),
  routes: (app, services, { config }) => overviewRoutes(app, { services, config }),
});
