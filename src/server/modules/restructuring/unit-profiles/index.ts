import { defineModule } from '../../../kernel/module.js';
import type { UnitOfficers } from '../../identity/users/index.js';
import type { AuditService } from '../../platform/audit/index.js';
import type { AgreementsService } from '../../training/agreements/index.js';
import { importPopulations, type PopulationImport } from './import.js';
import { createUnitProfilesRepository } from './repository.js';
import { unitProfilesRoutes } from './routes.js';
import { createUnitProfilesService, currentYearOf, isStale, type UnitProfilesService } from './service.js';

export type { PopulationImport, UnitProfilesService };
export { currentYearOf, isStale };

/**
 * A unit's profile in the restructuring context: resident population by year (by hand or from
 * ISTAT's CSV), contacts, staff size, its officers and Convenzioni. Offers `populationLookup`
 * (the population a unit had in a year) to the capacity module.
 */
export const unitProfilesModule = defineModule({
  name: 'unitProfiles',
  create: (
    { db, clock },
    deps: { audit: AuditService; unitOfficers: UnitOfficers; agreements: AgreementsService },
  ) => {
    const repo = createUnitProfilesRepository();
    const populationLookup = {
      /** Every unit's (or one unit's) latest population at or before `year`, by unit id. */
      latestByUnit: (tx: typeof db, year: number, unitId?: number) =>
        repo.latestPopulations(tx, year, unitId),
    };
    return {
      unitProfiles: createUnitProfilesService({
        db,
        repo,
        clock,
        audit: deps.audit,
        officers: deps.unitOfficers,
        agreements: deps.agreements,
      }),
      importPopulations: ((ctx, text, form) =>
        importPopulations({ db, repo, audit: deps.audit }, ctx, text, form)) as PopulationImport,
      populationLookup,
    };
  },
  routes: (app, services, { config }) => unitProfilesRoutes(app, { services, config }),
});

export type PopulationLookup = ReturnType<(typeof unitProfilesModule)['create']>['populationLookup'];
