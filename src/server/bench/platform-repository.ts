import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import type { BenchContext } from './context.js';

/**
 * What the platform itself keeps: the audit log of enrolments and attestati, the mail of the last
 * weeks (sent, a few still queued), personal calendar feeds, rate-limit counters, and the units'
 * training plans drawn from the national survey.
 */
export function createPlatformRepository(b: BenchContext) {
  const { draw } = b;
  return {
    async insertAudit(db: Db) {
      await db.execute(sql`
        insert into audit_log (at, actor_id, actor_email, action, entity_type, entity_id, unit_id, details, ip, request_id)
        select x.at, u.id, u.email, x.action, x.entity_type, x.entity_id, x.unit_id, x.details, '10.0.0.1', null
        from (
          select en.requested_at as at, coalesce(en.nominated_by, en.user_id) as actor,
            case when en.nominated_by is null then 'enrolment.created' else 'enrolment.nominated' end as action,
            'enrolment' as entity_type, en.id::text as entity_id, en.unit_id,
            jsonb_build_object('editionId', en.edition_id, 'userId', en.user_id, 'status', en.status) as details, en.id as k, 1 as o
          from enrolments en
          union all
          select c.issued_at, null, 'certificate.issued', 'certificate', c.id::text, null,
            jsonb_build_object('editionId', c.edition_id, 'enrolmentId', c.enrolment_id), c.enrolment_id, 2
          from certificates c
        ) x left join users u on u.id = x.actor
        order by x.at, x.o, x.k`);
    },

    async insertMail(db: Db) {
      await db.execute(sql`
        insert into outbox (to_address, subject, text_body, status, attempts, next_attempt_at, created_at, sent_at)
        select u.email, 'Officina: iscrizione confermata – ' || ed.title,
          'Gentile ' || u.name || E',\n\nla tua iscrizione all’edizione «' || ed.title || E'» è confermata.\n',
          case when en.requested_at > ${b.todayStart}::timestamptz - interval '10 minutes' then 'pending' else 'sent' end,
          1, en.requested_at, en.requested_at, en.requested_at + interval '20 seconds'
        from enrolments en join users u on u.id = en.user_id join editions ed on ed.id = en.edition_id
        where en.status = 'confirmed' and en.requested_at > ${b.todayStart}::timestamptz - interval '30 days'
        order by en.id`);
      await db.execute(sql`
        insert into outbox (to_address, subject, text_body, status, attempts, next_attempt_at, created_at, last_error)
        select email, 'Officina: invito alla piattaforma', 'Sei stato invitato a usare Officina.', 'failed', 5,
          ${b.todayStart}::timestamptz - interval '1 day', ${b.todayStart}::timestamptz - interval '2 days',
          '550 mailbox unavailable'
        from users where password_hash is null and email like 'staff-%' order by email limit 20`);
    },

    async insertFeedsAndLimits(db: Db) {
      await db.execute(sql`
        insert into calendar_feeds (token, user_id, created_at)
        select ${draw.hex('feed', sql`i`)}, id, ${b.todayStart}::timestamptz - interval '60 days'
        from bench_people where active and i % 40 = 7 order by i`);
      await db.execute(sql`
        insert into rate_limits (key, points, expire)
        select 'login:10.1.' || (g / 250) || '.' || (g % 250), 1 + g % 4,
          (extract(epoch from ${b.todayStart}::timestamptz) * 1000)::bigint + 60000
        from generate_series(1, 50) as g`);
    },

    /** Half of the units in the programme drew their plan from the national survey's gaps. */
    async insertTrainingPlans(db: Db, campaignId: number) {
      const year = Number(b.today.slice(0, 4)) + 1;
      await db.execute(sql`
        insert into training_plans (id, campaign_id, unit_id, status, year, notes, version, created_at, updated_at,
          updated_by, approved_at, approved_by)
        select row_number() over (order by u.id), ${campaignId}, u.id,
          case when u.id % 4 = 1 then 'approved' else 'draft' end, ${year}, '', 2,
          ${b.todayStart}::timestamptz - interval '120 days', ${b.todayStart}::timestamptz - interval '30 days', o.id,
          case when u.id % 4 = 1 then ${b.todayStart}::timestamptz - interval '20 days' end,
          case when u.id % 4 = 1 then o.id end
        from bench_units u join bench_officers o on o.unit_id = u.id
        where u.in_programme and u.id % 2 = 1 order by u.id`);
      await db.execute(sql`
        insert into training_plan_items (plan_id, path_id, title_it, title_en, competency_codes, participants,
          hours_per_participant, delivery_mode, quarter, origin, notes, position)
        select p.id, tp.id, tp.title, tp.title, '{}', 5 + ${draw.int('plan-n', 30, sql`p.id`, sql`j`)},
          tp.total_hours, tp.delivery_modes[1], ${year} || '-T' || (1 + j % 4),
          case when j < 4 then 'proposed' else 'added' end, '', j + 1
        from training_plans p cross join generate_series(0, 4) as j
        join training_paths tp on tp.id = 1 + (p.id * 17 + j * 5) % (select count(*) from training_paths)
        order by p.id, j`);
    },
  };
}
