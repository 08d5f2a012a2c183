import type { z } from 'zod';
import type { RoleGrant } from '../../../../common/auth.js';
import { GLOBAL_ONLY_ROLES, type Role, UNIT_ONLY_ROLES } from '../../../../common/roles.js';
import type { InviteInput, UserSummary, userListQuery, userUpdateBody } from '../../../../common/users.js';
import type { Db } from '../../../db/client.js';
import { isUniqueViolation } from '../../../db/sql.js';
import { changedFields } from '../../../kernel/changes.js';
import { AppError, errors } from '../../../kernel/errors.js';
import type { EventBus } from '../../../kernel/events.js';
import {
  canManagePeopleOf,
  canReadPerson,
  type Grant,
  peopleScope,
  type RequestContext,
  requireActor,
} from '../../../kernel/principal.js';
import type { AuditService } from '../../platform/audit/index.js';
import type { MailService } from '../../platform/mail/index.js';
import type { UnitLookup } from '../units/index.js';
import { canGrant } from './policy.js';
import type { UserRow, UsersRepository } from './repository.js';

const USER = { it: 'Utente', en: 'User' };

export const emailTaken = () =>
  errors.conflict('EMAIL_TAKEN', {
    it: 'Esiste già un utente con questo indirizzo e-mail.',
    en: 'A user with this e-mail address already exists.',
  });

const lastAdmin = () =>
  new AppError(409, 'LAST_ADMIN', {
    it: 'È l’ultimo amministratore nazionale attivo: nominane un altro prima.',
    en: 'This is the last active national administrator: appoint another one first.',
  });

export type UsersServiceDeps = {
  db: Db;
  repo: UsersRepository;
  units: UnitLookup;
  audit: AuditService;
  events: EventBus;
  mail: MailService;
};

export type UsersService = ReturnType<typeof createUsersService>;

export function createUsersService(deps: UsersServiceDeps) {
  const { db, repo, units, audit } = deps;

  async function summarise(rows: { user: UserRow; unitName: string | null }[]): Promise<UserSummary[]> {
    const grants = await repo.grantsOf(
      db,
      rows.map((r) => r.user.id),
    );
    return rows.map(({ user, unitName }) => ({
      id: user.id,
      email: user.email,
      name: user.name,
      active: user.active,
      unitId: user.unitId,
      unitName,
      jobProfileCode: user.jobProfileCode,
      activated: user.passwordHash !== null,
      lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
      roles: grants.get(user.id) ?? [],
    }));
  }

  async function one(user: UserRow): Promise<UserSummary> {
    const unit = await repo.unitBrief(db, user.unitId);
    const [summary] = await summarise([{ user, unitName: unit?.name ?? null }]);
    return summary as UserSummary;
  }

  /**
   * Loads a user the actor may see. Someone outside the actor's scope gets the same 404 as a user
   * that does not exist, so ids of other Provinces' staff cannot be probed.
   */
  async function visibleUser(ctx: RequestContext, id: string): Promise<UserRow> {
    const user = await repo.findById(db, id);
    if (!user || !canReadPerson(ctx.actor, user)) throw errors.notFound(USER);
    return user;
  }

  async function manageableUser(ctx: RequestContext, id: string): Promise<UserRow> {
    const user = await visibleUser(ctx, id);
    if (!canManagePeopleOf(ctx.actor, user.unitId)) throw errors.forbidden();
    return user;
  }

  async function assertUnit(tx: Db, unitId: number | null, field = 'unitId') {
    if (unitId === null) return;
    if (!(await units.findById(tx, unitId)))
      throw errors.badRequest(
        'UNKNOWN_UNIT',
        { it: 'Unità territoriale sconosciuta.', en: 'Unknown territorial unit.' },
        [field],
      );
  }

  async function assertJobProfile(tx: Db, code: string | null | undefined) {
    if (!code) return;
    if (!(await units.jobProfileExists(tx, code)))
      throw errors.badRequest(
        'UNKNOWN_JOB_PROFILE',
        { it: 'Profilo professionale sconosciuto.', en: 'Unknown job profile.' },
        ['jobProfileCode'],
      );
  }

  /** Refuses a change that would leave no active national admin (the remaining ones are locked). */
  async function assertOtherAdmin(tx: Db, remains: (a: { grantId: number; userId: string }) => boolean) {
    const admins = await repo.lockActiveAdmins(tx);
    if (!admins.some(remains)) throw lastAdmin();
  }

  /** Creates the account, the learner role and the invitation e-mail in one transaction. */
  async function createInvited(ctx: RequestContext, input: InviteInput, source: 'form' | 'csv') {
    const actor = requireActor(ctx);
    if (!canManagePeopleOf(actor, input.unitId)) throw errors.forbidden();
    try {
      const user = await db.transaction(async (tx) => {
        await assertUnit(tx, input.unitId);
        await assertJobProfile(tx, input.jobProfileCode);
        const created = await repo.insert(tx, {
          email: input.email,
          name: input.name,
          unitId: input.unitId,
          jobProfileCode: input.jobProfileCode ?? null,
        });
        await repo.insertGrant(tx, created.id, 'learner', input.unitId, actor.id);
        await deps.events.emit(tx, ctx, 'user.invited', { user: created, inviterName: actor.name });
        await audit.record(tx, ctx, {
          action: 'user.invited',
          entityType: 'user',
          entityId: created.id,
          unitId: created.unitId,
          details: { email: created.email, source },
        });
        return created;
      });
      return user;
    } catch (err) {
      if (isUniqueViolation(err)) throw emailTaken();
      throw err;
    }
  }

  return {
    createInvited,

    async list(ctx: RequestContext, q: z.infer<typeof userListQuery>) {
      const actor = requireActor(ctx);
      const { rows, total } = await repo.list(
        db,
        peopleScope(actor),
        {
          q: q.q,
          unitId: q.unitId,
          role: q.role,
          active: q.active === undefined ? undefined : q.active === 'true',
        },
        q.page,
        q.pageSize,
      );
      return { items: await summarise(rows), total, page: q.page, pageSize: q.pageSize };
    },

    async get(ctx: RequestContext, id: string) {
      return one(await visibleUser(ctx, id));
    },

    async invite(ctx: RequestContext, input: InviteInput) {
      const user = await createInvited(ctx, input, 'form');
      deps.mail.kick();
      return one(user);
    },

    async resendInvitation(ctx: RequestContext, id: string) {
      const user = await manageableUser(ctx, id);
      if (user.passwordHash !== null || !user.active)
        throw errors.conflict('ALREADY_ACTIVATED', {
          it: 'L’utente ha già attivato l’account o è disattivato: può usare “Password dimenticata”.',
          en: 'The user has already activated the account or is deactivated: they can use “Forgot password”.',
        });
      await db.transaction(async (tx) => {
        await deps.events.emit(tx, ctx, 'user.invited', { user, inviterName: requireActor(ctx).name });
        await audit.record(tx, ctx, {
          action: 'user.invitation_resent',
          entityType: 'user',
          entityId: user.id,
          unitId: user.unitId,
        });
      });
      deps.mail.kick();
    },

    async update(ctx: RequestContext, id: string, patch: z.infer<typeof userUpdateBody>) {
      const actor = requireActor(ctx);
      const user = await manageableUser(ctx, id);
      if (patch.unitId !== undefined && !canManagePeopleOf(actor, patch.unitId)) throw errors.forbidden();
      if (patch.active === false && user.id === actor.id)
        throw errors.conflict('CANNOT_DEACTIVATE_SELF', {
          it: 'Non puoi disattivare il tuo stesso account.',
          en: 'You cannot deactivate your own account.',
        });
      const updated = await db.transaction(async (tx) => {
        await assertUnit(tx, patch.unitId ?? null);
        await assertJobProfile(tx, patch.jobProfileCode);
        if (patch.active === false) await assertOtherAdmin(tx, (a) => a.userId !== id);
        const row = await repo.update(tx, id, patch);
        if (!row) throw errors.notFound(USER);
        // A deactivated account is signed out everywhere at once.
        if (patch.active === false) await deps.events.emit(tx, ctx, 'user.deactivated', { userId: id });
        const changed = changedFields(user, patch);
        await audit.record(tx, ctx, {
          action: 'user.updated',
          entityType: 'user',
          entityId: id,
          unitId: row.unitId,
          details: changed,
        });
        return row;
      });
      return one(updated);
    },

    async grant(ctx: RequestContext, id: string, role: Role, unitId: number | null): Promise<RoleGrant> {
      const actor = requireActor(ctx);
      const user = await visibleUser(ctx, id);
      if (!canGrant(actor, role, unitId) || !canManagePeopleOf(actor, user.unitId)) throw errors.forbidden();
      if (UNIT_ONLY_ROLES.includes(role) && unitId === null)
        throw errors.badRequest(
          'UNIT_REQUIRED',
          {
            it: 'Questo ruolo va assegnato per una unità territoriale.',
            en: 'This role must be granted for a territorial unit.',
          },
          ['unitId'],
        );
      if (GLOBAL_ONLY_ROLES.includes(role) && unitId !== null)
        throw errors.badRequest(
          'GLOBAL_ROLE',
          {
            it: 'Questo ruolo è solo nazionale: non va legato a una unità.',
            en: 'This role is national only: do not tie it to a unit.',
          },
          ['unitId'],
        );
      try {
        return await db.transaction(async (tx) => {
          await assertUnit(tx, unitId);
          const row = await repo.insertGrant(tx, id, role, unitId, actor.id);
          if (!row) throw new Error('grant insert returned no row');
          await audit.record(tx, ctx, {
            action: 'role.granted',
            entityType: 'user',
            entityId: id,
            unitId: unitId ?? user.unitId,
            details: { role, unitId },
          });
          const unit = await repo.unitBrief(tx, unitId);
          return { id: row.id, role, unitId, unitName: unit?.name ?? null } satisfies Grant;
        });
      } catch (err) {
        if (isUniqueViolation(err))
          throw errors.conflict('ROLE_EXISTS', {
            it: 'L’utente ha già questo ruolo.',
            en: 'The user already has this role.',
          });
        throw err;
      }
    },

    async revoke(ctx: RequestContext, id: string, grantId: number) {
      const actor = requireActor(ctx);
      const user = await visibleUser(ctx, id);
      await db.transaction(async (tx) => {
        const grant = await repo.findGrant(tx, id, grantId);
        if (!grant) throw errors.notFound({ it: 'Ruolo', en: 'Role' });
        if (!canGrant(actor, grant.role, grant.unitId) || !canManagePeopleOf(actor, user.unitId))
          throw errors.forbidden();
        if (grant.role === 'national_admin' && grant.unitId === null)
          await assertOtherAdmin(tx, (a) => a.grantId !== grant.id);
        await repo.deleteGrant(tx, grantId);
        await audit.record(tx, ctx, {
          action: 'role.revoked',
          entityType: 'user',
          entityId: id,
          unitId: grant.unitId ?? user.unitId,
          details: { role: grant.role, unitId: grant.unitId },
        });
      });
    },
  };
}
