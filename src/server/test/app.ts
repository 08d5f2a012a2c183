import type { FastifyBaseLogger } from 'fastify';
import { afterAll } from 'vitest';
import { buildApp } from '../app.js';
import { type Config, loadConfig } from '../config.js';
import type { Database } from '../db/client.js';
import { seedDemo } from '../db/seed/demo.js';
import type { Clock } from '../kernel/clock.js';
import { TestClient } from './client.js';
import { openTestDatabase } from './db.js';

export type TestContext = Awaited<ReturnType<typeof startTestApp>>;

/**
 * A real app on a private test database with the demo cast loaded; closed after the file's tests.
 * Pass config overrides (e.g. smtpUrl) as needed, and a `fixedClock` to run the app at a chosen hour
 * (the demo data is still laid out around the real today), and a `logger` to read what the app logs.
 */
export async function startTestApp(
  overrides: Partial<Config> = {},
  opts: {
    demo?: boolean;
    history?: boolean;
    clock?: Clock;
    logger?: FastifyBaseLogger;
    /** A folder standing for the built web app (dist/web by default). */
    webRoot?: string;
    /** A database already loaded (the demo is then not seeded); closed with the app. */
    database?: Database;
  } = {},
) {
  const database: Database = opts.database ?? (await openTestDatabase());
  if (opts.demo !== false && !opts.database) await seedDemo(database.db, { history: opts.history ?? false });
  const config = {
    ...loadConfig({ LOG_LEVEL: 'silent', SESSION_SECRET: 'test-secret-test-secret-test-secret!' }),
    ...overrides,
  };
  const { app, services, routes, publicCache } = await buildApp({
    config,
    database,
    clock: opts.clock,
    logger: opts.logger,
    webRoot: opts.webRoot,
  });
  await app.ready();
  const ctx = {
    app,
    services,
    /** Every route the modules registered. */
    routes,
    /** The app's cache of public answers (to see what it keeps). */
    publicCache,
    db: database.db,
    database,
    config,
    /** A client that keeps cookies and the CSRF token, like a browser. */
    client: () => new TestClient(app),
    /** A client already signed in. */
    as: async (email: string, password = 'Officina-Demo-2026') => {
      const c = new TestClient(app);
      await c.login(email, password);
      return c;
    },
    close: async () => {
      await app.close();
      await database.close();
    },
  };
  afterAll(ctx.close);
  return ctx;
}
