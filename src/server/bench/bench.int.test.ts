import { beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../../common/api-routes.js';
import { startTestApp, type TestContext } from '../test/app.js';
import { demoBenchFixtures } from '../test/bench-dataset.js';
import { prepareBurst, runBurst } from './burst.js';
import { burstRows, clearBurstEdition, judgeBurst } from './burst-check.js';
import { floorQueries, measureFloor } from './floor.js';
import { measureRoute } from './load.js';
import type { Manifest } from './manifest.js';
import { quickCheckFailures } from './report.js';
import { benchRoutes } from './routes.js';

// The benchmark's measuring parts against a real app on the demo cast: every route it loads answers
// 2xx with the signed cookies it builds, the floor runs the routes' repository calls, and a burst of
// 40 people on 10 seats comes out exact.
describe('the benchmark on a small demo dataset', () => {
  let t: TestContext;
  let base: string;
  let manifest: Manifest;

  beforeAll(async () => {
    t = await startTestApp();
    const fixtures = await demoBenchFixtures(t.app, t.db, { seats: 10, burstUsers: 40 });
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    manifest = {
      seed: 1,
      scale: 0,
      driver: t.database.driver,
      dataDir: 'in-memory',
      databaseUrl: t.database.url,
      sessionSecret: t.config.sessionSecret ?? '',
      counts: {},
      loadSeconds: 0,
      fixtures,
    };
  });

  it('loads every route, runs the burst and the floor, and judges the burst exact', async () => {
    const routes = [];
    for (const spec of benchRoutes(manifest))
      routes.push(await measureRoute(base, spec, { connections: 4, seconds: 1 }));
    for (const r of routes) {
      expect(r.requests, r.name).toBeGreaterThan(0);
      expect({ name: r.name, non2xx: r.non2xx, errors: r.errors }).toEqual({
        name: r.name,
        non2xx: 0,
        errors: 0,
      });
      expect(r.bytesPerResponse, r.name).toBeGreaterThan(0);
    }

    const { burst } = manifest.fixtures;
    const prepared = await prepareBurst(base, burst.users, manifest.sessionSecret, apiRoutes.auth.csrf);
    const run = await runBurst(base, apiRoutes.enrolment.list, burst.editionId, prepared);
    expect(run.errors).toBe(0);
    const verdict = judgeBurst(await burstRows(t.db, burst.editionId), run.answers, burst.seats);
    expect(verdict).toEqual({ exact: true, confirmed: 10, waitlisted: 30, other: 0, problems: [] });

    const floors = [];
    for (const q of await floorQueries(t.db, manifest))
      floors.push(await measureFloor(q, { concurrency: 4, seconds: 0.2 }));
    expect(floors.map((f) => f.name)).toEqual(['calendar', 'ics', 'paths', 'officerEnrolments']);
    for (const f of floors) expect(f.runs, f.name).toBeGreaterThan(0);

    const burstSummary = { ...run, users: run.requests, seats: burst.seats, verdict };
    expect(
      quickCheckFailures({
        quick: true,
        driver: manifest.driver,
        startupMs: 0,
        peakRssBytes: 0,
        routes,
        floors,
        burst: burstSummary,
        lighthouse: null,
      }),
    ).toEqual([]);

    // A second run starts from an empty edition again.
    expect(await clearBurstEdition(t.db, burst.editionId)).toBe(40);
    expect(await burstRows(t.db, burst.editionId)).toEqual([]);
  });

  it('a mutation without the CSRF token is refused, so the burst’s credentials are what make it pass', async () => {
    const [user] = manifest.fixtures.burst.users;
    if (!user) throw new Error('no burst user');
    const [prepared] = await prepareBurst(base, [user], manifest.sessionSecret, apiRoutes.auth.csrf);
    if (!prepared) throw new Error('not prepared');
    const res = await fetch(`${base}${apiRoutes.enrolment.list}`, {
      method: 'POST',
      headers: { cookie: prepared.credentials.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ editionId: manifest.fixtures.burst.editionId }),
    });
    expect(res.status).toBe(403);
  });
});
