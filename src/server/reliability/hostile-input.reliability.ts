import { writeFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import type { RouteSummary } from '../app.js';
import { bbbApiUrl } from '../config.js';
import { rowsOf } from '../db/sql.js';
import { startTestApp } from '../test/app.js';
import { startBbbPeer } from '../test/bbb-peer.js';
import type { TestClient } from '../test/client.js';
import {
  access,
  CAST,
  type Caller,
  expected,
  type Case as MatrixCase,
  type Req,
  type RouteAccess,
  type SignedIn,
} from './access.js';
import { changedTables, committedSince, nextXid, type Snapshot, snapshot, unsafeText } from './db-state.js';
import { DEMO_PASSWORD } from './fixtures.js';
import { requestOf } from './hostile-requests.js';
import { classOf, Edit, Raw, WholeBody } from './hostile-values.js';
import {
  applyMutations,
  type Base,
  type Case,
  casesOf,
  type Mutation,
  type Section,
  withBase,
} from './input-arbitraries.js';
import { buildWorld } from './world.js';

/**
 * Hostile input on every route the app registers: schema-violating and boundary values in the path,
 * the query, the body and the uploaded file, sent by a caller the route lets in. Whatever the input,
 * the answer is never a 5xx, a refusal (4xx) carries the error body, and a refused request leaves the
 * database as it was.
 *
 * Each route is called as the authorisation matrix says it may be (access.ts): by the least
 * privileged caller it lets through, on a request built for that caller from the objects of the
 * matrix's world (world.ts, factories*.ts), so that a hostile value changes a request that would pass
 * and meets the code behind access and lookup. A request that changes something is built anew after
 * each case that passed, as the matrix does for each of its cases.
 *
 * Each route draws its cases from HOSTILE_SEED (printed on failure) and its own name: reproduce one with
 * the seed and `-t '<METHOD> <url>'`. HOSTILE_RUNS sets the cases per route; HOSTILE_REPORT=<file>
 * writes every violation found, grouped by class, and the answers per route, as Markdown.
 */

const SEED = Number(process.env.HOSTILE_SEED ?? 20260310);
const RUNS = Number(process.env.HOSTILE_RUNS ?? 20);
/** Above this share of 429 answers the limiter, not validation, would be what the cases test. */
const MAX_THROTTLED = 0.1;

/** The callers from the least to the most privileged: a route is called by the first it lets through. */
const LEAST_FIRST: Caller[] = [
  'anonymous',
  'learner',
  'helpdesk',
  'moderator',
  'officer',
  'trainer',
  'taskForce',
  'admin',
];

/**
 * A refused sign-in of an existing account counts against it (`users.failed_logins`, then a lock): so
 * its cases sign in as a new person each, and a 401 there may change `users`.
 */
const SIGN_IN = 'POST /api/v1/auth/login';

/** The error logged for each request id, to say why a 5xx happened. */
const logged = new Map<string, string>();
const logger = pino(
  { level: 'error' },
  {
    write(line: string) {
      const entry = JSON.parse(line) as { reqId?: string; msg?: string; err?: LoggedError };
      if (entry.reqId) logged.set(entry.reqId, entry.err ? summarise(entry.err) : (entry.msg ?? ''));
    },
  },
);

type LoggedError = { type?: string; message?: string; stack?: string };

/** The database's reason (not the failed SQL) and the first frame of the app's own code. */
function summarise(err: LoggedError): string {
  const stack = err.stack ?? '';
  const reason = /caused by: (.*)/.exec(stack)?.[1] ?? err.message?.split('\n')[0] ?? '';
  const frame = /at (?:async )?(\S+) \(.*?\/(src\/server\/[^:)]+:\d+)/.exec(stack);
  return `${err.type ?? 'Error'}: ${reason}${frame ? ` (${frame[1]}, ${frame[2]})` : ''}`;
}

// Background mail and reminder passes would change the database between a snapshot and the next.
// The demo's history (past editions, attestati, campaigns) gives the ids of every resource a row.
// The webinar routes meet a BigBlueButton of their own, as in the matrix (src/server/test/bbb-peer.ts).
const BBB_SECRET = 'hostile-shared-secret-0123456789abcdef';
const peer = await startBbbPeer(BBB_SECRET);
const t = await startTestApp(
  {
    outboxIntervalMs: 24 * 3600_000,
    bbb: { apiUrl: bbbApiUrl(peer.url), secret: BBB_SECRET, checksum: 'sha256' },
  },
  { logger, history: true },
);
// The authorisation matrix's objects: each route's request is built on them.
const w = await buildWorld(t);
// The campaign closer makes a pass as the app starts: let it end before the first snapshot.
await t.services.campaignCloser.runOnce();

const codesOf = async (table: string, column = 'code') =>
  (await rowsOf<{ v: string }>(t.db, sql.raw(`select ${column} as v from ${table} order by 1`))).map(
    (r) => r.v,
  );
const domains = await codesOf('domains');
const serviceModels = await codesOf('service_models');
const jobProfiles = await codesOf('job_profiles');
const pools = {
  userIds: (
    await rowsOf<{ id: string }>(
      t.db,
      sql`select id from users where email not in ${Object.values(CAST)} order by email`,
    )
  ).map((r) => r.id),
  // Ids of the world's objects (the caller's own side), by the name of the field that holds them.
  ids: {
    editionId: [w.own.edition.id, w.openEdition, w.own.spare],
    toEditionId: [w.own.spare],
    pathId: [w.path.id],
    unitId: [w.own.unitId],
    unit: [w.own.unitId],
    venueUnitId: [w.own.unitId],
    campaignId: [w.closedCampaign],
    campaign: [w.closedCampaign],
    enrolmentId: [w.own.enrolment],
    sessionId: [w.own.edition.now, w.own.edition.webinar],
  },
  codes: {
    domain: domains,
    domainCode: domains,
    domainCodes: domains,
    serviceModel: serviceModels,
    serviceModelCode: serviceModels,
    jobProfile: jobProfiles,
    jobProfileCode: jobProfiles,
    jobProfileCodes: jobProfiles,
    code: jobProfiles,
    slug: await codesOf('training_paths', 'slug'),
  },
};

/**
 * The least privileged caller the declaration lets through on its own object (seeing something, if
 * any does); a route that lets nobody through (a callback that wants a signature) is called as it is
 * reached: signed out when public, else as a national admin.
 */
function callerOf(rule: RouteAccess): Caller {
  const first = (want: string) => LEAST_FIRST.find((c) => expected(rule, c, 'own') === want);
  return first('ok') ?? first('empty') ?? (rule.public ? 'anonymous' : 'admin');
}

const signedIn = new Map<Caller, TestClient>();

/** A signed-in client for the caller, signed in again when `renew` (a case ended its session). */
async function clientOf(caller: Caller, renew = false): Promise<TestClient> {
  if (caller === 'anonymous') return t.client();
  const known = signedIn.get(caller);
  if (known && !renew) return known;
  const fresh = await t.as(CAST[caller as SignedIn], DEMO_PASSWORD);
  signedIn.set(caller, fresh);
  return fresh;
}

/** The sections of the matrix's request that it sets. */
function baseOf(req: Req): Base {
  const base: Base = {};
  if (req.params) base.params = req.params;
  if (req.query)
    base.query = Object.fromEntries(
      Object.entries(req.query).filter(([, v]) => v !== undefined && v !== null && v !== ''),
    );
  if (req.body !== undefined) base.body = req.body;
  if (req.upload) base.file = { ...req.upload };
  return base;
}

type Prepared = { base: Base; client: TestClient };

/** The matrix's request of the route for the caller on its own object, and the client it goes out on. */
async function prepare(key: string, rule: RouteAccess, caller: Caller): Promise<Prepared> {
  const shared = await clientOf(caller);
  const c: MatrixCase = {
    caller,
    target: 'own',
    side: w.own,
    w,
    client: caller === 'anonymous' ? null : shared,
    allowed: true,
  };
  const req = (await rule.request?.(c)) ?? {};
  const base = baseOf(req);
  if (key === SIGN_IN) {
    const p = await w.fx.person(null, { password: true });
    base.body = { ...(base.body as object), email: p.email };
  }
  const client =
    caller === 'anonymous'
      ? shared
      : req.session === 'fresh'
        ? await t.as(CAST[caller], DEMO_PASSWORD)
        : req.session === 'twin'
          ? await w.fx.twin(CAST[caller])
          : shared;
  return { base, client };
}

// Every case comes from its own address, so per-address limits do not answer in place of validation.
let addresses = 0;
function freshAddress() {
  addresses++;
  return `10.${(addresses >> 16) & 255}.${(addresses >> 8) & 255}.${addresses & 255}`;
}

async function send(route: RouteSummary, client: TestClient, input: Record<Section, unknown>) {
  client.remoteAddress = freshAddress();
  const { url, payload, contentType } = requestOf(route, input);
  return client.request(
    route.method as 'GET',
    url,
    undefined,
    payload === undefined ? {} : { payload, headers: { 'content-type': contentType ?? 'application/json' } },
  );
}

type Outcome = { status: number; problems: string[]; logged?: string | undefined };

/**
 * The checksums of the database as it was when the next transaction id was `xid`. Requests that
 * commit nothing leave it valid, so a checksum is only taken again after something committed.
 */
let baseline: { xid: string; tables: Snapshot } | null = null;

async function stateAt(xid: string): Promise<Snapshot> {
  if (baseline?.xid !== xid) baseline = { xid, tables: await snapshot(t.db) };
  return baseline.tables;
}

async function probe(
  route: RouteSummary,
  client: TestClient,
  input: Record<Section, unknown>,
): Promise<Outcome> {
  const from = await nextXid(t.db);
  const before = await stateAt(from);
  const res = await send(route, client, input);
  const status = res.statusCode;
  const problems: string[] = [];
  if (status >= 500) problems.push(`answered ${status}`);
  else if (status >= 400) {
    const body = safeJson(res.body) as { code?: unknown; message?: unknown } | null;
    if (typeof body?.code !== 'string' || typeof body.message !== 'string') {
      problems.push(`answered ${status} without the error body: ${res.body.slice(0, 120)}`);
    } else if (body.code === 'INVALID_INPUT') {
      // The error handler's net for the database's own refusals: the route's schema missed a bound.
      problems.push(`answered ${status} INVALID_INPUT: the database, not the schema, refused the value`);
    }
    // Most refusals commit nothing at all. One that did may only have touched what any request may
    // (the rate-limit counters, the session's sliding expiry): those are left out of the checksums.
    const to = await nextXid(t.db);
    if (await committedSince(t.db, from, to)) {
      const allowed = `${route.method} ${route.url}` === SIGN_IN && status === 401 ? ['users'] : [];
      const changed = changedTables(before, await stateAt(to)).filter((table) => !allowed.includes(table));
      if (changed.length)
        problems.push(`committed while refusing (${status}): changed ${changed.join(', ')}`);
    }
  }
  return { status, problems, logged: logged.get(String(res.headers['x-request-id'])) };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

type Violation = {
  route: string;
  label: string;
  status: number;
  problem: string;
  input: string;
  logged?: string | undefined;
};

function describeMutation(m: Mutation | undefined): string {
  if (!m) return 'a valid input';
  const where = [m.section, ...m.path.map(String)].join('.').replace('\u0000raw', '(raw)');
  if (m.value instanceof Edit) return `${where}: ${m.label}`;
  if (m.value instanceof WholeBody) return `${where} = ${m.label} (${m.value.contentType})`;
  const v = m.value instanceof Raw ? String(m.value.text) : m.value;
  const text =
    typeof v === 'symbol'
      ? 'left out'
      : typeof v === 'string'
        ? JSON.stringify(v)
        : (JSON.stringify(v) ?? String(v));
  const shown = text.length > 80 ? `${text.slice(0, 60)}… (${text.length} chars)` : text;
  return `${where}${m.extraKey ? ` + key ${m.extraKey}` : ''} = ${shown}`;
}

/** Which mutations of a failing case break the route (the rest were along for the ride). */
async function attribute(
  route: RouteSummary,
  client: TestClient,
  c: Case,
  first: Outcome,
): Promise<Violation[]> {
  const key = `${route.method} ${route.url}`;
  const of = (ms: Mutation[], o: Outcome) =>
    o.problems.map((problem) => ({
      route: key,
      label: ms.map((m) => m.label).join(' + ') || 'valid input',
      status: o.status,
      problem,
      input: ms.length ? ms.map(describeMutation).join('; ') : describeMutation(undefined),
      logged: o.logged,
    }));
  if (c.mutations.length <= 1) return of(c.mutations, first);
  const alone: Violation[] = [];
  for (const m of c.mutations) alone.push(...of([m], await probe(route, client, applyMutations(c, [m]))));
  if (alone.length) return alone;
  // No mutation breaks the route alone: keep those without which the case passes.
  const needed: Mutation[] = [];
  for (const m of c.mutations) {
    const others = c.mutations.filter((o) => o !== m);
    if (!(await probe(route, client, applyMutations(c, others))).problems.length) needed.push(m);
  }
  return of(needed.length ? needed : c.mutations, first);
}

function seedOf(route: RouteSummary): number {
  let h = SEED;
  for (const ch of `${route.method} ${route.url}`) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}

const found: Violation[] = [];
/** The caller of each route, for the report. */
const callers = new Map<string, Caller>();
/** The answers per route, for the report: a route answered only 403 or 404 was not really probed. */
const answers = new Map<string, Map<number, number>>();
function tally(route: string, status: number) {
  const counts = answers.get(route) ?? new Map<number, number>();
  counts.set(status, (counts.get(status) ?? 0) + 1);
  answers.set(route, counts);
}

// HEAD runs the GET handler of the same route; it adds nothing but time.
const routes = t.routes.filter((r) => r.method !== 'HEAD');

describe('hostile input on every route', () => {
  it('reads the routes the app registered', () => {
    expect(routes.length).toBeGreaterThan(100);
  });

  it('tells a committed change from a rolled-back one, and sees it in the checksums', async () => {
    const rename = (suffix: string) =>
      sql`update users set name = name || ${suffix} where email = 'moderatore@officina.demo'`;
    const before = await snapshot(t.db);
    const from = await nextXid(t.db);
    await t.db
      .transaction(async (tx) => {
        await tx.execute(rename('!'));
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(await committedSince(t.db, from, await nextXid(t.db))).toBe(false);
    expect(changedTables(before, await snapshot(t.db))).toEqual([]);
    await t.db.execute(rename('!'));
    expect(await committedSince(t.db, from, await nextXid(t.db))).toBe(true);
    expect(changedTables(before, await snapshot(t.db))).toEqual(['users']);
    await t.db.execute(sql`update users set name = left(name, -1) where email = 'moderatore@officina.demo'`);
    expect(changedTables(before, await snapshot(t.db))).toEqual([]);
  });

  it.each(routes.map((r) => [`${r.method} ${r.url}`, r] as const))('%s', async (key, route) => {
    const rule = access[key];
    if (!rule) throw new Error(`${key} is not declared in access.ts (see authorisation.reliability.ts)`);
    const caller = callerOf(rule);
    callers.set(key, caller);
    const seed = seedOf(route);
    let prepared = await prepare(key, rule, caller);
    const cases = fc.sample(casesOf(route, pools, seed, prepared.base), { seed, numRuns: RUNS });
    const violations: Violation[] = [];
    let throttled = 0;
    let stale = false;
    for (const drawn of cases) {
      // A request that passed may have used its object up (a decision taken, a draft published).
      if (stale) prepared = await prepare(key, rule, caller);
      const c: Case = { ...drawn, valid: withBase(route, drawn.valid, prepared.base, drawn.bare) };
      const outcome = await probe(route, prepared.client, applyMutations(c, c.mutations));
      if (outcome.status === 429) throttled++;
      tally(key, outcome.status);
      if (outcome.problems.length) violations.push(...(await attribute(route, prepared.client, c, outcome)));
      // A case may end the caller's own session (a deactivation, a password change): sign in again.
      if (outcome.status === 401 && caller !== 'anonymous') await clientOf(caller, true);
      stale =
        key === SIGN_IN ||
        (outcome.status === 401 && caller !== 'anonymous') ||
        (route.method !== 'GET' && outcome.status < 400);
    }
    found.push(...violations);
    const report = violations.map(
      (v) => `${v.label}: ${v.problem} for ${v.input}${v.logged ? ` (logged: ${v.logged})` : ''}`,
    );
    expect(report, `HOSTILE_SEED=${SEED} (route seed ${seed}), caller ${caller}`).toEqual([]);
    expect(throttled / cases.length, 'share of cases answered 429').toBeLessThanOrEqual(MAX_THROTTLED);
  });

  // Runs last: whatever the cases above got accepted, the text stored is safe to print.
  it('left no bidirectional control and no unnormalised Unicode in the stored text', async () => {
    expect(await unsafeText(t.db)).toEqual([]);
  });
});

afterAll(() => {
  const file = process.env.HOSTILE_REPORT;
  if (file) writeFileSync(file, reportOf(found));
});

/** The violations as Markdown, one line per route and class. */
function reportOf(violations: Violation[]): string {
  const byClass = new Map<string, Map<string, Violation>>();
  for (const v of violations) {
    const cls = `${[...new Set(v.label.split(' + ').map(classOf))].join(' + ')} — ${v.problem
      .replace(/changed .*/, 'changed the database')
      .replace(/INVALID_INPUT.*/, 'INVALID_INPUT')
      .replace(/without the error body.*/, 'without the error body')}`;
    const routes = byClass.get(cls) ?? new Map<string, Violation>();
    if (!routes.has(v.route)) routes.set(v.route, v);
    byClass.set(cls, routes);
  }
  const lines = [`# Hostile input: violations (seed ${SEED}, ${RUNS} cases per route)`, ''];
  for (const [cls, routes] of [...byClass].sort((a, b) => b[1].size - a[1].size)) {
    lines.push(`## ${cls} (${routes.size} routes)`, '');
    for (const v of routes.values()) {
      lines.push(
        `- \`${v.route}\` — ${v.status} — ${v.label}: ${v.input}${v.logged ? ` — logged: ${v.logged.slice(0, 200)}` : ''}`,
      );
    }
    lines.push('');
  }
  lines.push('## Answers per route', '');
  for (const [route, counts] of answers) {
    const shown = [...counts].sort((a, b) => a[0] - b[0]).map(([status, n]) => `${status}×${n}`);
    lines.push(`- \`${route}\` (${callers.get(route)}): ${shown.join(', ')}`);
  }
  return lines.join('\n');
}
