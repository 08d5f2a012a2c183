import { defineModule } from '../../../kernel/module.js';
import type { UnitLookup } from '../../identity/units/index.js';
import type { AuditService } from '../../platform/audit/index.js';
import type { FrameworkService } from '../framework/index.js';
import { canManageProfiles } from './policy.js';
import { createProfilesRepository } from './repository.js';
import { profilesRoutes } from './routes.js';
import { createProfilesService, type ProfilesService } from './service.js';

export type { ProfilesService };
export { canManageProfiles };

/**
 * Expected levels per job profile: national levels for each competency of the published framework
 * (national admins) and a unit's overrides for its restructuring plan (its Province officer), keyed
 * by competency code so they carry over to a new framework version; CSV export and import.
 */
export const profilesModule = defineModule({
  name: 'profiles',
  create: (
    { db, clock },
    deps: { audit: AuditService; framework: FrameworkService; unitLookup: UnitLookup },
  ) => ({
    profiles: createProfilesService({
      db,
      repo: createProfilesRepository(),
      audit: deps.audit,
      clock,
      framework: deps.framework,
      units: deps.unitLookup,
    }),
  }),
  routes: (app, services, { config }) => profilesRoutes(app, { services, config }),
  can: (p) => ({ manageProfiles: canManageProfiles(p) }),
});
