import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isWorkingDay } from '../../common/holidays.js';
import { romeToday } from '../../common/rome-time.js';
import { loadConfig } from '../config.js';
import type { Database, Db } from '../db/client.js';
import { rowsOf } from '../db/sql.js';
import { startTestApp } from '../test/app.js';
import { openTestDatabase } from '../test/db.js';
import { sessionCookie } from './cookie.js';
import { DatasetRefused, type DatasetResult, loadDataset } from './dataset.js';
import { sizesFor } from './options.js';
import { resetPostgres } from './reset.js';

const SECRET = 'bench-secret-bench-secret-bench-secret!';
const SCALE = 0.02;
const today = romeToday();
const opts = { scale: SCALE, seed: 7, today, sessionSecret: SECRET };
const config = loadConfig({ LOG_LEVEL: 'silent', SESSION_SECRET: SECRET });

const one = async <T>(db: Db, q: SQL) => (await rowsOf<T>(db, q))[0] as T;

describe('the national benchmark dataset', () => {
  let first: Database;
  let second: Database;
  let a: DatasetResult;
  let b: DatasetResult;
  beforeAll(async () => {
    first = await openTestDatabase();
    second = await openTestDatabase();
    a = await loadDataset(first, config, opts);
    b = await loadDataset(second, config, opts);
  }, 600_000);
  afterAll(async () => {
    await second?.close();
  });

  it('has rows in proportion to the scale, in every table a real installation fills', () => {
    const s = sizesFor(SCALE);
    expect(a.counts.editions).toBe(s.editions + 1);
    expect(a.counts.training_paths).toBe(s.paths);
    expect(a.counts.users).toBe(s.staff + s.nationalAdmins + s.helpdeskAgents + s.moderators + s.taskForce);
    // Small editions' demand is capped by the staff floor, so a small scale falls a little short.
    expect(a.counts.enrolments).toBeGreaterThan(s.enrolments * 0.8);
    expect(a.counts.enrolments).toBeLessThan(s.enrolments * 1.1);
    expect(a.counts.edition_sessions).toBeGreaterThan(s.editions * 3);
    expect(a.counts.territorial_units).toBe(107);
    const empty = Object.entries(a.counts)
      .filter(([, n]) => n === 0)
      .map(([t]) => t);
    // Left empty on purpose: caches filled on first read, targeted surveys, deadlines' follow-ups; and
    // at a small scale, reserved seats, paths reserved to units and past editions with an online final
    // test may happen to be drawn nowhere.
    expect([
      'edition_quotas',
      'path_units',
      'campaign_gap_cells',
      'campaign_gap_state',
      'campaign_job_profiles',
      'campaign_people',
      'campaign_questions',
      'campaign_response_answers',
      'campaign_units',
      'deadline_moves',
      'edition_quiz_settings',
      'programming_reminders',
      'quiz_attempts',
      'reorg_plan_documents',
      'unit_contacts',
    ]).toEqual(expect.arrayContaining(empty));
    expect(empty).not.toContain('attendance');
  });

  it('gives every path its online modules, and progress agreeing with the ledger of the linked sessions', async () => {
    expect(a.counts.fad_modules).toBe(sizesFor(SCALE).paths * 4);
    expect(a.counts.scorm_packages).toBe(sizesFor(SCALE).paths);
    expect(a.counts.fad_pages).toBe(sizesFor(SCALE).paths * 15);
    const bad = await one<{ n: number }>(
      first.db,
      sql`select count(*)::int as n from fad_progress pr
        where pr.active_seconds <> 60 * (select max(a.minutes) from attendance a
          join fad_session_modules l on l.session_id = a.session_id
          where a.user_id = pr.user_id and l.module_id = pr.module_id)`,
    );
    expect(bad.n).toBe(0);
  });

  it('gives every path a bank and a final test, and attempts agreeing with the final-test results', async () => {
    expect(a.counts.quizzes).toBe(sizesFor(SCALE).paths);
    expect(a.counts.quiz_questions).toBe(sizesFor(SCALE).paths * 20);
    const bad = await one<{ n: number }>(
      first.db,
      sql`select count(*)::int as n from enrolments en
        where en.final_test_passed is not null
          and exists (select 1 from edition_quiz_settings s where s.edition_id = en.edition_id and s.online_final_test)
          and en.final_test_passed <> coalesce((select bool_or(qa.passed) from quiz_attempts qa where qa.enrolment_id = en.id), false)`,
    );
    expect(bad.n).toBe(0);
  });

  it('refuses a database that already has people', async () => {
    await expect(loadDataset(first, config, opts)).rejects.toThrow(DatasetRefused);
  });

  it('never gives more seats than an edition has, nor two active enrolments to one person', async () => {
    const over = await one<{ n: number }>(
      first.db,
      sql`select count(*)::int as n from editions ed
        where (select count(*) from enrolments en where en.edition_id = ed.id and en.status = 'confirmed') > ed.capacity`,
    );
    expect(over.n).toBe(0);
    const statuses = await rowsOf<{ status: string }>(first.db, sql`select distinct status from enrolments`);
    expect(statuses.map((s) => s.status)).toEqual(
      expect.arrayContaining(['cancelled', 'confirmed', 'waitlisted']),
    );
    // Reserved seats stay within the edition.
    const quotas = await one<{ bad: number }>(
      first.db,
      sql`select count(*) filter (where q.seats <= 0 or q.seats > ed.capacity)::int as bad
        from edition_quotas q join editions ed on ed.id = q.edition_id`,
    );
    expect(quotas.bad).toBe(0);
  });

  it('records attendance only for confirmed enrolments in sessions held before today, within their length', async () => {
    const bad = await one<{ n: number; total: number }>(
      first.db,
      sql`select count(*) filter (where en.status <> 'confirmed' or s.status <> 'scheduled'
            or s.ends_at > ${new Date(`${today}T00:00:00+01:00`).toISOString()}::timestamptz + interval '1 hour'
            or a.minutes > extract(epoch from s.ends_at - s.starts_at) / 60 or a.minutes <= 0
            or en.user_id <> a.user_id or en.edition_id <> s.edition_id)::int as n,
          count(*)::int as total
        from attendance a join enrolments en on en.id = a.enrolment_id join edition_sessions s on s.id = a.session_id`,
    );
    expect(bad.total).toBeGreaterThan(1000);
    expect(bad.n).toBe(0);
    const completions = await one<{ bad: number; done: number; certs: number; badCerts: number }>(
      first.db,
      sql`select count(*) filter (where completed_on is not null and status <> 'confirmed')::int as bad,
          count(*) filter (where completed_on is not null)::int as done,
          (select count(*) from certificates)::int as certs,
          (select count(*) from certificates c join editions ed on ed.id = c.edition_id join enrolments en on en.id = c.enrolment_id
            where ed.status <> 'completed' or en.completed_on is null or c.code !~ '^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$')::int as "badCerts"
        from enrolments`,
    );
    expect(completions.bad).toBe(0);
    expect(completions.done).toBeGreaterThan(0);
    expect(completions.certs).toBeGreaterThan(0);
    expect(completions.badCerts).toBe(0);
  });

  it('holds sessions on working days in Rome working hours', async () => {
    const sessions = await rowsOf<{ day: string; start: string; end: string }>(
      first.db,
      sql`select to_char(starts_at at time zone 'Europe/Rome', 'YYYY-MM-DD') as day,
          to_char(starts_at at time zone 'Europe/Rome', 'HH24:MI') as start,
          to_char(ends_at at time zone 'Europe/Rome', 'HH24:MI') as end
        from edition_sessions`,
    );
    for (const s of sessions) {
      expect(isWorkingDay(s.day), s.day).toBe(true);
      expect(s.start >= '09:00' && s.end <= '18:00' && s.start < s.end).toBe(true);
    }
    const spread = await one<{ past: number; future: number }>(
      first.db,
      sql`select count(*) filter (where starts_on < ${today}::date)::int as past,
          count(*) filter (where starts_on > ${today}::date)::int as future from editions`,
    );
    expect(spread.past).toBeGreaterThan(spread.future);
    expect(spread.future).toBeGreaterThan(0);
  });

  it('gives the same rows for the same seed and day', async () => {
    const samples = [
      sql`select id, email, name, unit_id, job_profile_code, active from users order by id`,
      sql`select user_id, role, unit_id from role_grants order by user_id, role`,
      sql`select id, slug, title, eligibility from training_paths order by id`,
      sql`select id, path_id, starts_on, ends_on, capacity, status, enrolment_opens_at from editions order by id`,
      sql`select id, edition_id, starts_at, ends_at, mode, status, trainer_id from edition_sessions order by id`,
      sql`select id, edition_id, user_id, status, queue_no, requested_at, completed_on, minutes_attended from enrolments order by id`,
      sql`select md5(string_agg(session_id || ':' || user_id || ':' || minutes || ':' || source, ',' order by session_id, user_id)) as h from attendance`,
      sql`select code, enrolment_id, issued_at from certificates order by id`,
      sql`select plan_id, content from reorg_plan_versions order by plan_id, number`,
    ];
    for (const q of samples) expect(await rowsOf(second.db, q)).toEqual(await rowsOf(first.db, q));
    expect(b.fixtures.burst.editionId).toBe(a.fixtures.burst.editionId);
    expect(b.fixtures.learner.userId).toBe(a.fixtures.learner.userId);
  });

  it('leaves the burst edition empty and open, and its people signed in and free to enrol', async () => {
    const { burst, learner, officer } = a.fixtures;
    expect(burst.users.length).toBe(sizesFor(SCALE).burstUsers);
    const edition = await one<{
      status: string;
      capacity: number;
      n: number;
      open: boolean;
      eligibility: string;
      approval: boolean;
    }>(
      first.db,
      sql`select ed.status, ed.capacity, ed.approval_required as approval, tp.eligibility,
          (select count(*) from enrolments en where en.edition_id = ed.id)::int as n,
          now() between ed.enrolment_opens_at and ed.enrolment_closes_at as open
        from editions ed join training_paths tp on tp.id = ed.path_id where ed.id = ${burst.editionId}`,
    );
    expect(edition).toEqual({
      status: 'published',
      capacity: 30,
      n: 0,
      open: true,
      eligibility: 'all',
      approval: false,
    });

    const ctx = await startTestApp({ sessionSecret: SECRET }, { database: first });
    const me = async (token: string) =>
      ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: sessionCookie(token, SECRET) } });
    const [user] = burst.users;
    if (!user) throw new Error('no burst user');
    const res = await me(user.sessionToken);
    expect(res.statusCode).toBe(200);
    expect(res.json().id).toBe(user.userId);
    expect((await me(learner.sessionToken)).json().id).toBe(learner.userId);
    expect((await me(officer.sessionToken)).json().id).toBe(officer.userId);
    expect((await me('not-a-session')).statusCode).toBe(401);

    // The first burst user may enrol through the app and takes a seat.
    const csrf = await ctx.app.inject({
      method: 'GET',
      url: '/api/v1/auth/csrf',
      headers: { cookie: sessionCookie(user.sessionToken, SECRET) },
    });
    const csrfCookie = csrf.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const enrol = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/enrolments',
      headers: {
        cookie: `${sessionCookie(user.sessionToken, SECRET)}; ${csrfCookie}`,
        'x-csrf-token': csrf.json().token,
      },
      payload: { editionId: burst.editionId },
    });
    expect(enrol.statusCode).toBe(201);
    expect(enrol.json().status).toBe('confirmed');

    const feed = await ctx.app.inject({ method: 'GET', url: `/calendar/feed/${a.fixtures.feedToken}.ics` });
    expect(feed.statusCode).toBe(200);
    const path = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/public/paths/${a.fixtures.publicPathSlug}`,
    });
    expect(path.statusCode).toBe(200);
  });
  // Last: it empties the first database.
  it('resets a benchmark database only, never one holding real people', async () => {
    const real = 'mario.rossi@provincia.cuneo.it';
    await first.db.execute(
      sql`update users set email = ${real} where email = 'admin-1@bench.officina.invalid'`,
    );
    await expect(resetPostgres(first.db)).rejects.toThrow(/not the benchmark's/);
    expect((await one<{ n: number }>(first.db, sql`select count(*)::int as n from users`)).n).toBe(
      a.counts.users,
    );
    await first.db.execute(
      sql`update users set email = 'admin-1@bench.officina.invalid' where email = ${real}`,
    );
    await resetPostgres(first.db);
    const left = await one<{ n: number }>(
      first.db,
      sql`select count(*)::int as n from information_schema.tables where table_schema = 'public'`,
    );
    expect(left.n).toBe(0);
  });
});
