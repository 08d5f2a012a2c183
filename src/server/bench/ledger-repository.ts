import { sql } from 'drizzle-orm';
import { CODE_ALPHABET } from '../../common/certificates.js';
import type { Db } from '../db/client.js';
import type { BenchContext } from './context.js';

const LENGTH = sql`(extract(epoch from s.ends_at - s.starts_at) / 60)::int`;

/**
 * The attendance ledger, completions, attestati and questionnaires, as the app would have left them:
 * minutes only for confirmed enrolments in sessions held before today (never cancelled ones, never
 * more than the session's length); most people attend nearly everything, one in five misses some.
 */
export function createLedgerRepository(b: BenchContext) {
  const { draw } = b;
  const present = sql`${draw.u('present', sql`en.id`, sql`s.id`)} < case when ${draw.u('reliable', sql`en.id`)} < 0.8 then 0.97 else 0.55 end`;
  const held = sql`
    from enrolments en
    join editions ed on ed.id = en.edition_id and ed.status not in ('draft', 'cancelled')
    join edition_sessions s on s.edition_id = en.edition_id and s.status = 'scheduled'
      and s.ends_at <= ${b.todayStart}::timestamptz
    where en.status = 'confirmed' and ${present}`;
  return {
    async insertAttendance(db: Db) {
      const late = sql`case when ${draw.u('late', sql`en.id`, sql`s.id`)} < 0.15 then 5 + ${draw.int('late-m', 26, sql`en.id`, sql`s.id`)} else 0 end`;
      await db.execute(sql`
        insert into attendance (session_id, user_id, enrolment_id, minutes, source, detail, recorded_by, recorded_at)
        select x.session_id, x.user_id, x.enrolment_id, x.length - x.late, x.source,
          case x.source
            when 'register' then jsonb_build_object('present', true, 'late', x.late, 'early', 0)
            when 'qr' then jsonb_build_object('checkedInAt', x.starts_at + make_interval(mins => x.late))
            when 'webinar' then jsonb_build_object('intervals', jsonb_build_array(jsonb_build_object(
              'from', x.starts_at + make_interval(mins => x.late), 'to', x.ends_at)))
            else jsonb_build_object('completed', true) end,
          case when x.source in ('register', 'webinar') then x.trainer_id end,
          case when x.source = 'qr' then x.starts_at + make_interval(mins => x.late) else x.ends_at + interval '30 minutes' end
        from (
          select s.id as session_id, en.user_id, en.id as enrolment_id, s.starts_at, s.ends_at, s.trainer_id,
            ${LENGTH} as length,
            case when s.mode = 'online' then 0 else ${late} end as late,
            case s.mode when 'aula' then case when ${draw.u('source', sql`s.id`)} < 0.3 then 'qr' else 'register' end
              else s.mode end as source
          ${held} and s.mode <> 'affiancamento') x`);
      // Coaching: the learner's logbook, signed by the coach and the officer, credited to the session.
      await db.execute(sql`
        insert into coaching_logs (id, enrolment_id, session_id, day, minutes, activities, coach_id, coach_signed_at,
          officer_id, officer_signed_at, created_at, updated_at)
        select row_number() over (order by s.id, en.id), en.id, s.id, (s.starts_at at time zone 'Europe/Rome')::date,
          ${LENGTH}, 'Affiancamento sulle pratiche dell’ufficio', s.trainer_id,
          case when s.ends_at <= ${b.todayStart}::timestamptz - interval '3 days' then s.ends_at + interval '1 day' end,
          null::uuid,
          case when s.ends_at <= ${b.todayStart}::timestamptz - interval '3 days' then s.ends_at + interval '2 days' end,
          s.ends_at + interval '1 hour', s.ends_at + interval '2 days'
        ${held} and s.mode = 'affiancamento'
        order by s.id, en.id`);
      await db.execute(sql`
        update coaching_logs c set officer_id = o.id
        from enrolments en join bench_officers o on o.unit_id = en.unit_id
        where en.id = c.enrolment_id and c.officer_signed_at is not null`);
      await db.execute(sql`update coaching_logs set officer_signed_at = null where officer_id is null`);
      await db.execute(sql`
        insert into attendance (session_id, user_id, enrolment_id, minutes, source, detail, recorded_by, recorded_at)
        select c.session_id, en.user_id, c.enrolment_id, c.minutes, 'logbook',
          jsonb_build_object('entries', jsonb_build_array(c.id)), c.officer_id, c.officer_signed_at
        from coaching_logs c join enrolments en on en.id = c.enrolment_id
        where c.coach_signed_at is not null and c.officer_signed_at is not null`);
    },

    /** Minutes, final tests and completion, by the rule of `completion.ts`, in SQL. */
    async computeCompletion(db: Db) {
      await db.execute(sql`
        update enrolments en set final_test_passed = ${draw.u('test', sql`en.id`)} < 0.9
        from editions ed
        where ed.id = en.edition_id and ed.final_test_required and ed.ends_on < ${b.today}::date
          and en.status = 'confirmed' and exists (select 1 from attendance a where a.enrolment_id = en.id)`);
      await db.execute(sql`
        with scheduled as (
          select s.edition_id, sum(${LENGTH}) as total from edition_sessions s where s.status = 'scheduled' group by 1
        ), attended as (
          select a.enrolment_id, sum(least(a.minutes, ${LENGTH})) as minutes, max(s.starts_at) as last
          from attendance a join edition_sessions s on s.id = a.session_id and s.status = 'scheduled' group by 1
        )
        update enrolments en set minutes_attended = at.minutes,
          completed_on = case when en.status = 'confirmed' and at.minutes * 100 >= ed.min_attendance_pct * sc.total
              and (not ed.final_test_required or en.final_test_passed is true)
            then (at.last at time zone 'Europe/Rome')::date end
        from attended at, editions ed, scheduled sc
        where at.enrolment_id = en.id and ed.id = en.edition_id and sc.edition_id = en.edition_id`);
    },

    /** An attestato for every completed enrolment of a completed edition (as `edition.completed` issues them). */
    async insertCertificates(db: Db, issuer: string) {
      const code = sql`(select string_agg(substr(${CODE_ALPHABET}, 1 + get_byte(decode(${draw.hex('cert', sql`en.id`)}, 'hex'), k) % 32, 1), '' order by k)
        from generate_series(0, 15) as k)`;
      await db.execute(sql`
        insert into certificates (id, code, enrolment_id, user_id, edition_id, holder_name, path_title, edition_title,
          starts_on, ends_on, completed_on, minutes_attended, issuer, issued_at)
        select row_number() over (order by en.id), regexp_replace(${code}, '(.{4})(?!$)', '\\1-', 'g'),
          en.id, en.user_id, ed.id, u.name, tp.title, ed.title,
          ed.starts_on, ed.ends_on, en.completed_on, en.minutes_attended, ${issuer},
          ((ed.ends_on + 2) + time '10:00') at time zone 'Europe/Rome'
        from enrolments en join editions ed on ed.id = en.edition_id and ed.status = 'completed'
        join training_paths tp on tp.id = ed.path_id join users u on u.id = en.user_id
        where en.status = 'confirmed' and en.completed_on is not null
        order by en.id`);
    },

    /** Two in five who completed answered the questionnaire: receipts, and answers apart with no link. */
    async insertFeedback(db: Db) {
      await db.execute(sql`
        insert into feedback_receipts (enrolment_id, submitted_at)
        select en.id, ((ed.ends_on + 1) + time '12:00') at time zone 'Europe/Rome'
        from enrolments en join editions ed on ed.id = en.edition_id and ed.status = 'completed'
        where en.completed_on is not null and ${draw.u('feedback', sql`en.id`)} < 0.4 order by en.id`);
      const rating = (k: string) => sql`3 + ${draw.int(`rate-${k}`, 3, sql`r.edition_id`, sql`r.n`)}`;
      await db.execute(sql`
        insert into feedback_responses (id, edition_id, answers, comment)
        select ${draw.uuid('response', sql`r.edition_id`, sql`r.n`)}, r.edition_id,
          jsonb_build_object('contents', ${rating('contents')}, 'trainers', ${rating('trainers')},
            'materials', ${rating('materials')}, 'organisation', ${rating('organisation')},
            'usefulness', ${rating('usefulness')}, 'overall', ${rating('overall')}),
          case when r.n % 5 = 0 then 'Corso utile, esempi concreti.' end
        from (select en.edition_id, row_number() over (partition by en.edition_id order by en.id) as n
              from feedback_receipts f join enrolments en on en.id = f.enrolment_id) r
        order by r.edition_id, r.n`);
    },
  };
}
