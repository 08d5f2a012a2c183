import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { addDays, romeDate, romeInstant } from '../../common/rome-time.js';
import { type Database, type Db, openDatabase } from '../db/client.js';
import { runMigrations } from '../db/migrate.js';
import {
  attendance,
  editionSessions,
  enrolments,
  roleGrants,
  territorialUnits,
  users,
} from '../db/schema/index.js';
import { seedDemo } from '../db/seed/demo.js';
import { seedReference } from '../db/seed/reference.js';
import { hashPassword } from '../kernel/passwords.js';
import { openTestDatabase } from '../test/db.js';
import { HttpClient } from '../test/http-client.js';
import { startServer, stop } from '../test/process.js';

/**
 * Crash safety: the real server under an enrolment and attendance load is killed with SIGKILL, then
 * started again on the same database. Every write it acknowledged (2xx) must be there, and the
 * invariants must hold: seats never exceeded, a contiguous waitlist in request order, attendance
 * totals equal to their entries, one enrolment per person and edition.
 */

const PASSWORD = 'Officina-Demo-2026';
const LEARNERS = 48;
const CAPACITY = 4;
/** The kill comes once this many enrolments were acknowledged, with the rest of the load in flight. */
const KILL_AFTER = 60;

/** What the server acknowledged (2xx), and what it was asked while it may have died. */
type Ledger = {
  enrolled: { id: number; userId: string; editionId: number; status: string }[];
  cancelTried: Set<number>;
  cancelled: Set<number>;
  checkedIn: { sessionId: number; userId: string }[];
  /** Register rounds in the order sent (one at a time), each with the minutes it sets per person. */
  rounds: { sessionId: number; minutes: Map<string, number>; acked: boolean }[];
};

/** The learners, the demo cast and reference data, written before the server first starts. */
async function prepare(database: Database) {
  await runMigrations(database);
  await seedReference(database.db);
  await seedDemo(database.db, { history: false });
  const [cuneo] = await database.db
    .select({ id: territorialUnits.id })
    .from(territorialUnits)
    .where(eq(territorialUnits.istatCode, '004'));
  const passwordHash = await hashPassword(PASSWORD);
  const people = await database.db
    .insert(users)
    .values(
      Array.from({ length: LEARNERS + 1 }, (_, i) => ({
        email: `carico.${i}@officina.test`,
        name: `Carico ${String(i).padStart(2, '0')}`,
        unitId: cuneo?.id ?? null,
        passwordHash,
      })),
    )
    .returning({ id: users.id, email: users.email });
  await database.db
    .insert(roleGrants)
    .values(people.map((p) => ({ userId: p.id, role: 'learner' as const, unitId: cuneo?.id ?? null })));
  return people;
}

/** Three editions with few seats, started yesterday: a past session (register) and one under way (QR). */
async function makeEditions(admin: HttpClient, trainerId: string) {
  const today = romeDate(new Date());
  const now = Date.now();
  const out: TestEdition[] = [];
  for (let i = 0; i < 3; i++) {
    const p = await admin.call('POST', '/api/v1/training-paths', {
      title: `Percorso sotto carico ${i} ${now}`,
      summary: 'Un percorso per la prova di sicurezza contro gli arresti improvvisi.',
      domainCode: 'gestionale',
      serviceModelCode: null,
      level: 'base',
      totalHours: 7,
      deliveryModes: ['aula'],
    });
    expect(p.status, JSON.stringify(p.json)).toBe(201);
    await admin.call('POST', `/api/v1/training-paths/${p.json.id}/status`, { status: 'published' });
    const e = await admin.call('POST', '/api/v1/editions', {
      pathId: p.json.id,
      title: `Edizione sotto carico ${i}`,
      startsOn: addDays(today, -1),
      endsOn: addDays(today, 1),
      capacity: CAPACITY,
      enrolmentOpensAt: new Date(now - 2 * 86_400_000).toISOString(),
      enrolmentClosesAt: new Date(now + 86_400_000).toISOString(),
      online: false,
      venueName: 'Sala del consiglio',
      venueAddress: 'Corso Nizza 21, Cuneo',
      venueUnitId: null,
      trainerIds: [trainerId],
    });
    expect(e.status, JSON.stringify(e.json)).toBe(201);
    const session = async (startsAt: Date, endsAt: Date, title: string) => {
      const s = await admin.call('POST', `/api/v1/editions/${e.json.id}/sessions`, {
        title,
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        mode: 'aula',
      });
      expect(s.status, JSON.stringify(s.json)).toBe(201);
      return s.json.id as number;
    };
    const yesterday = addDays(today, -1);
    const past = await session(romeInstant(yesterday, '09:00'), romeInstant(yesterday, '13:00'), 'Ieri');
    const current = await session(new Date(now - 3_600_000), new Date(now + 7_200_000), 'Adesso');
    expect(
      (await admin.call('POST', `/api/v1/editions/${e.json.id}/status`, { status: 'published' })).status,
    ).toBe(200);
    out.push({ id: e.json.id, past, current, token: '' });
  }
  return out;
}

/** Runs tasks with at most `width` at a time. */
async function pool<T>(items: T[], width: number, fn: (item: T) => Promise<void>) {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: width }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await fn(item);
    }),
  );
}

type TestEdition = { id: number; past: number; current: number; token: string };

/** Every acknowledged write is there and every invariant holds, read straight from the database. */
async function expectIntact(db: Db, log: Ledger, editions: TestEdition[]) {
  const ids = editions.map((e) => e.id);
  const rows = await db.select().from(enrolments).where(inArray(enrolments.editionId, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));

  // No acknowledged write lost.
  for (const a of log.enrolled) {
    const row = byId.get(a.id);
    expect(row, `enrolment ${a.id}`).toMatchObject({ userId: a.userId, editionId: a.editionId });
    // A seat once given stays given; a waiting place may only have become a seat; a cancellation stays.
    const allowed = log.cancelled.has(a.id)
      ? ['cancelled']
      : [a.status, ...(a.status === 'waitlisted' ? ['confirmed'] : [])];
    if (!log.cancelled.has(a.id) && log.cancelTried.has(a.id)) allowed.push('cancelled', 'confirmed');
    expect(allowed, `enrolment ${a.id}`).toContain(row?.status);
  }
  const marks = await db
    .select()
    .from(attendance)
    .where(
      inArray(
        attendance.sessionId,
        editions.flatMap((e) => [e.past, e.current]),
      ),
    );
  const mark = (sessionId: number, userId: string) =>
    marks.find((m) => m.sessionId === sessionId && m.userId === userId);
  for (const c of log.checkedIn) expect(mark(c.sessionId, c.userId), 'check-in').toBeDefined();
  for (const [n, r] of log.rounds.entries()) {
    if (!r.acked) continue;
    for (const [userId, minutes] of r.minutes) {
      // The last acknowledged round for this person stands, unless a later one (sent as the server died) replaced it.
      const later = log.rounds
        .slice(n + 1)
        .filter((x) => x.sessionId === r.sessionId && x.minutes.has(userId));
      if (later.some((x) => x.acked)) continue;
      const allowed = [minutes, ...later.map((x) => x.minutes.get(userId))];
      expect(allowed, `register ${r.sessionId} ${userId}`).toContain(mark(r.sessionId, userId)?.minutes);
    }
  }

  // Seats never exceeded; nobody waits while a seat is free; the waitlist follows the queue.
  for (const id of ids) {
    const of = rows.filter((r) => r.editionId === id);
    const confirmed = of.filter((r) => r.status === 'confirmed');
    const waiting = of.filter((r) => r.status === 'waitlisted').sort((a, b) => a.queueNo - b.queueNo);
    expect(confirmed.length).toBeLessThanOrEqual(CAPACITY);
    if (waiting.length) {
      expect(confirmed.length).toBe(CAPACITY);
      expect(Math.max(...confirmed.map((r) => r.queueNo))).toBeLessThan(waiting[0]?.queueNo as number);
    }
    const times = waiting.map((r) => r.requestedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // One enrolment per person and edition.
    expect(new Set(of.map((r) => r.userId)).size).toBe(of.length);
  }

  // Every enrolment's minutes are the sum of its ledger entries, each capped at its session's length.
  const sessions = await db.select().from(editionSessions).where(inArray(editionSessions.editionId, ids));
  for (const r of rows) {
    const sum = marks
      .filter((m) => m.enrolmentId === r.id)
      .reduce((n, m) => {
        const s = sessions.find((x) => x.id === m.sessionId);
        return (
          n +
          (s && s.status === 'scheduled'
            ? Math.min(m.minutes, Math.floor((s.endsAt.getTime() - s.startsAt.getTime()) / 60_000))
            : 0)
        );
      }, 0);
    expect(r.minutesAttended, `enrolment ${r.id}`).toBe(sum);
  }
}

type Person = { id: string; email: string };

async function crashTest(opts: {
  env: Record<string, string>;
  people: Person[];
  /** The database, to check once the restarted server has stopped. */
  open: () => Promise<Database>;
}) {
  const env = {
    SESSION_SECRET: 'crash-test-secret-crash-test-secret!',
    TRUST_PROXY: '127.0.0.1',
    ...opts.env,
  };
  let started = await startServer(env);
  const server = { base: started.base };
  let ip = 1;
  const client = () => new HttpClient(server, `10.0.${ip >> 8}.${ip++ & 255}`);

  const admin = client();
  await admin.login('admin@officina.demo', PASSWORD);
  const trainer = client();
  await trainer.login('formatore@officina.demo', PASSWORD);
  const officer = client();
  await officer.login('referente.cuneo@officina.demo', PASSWORD);
  const trainerId = (await trainer.call('GET', '/api/v1/me')).json.id as string;
  const editions = await makeEditions(admin, trainerId);
  for (const e of editions) {
    const code = await trainer.call('POST', `/api/v1/sessions/${e.current}/checkin-code`);
    expect(code.status).toBe(200);
    e.token = code.json.token;
  }
  const late = opts.people[LEARNERS] as Person;
  const learners = await Promise.all(
    opts.people.slice(0, LEARNERS).map(async (p) => {
      const c = client();
      await c.login(p.email, PASSWORD);
      return { ...p, client: c };
    }),
  );

  const log: Ledger = {
    enrolled: [],
    cancelTried: new Set(),
    cancelled: new Set(),
    checkedIn: [],
    rounds: [],
  };
  let killed = false;
  let killedAt = 0;
  const kill = (child: ChildProcess) => {
    if (killed) return;
    killed = true;
    killedAt = log.enrolled.length;
    child.kill('SIGKILL');
  };
  const attempt = async <T>(fn: () => Promise<T>) => {
    try {
      return await fn();
    } catch {
      return null; // the server died under the request: not acknowledged
    }
  };

  // The trainer keeps the registers of yesterday's sessions, one save at a time, round after round.
  const registers = (async () => {
    for (let round = 0; !killed; round++) {
      const e = editions[round % editions.length];
      if (!e) break;
      const reg = await attempt(() => trainer.call('GET', `/api/v1/sessions/${e.past}/register`));
      if (reg?.status !== 200 || !reg.json.people.length) {
        await new Promise((r) => setTimeout(r, 20));
        continue;
      }
      const minutes = new Map<string, number>();
      const entries = (reg.json.people as { userId: string }[]).map((p, i) => {
        const lateMinutes = (round * 7 + i * 3) % 90;
        minutes.set(p.userId, 240 - lateMinutes);
        return { userId: p.userId, present: true, lateMinutes, leftEarlyMinutes: 0 };
      });
      const sent = { sessionId: e.past, minutes, acked: false };
      log.rounds.push(sent);
      const res = await attempt(() =>
        trainer.call('PUT', `/api/v1/sessions/${e.past}/register`, { entries }),
      );
      sent.acked = !!res && res.status === 200;
    }
  })();

  // Learners enrol in two editions each; the confirmed check in, the officer cancels one in five.
  const work = learners.flatMap((l, i) =>
    [0, 1].map((k) => ({ l, i, e: editions[(i + k) % 3] as (typeof editions)[0] })),
  );
  await pool(work, 12, async ({ l, i, e }) => {
    if (killed) return;
    const res = await attempt(() => l.client.call('POST', '/api/v1/enrolments', { editionId: e.id }));
    if (res?.status !== 201) return;
    log.enrolled.push({ id: res.json.id, userId: l.id, editionId: e.id, status: res.json.status });
    if (log.enrolled.length >= KILL_AFTER) kill(started.child);
    if (res.json.status === 'confirmed') {
      const c = await attempt(() => l.client.call('POST', `/api/v1/checkin/${e.token}`));
      if (c?.status === 200) log.checkedIn.push({ sessionId: e.current, userId: l.id });
    }
    if (i % 5 === 0) {
      log.cancelTried.add(res.json.id);
      const c = await attempt(() =>
        officer.call('POST', `/api/v1/enrolments/${res.json.id}/cancel`, { reason: 'Prova di carico' }),
      );
      if (c?.status === 200) log.cancelled.add(res.json.id);
    }
  });
  kill(started.child);
  await registers;
  const dead = started.child;
  if (dead.exitCode === null && dead.signalCode === null) await new Promise((r) => dead.once('exit', r));
  expect(dead.signalCode).toBe('SIGKILL');
  expect(killedAt).toBeGreaterThanOrEqual(KILL_AFTER);
  expect(log.checkedIn.length + log.cancelled.size).toBeGreaterThan(0);
  expect(log.rounds.filter((r) => r.acked).length).toBeGreaterThan(0);

  // Started again on the same database: it serves, sessions still hold, and the queue goes on.
  started = await startServer(env);
  server.base = started.base;
  const ids = editions.map((e) => e.id);
  const waitlisted = async (editionId: number) =>
    (await admin.call('GET', `/api/v1/enrolments?editionId=${editionId}&status=waitlisted&pageSize=100`)).json
      .items as { id: number; waitlistPosition: number; queuedAt: string }[];
  const before = await waitlisted(ids[0] as number);
  const newcomer = client();
  await newcomer.login(late.email, PASSWORD);
  const after = await newcomer.call('POST', '/api/v1/enrolments', { editionId: ids[0] });
  expect(after.status, JSON.stringify(after.json)).toBe(201);
  expect(after.json).toMatchObject({ status: 'waitlisted', waitlistPosition: before.length + 1 });
  for (const id of ids) {
    const list = await waitlisted(id);
    expect(list.map((w) => w.waitlistPosition)).toEqual(list.map((_, n) => n + 1));
    const times = list.map((w) => w.queuedAt);
    expect(times).toEqual([...times].sort());
  }
  expect(await stop(started.child)).toBe(0);

  const database = await opts.open();
  try {
    await expectIntact(database.db, log, editions);
  } finally {
    await database.close();
  }
}

if (process.env.TEST_DRIVER === 'pglite')
  describe('kill -9 under load, on the embedded database', () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'officina-crash-'));
    afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

    it('loses no acknowledged write and keeps every invariant', async () => {
      // The embedded files have one user at a time: prepared here, then handed to the server.
      const seeded = await openDatabase({ dataDir });
      const people = await prepare(seeded);
      await seeded.close();
      await crashTest({ env: { DATA_DIR: dataDir }, people, open: () => openDatabase({ dataDir }) });
    }, 110_000);
  });

if (process.env.TEST_DRIVER === 'postgres')
  describe('kill -9 under load, on PostgreSQL', () => {
    let database: Database | undefined;
    afterAll(async () => database?.close());

    it('loses no acknowledged write and keeps every invariant', async () => {
      database = await openTestDatabase({ empty: true });
      const people = await prepare(database);
      await crashTest({
        env: { DATABASE_URL: database.url as string },
        people,
        open: async () => ({ ...(database as Database), close: async () => {} }),
      });
    }, 110_000);
  });
