import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import type { BenchContext } from './context.js';

/** Working days between two sessions of an edition: about a week. */
const STEP = 5;
const ADMIN = sql`(select id from users where email = 'admin-1@bench.officina.invalid')`;
const rome = (day: ReturnType<typeof sql>, time: string) =>
  sql`((${day} + ${sql.raw(`time '${time}'`)}) at time zone 'Europe/Rome')`;

/**
 * Editions spread evenly over the past year and the next six months of working days, each with two
 * to six sessions a week apart in Rome working hours; statuses follow the dates (completed or closed
 * when over, published or closed while running, published or draft to come), a few cancelled.
 */
export function createEditionsRepository(b: BenchContext) {
  const { draw, sizes } = b;
  const e = sql`g.e`;
  const E = sizes.editions;
  return {
    async prepare(db: Db) {
      await db.execute(sql`
        create temp table bench_days as
        select (k - 1)::int as k, d as day
        from unnest(string_to_array(${b.workingDays.join(',')}, ',')::date[]) with ordinality as t(d, k)`);
      await db.execute(sql`alter table bench_days add primary key (k)`);
      await db.execute(sql`
        create temp table bench_trainers as
        select id, (row_number() over (order by i) - 1)::int as k from bench_people where trainer and active`);
      const last = b.workingDays.length - 1 - STEP * 6;
      await db.execute(sql`
        create temp table bench_editions as
        with base as (
          select g.e as id, 1 + (g.e - 1) % ${sizes.paths} as path_id,
            least(${last}, greatest(0, ${b.todayIndex - 252} + ((g.e - 1) * 378) / ${E} + ${draw.int('jitter', 5, e)} - 2)) as start_k,
            2 + ${draw.int('sessions', 5, e)} as n,
            ${draw.u('cancel', e)} < 0.04 as cancelled,
            ${draw.u('status', e)} as x
          from generate_series(1, ${E}) as g(e))
        select base.*, bp.format, bp.eligibility, d0.day as starts_on, d1.day as ends_on,
          case when base.cancelled then 'cancelled'
            when d1.day < ${b.today}::date then case when base.x < 0.1 then 'closed' else 'completed' end
            when d0.day <= ${b.today}::date then case when base.x < 0.3 then 'closed' else 'published' end
            when base.x < 0.08 then 'draft' else 'published' end as status,
          case bp.format when 1 then (array[25, 30, 35])[1 + ${draw.int('cap', 3, sql`base.id`)}]
            when 4 then (array[15, 20])[1 + ${draw.int('cap', 2, sql`base.id`)}]
            when 3 then 300 else (array[150, 200, 250])[1 + ${draw.int('cap', 3, sql`base.id`)}] end as capacity,
          bp.format in (1, 4) and ${draw.u('approval', sql`base.id`)} < 0.3 as approval_required
        from base join bench_paths bp on bp.p = base.path_id
        join bench_days d0 on d0.k = base.start_k
        join bench_days d1 on d1.k = base.start_k + (base.n - 1) * ${STEP}`);
      await db.execute(sql`alter table bench_editions add primary key (id)`);
    },

    async insertEditions(db: Db) {
      const id = sql`be.id`;
      await db.execute(sql`
        insert into editions (id, path_id, title, starts_on, ends_on, capacity, enrolment_opens_at, enrolment_closes_at,
          online, venue_name, venue_address, venue_unit_id, status, cancel_reason, approval_required,
          min_attendance_pct, final_test_required, created_by, created_at, updated_at)
        select be.id, be.path_id,
          'Edizione ' || (1 + (be.id - 1) / ${sizes.paths}) || ' – ' || to_char(be.starts_on, 'MM/YYYY'),
          be.starts_on, be.ends_on, be.capacity,
          ${rome(sql`(be.starts_on - 45)`, '09:00')}, ${rome(sql`(be.starts_on - 3)`, '23:59')},
          be.format not in (1, 4),
          case when be.format in (1, 4) then 'Sala formazione – ' || u.name end,
          case when be.format in (1, 4) then 'Piazza del Municipio ' || (1 + ${draw.int('civic', 40, id)}) end,
          case when be.format in (1, 4) then u.id end,
          be.status,
          case when be.cancelled then 'Numero di iscrizioni insufficiente' end,
          be.approval_required,
          case when ${draw.u('pct', id)} < 0.15 then 80 else 75 end,
          be.format = 3 and ${draw.u('test', id)} < 0.5,
          ${ADMIN}, ${rome(sql`(be.starts_on - 60)`, '10:00')}, ${rome(sql`(be.starts_on - 50)`, '10:00')}
        from bench_editions be
        join bench_units u on u.k = (be.id * 31) % (select count(*) from bench_units)
        order by be.id`);
      await db.execute(sql`
        insert into edition_trainers (edition_id, user_id)
        select distinct be.id, t.id from bench_editions be cross join generate_series(0, 1) as j
        join bench_trainers t on t.k = (be.id * 7 + j * 3) % (select count(*) from bench_trainers)
        where j = 0 or be.format in (1, 4) order by 1, 2`);
      const sess = sql`be.id || '-' || s`;
      const mode = sql`case be.format when 1 then 'aula'
        when 3 then case when s % 2 = 0 then 'online' else 'webinar' end
        when 4 then case when s % 2 = 0 then 'aula' else 'affiancamento' end else 'webinar' end`;
      await db.execute(sql`
        insert into edition_sessions (id, edition_id, title, starts_at, ends_at, mode, room, online_url, trainer_id,
          status, sequence, created_at, updated_at)
        select row_number() over (order by be.id, s), be.id, 'Incontro ' || (s + 1), 
          case m.mode when 'webinar' then ${rome(sql`d.day`, '14:30')} else ${rome(sql`d.day`, '09:00')} end,
          case m.mode when 'webinar' then ${rome(sql`d.day`, '16:30')} when 'online' then ${rome(sql`d.day`, '17:00')}
            else ${rome(sql`d.day`, '13:00')} end,
          m.mode,
          case when m.mode in ('aula', 'affiancamento') then 'Sala ' || chr(65 + ${draw.int('room', 4, sess)}) end,
          case when m.mode = 'webinar' then 'https://webinar.example.it/officina/' || be.id || '-' || (s + 1) end,
          t.id,
          case when be.cancelled or (be.n > 2 and s > 0 and ${draw.u('scancel', sess)} < 0.02) then 'cancelled' else 'scheduled' end,
          case when ${draw.u('seq', sess)} < 0.1 then 1 else 0 end,
          ${rome(sql`(be.starts_on - 60)`, '10:00')}, ${rome(sql`(be.starts_on - 50)`, '10:00')}
        from bench_editions be cross join generate_series(0, be.n - 1) as s
        cross join lateral (select ${mode} as mode) m
        join bench_days d on d.k = be.start_k + s * ${STEP}
        join bench_trainers t on t.k = (be.id * 7) % (select count(*) from bench_trainers)
        order by be.id, s`);
      // A QR code for every classroom session; the day-before reminders of sessions already held.
      await db.execute(sql`
        insert into session_checkins (session_id, token, created_at)
        select id, ${draw.hex('qr', sql`id`)}, starts_at - interval '2 days'
        from edition_sessions where mode = 'aula' and status = 'scheduled' order by id`);
      await db.execute(sql`
        insert into session_reminders (session_id, sent_at)
        select s.id, date_trunc('day', s.starts_at) - interval '1 day' + interval '8 hours'
        from edition_sessions s join editions ed on ed.id = s.edition_id
        where s.status = 'scheduled' and ed.status not in ('draft', 'cancelled')
          and s.starts_at < ${b.todayStart}::timestamptz + interval '1 day' order by s.id`);
      // Changes after publication, already told to the people enrolled.
      await db.execute(sql`
        insert into edition_changes (edition_id, session_id, kind, changes, actor_id, at, notified_at)
        select s.edition_id, s.id, 'session.updated',
          jsonb_build_object('room', jsonb_build_object('from', 'Sala A', 'to', s.room)),
          ${ADMIN}, s.starts_at - interval '10 days', s.starts_at - interval '10 days' + interval '1 minute'
        from edition_sessions s where s.sequence = 1 and s.status = 'scheduled' order by s.id`);
    },

    /**
     * The edition of the enrolment burst: published, open now, `seats` seats, no approval, of a path open
     * to every unit, starting in about a month; nobody enrolled yet.
     */
    async insertBurstEdition(db: Db, seats: number) {
      const id = E + 1;
      const k = Math.min(b.todayIndex + 22, b.workingDays.length - 1);
      const day = b.workingDays[k] as string;
      await db.execute(sql`
        insert into editions (id, path_id, title, starts_on, ends_on, capacity, enrolment_opens_at, enrolment_closes_at,
          online, status, approval_required, created_by, created_at, updated_at)
        select ${id}, bp.p, 'Edizione straordinaria – ' || to_char(${day}::date, 'MM/YYYY'), ${day}::date, ${day}::date,
          ${seats}, ${b.todayStart}::timestamptz - interval '2 days', ${rome(sql`(${day}::date - 3)`, '23:59')},
          true, 'published', false, ${ADMIN}, ${b.todayStart}::timestamptz - interval '5 days',
          ${b.todayStart}::timestamptz - interval '2 days'
        from bench_paths bp where bp.eligibility = 'all' and bp.format in (0, 2) order by bp.p limit 1`);
      await db.execute(sql`
        insert into edition_sessions (id, edition_id, title, starts_at, ends_at, mode, online_url, trainer_id, created_at, updated_at)
        select (select max(id) + 1 from edition_sessions), ${id}, 'Incontro 1', ${rome(sql`${day}::date`, '14:30')},
          ${rome(sql`${day}::date`, '16:30')}, 'webinar', 'https://webinar.example.it/officina/burst',
          (select id from bench_trainers order by k limit 1), ${b.todayStart}::timestamptz - interval '5 days',
          ${b.todayStart}::timestamptz - interval '2 days'`);
      return id;
    },
  };
}
