import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import type { ZodType } from 'zod';
import { composeModules } from './compose.js';
import { type Config, trustProxyOption } from './config.js';
import type { Database } from './db/client.js';
import { registerNoStore } from './http/cache-control.js';
import { registerZodCompilers } from './http/compilers.js';
import { registerDocs } from './http/docs.js';
import { registerErrorHandler } from './http/error-handler.js';
import { registerPublicCacheInvalidation } from './http/public-cache.js';
import { registerRateLimit } from './http/rate-limit.js';
import { registerSession } from './http/session.js';
import { badUrl, registerTextGuard } from './http/text-guard.js';
import { registerWeb } from './http/web.js';
import type { Clock } from './kernel/clock.js';

/** A registered route: method, URL pattern, whether it is public, and the zod schemas of its input. */
export type RouteSummary = {
  method: string;
  url: string;
  public: boolean;
  input: { params?: ZodType; querystring?: ZodType; body?: ZodType };
};

export type BuildOptions = {
  config: Config;
  database: Database;
  /** A pino logger; by default one at config.logLevel. */
  logger?: FastifyBaseLogger;
  /** The time source of every rule about "now"; the system clock by default. */
  clock?: Clock;
  /** The built web app's folder; dist/web by default. */
  webRoot?: string;
};

export async function buildApp({ config, database, logger, clock, webRoot }: BuildOptions) {
  const app = Fastify({
    ...(logger ? { loggerInstance: logger } : { logger: { level: config.logLevel } }),
    // Honour a request id set by the load balancer when it looks like one (it is logged and written to
    // the audit log, and any client can send the header); otherwise make one.
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
    },
    trustProxy: trustProxyOption(config.trustProxy),
    bodyLimit: 1024 * 1024,
    frameworkErrors: badUrl,
  });
  registerZodCompilers(app);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  registerNoStore(app);

  const { kernel, services, modules } = composeModules(database, config, app.log, { clock });
  registerPublicCacheInvalidation(app, kernel.publicCache);

  const pageMetas = modules.flatMap((m) => (m.pageMeta ? [m.pageMeta(services)] : []));
  registerErrorHandler(
    app,
    async (pathname) => {
      for (const meta of pageMetas) {
        const found = await meta(pathname);
        if (found) return found;
      }
      return null;
    },
    webRoot,
  );
  registerTextGuard(app);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        // Online module pages may show images from other https sites (the editor's rich text).
        imgSrc: ["'self'", 'data:', 'https:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        // Online module pages embed videos from these players only (common/fad.ts VIDEO_HOSTS), and
        // SCORM packages from their own content origin (docs/fad.md).
        frameSrc: [
          ...(config.scormContentUrl ? [config.scormContentUrl] : []),
          'https://www.youtube-nocookie.com',
          'https://player.vimeo.com',
        ],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: config.secureCookies ? [] : null,
      },
    },
    strictTransportSecurity: config.secureCookies,
  });
  await app.register(fastifyCookie, { secret: await services.auth.cookieSecret(config.sessionSecret) });
  await app.register(fastifyCsrf, {
    cookieKey: 'officina_csrf',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies, signed: true },
    getToken: (req) => req.headers['x-csrf-token'] as string | undefined,
  });
  await registerRateLimit(app, { config, database });
  await app.register(fastifyMultipart, { limits: { fileSize: 5 * 1024 * 1024, files: 1, fields: 5 } });
  await registerDocs(app, { https: config.secureCookies });
  registerSession(app, (token) => services.auth.resolveSession(token));

  // Every route of the modules, as registered: the authorisation tests walk this list.
  const routes: RouteSummary[] = [];
  // The built web app's files (one route each) are not part of the API: they are registered after.
  let collecting = true;
  app.addHook('onRoute', (r) => {
    if (!collecting) return;
    const { params, querystring, body } = (r.schema ?? {}) as RouteSummary['input'];
    const input = { params, querystring, body };
    for (const method of [r.method].flat()) {
      routes.push({ method, url: r.url, public: !!r.config?.public, input });
    }
  });
  for (const m of modules) await m.routes?.(app, services, kernel);
  collecting = false;
  await registerWeb(app, webRoot);

  // Background jobs of the modules (mail delivery, reminders, session purge) run in every process.
  const jobs = modules.flatMap((m) => m.jobs?.(services, kernel) ?? []);
  app.addHook('onReady', async () => {
    for (const job of jobs) job.start();
  });
  app.addHook('onClose', async () => {
    for (const job of [...jobs].reverse()) await job.stop();
  });
  return { app, services, routes, publicCache: kernel.publicCache };
}
