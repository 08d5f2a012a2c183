import { defineModule } from '../../../kernel/module.js';
import type { RequestContext } from '../../../kernel/principal.js';
import type { AuditService } from '../../platform/audit/index.js';
import type { MailService } from '../../platform/mail/index.js';
import type { UnitLookup } from '../units/index.js';
import { importUsers } from './import.js';
import { canManageUsers } from './policy.js';
import { createUsersRepository, type UsersRepository } from './repository.js';
import { usersRoutes } from './routes.js';
import { createUsersService, type UsersService } from './service.js';

export type { UserRow } from './repository.js';
export type { UsersService };

/** The account operations sign-in needs: finding people, their grants, and recording sign-ins. */
export type UserAccounts = Pick<
  UsersRepository,
  | 'findByEmail'
  | 'findById'
  | 'grantsOf'
  | 'recordFailedLogin'
  | 'recordLogin'
  | 'update'
  | 'unitBrief'
  | 'jobProfileBrief'
>;

/** People: scoped lists and details, invitations, CSV import, edits and role grants. */
export const usersModule = defineModule({
  name: 'users',
  create: ({ db, events }, deps: { audit: AuditService; mail: MailService; unitLookup: UnitLookup }) => {
    const repo = createUsersRepository();
    const users = createUsersService({
      db,
      repo,
      units: deps.unitLookup,
      audit: deps.audit,
      mail: deps.mail,
      events,
    });
    const {
      findByEmail,
      findById,
      grantsOf,
      recordFailedLogin,
      recordLogin,
      update,
      unitBrief,
      jobProfileBrief,
    } = repo;
    const accounts: UserAccounts = {
      findByEmail,
      findById,
      grantsOf,
      recordFailedLogin,
      recordLogin,
      update,
      unitBrief,
      jobProfileBrief,
    };
    return {
      users,
      accounts,
      importUsers: (ctx: RequestContext, text: string, unitId: number | null) =>
        importUsers({ db, units: deps.unitLookup, users }, ctx, text, unitId),
    };
  },
  routes: (app, services, { config }) => usersRoutes(app, { services, config }),
  can: (p) => ({ manageUsers: canManageUsers(p) }),
});
