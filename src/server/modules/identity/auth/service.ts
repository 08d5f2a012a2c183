import type { Me } from '../../../../common/auth.js';
import type { Config } from '../../../config.js';
import type { Db } from '../../../db/client.js';
import type { Clock } from '../../../kernel/clock.js';
import { AppError, errors, type Lang } from '../../../kernel/errors.js';
import type { Capabilities } from '../../../kernel/module.js';
import { assertPasswordPolicy, hashPassword, verifyPassword } from '../../../kernel/passwords.js';
import type { Principal, RequestContext } from '../../../kernel/principal.js';
import { hashToken, newToken } from '../../../kernel/tokens.js';
import type { AuditService } from '../../platform/audit/index.js';
import type { MailService } from '../../platform/mail/index.js';
import type { UserAccounts, UserRow } from '../users/index.js';
import { invitationMail, passwordResetMail } from './mails.js';
import type { AuthRepository, TokenPurpose } from './repository.js';

export const SESSION_IDLE_S = 8 * 3600;
export const MAX_FAILED_LOGINS = 5;
export const LOCK_S = 15 * 60;
const TOKEN_TTL_S: Record<TokenPurpose, number> = { password_reset: 3600, invitation: 7 * 86400 };
/** Sliding expiry is written at most this often, not on every request. */
export const TOUCH_EVERY_MS = 5 * 60 * 1000;

const BAD_CREDENTIALS = new AppError(401, 'INVALID_CREDENTIALS', {
  it: 'E-mail o password non corretti.',
  en: 'Wrong e-mail or password.',
});

export type AuthService = ReturnType<typeof createAuthService>;

export function createAuthService(deps: {
  db: Db;
  repo: AuthRepository;
  users: UserAccounts;
  audit: AuditService;
  capabilities: (p: Principal) => Capabilities;
  mail: MailService;
  config: Pick<Config, 'publicUrl'>;
  clock: Clock;
}) {
  const { db, repo, users, audit, mail, clock } = deps;
  const inSeconds = (s: number) => new Date(clock.now().getTime() + s * 1000);

  async function principalOf(user: UserRow): Promise<Principal> {
    const grants = (await users.grantsOf(db, [user.id])).get(user.id) ?? [];
    return { id: user.id, email: user.email, name: user.name, unitId: user.unitId, grants };
  }

  /** Creates a single-use link token in the caller's transaction and returns the link. */
  async function issueLink(tx: Db, userId: string, purpose: TokenPurpose) {
    await repo.expireTokens(tx, userId, purpose);
    const token = newToken();
    await repo.insertToken(tx, {
      tokenHash: hashToken(token),
      userId,
      purpose,
      expiresAt: inSeconds(TOKEN_TTL_S[purpose]),
    });
    const invite = purpose === 'invitation' ? '&invito=1' : '';
    return `${deps.config.publicUrl}/reimposta-password?token=${token}${invite}`;
  }

  return {
    principalOf,

    async login(ctx: RequestContext, email: string, password: string, meta: { userAgent: string | null }) {
      const user = await users.findByEmail(db, email);
      const now = clock.now();
      if (user?.lockedUntil && user.lockedUntil > now) throw lockedError(user.lockedUntil, now);
      const ok = await verifyPassword(user?.passwordHash, password);
      if (!user || !ok || !user.active) {
        if (user) {
          const after = await users.recordFailedLogin(db, user.id, MAX_FAILED_LOGINS, LOCK_S, now);
          if (after?.lockedUntil) {
            await audit.record(
              db,
              { ...ctx, actor: null },
              {
                action: 'auth.locked',
                entityType: 'user',
                entityId: user.id,
                unitId: user.unitId,
                details: { failedLogins: after.failedLogins },
              },
            );
          }
        }
        throw BAD_CREDENTIALS;
      }
      const token = newToken();
      await db.transaction(async (tx) => {
        await users.recordLogin(tx, user.id, now);
        await repo.insertSession(tx, {
          tokenHash: hashToken(token),
          userId: user.id,
          lastSeenAt: now,
          expiresAt: inSeconds(SESSION_IDLE_S),
          userAgent: meta.userAgent?.slice(0, 300) ?? null,
          ip: ctx.ip,
        });
        await audit.record(
          tx,
          {
            ...ctx,
            actor: { id: user.id, email: user.email, name: user.name, unitId: user.unitId, grants: [] },
          },
          { action: 'auth.login', entityType: 'user', entityId: user.id, unitId: user.unitId },
        );
      });
      return { token, principal: await principalOf(user) };
    },

    async logout(token: string) {
      await repo.deleteSession(db, hashToken(token));
    },

    /** The principal behind a session cookie, or null; extends the session while it is used. */
    async resolveSession(token: string): Promise<Principal | null> {
      const tokenHash = hashToken(token);
      const row = await repo.findSession(db, tokenHash);
      if (!row) return null;
      if (clock.now().getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
        await repo.touchSession(db, tokenHash, inSeconds(SESSION_IDLE_S));
      }
      return { ...row.user, grants: row.grants };
    },

    async me(principal: Principal, lang: Lang): Promise<Me> {
      const user = await users.findById(db, principal.id);
      if (!user) throw errors.unauthenticated();
      const unit = await users.unitBrief(db, user.unitId);
      const jp = await users.jobProfileBrief(db, user.jobProfileCode, lang);
      return {
        id: user.id,
        email: user.email,
        name: user.name,
        locale: user.locale,
        unit,
        jobProfile: jp,
        roles: principal.grants,
        can: deps.capabilities(principal),
      };
    },

    async updateProfile(
      ctx: RequestContext,
      patch: { name?: string | undefined; locale?: 'it' | 'en' | undefined },
    ) {
      const actor = ctx.actor ?? throwUnauth();
      await db.transaction(async (tx) => {
        await users.update(tx, actor.id, {
          ...(patch.name ? { name: patch.name } : {}),
          ...(patch.locale ? { locale: patch.locale } : {}),
        });
        await audit.record(tx, ctx, {
          action: 'user.profile_updated',
          entityType: 'user',
          entityId: actor.id,
          details: patch,
        });
      });
    },

    /** Always answers the same way, so the form does not reveal who has an account. */
    async requestPasswordReset(ctx: RequestContext, email: string) {
      const user = await users.findByEmail(db, email);
      if (!user?.active) return;
      await db.transaction(async (tx) => {
        const link = await issueLink(tx, user.id, 'password_reset');
        await mail.enqueue(tx, user.email, passwordResetMail(user.locale, user.name, link, 1));
        await audit.record(
          tx,
          { ...ctx, actor: null },
          {
            action: 'auth.password_reset_requested',
            entityType: 'user',
            entityId: user.id,
            unitId: user.unitId,
          },
        );
      });
      mail.kick();
    },

    /** Sets a password from an e-mailed link (reset or invitation) and signs every session out. */
    async confirmPasswordReset(ctx: RequestContext, token: string, password: string) {
      const invalid = errors.badRequest('INVALID_TOKEN', {
        it: 'Il link non è valido, è scaduto o è già stato usato. Chiedine uno nuovo.',
        en: 'This link is invalid, has expired or was already used. Ask for a new one.',
      });
      const tokenHash = hashToken(token);
      await db.transaction(async (tx) => {
        const row = await repo.consumeToken(tx, tokenHash);
        if (!row) throw invalid;
        const user = await users.findById(tx, row.userId);
        if (!user?.active) throw invalid;
        assertPasswordPolicy(password, user.email);
        await users.update(tx, user.id, {
          passwordHash: await hashPassword(password),
          passwordChangedAt: clock.now(),
          failedLogins: 0,
          lockedUntil: null,
        });
        await repo.deleteUserSessions(tx, user.id);
        await audit.record(
          tx,
          { ...ctx, actor: null },
          {
            action: row.purpose === 'invitation' ? 'auth.invitation_accepted' : 'auth.password_reset',
            entityType: 'user',
            entityId: user.id,
            unitId: user.unitId,
          },
        );
      });
    },

    async changePassword(ctx: RequestContext, current: string, next: string, currentToken: string) {
      const actor = ctx.actor ?? throwUnauth();
      const user = await users.findById(db, actor.id);
      if (!user || !(await verifyPassword(user.passwordHash, current)))
        throw new AppError(
          400,
          'WRONG_PASSWORD',
          {
            it: 'La password attuale non è corretta.',
            en: 'The current password is wrong.',
          },
          ['currentPassword'],
        );
      assertPasswordPolicy(next, user.email, 'newPassword');
      const hash = await hashPassword(next);
      await db.transaction(async (tx) => {
        await users.update(tx, user.id, { passwordHash: hash, passwordChangedAt: clock.now() });
        // Other devices are signed out; this one stays signed in.
        await repo.deleteUserSessions(tx, user.id, hashToken(currentToken));
        await audit.record(tx, ctx, {
          action: 'auth.password_changed',
          entityType: 'user',
          entityId: user.id,
        });
      });
    },

    /** Queues an invitation e-mail in the caller's transaction. */
    async sendInvitation(
      tx: Db,
      user: { id: string; email: string; name: string; locale: Lang },
      inviterName: string,
    ) {
      const link = await issueLink(tx, user.id, 'invitation');
      await mail.enqueue(tx, user.email, invitationMail(user.locale, user.name, inviterName, link, 7));
    },

    /** Signs a person out everywhere, in the caller's transaction (on deactivation). */
    async endSessionsOf(tx: Db, userId: string) {
      await repo.deleteUserSessions(tx, userId);
    },

    /** The shared cookie secret: SESSION_SECRET, or one generated once and kept in the database. */
    async cookieSecret(configured: string | undefined) {
      return configured ?? repo.initSetting(db, 'cookie_secret', newToken() + newToken());
    },

    async purgeExpiredSessions() {
      await repo.deleteExpiredSessions(db);
    },
  };
}

function throwUnauth(): never {
  throw errors.unauthenticated();
}

function lockedError(until: Date, now: Date) {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60000));
  return errors.tooMany(
    'ACCOUNT_LOCKED',
    {
      it: `Troppi tentativi di accesso falliti: account bloccato per ${minutes} minuti. Puoi reimpostare la password.`,
      en: `Too many failed sign-in attempts: account locked for ${minutes} minutes. You can reset your password.`,
    },
    minutes * 60,
  );
}
