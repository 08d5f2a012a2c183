import { calendarQuery, publicPathListQuery } from '../../common/catalogue.js';
import { enrolmentQuery } from '../../common/enrolment.js';
import { romeDate } from '../../common/rome-time.js';
import type { Db } from '../db/client.js';
import { systemClock } from '../kernel/clock.js';
import { createUsersRepository } from '../modules/identity/users/repository.js';
import { createCalendarRepository } from '../modules/training/calendar/repository.js';
import { calendarRange } from '../modules/training/calendar/service.js';
import { createPathsRepository } from '../modules/training/catalogue/paths-repository.js';
import { enrolmentScope } from '../modules/training/enrolment/policy.js';
import { createEnrolmentRepository } from '../modules/training/enrolment/repository.js';
import type { Manifest } from './manifest.js';
import { percentile } from './stats.js';

export type FloorResult = { name: string; queriesPerSec: number; p50Ms: number; p99Ms: number; runs: number };

/** One query of the floor: the repository calls its route makes, without HTTP, validation or JSON. */
export type FloorQuery = { name: string; run: () => Promise<unknown> };

/**
 * The repository calls behind the main routes, named like the routes they serve (the ratios pair them
 * by name): the calendar's default window and its iCal body (same query, up to 5,000 sessions), the
 * public path list (the page, the paths' details, the upcoming editions per path) and the officer's
 * enrolment list (scoped to their Province as the service scopes it).
 */
export async function floorQueries(db: Db, manifest: Manifest): Promise<FloorQuery[]> {
  const calendar = createCalendarRepository(systemClock);
  const paths = createPathsRepository();
  const enrolment = createEnrolmentRepository();
  const defaults = calendarQuery.parse({});
  const pathQuery = publicPathListQuery.parse({});
  const listQuery = enrolmentQuery.parse({});
  const { officer } = manifest.fixtures;
  const grants = (await createUsersRepository().grantsOf(db, [officer.userId])).get(officer.userId) ?? [];
  const scope = enrolmentScope({ id: officer.userId, email: '', name: '', unitId: officer.unitId, grants });
  if (!scope) throw new Error('the dataset’s officer may not list enrolments: check the manifest');
  return [
    { name: 'calendar', run: () => calendar.sessions(db, defaults, calendarRange(defaults, new Date())) },
    {
      name: 'ics',
      run: () =>
        calendar.sessions(db, { ...defaults, page: 1, pageSize: 5000 }, calendarRange(defaults, new Date())),
    },
    {
      name: 'paths',
      run: async () => {
        const { rows } = await paths.list(db, { ...pathQuery, status: 'published' }, 1, pathQuery.pageSize);
        const ids = rows.map((r) => r.id);
        await paths.details(db, ids);
        await calendar.upcomingEditionCounts(db, ids, romeDate(new Date()));
      },
    },
    {
      name: 'officerEnrolments',
      run: () => enrolment.list(db, scope, listQuery, listQuery.page, listQuery.pageSize),
    },
  ];
}

/** Runs a query from `concurrency` loops at once for `seconds` seconds. */
export async function measureFloor(
  q: FloorQuery,
  opts: { concurrency: number; seconds: number },
): Promise<FloorResult> {
  const times: number[] = [];
  const started = performance.now();
  const until = started + opts.seconds * 1000;
  const loop = async () => {
    while (performance.now() < until) {
      const t0 = performance.now();
      await q.run();
      times.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, loop));
  const elapsed = (performance.now() - started) / 1000;
  return {
    name: q.name,
    queriesPerSec: times.length / elapsed,
    p50Ms: percentile(times, 50),
    p99Ms: percentile(times, 99),
    runs: times.length,
  };
}
