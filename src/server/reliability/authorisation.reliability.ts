import { describe, expect, it } from 'vitest';
import { bbbApiUrl } from '../config.js';
import { startTestApp } from '../test/app.js';
import { startBbbPeer } from '../test/bbb-peer.js';
import type { TestClient } from '../test/client.js';
import {
  access,
  CALLERS,
  CAST,
  type Caller,
  type Case,
  expected,
  type Json,
  type Outcome,
  type Req,
  type RouteAccess,
  type SignedIn,
  type Target,
} from './access.js';
import { DEMO_PASSWORD } from './fixtures.js';
import { buildWorld } from './world.js';

/**
 * The authorisation matrix: every registered route × every caller of the cast (and signed out) ×
 * their own object and someone else's, against the declaration in access.ts. A route's cases run in
 * order, each building its own request; the ones that change something work on objects made for
 * them, so a case never spoils the next.
 */

// The webinar routes are tried against a BigBlueButton of their own (src/server/test/bbb-peer.ts).
const BBB_SECRET = 'matrix-shared-secret-0123456789abcdef';
const peer = await startBbbPeer(BBB_SECRET);
const t = await startTestApp(
  { bbb: { apiUrl: bbbApiUrl(peer.url), secret: BBB_SECRET, checksum: 'sha256' } },
  { history: true },
);
const w = await buildWorld(t);
const clients = {} as Record<SignedIn, TestClient>;
for (const caller of Object.keys(CAST) as SignedIn[])
  clients[caller] = await t.as(CAST[caller], DEMO_PASSWORD);

const registered = t.routes.map((r) => `${r.method} ${r.url}`);
const publicRoutes = new Set(t.routes.filter((r) => r.public).map((r) => `${r.method} ${r.url}`));

type Method = 'GET' | 'HEAD' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A multipart body with one file in the "file" field. */
function multipart(upload: NonNullable<Req['upload']>) {
  const boundary = '----officina-matrix';
  return {
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${upload.filename}"\r\nContent-Type: text/plain\r\n\r\n`,
      ),
      Buffer.from(upload.content),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

function fill(pattern: string, params: Req['params'] = {}) {
  return pattern
    .replace(/:(\w+)/g, (_, name: string) => {
      const value = params[name];
      if (value === undefined) throw new Error(`no value for :${name} of ${pattern}`);
      return encodeURIComponent(String(value));
    })
    .replace(/\*$/, () => String(params['*'] ?? ''));
}

function address(pattern: string, req: Req) {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(req.query ?? {}))
    if (v !== undefined && v !== null && v !== '') search.set(k, String(v));
  const q = search.toString();
  return `${fill(pattern, req.params)}${q ? `?${q}` : ''}`;
}

async function clientFor(caller: Caller, req: Req): Promise<TestClient> {
  if (caller === 'anonymous') return t.client();
  if (req.session === 'fresh') return t.as(CAST[caller], DEMO_PASSWORD);
  if (req.session === 'twin') return w.fx.twin(CAST[caller]);
  return clients[caller];
}

/** Why an answer does not match the outcome, or null when it does. */
function mismatch(
  outcome: Outcome,
  method: Method,
  res: { statusCode: number; body: string },
  rule: RouteAccess,
  c: Case,
): string | null {
  const status = res.statusCode;
  const json = (): Json => {
    try {
      return JSON.parse(res.body);
    } catch {
      return undefined;
    }
  };
  if (outcome === 'ok' || outcome === 'empty') {
    if (status < 200 || status >= 300) return `expected ${outcome}, got ${status}`;
    if (method === 'HEAD' || !rule.count) return null;
    const n = rule.count(json(), c);
    if (outcome === 'ok' && n === 0) return 'expected something of the caller’s own, got nothing';
    if (outcome === 'empty' && n !== 0) return `expected nothing, got ${n} out of the caller’s scope`;
    return null;
  }
  if (status !== outcome) return `expected ${outcome}, got ${status}`;
  if (method === 'HEAD') return null;
  const body = json();
  if (typeof body?.code !== 'string' || typeof body?.message !== 'string' || !body.message)
    return `expected the error body {code, message}`;
  return null;
}

/** Every case of a route: signed out once, each signed-in caller on its own object and (scoped) another's. */
function casesOf(rule: RouteAccess): { caller: Caller; target: Target }[] {
  const targets: Target[] = rule.scoped ? ['own', 'other'] : ['own'];
  return CALLERS.flatMap((caller) =>
    (caller === 'anonymous' ? ['own' as const] : targets).map((target) => ({ caller, target })),
  );
}

async function run(key: string, rule: RouteAccess): Promise<string[]> {
  const [method, pattern] = key.split(' ') as [Method, string];
  const problems: string[] = [];
  for (const { caller, target } of casesOf(rule)) {
    const want = expected(rule, caller, target);
    const c: Case = {
      caller,
      target,
      side: target === 'own' ? w.own : w.other,
      w,
      client: caller === 'anonymous' ? null : clients[caller],
      allowed: want === 'ok' || want === 'empty',
    };
    const req: Req = (await rule.request?.(c)) ?? {};
    const client = await clientFor(caller, req);
    const url = address(pattern, req);
    const mutation = method !== 'GET' && method !== 'HEAD';
    const res = req.upload
      ? await client.request(method, url, undefined, multipart(req.upload))
      : await client.request(
          method,
          url,
          req.body ?? (method === 'POST' ? {} : undefined),
          req.headers ? { headers: req.headers } : {},
        );
    const why = mismatch(want, method, res, rule, c);
    const who = rule.scoped && caller !== 'anonymous' ? `${caller} (${target})` : caller;
    if (why)
      problems.push(
        `${who}: ${why}${mutation || res.statusCode >= 300 ? ` — ${res.body.slice(0, 160)}` : ''}`,
      );
  }
  return problems;
}

describe('the authorisation declaration (access.ts)', () => {
  it('declares every registered route', () => {
    expect(registered.filter((key) => !access[key])).toEqual([]);
  });

  it('declares no route the app does not register', () => {
    expect(Object.keys(access).filter((key) => !registered.includes(key))).toEqual([]);
  });

  it('declares public exactly the routes the app serves without a session', () => {
    const declaredPublic = Object.keys(access).filter((key) => access[key]?.public);
    expect(declaredPublic.filter((key) => !publicRoutes.has(key))).toEqual([]);
    expect([...publicRoutes].filter((key) => !access[key]?.public)).toEqual([]);
  });
});

describe('every route × every caller × own and other', () => {
  for (const key of registered) {
    const rule = access[key];
    if (!rule) continue;
    it(key, async () => {
      const problems = await run(key, rule);
      expect(problems, problems.join('\n')).toEqual([]);
    });
    for (const [name, variant] of Object.entries(rule.variants ?? {})) {
      it(`${key} (${name})`, async () => {
        const problems = await run(key, variant);
        expect(problems, problems.join('\n')).toEqual([]);
      });
    }
  }
});
