import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errors, pickLang } from '../kernel/errors.js';
import type { Principal, RequestContext } from '../kernel/principal.js';
import type { AuthService } from '../modules/identity/auth/service.js';
import { SESSION_IDLE_S } from '../modules/identity/auth/service.js';

export const SESSION_COOKIE = 'officina_session';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    ctx: RequestContext;
    sessionToken: string | null;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves the session cookie into a principal for every API request, and enforces CSRF on
 * every cookie-authenticated mutation.
 */
export function registerSession(app: FastifyInstance, auth: AuthService) {
  app.decorateRequest('principal', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('ctx', null as unknown as RequestContext);

  app.addHook('onRequest', async (req, reply) => {
    req.ctx = {
      actor: null,
      ip: req.ip,
      requestId: String(req.id),
      lang: pickLang(req.headers['accept-language']),
    };
    if (!req.url.startsWith('/api/')) return;
    const raw = req.cookies[SESSION_COOKIE];
    const unsigned = raw ? req.unsignCookie(raw) : null;
    if (unsigned?.valid && unsigned.value) {
      const principal = await auth.resolveSession(unsigned.value);
      if (principal) {
        req.principal = principal;
        req.sessionToken = unsigned.value;
        req.ctx.actor = principal;
      } else {
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
      }
    }
  });

  // Mutations that ride on the session cookie need the token from GET /api/v1/auth/csrf.
  app.addHook('onRequest', (req, reply, done) => {
    if (UNSAFE.has(req.method) && req.url.startsWith('/api/') && req.cookies[SESSION_COOKIE]) {
      app.csrfProtection(req, reply, done);
      return;
    }
    done();
  });
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    signed: true,
    maxAge: SESSION_IDLE_S,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** The signed-in principal, or a 401. */
export function signedIn(req: FastifyRequest): Principal {
  if (!req.principal) throw errors.unauthenticated();
  return req.principal;
}
