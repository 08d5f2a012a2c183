import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, romeDate, romeInstant } from '../../common/rome-time.js';
import type { Database } from '../db/client.js';
import { editionSessions, editions, enrolments, outbox, trainingPaths, users } from '../db/schema/index.js';
import { rowsOf } from '../db/sql.js';
import { openTestDatabase } from '../test/db.js';
import { HttpClient } from '../test/http-client.js';
import { startServer, stop } from '../test/process.js';
import { decodeQuotedPrintable, startSmtp } from '../test/smtp.js';

/**
 * Two real server processes started together on one empty PostgreSQL database, behind a round-robin
 * proxy that forwards each request to the next instance and appends the client's address to
 * X-Forwarded-For (as a load balancer does; the instances run with TRUST_PROXY=1). Whatever one
 * instance knows or counts, the other must know or count too.
 */

const ADMIN = { email: 'capo@provincia.example.it', password: 'Prima-Chiave-Sicura-2026' };
/** The notifier's first pass comes a minute after start-up, in every process. */
const NOTIFIER_FIRST_PASS_MS = 60_000;
/** Longer than two passes of the outbox worker (every 5 s), so a second delivery would have happened. */
const SETTLE_MS = 11_000;

/**
 * The test names "tomorrow" when it creates the session, the notifier when it makes its first pass
 * (a minute after start-up): closer to Rome midnight than this, the two would name different days.
 * Covers the start-up of both servers, that minute and the half minute the reminders may take.
 */
const MIDNIGHT_MARGIN_MS = 3 * 60_000;

const randomAddress = () => `10.${[...randomBytes(3)].join('.')}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(what: string, ok: () => boolean | Promise<boolean>, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}

/** The header a test sets to choose the address the proxy reports for it. */
const CLIENT = 'x-test-client';

/** A round-robin HTTP proxy: request n goes to upstream n mod 2; `served` records which one. */
async function startRoundRobin(upstreams: string[]) {
  const served: number[] = [];
  let next = 0;
  const server = http.createServer((req, res) => {
    const i = next++ % upstreams.length;
    served.push(i);
    const target = new URL(upstreams[i] as string);
    const { [CLIENT]: client, ...headers } = req.headers;
    const forwarded = [req.headers['x-forwarded-for'], client ?? req.socket.remoteAddress]
      .filter(Boolean)
      .join(', ');
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...headers, 'x-forwarded-for': forwarded },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      res.writeHead(502).end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    served,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A browser behind its own address, which the proxy reports for it. */
const browserOf = (proxy: { base: string }) =>
  new HttpClient(proxy, randomAddress(), { addressHeader: CLIENT });

/** Returns at once, or just past Rome midnight when it is nearer than MIDNIGHT_MARGIN_MS. */
async function clearOfRomeMidnight() {
  const now = new Date();
  const left = romeInstant(addDays(romeDate(now), 1)).getTime() - now.getTime();
  if (left < MIDNIGHT_MARGIN_MS) await sleep(left + 1_000);
}

/** Day-before reminders are due for a session tomorrow: a published edition with two confirmed learners. */
async function sessionTomorrow(database: Database, learners: string[]) {
  const tomorrow = addDays(romeDate(new Date()), 1);
  const db = database.db;
  const [path] = await db
    .insert(trainingPaths)
    .values({
      slug: 'percorso-promemoria',
      title: 'Percorso con promemoria',
      summary: 'Una sessione domani.',
      domainCode: 'gestionale',
      level: 'base',
      totalHours: 2,
      deliveryModes: ['aula'],
      status: 'published',
    })
    .returning();
  const [edition] = await db
    .insert(editions)
    .values({
      pathId: path?.id as number,
      title: 'Edizione di domani',
      startsOn: tomorrow,
      endsOn: tomorrow,
      capacity: 10,
      enrolmentOpensAt: new Date(Date.now() - 86_400_000),
      enrolmentClosesAt: romeInstant(tomorrow),
      status: 'published',
    })
    .returning();
  await db.insert(editionSessions).values({
    editionId: edition?.id as number,
    title: 'Unica sessione',
    startsAt: romeInstant(tomorrow, '10:00'),
    endsAt: romeInstant(tomorrow, '12:00'),
    mode: 'aula',
  });
  const people = await db
    .insert(users)
    .values(learners.map((email) => ({ email, name: `Discente ${email.split('@')[0]}` })))
    .returning();
  await db
    .insert(enrolments)
    .values(
      people.map((p) => ({ editionId: edition?.id as number, userId: p.id, status: 'confirmed' as const })),
    );
}

function twoInstances(label: string, opts: { redisUrl?: string; scheduledJobs?: boolean }) {
  describe(label, () => {
    let database: Database;
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    let servers: Awaited<ReturnType<typeof startServer>>[] = [];
    let proxy: Awaited<ReturnType<typeof startRoundRobin>>;
    let readyAt = 0;
    const learners = ['promemoria.uno@example.it', 'promemoria.due@example.it'];

    beforeAll(async () => {
      if (opts.scheduledJobs) await clearOfRomeMidnight();
      smtp = await startSmtp();
      database = await openTestDatabase({ empty: true });
      const env = {
        DATABASE_URL: database.url as string,
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        TRUST_PROXY: '1',
        SMTP_URL: smtp.url,
        ...(opts.redisUrl ? { REDIS_URL: opts.redisUrl } : {}),
      };
      // Both at once: neither waits for the other to be up before starting.
      const started = await Promise.allSettled([startServer(env), startServer(env)]);
      servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
      const failed = started.find((s) => s.status === 'rejected');
      if (failed) throw failed.reason;
      readyAt = Date.now();
      proxy = await startRoundRobin(servers.map((s) => s.base));
      if (opts.scheduledJobs) await sessionTomorrow(database, learners);
    }, 120_000 + MIDNIGHT_MARGIN_MS);

    afterAll(async () => {
      await proxy?.close();
      const codes = await Promise.all(servers.map((s) => stop(s.child)));
      await smtp?.close();
      await database?.close();
      expect(codes).toEqual(servers.map(() => 0));
    }, 30_000);

    it('both migrate the empty database, create one admin and serve', async () => {
      for (const s of servers) {
        const health = await fetch(`${s.base}/api/health`);
        expect(await health.json()).toMatchObject({ status: 'ok', database: 'postgres' });
      }
      const applied = await rowsOf<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
      );
      expect(applied[0]?.n).toBeGreaterThan(0);
      const admins = await rowsOf<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from users where email = ${ADMIN.email}`,
      );
      expect(admins[0]?.n).toBe(1);
      const units = await browserOf(proxy).call('GET', '/api/v1/units?pageSize=1');
      expect(units.json.total).toBe(107);
    });

    it('keeps a session made through one instance on the other, CSRF token included', async () => {
      const browser = browserOf(proxy);
      await browser.login(ADMIN.email, ADMIN.password);
      const from = proxy.served.length;
      for (let i = 0; i < 4; i++) {
        const me = await browser.call('GET', '/api/v1/me');
        expect(me.status).toBe(200);
        expect(me.json.email).toBe(ADMIN.email);
      }
      const name = await browser.call('PATCH', '/api/v1/me', { name: 'Amministratrice Nazionale' });
      expect(name.status, JSON.stringify(name.json)).toBe(200);
      expect(new Set(proxy.served.slice(from))).toEqual(new Set([0, 1]));
    });

    it('counts bad sign-ins from one address across both instances, whatever X-Forwarded-For it sends', async () => {
      const attacker = browserOf(proxy);
      const statuses: number[] = [];
      let body: unknown;
      for (let i = 0; i < 20; i++) {
        // A forged header is kept in front of the address the proxy appends, which is the one believed.
        const res = await attacker.call(
          'POST',
          '/api/v1/auth/login',
          { email: `tentativo${i}@example.org`, password: 'not-the-password-123' },
          { 'x-forwarded-for': randomAddress() },
        );
        statuses.push(res.status);
        if (res.status === 429) body ??= res.json;
      }
      // The route allows 10 a minute per address: the eleventh is refused, whichever instance it reaches.
      expect(statuses).toEqual([...Array(10).fill(401), ...Array(10).fill(429)]);
      expect(body).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: expect.any(String) });

      const other = browserOf(proxy);
      const res = await other.call('POST', '/api/v1/auth/login', {
        email: 'altro@example.org',
        password: 'x'.repeat(12),
      });
      expect(res.status).toBe(401);

      // The counter lives in Redis when REDIS_URL is set, in PostgreSQL otherwise.
      const rows = await rowsOf<{ points: number }>(
        database.db,
        sql`select points from rate_limits where key = ${`POST/api/v1/auth/login-${attacker.ip}`}`,
      );
      expect(rows).toEqual(opts.redisUrl ? [] : [{ points: 20 }]);
    });

    it('sends every e-mail once, though both instances deliver the outbox', async () => {
      const admin = browserOf(proxy);
      await admin.login(ADMIN.email, ADMIN.password);
      const invited = Array.from({ length: 6 }, (_, i) => `invitato.${i}@example.it`);
      for (const email of invited) {
        const res = await admin.call('POST', '/api/v1/users', {
          email,
          name: `Invitato ${email}`,
          unitId: null,
        });
        expect(res.status, JSON.stringify(res.json)).toBe(201);
      }
      const visitor = browserOf(proxy);
      expect((await visitor.call('POST', '/api/v1/auth/password-reset', { email: ADMIN.email })).status).toBe(
        202,
      );

      const expected = [...invited, ADMIN.email];
      const arrived = () => smtp.received.filter((m) => m.to.some((to) => expected.includes(to)));
      await waitFor('the invitations and the reset link', () => arrived().length >= expected.length, 30_000);
      await sleep(SETTLE_MS);
      expect(
        arrived()
          .map((m) => m.to.join())
          .sort(),
      ).toEqual([...expected].sort());
      const sent = await rowsOf<{ attempts: number }>(
        database.db,
        sql`select attempts from ${outbox} where to_address in ${expected} and status = 'sent'`,
      );
      expect(sent.map((r) => r.attempts)).toEqual(expected.map(() => 1));

      // The link from the e-mail works on whichever instance it reaches.
      const mail = arrived().find((m) => m.to.includes(ADMIN.email));
      const token = /reimposta-password\?token=([\w-]+)/.exec(decodeQuotedPrintable(mail?.raw ?? ''))?.[1];
      const password = 'Seconda-Chiave-Sicura-2027';
      expect(
        (await visitor.call('POST', '/api/v1/auth/password-reset/confirm', { token, password })).status,
      ).toBe(200);
      await browserOf(proxy).login(ADMIN.email, password);
    });

    if (opts.scheduledJobs)
      it('sends the day-before reminders once, though the notifier runs in both instances', async () => {
        // Both instances were ready at `readyAt`, so each has made its first pass a minute later.
        await sleep(Math.max(0, readyAt + NOTIFIER_FIRST_PASS_MS - Date.now()));
        const reminders = () => smtp.received.filter((m) => m.to.some((to) => learners.includes(to)));
        await waitFor('the reminders', () => reminders().length >= learners.length, 30_000);
        await sleep(SETTLE_MS);
        expect(
          reminders()
            .map((m) => m.to.join())
            .sort(),
        ).toEqual([...learners].sort());
        const claimed = await rowsOf<{ n: number }>(
          database.db,
          sql`select count(*)::int as n from session_reminders`,
        );
        expect(claimed[0]?.n).toBe(1);
      }, 120_000);

    it('logged no error in either instance', () => {
      for (const s of servers) {
        const errors = s
          .output()
          .split('\n')
          .filter((line) => /"level":(50|60)/.test(line));
        expect(errors).toEqual([]);
      }
    });
  });
}

if (process.env.TEST_DRIVER === 'pglite')
  describe('two instances on one embedded database', () => {
    it('cannot happen: the second refuses to start while the first runs, so one process counts the limits', async () => {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'officina-two-'));
      try {
        const first = await startServer({ DATA_DIR: dataDir, SEED_DEMO: 'false' });
        try {
          await expect(startServer({ DATA_DIR: dataDir, SEED_DEMO: 'false' })).rejects.toThrow(
            /server exited: The server \(pid \d+\) is using .* Stop it first/,
          );
          expect((await fetch(`${first.base}/api/health`)).status).toBe(200);
        } finally {
          expect(await stop(first.child)).toBe(0);
        }
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    }, 120_000);
  });

if (process.env.TEST_DRIVER === 'postgres') {
  twoInstances('two instances behind a round-robin on one PostgreSQL', { scheduledJobs: true });
  // The reminders depend on the database only: with Redis they would prove nothing more, for a minute more.
  twoInstances('two instances behind a round-robin, with the rate limits in Redis', {
    redisUrl: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
  });
}
