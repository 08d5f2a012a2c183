import { defineModule } from '../../../kernel/module.js';
import { pick } from '../../../kernel/pick.js';
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
const ACCOUNT_OPERATIONS = [
  'findByEmail',
  'findById',
  'grantsOf',
  'recordFailedLogin',
  'recordLogin',
  'update',
  'unitBrief',
  'jobProfileBrief',
] as const;
export type UserAccounts = Pick<UsersRepository, (typeof ACCOUNT_OPERATIONS)[number]>;
/** Who the Province officers of a unit are (name and e-mail), for the unit's profile. */
export type UnitOfficers = Pick<UsersRepository, 'officersOf'>;

/** Who holds a role: the narrow question other modules may ask about people. */
const ROLE_HOLDERS = ['holdersOf'] as const;
export type RoleHolders = Pick<UsersRepository, (typeof ROLE_HOLDERS)[number]>;

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
    const accounts: UserAccounts = pick(repo, ACCOUNT_OPERATIONS);
    const roleHolders: RoleHolders = pick(repo, ROLE_HOLDERS);
    const unitOfficers: UnitOfficers = pick(repo, ['officersOf'] as const);
    return {
      users,
      accounts,
      roleHolders,
      unitOfficers,
      importUsers: (ctx: RequestContext, text: string, unitId: number | null) =>
        importUsers({ db, units: deps.unitLookup, users }, ctx, text, unitId),
    };
  },
  routes: (app, services, { config }) => usersRoutes(app, { services, config }),
  can: (p) => ({ manageUsers: canManageUsers(p) }),
});
