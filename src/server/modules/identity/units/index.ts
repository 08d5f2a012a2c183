import { defineModule } from '../../../kernel/module.js';
import { pick } from '../../../kernel/pick.js';
import type { AuditService } from '../../platform/audit/index.js';
import { canManageUnits } from './policy.js';
import { createUnitsRepository, type UnitsRepository } from './repository.js';
import { unitsRoutes } from './routes.js';
import { createUnitsService, type UnitsService } from './service.js';

export type { UnitsService };

/** What other modules may ask about units and reference data, inside their own transaction. */
const LOOKUPS = ['findById', 'findCurrentByIstat', 'jobProfileExists'] as const;
export type UnitLookup = Pick<UnitsRepository, (typeof LOOKUPS)[number]>;

/** Territorial units (ISTAT, with validity dates) and reference data: domains, service models, job profiles. */
export const unitsModule = defineModule({
  name: 'units',
  create: ({ db, clock }, { audit }: { audit: AuditService }) => {
    const repo = createUnitsRepository(clock);
    const unitLookup: UnitLookup = pick(repo, LOOKUPS);
    return { units: createUnitsService({ db, repo, audit }), unitLookup };
  },
  routes: (app, services, { config }) => unitsRoutes(app, { services, config }),
  can: (p) => ({ manageUnits: canManageUnits(p) }),
});
