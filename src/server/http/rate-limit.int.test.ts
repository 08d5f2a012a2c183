import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { type Config, loadConfig } from '../config.js';
import type { Database } from '../db/client.js';
import { openTestDatabase } from '../test/db.js';

const config = (over: Partial<Config> = {}): Config => ({
  ...loadConfig({ LOG_LEVEL: 'silent', SESSION_SECRET: 'test-secret-test-secret-test-secret!' }),
  ...over,
});

/** A fresh address per test, so counters left in a shared store by another run never count. */
const address = () => `10.${[...randomBytes(3)].join('.')}`;

const badLogin = (app: FastifyInstance, remoteAddress: string, i: number, forwardedFor?: string) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress,
    ...(forwardedFor ? { headers: { 'x-forwarded-for': forwardedFor } } : {}),
    payload: { email: `nessuno${i}@example.org`, password: 'not-the-password-123' },
  });

/** Every app the tests build, closed (with its Redis connection) after them. */
const built: FastifyInstance[] = [];
afterAll(() => Promise.all(built.map((a) => a.close())));

/** Two app instances on one database, as two processes behind a load balancer would be. */
async function twoInstances(database: Database, over: Partial<Config> = {}) {
  const apps = [
    (await buildApp({ config: config(over), database })).app,
    (await buildApp({ config: config(over), database })).app,
  ] as const;
  built.push(...apps);
  await Promise.all(apps.map((a) => a.ready()));
  return apps;
}

/** Twelve bad sign-ins from one address, alternating between the two instances. */
async function alternate(apps: readonly FastifyInstance[], from: string) {
  const answers = [];
  for (let i = 0; i < 12; i++) answers.push(await badLogin(apps[i % 2] as FastifyInstance, from, i));
  return answers;
}

function expectSharedLimit(answers: Awaited<ReturnType<typeof alternate>>) {
  expect(answers.map((a) => a.statusCode)).toEqual([...Array(10).fill(401), 429, 429]);
  expect(answers[10]?.json()).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
  expect(Number(answers[10]?.headers['retry-after'])).toBeGreaterThan(0);
}

describe('the rate-limit store', async () => {
  const database = await openTestDatabase();
  afterAll(() => database.close());

  it('refuses to start when REDIS_URL does not answer, naming the variable', async () => {
    await expect(buildApp({ config: config({ redisUrl: 'redis://127.0.0.1:1' }), database })).rejects.toThrow(
      /REDIS_URL does not answer/,
    );
  });

  it('counts the address the nearest proxy reports with TRUST_PROXY=1, never one the client wrote', async () => {
    const [a] = await twoInstances(database, { trustProxy: 1 });
    // Two clients behind one proxy, each sending a forged address of its own in front.
    const clients = [address(), address()];
    const answers: Awaited<ReturnType<typeof badLogin>>[][] = [[], []];
    for (let i = 0; i < 12; i++)
      for (const [c, client] of clients.entries())
        answers[c]?.push(await badLogin(a, '127.0.0.1', i, `${address()}, ${client}`));
    for (const own of answers) expectSharedLimit(own);
    // Without TRUST_PROXY the header is not read at all: the peer's address counts.
    const [plain] = await twoInstances(database);
    const peer = address();
    const direct = [];
    for (let i = 0; i < 12; i++) direct.push(await badLogin(plain, peer, i, address()));
    expectSharedLimit(direct);
  });

  if (process.env.TEST_DRIVER === 'pglite')
    it('is the process memory on the embedded database, which one process serves', async () => {
      const [a] = await twoInstances(database);
      const answers = [];
      for (let i = 0; i < 12; i++) answers.push(await badLogin(a, '10.9.9.9', i));
      expectSharedLimit(answers);
    });

  if (process.env.TEST_DRIVER === 'postgres') {
    it('on PostgreSQL, counts in the rate_limits table, so the limit holds across instances', async () => {
      const apps = await twoInstances(database);
      const from = address();
      expectSharedLimit(await alternate(apps, from));
      // Another address starts from zero.
      expect((await badLogin(apps[1], address(), 0)).statusCode).toBe(401);

      const rows = await database.db.execute<{ key: string; points: number; expire: string }>(
        sql`select key, points, expire from rate_limits where key like ${`%-${from}`}`,
      );
      const [row] = (rows as unknown as { rows: { key: string; points: number; expire: string }[] }).rows;
      expect(row).toMatchObject({ key: `POST/api/v1/auth/login-${from}`, points: 12 });
      const left = Number(row?.expire) - Date.now();
      expect(left).toBeGreaterThan(0);
      expect(left).toBeLessThanOrEqual(60_000);
    });

    const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
    it('with REDIS_URL, counts in Redis, so the limit holds across instances', async () => {
      const apps = await twoInstances(database, { redisUrl });
      expectSharedLimit(await alternate(apps, address()));
      expect((await badLogin(apps[0], address(), 0)).statusCode).toBe(401);
    });
  }
});
