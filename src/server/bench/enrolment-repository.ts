import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import type { BenchContext } from './context.js';

/** A step through the staff that visits every person once (coprime with the staff size). */
export function strideFor(staff: number): number {
  const gcd = (a: number, b: number): number => (b ? gcd(b, a % b) : a);
  for (const p of [7919, 7927, 7933, 104729, 1]) if (gcd(p, staff) === 1) return p;
  return 1;
}

/**
 * Enrolments: each edition open to requests draws a demand (its seats × 0.5–1.5, less for an edition
 * whose window is still open), scaled so that the total is `sizes.enrolments`; the demand is a run of
 * distinct staff members of eligible units. In order of arrival, a few cancel, a few requests wait
 * for (or were refused) their officer's approval, the rest take the seats up to the capacity and
 * then wait on the list. Everyone in a cancelled edition is cancelled.
 */
export function createEnrolmentRepository(b: BenchContext) {
  const { draw, sizes } = b;
  const S = sizes.staff;
  return {
    async insertEnrolments(db: Db) {
      await db.execute(sql`
        create temp table bench_officers as
        select distinct on (unit_id) unit_id, id from bench_people where officer order by unit_id, i`);
      // The share of the staff a path is open to: restricted paths draw more candidates to keep their demand.
      await db.execute(sql`
        create temp table bench_reach as
        with by_model as (
          select m.code, count(pe.i)::float8 as n from service_models m
          left join bench_people pe on exists (select 1 from agreements ag
            where ag.unit_id = pe.unit_id and ag.service_model_code = m.code)
          group by m.code
        ), by_path as (
          select pu.path_id, count(pe.i)::float8 as n
          from path_units pu join bench_people pe on pe.unit_id = pu.unit_id group by pu.path_id
        )
        select bp.p, greatest(0.01, case bp.eligibility when 'all' then 1
          when 'units' then coalesce((select n from by_path where path_id = bp.p), 0) / ${S}
          else coalesce((select n from by_model where code = bp.model), 0) / ${S} end) as reach
        from bench_paths bp`);
      await db.execute(sql`
        create temp table bench_demand as
        with w as (
          select be.id, be.capacity, be.status, be.eligibility, be.approval_required, be.starts_on,
            bp.model, be.path_id, ed.enrolment_opens_at as opens, ed.enrolment_closes_at as closes,
            be.capacity * (0.5 + ${draw.u('demand', sql`be.id`)}) *
              greatest(0, least(1, extract(epoch from ${b.todayStart}::timestamptz - ed.enrolment_opens_at)
                / extract(epoch from ed.enrolment_closes_at - ed.enrolment_opens_at))) as w
          from bench_editions be join editions ed on ed.id = be.id join bench_paths bp on bp.p = be.path_id
          where be.status <> 'draft')
        select w.*, least(${S - 1}, ceil(round(w.w * ${sizes.enrolments} / sum(w.w) over ()) / r.reach))::int as d,
          ${draw.int('start', S, sql`w.id`)} as a
        from w join bench_reach r on r.p = w.path_id where w.w > 0`);
      const stride = strideFor(S);
      const x = draw.u('enrol', sql`c.id`, sql`c.r`);
      await db.execute(sql`
        with cand as (
          select d.*, r, p.id as user_id, p.unit_id,
            d.opens + (least(d.closes, ${b.todayStart}::timestamptz) - d.opens) * (r::float8 / (d.d + 1)) as requested_at
          from bench_demand d cross join generate_series(1, d.d) as r
          join bench_people p on p.i = 1 + ((d.a + r::bigint * ${stride}) % ${S})
          where d.eligibility = 'all'
            or (d.eligibility = 'agreement' and exists (select 1 from agreements ag
                  where ag.unit_id = p.unit_id and ag.service_model_code = d.model and ag.valid_from <= d.starts_on))
            or (d.eligibility = 'units' and exists (select 1 from path_units pu
                  where pu.path_id = d.path_id and pu.unit_id = p.unit_id))
        ), cat as (
          select c.*, case when c.status = 'cancelled' then 'edition-cancelled'
            when ${x} < 0.07 then 'cancelled'
            when c.approval_required and ${x} < 0.10 then 'rejected'
            when c.approval_required and c.starts_on > ${b.today}::date and ${x} < 0.45 then 'pending'
            else 'seat' end as cat,
            ${draw.u('nominated', sql`c.id`, sql`c.r`)} < 0.1 as nominated
          from cand c
        ), ranked as (
          select cat.*, row_number() over (partition by cat.id, cat.cat = 'seat' order by cat.r) as seat_rank
          from cat
        )
        insert into enrolments (id, edition_id, user_id, unit_id, status, queue_no, nominated_by, requested_at,
          confirmed_at, decided_by, decided_at, decision_reason, cancelled_by, cancelled_at, cancel_reason, updated_at)
        select row_number() over (order by k.id, k.r), k.id, k.user_id, k.unit_id, k.final, row_number() over (order by k.id, k.r),
          case when k.nominated then o.id end,
          k.requested_at,
          case when k.final = 'confirmed' then k.decided end,
          case when k.approval_required and k.final in ('confirmed', 'waitlisted', 'rejected') then o.id end,
          case when k.approval_required and k.final in ('confirmed', 'waitlisted', 'rejected') then k.decided end,
          case when k.final = 'rejected' then 'La richiesta non rientra nel piano formativo dell’ufficio.' end,
          case k.cat when 'cancelled' then k.user_id when 'edition-cancelled' then ${sql`(select id from users where email = 'admin-1@bench.officina.invalid')`} end,
          case k.cat when 'cancelled' then least(k.requested_at + interval '3 days', ${b.todayStart}::timestamptz)
            when 'edition-cancelled' then least(k.closes, ${b.todayStart}::timestamptz) end,
          case k.cat when 'edition-cancelled' then 'Edizione annullata' end,
          coalesce(k.decided, k.requested_at)
        from (
          select ranked.*,
            case when ranked.cat in ('cancelled', 'edition-cancelled') then 'cancelled'
              when ranked.cat = 'seat' then case when ranked.seat_rank <= ranked.capacity then 'confirmed' else 'waitlisted' end
              else ranked.cat end as final,
            case when ranked.approval_required then least(ranked.requested_at + interval '2 days', ${b.todayStart}::timestamptz)
              else ranked.requested_at end as decided
          from ranked) k
        left join bench_officers o on o.unit_id = k.unit_id
        order by k.id, k.r`);
      await db.execute(
        sql`select setval('enrolment_queue', (select coalesce(max(queue_no), 0) + 1 from enrolments), false)`,
      );
    },
  };
}
