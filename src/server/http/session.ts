import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errors, pickLang } from '../kernel/errors.js';
import type { Principal, RequestContext } from '../kernel/principal.js';

export const SESSION_COOKIE = 'officina_session';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    ctx: RequestContext;
    sessionToken: string | null;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The routes of the API documentation, registered by @fastify/swagger: public. */
const DOCS = /^\/api\/(docs|openapi\.json)/;

/**
 * Resolves the session cookie into a principal for every API request, refuses anonymous requests to
 * every route not declared public (deny by default), and enforces CSRF on every cookie-authenticated
 * mutation.
 */
export function registerSession(
  app: FastifyInstance,
  resolveSession: (token: string) => Promise<Principal | null>,
) {
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
    if (!isApi(req)) return;
    const raw = req.cookies[SESSION_COOKIE];
    const unsigned = raw ? req.unsignCookie(raw) : null;
    if (unsigned?.valid && unsigned.value) {
      const principal = await resolveSession(unsigned.value);
      if (principal) {
        req.principal = principal;
        req.sessionToken = unsigned.value;
        req.ctx.actor = principal;
      } else {
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
      }
    }
    // Deny by default: a route is private unless its options say `config: { public: true }`.
    // An unknown address has no route options and goes on to the 404 answer.
    const route = req.routeOptions;
    if (!req.principal && route.url !== undefined && !route.config.public && !DOCS.test(route.url)) {
      throw errors.unauthenticated();
    }
  });

  // Mutations that ride on the session cookie need the token from GET /api/v1/auth/csrf.
  app.addHook('onRequest', (req, reply, done) => {
    if (UNSAFE.has(req.method) && isApi(req) && req.cookies[SESSION_COOKIE]) {
      app.csrfProtection(req, reply, done);
      return;
    }
    done();
  });
}

/**
 * An API request, judged by the route it matched (the router decodes `%61pi` and reads absolute-form
 * targets, so the raw URL is not to be trusted), or by its path when no route matched.
 */
function isApi(req: FastifyRequest): boolean {
  return (req.routeOptions.url ?? req.url).startsWith('/api/');
}

/** The signed-in principal of a private route (the session hook has already refused anonymous calls). */
export function signedIn(req: FastifyRequest): Principal {
  if (!req.principal) throw errors.unauthenticated();
  return req.principal;
}
