import { defineModule } from '../../../kernel/module.js';
import type { UnitLookup } from '../../identity/units/index.js';
import type { AuditService } from '../../platform/audit/index.js';
import { canManageAgreements } from './policy.js';
import { createAgreementsRepository } from './repository.js';
import { agreementsRoutes } from './routes.js';
import { type AgreementsService, createAgreementsService } from './service.js';

export type { AgreementsService };

/** Convenzioni: a unit's signed agreement for a service model; they open the paths reserved to that model. */
export const agreementsModule = defineModule({
  name: 'agreements',
  create: ({ db, clock }, deps: { audit: AuditService; unitLookup: UnitLookup }) => ({
    agreements: createAgreementsService({
      db,
      repo: createAgreementsRepository(clock),
      units: deps.unitLookup,
      audit: deps.audit,
    }),
  }),
  routes: (app, services, { config }) => agreementsRoutes(app, { services, config }),
  can: (p) => ({ manageAgreements: canManageAgreements(p) }),
});
