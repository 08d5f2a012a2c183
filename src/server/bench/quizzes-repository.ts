import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import type { BenchContext } from './context.js';

/** Questions every path's bank holds, and how many of them a final test draws. */
const BANK = 20;
const DRAWN = 10;

const option = (id: string, text: string, correct: boolean) =>
  sql`jsonb_build_object('id', ${id}::text, 'text', jsonb_build_object('it', ${text}::text, 'en', null), 'correct', ${correct}::boolean)`;

/**
 * Online quizzes as the app would have left them: each path's bank of single-choice questions and its
 * final test; half the editions that require a final test take it online, and their people who have
 * a result took the test (one attempt to pass, three to fail).
 */
export function createQuizzesRepository(b: BenchContext) {
  const { draw } = b;
  const since = sql`${b.todayStart}::timestamptz - interval '400 days'`;
  return {
    async insertQuestions(db: Db) {
      await db.execute(sql`
        insert into quiz_questions (id, path_id, kind, text, content, feedback, points, tags, active, created_at, updated_at)
        select row_number() over (order by p.id, g.n), p.id, 'single',
          jsonb_build_object('it', 'Domanda ' || g.n || ' sul percorso «' || p.title || '»', 'en', null),
          jsonb_build_object('kind', 'single', 'options', jsonb_build_array(
            ${option('a', 'La risposta corretta', true)},
            ${option('b', 'Una risposta plausibile ma errata', false)},
            ${option('c', 'Una risposta errata', false)})),
          case when g.n % 4 = 0 then jsonb_build_object('it', 'Rivedi il modulo del percorso.', 'en', null) end,
          1 + (g.n % 2), case when g.n % 2 = 0 then array['base'] else array['approfondimento'] end,
          g.n <> ${BANK}::int, ${since}, ${since}
        from training_paths p cross join generate_series(1, ${BANK}::int) g(n)
        order by p.id, g.n`);
    },

    async insertQuizzes(db: Db) {
      await db.execute(sql`
        insert into quizzes (id, path_id, title, question_count, tags, shuffle_options, time_limit_minutes,
          passing_pct, max_attempts, feedback, is_final_test, active, created_at, updated_at)
        select row_number() over (order by p.id), p.id, 'Prova finale', ${DRAWN}::int, '{}', true, 20, 70, 3, 'full',
          true, true, ${since}, ${since}
        from training_paths p order by p.id`);
      await db.execute(sql`
        insert into edition_quiz_settings (edition_id, online_final_test, updated_at)
        select ed.id, true, ed.created_at from editions ed
        where ed.final_test_required and ${draw.u('online-test', sql`ed.id`)} < 0.5 order by ed.id`);
    },

    /** Submitted attempts matching the final-test results completion already holds. */
    async insertAttempts(db: Db) {
      await db.execute(sql`
        with drawn as (
          select x.path_id, jsonb_agg(jsonb_build_object('id', x.id, 'kind', x.kind, 'text', x.text,
              'content', x.content, 'feedback', x.feedback, 'points', x.points,
              'order', jsonb_build_array('b', 'a', 'c')) order by x.id) as questions,
            sum(x.points)::int as max_score
          from (select q.*, row_number() over (partition by q.path_id order by q.id) as n from quiz_questions q) x
          where x.n <= ${DRAWN}::int group by x.path_id
        ), taken as (
          select en.id as enrolment_id, en.user_id, en.final_test_passed as passed, q.id as quiz_id,
            d.questions, d.max_score, g.n as number,
            (((ed.ends_on - 1) + time '15:00') at time zone 'Europe/Rome') + make_interval(hours => g.n) as started_at
          from enrolments en
          join editions ed on ed.id = en.edition_id
          join edition_quiz_settings s on s.edition_id = ed.id and s.online_final_test
          join quizzes q on q.path_id = ed.path_id and q.is_final_test
          join drawn d on d.path_id = ed.path_id
          cross join lateral generate_series(1, case when en.final_test_passed then 1 else 3 end) g(n)
          where en.final_test_passed is not null
        )
        insert into quiz_attempts (id, quiz_id, user_id, enrolment_id, number, status, seed, questions, answers,
          started_at, deadline_at, submitted_at, timed_out, score, max_score, pct, passed, points)
        select row_number() over (order by t.enrolment_id, t.number), t.quiz_id, t.user_id, t.enrolment_id, t.number,
          'submitted', ${draw.int('quiz-seed', 2_147_483_647, sql`t.enrolment_id`, sql`t.number`)}, t.questions,
          '{}'::jsonb, t.started_at, t.started_at + interval '20 minutes', t.started_at + interval '14 minutes', false,
          round(t.max_score * case when t.passed and t.number = 1 then 0.85 else 0.5 end), t.max_score,
          case when t.passed and t.number = 1 then 85 else 50 end, t.passed and t.number = 1, '{}'::jsonb
        from taken t order by t.enrolment_id, t.number`);
    },
  };
}
