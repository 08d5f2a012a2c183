import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { registerDocs } from './http/docs.js';
import { registerErrorHandler } from './http/error-handler.js';
import { registerSession } from './http/session.js';
import type { RouteDeps } from './http/types.js';
import { registerWeb } from './http/web.js';
import { authRoutes } from './modules/identity/auth/routes.js';
import { unitsRoutes } from './modules/identity/units/routes.js';
import { usersRoutes } from './modules/identity/users/routes.js';
import { auditRoutes } from './modules/platform/audit/routes.js';
import { healthRoutes } from './modules/platform/health/routes.js';
import { mailRoutes } from './modules/platform/mail/routes.js';
import { agreementsRoutes } from './modules/training/agreements/routes.js';
import { attendanceRoutes } from './modules/training/attendance/routes.js';
import { calendarRoutes } from './modules/training/calendar/routes.js';
import { catalogueRoutes } from './modules/training/catalogue/routes.js';
import { certificatesRoutes } from './modules/training/certificates/routes.js';
import { enrolmentRoutes } from './modules/training/enrolment/routes.js';
import { learningRoutes } from './modules/training/learning/routes.js';
import { createServices } from './services.js';

export type BuildOptions = {
  config: Config;
  database: Database;
  /** A pino logger; by default one at config.logLevel. */
  logger?: FastifyBaseLogger;
};

export async function buildApp({ config, database, logger }: BuildOptions) {
  const app = Fastify({
    ...(logger ? { loggerInstance: logger } : { logger: { level: config.logLevel } }),
    // Honour a request id set by the load balancer; otherwise make one.
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    // A hop count is accepted at run time though the typings only list boolean/string forms.
    trustProxy: config.trustProxy as boolean | string,
    bodyLimit: 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  const services = createServices(database, config, app.log);
  const deps: RouteDeps = { services, config };

  registerErrorHandler(
    app,
    async (pathname) =>
      (await services.certificates.pageMeta(pathname)) ?? services.calendar.pageMeta(pathname),
  );
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
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
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyMultipart, { limits: { fileSize: 5 * 1024 * 1024, files: 1, fields: 5 } });
  await registerDocs(app, { https: config.secureCookies });
  registerSession(app, services.auth);

  for (const routes of [
    healthRoutes,
    authRoutes,
    usersRoutes,
    unitsRoutes,
    auditRoutes,
    mailRoutes,
    agreementsRoutes,
    catalogueRoutes,
    certificatesRoutes,
    learningRoutes,
    enrolmentRoutes,
    attendanceRoutes,
  ]) {
    routes(app, deps);
  }
  await calendarRoutes(app, deps);
  await registerWeb(app);

  // Housekeeping: deliver mail, and drop expired sessions hourly.
  let purge: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    services.worker.start();
    services.notifier.start();
    purge = setInterval(() => {
      services.auth.purgeExpiredSessions().catch((err) => app.log.error({ err }, 'session purge failed'));
    }, 3600_000).unref();
  });
  app.addHook('onClose', async () => {
    clearInterval(purge);
    await services.notifier.stop();
    await services.worker.stop();
  });
  return { app, services };
}
