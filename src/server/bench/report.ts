import type { BurstVerdict } from './burst-check.js';
import type { FloorResult } from './floor.js';
import type { LighthouseResult } from './lighthouse.js';
import type { RouteResult } from './load.js';

/** The route measured as the HTTP ceiling: the server's cheapest answer. */
export const CEILING = 'live';

/** Which floor query each route is compared with. */
const FLOOR_OF: Record<string, string> = {
  calendar: 'calendar',
  ics: 'ics',
  paths: 'paths',
  officerEnrolments: 'officerEnrolments',
};

export type RouteRow = RouteResult & { ratioToCeiling: number | null; ratioToFloor: number | null };

export type BurstSummary = {
  users: number;
  seats: number;
  enrolmentsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  verdict: BurstVerdict;
};

export type Target = {
  target: string;
  value: number | boolean | null;
  unit: string;
  met: boolean;
  note?: string;
};

export type BenchInput = {
  quick: boolean;
  driver: 'pglite' | 'postgres';
  startupMs: number;
  peakRssBytes: number;
  routes: RouteResult[];
  floors: FloorResult[];
  burst: BurstSummary;
  lighthouse: LighthouseResult[] | null;
  /** Why Lighthouse measured nothing, when it failed. */
  lighthouseError?: string | null;
};

/** Each route with its share of the ceiling's throughput and its multiple of its query's floor. */
export function routeRows(routes: RouteResult[], floors: FloorResult[]): RouteRow[] {
  const ceiling = routes.find((r) => r.name === CEILING);
  return routes.map((r) => {
    const floorName = FLOOR_OF[r.name];
    const floor = floorName ? floors.find((f) => f.name === floorName) : undefined;
    return {
      ...r,
      ratioToCeiling: ceiling?.reqPerSec ? r.reqPerSec / ceiling.reqPerSec : null,
      ratioToFloor: floor?.queriesPerSec ? r.reqPerSec / floor.queriesPerSec : null,
    };
  });
}

const MB = 1024 * 1024;

/** The targets of the performance issue, each with the value this run measured. */
export function targets(input: BenchInput): Target[] {
  const rows = routeRows(input.routes, input.floors);
  const row = (name: string) => rows.find((r) => r.name === name);
  const out: Target[] = [];
  // A route that answered nothing, or answered errors, meets no target however fast it was.
  const judged = (
    name: string,
    target: string,
    unit: string,
    measure: (r: RouteRow) => number | null,
    ok: (v: number) => boolean,
  ) => {
    const r = row(name);
    if (!r) return out.push({ target, value: null, unit, met: false, note: 'not measured' });
    const failures = r.errors + r.timeouts + r.non2xx;
    if (!r.requests || failures)
      return out.push({
        target,
        value: null,
        unit,
        met: false,
        note: `${r.requests} answers, ${r.non2xx} not 2xx, ${r.errors + r.timeouts} errors or timeouts`,
      });
    const value = measure(r);
    return out.push({ target, value, unit, met: value !== null && ok(value) });
  };
  const share = (name: string, label: string, min: number) =>
    judged(
      name,
      `${label} ≥ ${min * 100}% of the ceiling's req/s`,
      'ratio',
      (r) => r.ratioToCeiling,
      (v) => v >= min,
    );
  const p99 = (name: string, label: string, max: number) =>
    judged(
      name,
      `${label} p99 < ${max} ms`,
      'ms',
      (r) => r.p99Ms,
      (v) => v < max,
    );
  share('calendar', 'Public calendar JSON', 0.5);
  p99('calendar', 'Public calendar JSON', 50);
  share('ics', 'iCal feed', 0.25);
  for (const name of [
    'paths',
    'publicPath',
    'publicEdition',
    'learnerEnrolments',
    'learnerSessions',
    'officerEnrolments',
  ])
    if (row(name)) p99(name, `${name}`, 100);
  const b = input.burst;
  out.push({
    target: `Enrolment burst exact (${Math.min(b.seats, b.users)} confirmed, ${Math.max(0, b.users - b.seats)} waitlisted in arrival order, 0 errors)`,
    value: b.verdict.exact,
    unit: 'boolean',
    met: b.verdict.exact,
    ...(b.verdict.problems.length ? { note: b.verdict.problems.join('; ') } : {}),
  });
  out.push({
    target: 'Enrolment burst ≥ 500 enrolments/s',
    value: b.enrolmentsPerSec,
    unit: 'enrolments/s',
    met: b.enrolmentsPerSec >= 500,
  });
  const limit = input.driver === 'pglite' ? 512 : 384;
  out.push({
    target: `Server peak memory < ${limit} MB (${input.driver})`,
    value: input.peakRssBytes / MB,
    unit: 'MB',
    met: input.peakRssBytes / MB < limit,
    note: 'start-up on the existing dataset, then every measurement; start-up on a new database is not part of this run',
  });
  out.push({
    target: 'Start-up on an existing database < 2 s',
    value: input.startupMs / 1000,
    unit: 's',
    met: input.startupMs < 2000,
  });
  for (const page of ['/', '/formazione']) {
    const lh = input.lighthouse?.find((l) => l.path === page);
    out.push({
      target: `Lighthouse mobile performance ≥ 90 on ${page}`,
      value: lh ? lh.score : null,
      unit: 'score',
      met: !!lh && lh.score >= 90,
      ...(lh ? {} : { note: 'not measured' }),
    });
  }
  return out;
}

/** What a failed quick check is: an error, a non-2xx answer, or an inexact burst. */
export function quickCheckFailures(input: BenchInput): string[] {
  const failures: string[] = [];
  for (const r of input.routes) {
    if (r.requests === 0) failures.push(`${r.name}: no answer`);
    if (r.errors || r.non2xx || r.timeouts)
      failures.push(`${r.name}: ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx answers`);
  }
  if (!input.burst.verdict.exact) failures.push(`burst: ${input.burst.verdict.problems.join('; ')}`);
  return failures;
}

const fmt = (n: number | null, digits = 0) =>
  n === null
    ? '—'
    : n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const pct = (n: number | null) => (n === null ? '—' : `${(n * 100).toFixed(1)}%`);

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The run as text tables, for the terminal. */
export function formatReport(input: BenchInput): string {
  const rows = routeRows(input.routes, input.floors);
  const parts = [
    table(
      [
        'route',
        'req/s',
        'p50 ms',
        'p97.5 ms',
        'p99 ms',
        'errors',
        'non-2xx',
        'bytes',
        'of ceiling',
        'of floor',
      ],
      rows.map((r) => [
        r.name,
        fmt(r.reqPerSec),
        fmt(r.p50Ms),
        fmt(r.p975Ms),
        fmt(r.p99Ms),
        fmt(r.errors + r.timeouts),
        fmt(r.non2xx),
        fmt(r.bytesPerResponse),
        pct(r.ratioToCeiling),
        pct(r.ratioToFloor),
      ]),
    ),
    table(
      ['database floor', 'queries/s', 'p50 ms', 'p99 ms'],
      input.floors.map((f) => [f.name, fmt(f.queriesPerSec), fmt(f.p50Ms, 1), fmt(f.p99Ms, 1)]),
    ),
    [
      `burst: ${input.burst.users} users on ${input.burst.seats} seats: ${fmt(input.burst.enrolmentsPerSec)} enrolments/s, ` +
        `p50 ${fmt(input.burst.p50Ms)} ms, p99 ${fmt(input.burst.p99Ms)} ms, ${input.burst.errors} errors, ` +
        `${input.burst.verdict.confirmed} confirmed, ${input.burst.verdict.waitlisted} waitlisted: ` +
        (input.burst.verdict.exact ? 'exact' : `NOT exact (${input.burst.verdict.problems.join('; ')})`),
      `start-up: ${fmt(input.startupMs / 1000, 2)} s; server peak memory (VmHWM): ${fmt(input.peakRssBytes / MB)} MB`,
      input.lighthouse
        ? `lighthouse (mobile performance): ${input.lighthouse.map((l) => `${l.path} ${l.score}`).join(', ')}`
        : `lighthouse: ${lighthouseNotMeasured(input)}`,
    ].join('\n'),
    table(
      ['target', 'measured', 'met'],
      targets(input).map((t) => [
        t.target,
        typeof t.value === 'number'
          ? t.unit === 'ratio'
            ? pct(t.value)
            : `${fmt(t.value, t.unit === 's' ? 2 : 0)} ${t.unit}`
          : String(t.value ?? t.note ?? '—'),
        t.met ? 'yes' : 'NO',
      ]),
    ),
    ...(targets(input).some((t) => !t.met)
      ? ['What bounds the targets not met, as last analysed: docs/benchmarks.md, "Targets not met, and why".']
      : []),
  ];
  return parts.join('\n\n');
}

/** What the results say when Lighthouse measured nothing: skipped (quick check) or failed, and why. */
export function lighthouseNotMeasured(input: Pick<BenchInput, 'lighthouseError'>): string {
  return input.lighthouseError ? `not measured (${input.lighthouseError})` : 'not measured';
}
