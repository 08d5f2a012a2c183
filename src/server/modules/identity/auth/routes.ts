import { errorBody, okBody } from '../../../../common/api.js';
import { apiRoutes } from '../../../../common/api-routes.js';
import {
  csrfBody,
  loginBody,
  me,
  passwordChangeBody,
  passwordResetConfirmBody,
  passwordResetRequestBody,
  profileUpdateBody,
  sessionBody,
} from '../../../../common/auth.js';
import { signedIn } from '../../../http/session.js';
import { type App, type RouteDeps, typed } from '../../../http/types.js';
import { headerText } from '../../../kernel/text.js';
import { clearSessionCookie, setSessionCookie } from './cookie.js';
import type { AuthService } from './service.js';

const tags = ['auth'];

export function authRoutes(app: App, { services, config }: RouteDeps<{ auth: AuthService }>) {
  const r = typed(app);
  const { auth } = services;

  r.get(
    apiRoutes.auth.csrf,
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'CSRF token for cookie-authenticated mutations (send it as x-csrf-token)',
        response: { 200: csrfBody },
      },
    },
    async (_req, reply) => ({ token: reply.generateCsrf() }),
  );

  r.post(
    apiRoutes.auth.login,
    {
      schema: {
        tags,
        summary: 'Sign in; sets the session cookie',
        body: loginBody,
        response: { 200: me, 401: errorBody },
      },
      // Per-address throttling (SIGN_IN_LIMIT_PER_MINUTE); per-account lockout is handled by the service.
      config: { public: true, rateLimit: { max: config.signInLimitPerMinute, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const { token, principal } = await auth.login(req.ctx, req.body.email, req.body.password, {
        userAgent: headerText(req.headers['user-agent'], 300),
      });
      setSessionCookie(reply, token, config.secureCookies);
      return auth.me(principal, req.ctx.lang);
    },
  );

  r.post(
    apiRoutes.auth.logout,
    {
      config: { public: true },
      schema: { tags, summary: 'Sign out (ends this session)', response: { 200: okBody } },
    },
    async (req, reply) => {
      if (req.sessionToken) await auth.logout(req.sessionToken);
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  r.post(
    apiRoutes.auth.passwordReset,
    {
      schema: {
        tags,
        summary: 'Send a password-reset link by e-mail (same answer whether or not the account exists)',
        body: passwordResetRequestBody,
        response: { 202: okBody },
      },
      config: { public: true, rateLimit: { max: 5, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      await auth.requestPasswordReset(req.ctx, req.body.email);
      return reply.status(202).send({ ok: true as const });
    },
  );

  r.post(
    apiRoutes.auth.passwordResetConfirm,
    {
      schema: {
        tags,
        summary: 'Set a new password from a reset or invitation link; signs out every session',
        body: passwordResetConfirmBody,
        response: { 200: okBody },
      },
      config: { public: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (req) => {
      await auth.confirmPasswordReset(req.ctx, req.body.token, req.body.password);
      return { ok: true as const };
    },
  );

  r.get(
    apiRoutes.auth.session,
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'The signed-in user, or null (never 401: for pages that work signed in or not)',
        response: { 200: sessionBody },
      },
    },
    async (req) => ({ me: req.principal ? await auth.me(req.principal, req.ctx.lang) : null }),
  );

  r.get(
    apiRoutes.auth.me,
    { schema: { tags, summary: 'The signed-in user', response: { 200: me } } },
    async (req) => auth.me(signedIn(req), req.ctx.lang),
  );

  r.patch(
    apiRoutes.auth.me,
    {
      schema: {
        tags,
        summary: 'Update own name or language',
        body: profileUpdateBody,
        response: { 200: me },
      },
    },
    async (req) => {
      const principal = signedIn(req);
      await auth.updateProfile(req.ctx, req.body);
      return auth.me({ ...principal, name: req.body.name ?? principal.name }, req.ctx.lang);
    },
  );

  r.post(
    apiRoutes.auth.myPassword,
    {
      schema: {
        tags,
        summary: 'Change own password; other sessions are signed out',
        body: passwordChangeBody,
        response: { 200: okBody },
      },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (req) => {
      await auth.changePassword(
        req.ctx,
        req.body.currentPassword,
        req.body.newPassword,
        req.sessionToken as string,
      );
      return { ok: true as const };
    },
  );
}
