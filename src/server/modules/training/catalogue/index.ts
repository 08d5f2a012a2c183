import { defineModule } from '../../../kernel/module.js';
import type { RequestContext } from '../../../kernel/principal.js';
import type { UnitLookup } from '../../identity/units/index.js';
import type { AuditService } from '../../platform/audit/index.js';
import type { AgreementsService } from '../agreements/index.js';
import { createEditionsRepository } from './editions-repository.js';
import { createEditionsService, type EditionsService } from './editions-service.js';
import { importSchedule } from './import.js';
import { createPathsRepository } from './paths-repository.js';
import { createPathsService, type PathsService } from './paths-service.js';
import { canManageCatalogue, canManageEdition } from './policy.js';
import { catalogueRoutes } from './routes.js';

export type { EditionRow } from './editions-repository.js';
export { isEligible } from './eligibility.js';
export type { EditionsService, PathsService };
export { canManageCatalogue, canManageEdition };

/**
 * The catalogue: training paths with modules and eligibility, editions and sessions with their status
 * workflow, the change log learners are told about, the schedule CSV import. Emits `edition.*` events and
 * `path.competenciesChanged`.
 */
export const catalogueModule = defineModule({
  name: 'catalogue',
  create: (
    { db, events },
    deps: { audit: AuditService; unitLookup: UnitLookup; agreements: AgreementsService },
  ) => {
    const pathsRepo = createPathsRepository();
    const paths = createPathsService({
      db,
      repo: pathsRepo,
      agreements: deps.agreements,
      audit: deps.audit,
      events,
    });
    const editions = createEditionsService({
      db,
      repo: createEditionsRepository(),
      paths: pathsRepo,
      units: deps.unitLookup,
      audit: deps.audit,
      events,
    });
    return {
      paths,
      editions,
      importSchedule: (ctx: RequestContext, text: string) =>
        importSchedule({ db, paths: pathsRepo, units: deps.unitLookup, editions }, ctx, text),
    };
  },
  routes: (app, services, { config }) => catalogueRoutes(app, { services, config }),
  can: (p) => ({ manageCatalogue: canManageCatalogue(p) }),
});
