import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { startTestApp } from '../test/app.js';
import type { TestClient } from '../test/client.js';
import { makeEdition } from '../test/training.js';

const t = await startTestApp();
const admin = await t.as('admin@officina.demo');
// Mutations run with their own session, signed out at the very end.
const mutator = await t.as('admin@officina.demo');

/** The only answers meant to be cached: public, and about no one. */
const CACHEABLE = new Set([
  '/api/v1/public/calendar',
  '/calendar.ics',
  '/api/v1/public/paths',
  '/api/v1/public/paths/:slug',
]);
/** Cacheable for anonymous callers only: a signed-in person's answer says whether they may enrol. */
const CACHEABLE_ANONYMOUS = new Set(['/api/v1/public/editions/:id']);

/** A concrete address: reads use id 1 (demo data), changes an id no row has, so nothing is touched. */
const concrete = (url: string, id: string) =>
  url.replace(/:[A-Za-z]+/g, (p) => (p === ':file' ? `${'x'.repeat(24)}.ics` : id));

const SAFE = new Set(['GET', 'HEAD']);
const routes = t.routes.filter((r) => r.method !== 'OPTIONS');
const reads = routes.filter((r) => SAFE.has(r.method));
// Signing out last, so the other changes run signed in.
const changes = routes
  .filter((r) => !SAFE.has(r.method))
  .sort((a, b) => Number(a.url.endsWith('/logout')) - Number(b.url.endsWith('/logout')));

async function send(client: TestClient | null, method: string, url: string) {
  const res = client
    ? await client.request(method as 'GET', url, SAFE.has(method) ? undefined : {})
    : await t.app.inject({
        method: method as 'GET',
        url,
        headers: { 'content-type': 'application/json' },
        ...(SAFE.has(method) ? {} : { payload: '{}' }),
      });
  return { status: res.statusCode, cache: String(res.headers['cache-control'] ?? '') };
}

function expectNoStore(
  r: { status: number; cache: string },
  route: { method: string; url: string },
  anonymous = false,
) {
  const cacheable =
    (CACHEABLE.has(route.url) || (anonymous && CACHEABLE_ANONYMOUS.has(route.url))) && r.status < 400;
  if (cacheable) expect(r.cache, `${route.method} ${route.url}`).toMatch(/^public, max-age=\d+$/);
  else expect(r.cache.split(/,\s*/), `${route.method} ${route.url} → ${r.status}`).toContain('no-store');
}

describe('Cache-Control on every route', () => {
  it('covers the whole route list', () => {
    expect(reads.length).toBeGreaterThan(100);
    expect(changes.length).toBeGreaterThan(60);
    expect(changes.at(-1)?.url).toBe('/api/v1/auth/logout');
  });

  it.each(reads.map((r) => [r.method, r.url, r.public] as const))(
    '%s %s (public: %s): no-store unless cacheable on purpose, signed in and out',
    async (method, url) => {
      const address = concrete(url, '1');
      expectNoStore(await send(admin, method, address), { method, url });
      expectNoStore(await send(null, method, address), { method, url }, true);
    },
  );

  it.each(changes.map((r) => [r.method, r.url, r.public] as const))(
    '%s %s (public: %s): no-store, signed in and out',
    async (method, url) => {
      const address = concrete(url, '999999');
      expectNoStore(await send(null, method, address), { method, url });
      expectNoStore(await send(mutator, method, address), { method, url });
    },
  );
});

describe('answers with personal data', () => {
  it('are not stored: sign-in, the session, /me and lists of people', async () => {
    const c = t.client();
    const login = await c.request('POST', '/api/v1/auth/login', {
      email: 'referente.cuneo@officina.demo',
      password: 'Officina-Demo-2026',
    });
    expect(login.statusCode).toBe(200);
    expect(login.headers['cache-control']).toBe('no-store');
    for (const url of ['/api/v1/auth/session', '/api/v1/me', '/api/v1/users', '/api/v1/enrolments']) {
      const res = await c.get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-store');
    }
  });

  it('are not stored after a change either: a person invited and edited, an enrolment', async () => {
    const checked = (what: string, res: LightMyRequestResponse) => {
      expect(res.statusCode, what).toBeGreaterThanOrEqual(200);
      expect(res.statusCode, what).toBeLessThan(300);
      expect(res.headers['cache-control'], what).toBe('no-store');
      return res;
    };
    const invited = checked(
      'POST /api/v1/users',
      await admin.post('/api/v1/users', {
        email: 'cache.nuovo@example.org',
        name: 'Nuovo Cache',
        unitId: null,
      }),
    );
    const { id } = invited.json() as { id: string };
    checked('PATCH /api/v1/users/:id', await admin.patch(`/api/v1/users/${id}`, { name: 'Nuovo Cache Due' }));
    const learner = await t.as('discente.cuneo@officina.demo');
    const edition = await makeEdition(admin);
    checked('POST /api/v1/enrolments', await learner.post('/api/v1/enrolments', { editionId: edition.id }));
    checked('GET /api/v1/me', await learner.get('/api/v1/me'));
  });

  it('public feeds keep their own caching, and an error is never cacheable', async () => {
    const ok = await t.client().get('/calendar.ics');
    expect(ok.headers['cache-control']).toBe('public, max-age=300');
    const bad = await t.client().get('/api/v1/public/calendar?from=domani');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['cache-control']).toBe('no-store');
  });
});
