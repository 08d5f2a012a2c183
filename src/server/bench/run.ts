import fs from 'node:fs';
import os from 'node:os';
import { apiRoutes } from '../../common/api-routes.js';
import { openDatabase } from '../db/client.js';
import { prepareBurst, runBurst } from './burst.js';
import { burstRows, clearBurstEdition, judgeBurst } from './burst-check.js';
import { type FloorResult, floorQueries, measureFloor } from './floor.js';
import type { LighthouseResult } from './lighthouse.js';
import { type LoadOptions, measureRoute, type RouteResult } from './load.js';
import type { Manifest } from './manifest.js';
import { type BenchInput, lighthouseNotMeasured, quickCheckFailures, routeRows, targets } from './report.js';
import { benchRoutes } from './routes.js';
import { startServer } from './server-process.js';

export type BenchOptions = {
  root: string;
  manifest: Manifest;
  quick: boolean;
  /** Seconds of load per route and per floor query. */
  seconds: number;
  connections: number;
  log: (line: string) => void;
};

export type BenchResults = ReturnType<typeof resultsFile>;

function openDataset(manifest: Manifest) {
  return openDatabase({ databaseUrl: manifest.databaseUrl, dataDir: manifest.dataDir });
}

/**
 * One run: the production server on the dataset under load route by route, the enrolment burst and
 * Lighthouse while it runs; then, with the server stopped (PGlite serves one process), the database
 * floor of the main queries and the check of the burst in the database.
 */
export async function runBench(opts: BenchOptions): Promise<{ input: BenchInput; results: BenchResults }> {
  const { manifest, log } = opts;
  // The quick check is about answers, not speed: a fixed number of requests per route, however slow
  // the machine, where a fixed second could end before the first answer.
  const load: LoadOptions = opts.quick
    ? { connections: opts.connections, amount: opts.connections * 2 }
    : { connections: opts.connections, seconds: opts.seconds };
  const burstFixture = manifest.fixtures.burst;

  // A previous run's burst left its enrolments: the edition starts empty again, as loaded.
  const before = await openDataset(manifest);
  try {
    const cleared = await clearBurstEdition(before.db, burstFixture.editionId);
    if (cleared) log(`burst edition: removed ${cleared} enrolments of a previous run`);
  } finally {
    await before.close();
  }

  log(`starting the production server (${manifest.driver})`);
  const server = await startServer(opts.root, manifest);
  log(`healthy after ${(server.startupMs / 1000).toFixed(2)} s`);
  const routes: RouteResult[] = [];
  let burstRun: Awaited<ReturnType<typeof runBurst>>;
  let lighthouse: LighthouseResult[] | null = null;
  let lighthouseError: string | null = null;
  let peakRssBytes: number;
  try {
    for (const spec of benchRoutes(manifest)) {
      const r = await measureRoute(server.base, spec, load);
      log(`${spec.name}: ${Math.round(r.reqPerSec)} req/s, p99 ${r.p99Ms} ms`);
      routes.push(r);
      await settle(server.base);
    }
    const prepared = await prepareBurst(
      server.base,
      burstFixture.users,
      manifest.sessionSecret,
      apiRoutes.auth.csrf,
    );
    burstRun = await runBurst(server.base, apiRoutes.enrolment.list, burstFixture.editionId, prepared);
    log(`burst: ${Math.round(burstRun.enrolmentsPerSec)} enrolments/s, ${burstRun.errors} errors`);
    if (!opts.quick) {
      log('lighthouse (mobile) on / and /formazione');
      // Loaded only for a full run: the quick check needs no browser.
      const { measureLighthouse } = await import('./lighthouse.js');
      // A browser that fails says so in the results (its targets "not measured"); the run's other figures stay.
      lighthouse = await measureLighthouse(server.base, ['/', '/formazione']).catch((err: Error) => {
        lighthouseError = err.message;
        log(`lighthouse failed: ${err.message}`);
        return null;
      });
    }
  } finally {
    ({ peakRssBytes } = await server.stop());
  }

  const after = await openDataset(manifest);
  const floors: FloorResult[] = [];
  let verdict: ReturnType<typeof judgeBurst>;
  try {
    for (const q of await floorQueries(after.db, manifest)) {
      const f = await measureFloor(q, { concurrency: opts.connections, seconds: opts.seconds });
      log(`floor ${q.name}: ${Math.round(f.queriesPerSec)} queries/s, p99 ${f.p99Ms.toFixed(1)} ms`);
      floors.push(f);
    }
    verdict = judgeBurst(
      await burstRows(after.db, burstFixture.editionId),
      burstRun.answers,
      burstFixture.seats,
    );
  } finally {
    await after.close();
  }

  const { answers: _answers, ...burst } = burstRun;
  const input: BenchInput = {
    quick: opts.quick,
    driver: manifest.driver,
    startupMs: server.startupMs,
    peakRssBytes,
    routes,
    floors,
    burst: { ...burst, users: burst.requests, seats: burstFixture.seats, verdict },
    lighthouse,
    lighthouseError,
  };
  return { input, results: resultsFile(input, opts) };
}

/**
 * Waits for the requests the last measurement left in flight (autocannon stops sending, the server
 * still works through what it received) before the next one starts: until the trivial route answers
 * within 50 ms, for 30 s at most.
 */
async function settle(base: string) {
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    const t0 = performance.now();
    await fetch(`${base}${apiRoutes.health.live}`).then((r) => r.arrayBuffer());
    if (performance.now() - t0 < 50) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Where the causes of the targets not met, as last analysed, are written down. */
export const UNMET_EXPLAINED = 'docs/benchmarks.md#targets-not-met-and-why';

/** Everything the run measured, as written to bench-results.json. */
export function resultsFile(
  input: BenchInput,
  opts: Pick<BenchOptions, 'manifest' | 'seconds' | 'connections'>,
) {
  const cpus = os.cpus();
  return {
    measuredAt: new Date().toISOString(),
    quick: input.quick,
    machine: {
      cores: cpus.length,
      cpu: cpus[0]?.model ?? null,
      memoryBytes: os.totalmem(),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
    },
    dataset: {
      driver: opts.manifest.driver,
      seed: opts.manifest.seed,
      scale: opts.manifest.scale,
      counts: opts.manifest.counts,
      loadSeconds: opts.manifest.loadSeconds,
    },
    settings: { connections: opts.connections, secondsPerMeasure: opts.seconds },
    startupMs: input.startupMs,
    peakRssBytes: input.peakRssBytes,
    routes: routeRows(input.routes, input.floors),
    floors: input.floors,
    burst: input.burst,
    lighthouse: input.lighthouse ?? lighthouseNotMeasured(input),
    targets: targets(input),
    unmetTargetsExplained: UNMET_EXPLAINED,
    quickCheck: input.quick ? { failures: quickCheckFailures(input) } : undefined,
  };
}

export function writeResults(file: string, results: BenchResults) {
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}
