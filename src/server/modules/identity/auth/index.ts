import { defineModule } from '../../../kernel/module.js';
import type { AuditService } from '../../platform/audit/index.js';
import type { MailService } from '../../platform/mail/index.js';
import type { UserAccounts } from '../users/index.js';
import { createAuthRepository } from './repository.js';
import { authRoutes } from './routes.js';
import { type AuthService, createAuthService } from './service.js';

export type { AuthService };

/** Sign-in, sessions, lockout, password reset and invitation links, the profile and `/me`. */
export const authModule = defineModule({
  name: 'auth',
  create: (
    { db, config, capabilities, clock },
    deps: { audit: AuditService; mail: MailService; accounts: UserAccounts },
  ) => {
    return {
      auth: createAuthService({
        db,
        repo: createAuthRepository(clock),
        users: deps.accounts,
        audit: deps.audit,
        mail: deps.mail,
        config,
        capabilities,
        clock,
      }),
    };
  },
  routes: (app, services, { config }) => authRoutes(app, { services, config }),
  handles: ({ auth }) => ({
    'user.invited': (tx, _ctx, { user, inviterName }) => auth.sendInvitation(tx, user, inviterName),
    'user.deactivated': (tx, _ctx, { userId }) => auth.endSessionsOf(tx, userId),
  }),
  jobs: ({ auth }, { log }) => {
    // Drop expired sessions hourly.
    let timer: NodeJS.Timeout | undefined;
    return [
      {
        start() {
          timer = setInterval(() => {
            auth.purgeExpiredSessions().catch((err) => log.error({ err }, 'session purge failed'));
          }, 3600_000).unref();
        },
        stop() {
          clearInterval(timer);
        },
      },
    ];
  },
});
