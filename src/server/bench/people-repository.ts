import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { JOB_PROFILES } from '../db/seed/reference.js';
import type { BenchContext } from './context.js';
import { textArray } from './random.js';

const FIRST =
  'Marco|Giulia|Luca|Francesca|Alessandro|Chiara|Andrea|Sara|Matteo|Elena|Giovanni|Martina|Stefano|Valentina|Paolo|Federica|Roberto|Silvia|Davide|Anna|Simone|Laura|Fabio|Paola|Antonio|Alessia|Massimo|Roberta|Giuseppe|Cristina|Nicola|Monica|Daniele|Ilaria|Michele|Barbara|Salvatore|Elisa|Vincenzo|Lucia'.split(
    '|',
  );
const LAST =
  'Rossi|Russo|Ferrari|Esposito|Bianchi|Romano|Colombo|Ricci|Marino|Greco|Bruno|Gallo|Conti|De Luca|Mancini|Costa|Giordano|Rizzo|Lombardi|Moretti|Barbieri|Fontana|Santoro|Mariani|Rinaldi|Caruso|Ferrara|Galli|Martini|Leone|Longo|Gentile|Martinelli|Vitale|Lombardo|Serra|Coppola|De Santis|D’Angelo|Marchetti'.split(
    '|',
  );

/** The e-mail of staff member i (the national survey finds the staff by this pattern). */
export const STAFF_TAG = 'staff';
export const staffEmail = (i: number) => `${STAFF_TAG}-${i}@bench.officina.invalid`;

/**
 * The people: `staff` members of the Provinces (every one a learner of their unit; the first ones
 * of each unit its officers; one in `trainerEvery` also a trainer), then the national staff (admins,
 * help desk, moderators). Units are drawn with a skew, so some Provinces are much larger than others.
 * `bench_people` keeps each staff member's index for the later steps.
 */
export function createPeopleRepository(b: BenchContext) {
  const { draw, sizes } = b;
  const S = sizes.staff;
  const officers = sizes.officersPerUnit;
  const i = sql`g.i`;
  return {
    async insertStaff(db: Db) {
      await db.execute(sql`
        create temp table bench_units as
        select id, (row_number() over (order by id) - 1)::int as k, name, in_programme from territorial_units`);
      // The unit is drawn first, then joined: a draw inside the join condition would run once per pair.
      await db.execute(sql`
        create temp table bench_people as
        select d.i, d.id, u.id as unit_id, d.officer, d.trainer, d.active, d.has_password
        from (
          select g.i, ${draw.uuid('user', i)} as id,
            g.i <= ${officers} * n.units as officer,
            g.i % ${sizes.trainerEvery} = ${Math.floor(sizes.trainerEvery / 2)} as trainer,
            g.i % 97 <> 0 as active,
            g.i % 89 <> 0 as has_password,
            case when g.i <= ${officers} * n.units then (g.i - 1) % n.units
              else floor(power(${draw.u('unit', i)}, 1.6) * n.units)::int end as k
          from generate_series(1, ${S}) as g(i), (select count(*)::int as units from bench_units) n
        ) d join bench_units u on u.k = d.k`);
      await db.execute(sql`alter table bench_people add primary key (i)`);
      await db.execute(sql`create index on bench_people (unit_id)`);
      const profiles = JOB_PROFILES.map((p) => p.code);
      await db.execute(sql`
        insert into users (id, email, name, unit_id, job_profile_code, password_hash, active, locale,
          password_changed_at, last_login_at, created_at, updated_at)
        select p.id, ${`${STAFF_TAG}-`} || p.i || '@bench.officina.invalid',
          (${textArray(FIRST)})[1 + ${draw.int('first', FIRST.length, i)}] || ' ' ||
            (${textArray(LAST)})[1 + ${draw.int('last', LAST.length, i)}],
          p.unit_id,
          case when p.officer then 'funzionario-amministrativo'
            else (${textArray(profiles)})[1 + ${draw.int('profile', profiles.length, i)}] end,
          case when p.has_password then ${b.passwordHash}::text end,
          p.active,
          case when ${draw.u('locale', i)} < 0.03 then 'en' else 'it' end,
          case when p.has_password then ${b.todayStart}::timestamptz - make_interval(days => 400 + ${draw.int('pw', 300, i)}) end,
          case when p.has_password then ${b.todayStart}::timestamptz - make_interval(days => ${draw.int('login', 120, i)}, mins => 480 + ${draw.int('login-m', 540, i)}) end,
          ${b.todayStart}::timestamptz - make_interval(days => 400 + ${draw.int('pw', 300, i)}, hours => 1),
          ${b.todayStart}::timestamptz - make_interval(days => ${draw.int('upd', 200, i)})
        from bench_people p join generate_series(1, ${S}) as g(i) on g.i = p.i
        order by p.i`);
    },

    /** National admins, help-desk agents and moderators: no unit, global roles. */
    async insertNationalStaff(db: Db) {
      const roles = [
        ...Array.from(
          { length: sizes.nationalAdmins },
          (_, k) => ['admin', k + 1, 'national_admin'] as const,
        ),
        ...Array.from(
          { length: sizes.helpdeskAgents },
          (_, k) => ['helpdesk', k + 1, 'helpdesk_agent'] as const,
        ),
        ...Array.from(
          { length: sizes.moderators },
          (_, k) => ['moderator', k + 1, 'community_moderator'] as const,
        ),
      ];
      for (const [kind, n, role] of roles) {
        const key = sql`${`${kind}-${n}`}::text`;
        await db.execute(sql`
          insert into users (id, email, name, password_hash, password_changed_at, last_login_at, created_at, updated_at)
          values (${draw.uuid('national', key)}, ${`${kind}-${n}@bench.officina.invalid`},
            (${textArray(FIRST)})[1 + ${draw.int('first', FIRST.length, key)}] || ' ' ||
              (${textArray(LAST)})[1 + ${draw.int('last', LAST.length, key)}],
            ${b.passwordHash}, ${b.todayStart}::timestamptz - interval '500 days',
            ${b.todayStart}::timestamptz - interval '1 day' + interval '9 hours',
            ${b.todayStart}::timestamptz - interval '720 days', ${b.todayStart}::timestamptz - interval '30 days')`);
        await db.execute(sql`
          insert into role_grants (user_id, role, created_at)
          values (${draw.uuid('national', key)}, ${role}, ${b.todayStart}::timestamptz - interval '720 days')`);
      }
    },

    async insertStaffGrants(db: Db) {
      const admin = sql`(select id from users where email = 'admin-1@bench.officina.invalid')`;
      await db.execute(sql`
        insert into role_grants (user_id, role, unit_id, granted_by, created_at)
        select id, r.role, case when r.role = 'trainer' then null else unit_id end, ${admin},
          ${b.todayStart}::timestamptz - interval '400 days'
        from bench_people p
        cross join lateral (values ('learner', true), ('province_officer', p.officer), ('trainer', p.trainer)) as r(role, has)
        where r.has
        order by p.i, r.role`);
      // Officers choose how they hear of their staff's requests: one by one, or a daily summary.
      await db.execute(sql`
        insert into officer_notice_preferences (user_id, mode, changed_at)
        select id, case when i % 3 = 0 then 'digest' else 'each' end, ${b.todayStart}::timestamptz - interval '90 days'
        from bench_people where officer and i % 2 = 0 order by i`);
      await db.execute(sql`
        insert into officer_digests (user_id, day, sent_at)
        select p.id, (${b.today}::date - d), (${b.today}::date - d) + time '07:00'
        from bench_people p join officer_notice_preferences o on o.user_id = p.id and o.mode = 'digest'
        cross join generate_series(1, 7) as d
        order by p.i, d`);
      // People invited but not yet signed in have a pending invitation link.
      await db.execute(sql`
        insert into user_tokens (token_hash, user_id, purpose, expires_at, created_at)
        select encode(sha256(convert_to(${b.draw.hex('invite', sql`i`)}, 'UTF8')), 'hex'), id, 'invitation',
          ${b.todayStart}::timestamptz + interval '5 days', ${b.todayStart}::timestamptz - interval '2 days'
        from bench_people where not has_password order by i`);
    },
  };
}
