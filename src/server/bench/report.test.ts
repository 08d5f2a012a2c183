import { describe, expect, it } from 'vitest';
import type { FloorResult } from './floor.js';
import type { RouteResult } from './load.js';
import { type BenchInput, formatReport, quickCheckFailures, routeRows, targets } from './report.js';
import { percentile } from './stats.js';

const route = (
  name: string,
  reqPerSec: number,
  p99Ms: number,
  extra: Partial<RouteResult> = {},
): RouteResult => ({
  name,
  path: `/${name}`,
  signedIn: false,
  reqPerSec,
  p50Ms: p99Ms / 2,
  p975Ms: p99Ms,
  p99Ms,
  requests: reqPerSec * 10,
  errors: 0,
  timeouts: 0,
  non2xx: 0,
  bytesPerResponse: 100,
  ...extra,
});
const floor = (name: string, queriesPerSec: number): FloorResult => ({
  name,
  queriesPerSec,
  p50Ms: 1,
  p99Ms: 2,
  runs: 10,
});

function input(over: Partial<BenchInput> = {}): BenchInput {
  return {
    quick: false,
    driver: 'postgres',
    startupMs: 1500,
    peakRssBytes: 300 * 1024 * 1024,
    routes: [
      route('live', 40_000, 5),
      route('calendar', 20_000, 49),
      route('ics', 10_000, 80),
      route('paths', 5_000, 99),
      route('officerEnrolments', 2_000, 150),
    ],
    floors: [floor('calendar', 40_000), floor('ics', 20_000), floor('paths', 2_500)],
    burst: {
      users: 2000,
      seats: 30,
      enrolmentsPerSec: 600,
      p50Ms: 1000,
      p99Ms: 3000,
      maxMs: 3100,
      errors: 0,
      verdict: { exact: true, confirmed: 30, waitlisted: 1970, other: 0, problems: [] },
    },
    lighthouse: [
      {
        path: '/',
        score: 92,
        firstContentfulPaintMs: 1,
        largestContentfulPaintMs: 1,
        totalBlockingTimeMs: 0,
        cumulativeLayoutShift: 0,
        speedIndexMs: 1,
      },
      {
        path: '/formazione',
        score: 89,
        firstContentfulPaintMs: 1,
        largestContentfulPaintMs: 1,
        totalBlockingTimeMs: 0,
        cumulativeLayoutShift: 0,
        speedIndexMs: 1,
      },
    ],
    ...over,
  };
}

const met = (i: BenchInput) => Object.fromEntries(targets(i).map((t) => [t.target, t.met]));

describe('routeRows', () => {
  it('divides each route by the ceiling and by its own floor', () => {
    const rows = routeRows(input().routes, input().floors);
    const calendar = rows.find((r) => r.name === 'calendar');
    expect(calendar?.ratioToCeiling).toBe(0.5);
    expect(calendar?.ratioToFloor).toBe(0.5);
    expect(rows.find((r) => r.name === 'paths')?.ratioToFloor).toBe(2);
    // No floor measured for the officer list in this input, none for the ceiling itself.
    expect(rows.find((r) => r.name === 'officerEnrolments')?.ratioToFloor).toBeNull();
    expect(rows.find((r) => r.name === 'live')?.ratioToCeiling).toBe(1);
  });

  it('has no ratio to a ceiling that was not measured', () => {
    expect(routeRows([route('calendar', 10, 1)], [])[0]?.ratioToCeiling).toBeNull();
  });
});

describe('targets', () => {
  it('judges each target of the issue at its bound', () => {
    expect(met(input())).toEqual({
      "Public calendar JSON ≥ 50% of the ceiling's req/s": true,
      'Public calendar JSON p99 < 50 ms': true,
      "iCal feed ≥ 25% of the ceiling's req/s": true,
      'paths p99 < 100 ms': true,
      'officerEnrolments p99 < 100 ms': false,
      'Enrolment burst exact (30 confirmed, 1970 waitlisted in arrival order, 0 errors)': true,
      'Enrolment burst ≥ 500 enrolments/s': true,
      'Server peak memory < 384 MB (postgres)': true,
      'Start-up on an existing database < 2 s': true,
      'Lighthouse mobile performance ≥ 90 on /': true,
      'Lighthouse mobile performance ≥ 90 on /formazione': false,
    });
  });

  it('allows PGlite 512 MB and says so', () => {
    const t = targets(input({ driver: 'pglite', peakRssBytes: 500 * 1024 * 1024 }));
    expect(t.find((x) => x.target.startsWith('Server peak memory'))).toMatchObject({
      target: 'Server peak memory < 512 MB (pglite)',
      value: 500,
      met: true,
    });
  });

  it('counts Lighthouse as not met, and not measured, when it did not run', () => {
    const t = targets(input({ lighthouse: null })).filter((x) => x.target.startsWith('Lighthouse'));
    expect(t.map((x) => [x.value, x.met, x.note])).toEqual([
      [null, false, 'not measured'],
      [null, false, 'not measured'],
    ]);
  });

  it('meets no route target with a route that answered nothing or answered errors', () => {
    const t = targets(
      input({
        routes: [
          route('live', 40_000, 5),
          route('calendar', 0, 0, { requests: 0 }),
          route('ics', 30_000, 1, { non2xx: 5 }),
        ],
      }),
    );
    expect(t.slice(0, 3)).toEqual([
      {
        target: "Public calendar JSON ≥ 50% of the ceiling's req/s",
        value: null,
        unit: 'ratio',
        met: false,
        note: '0 answers, 0 not 2xx, 0 errors or timeouts',
      },
      {
        target: 'Public calendar JSON p99 < 50 ms',
        value: null,
        unit: 'ms',
        met: false,
        note: '0 answers, 0 not 2xx, 0 errors or timeouts',
      },
      {
        target: "iCal feed ≥ 25% of the ceiling's req/s",
        value: null,
        unit: 'ratio',
        met: false,
        note: '300000 answers, 5 not 2xx, 0 errors or timeouts',
      },
    ]);
  });

  it('carries the burst problems into the target', () => {
    const verdict = {
      exact: false,
      confirmed: 31,
      waitlisted: 1969,
      other: 0,
      problems: ['31 confirmed, expected 30'],
    };
    const t = targets(input({ burst: { ...input().burst, verdict } })).find((x) =>
      x.target.startsWith('Enrolment burst exact'),
    );
    expect(t).toMatchObject({ met: false, note: '31 confirmed, expected 30' });
  });
});

describe('quickCheckFailures', () => {
  it('is empty for a clean run', () => {
    expect(quickCheckFailures(input())).toEqual([]);
  });

  it('names non-2xx answers, errors, silent routes and an inexact burst', () => {
    const verdict = {
      exact: false,
      confirmed: 29,
      waitlisted: 0,
      other: 0,
      problems: ['29 confirmed, expected 30'],
    };
    const failures = quickCheckFailures(
      input({
        routes: [route('live', 10, 1, { non2xx: 3 }), route('ics', 0, 0, { requests: 0, errors: 2 })],
        burst: { ...input().burst, verdict },
      }),
    );
    expect(failures).toEqual([
      'live: 0 errors, 0 timeouts, 3 non-2xx answers',
      'ics: no answer',
      'ics: 2 errors, 0 timeouts, 0 non-2xx answers',
      'burst: 29 confirmed, expected 30',
    ]);
  });
});

describe('formatReport', () => {
  it('prints the routes, floors, burst and targets', () => {
    const text = formatReport(input());
    expect(text).toMatch(/^calendar\s+20,000\s+25\s+49\s+49\s+0\s+0\s+100\s+50\.0%\s+50\.0%$/m);
    expect(text).toContain('burst: 2000 users on 30 seats: 600 enrolments/s');
    expect(text).toContain('lighthouse (mobile performance): / 92, /formazione 89');
    expect(text).toMatch(/Start-up on an existing database < 2 s\s+1\.50 s\s+yes/);
  });
});

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([], 99)).toBe(0);
  });
});
