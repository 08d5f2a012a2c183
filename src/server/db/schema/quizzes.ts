import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  ATTEMPT_STATUSES,
  type LocalText,
  QUESTION_KINDS,
  QUIZ_FEEDBACK,
  type QuestionContent,
} from '../../../common/quizzes.js';
import { inRange, oneOf } from '../checks.js';
import { editions, trainingPaths } from './catalogue.js';
import { enrolments } from './enrolment.js';
import { users } from './identity.js';

/** A question of a training path's bank, with its correct answers (never sent to learners). */
export const quizQuestions = pgTable(
  'quiz_questions',
  {
    id: serial('id').primaryKey(),
    pathId: integer('path_id')
      .notNull()
      .references(() => trainingPaths.id),
    kind: text('kind', { enum: QUESTION_KINDS }).notNull(),
    text: jsonb('text').$type<LocalText>().notNull(),
    /** Options, pairs or accepted answers with what is correct: `QuestionContent` of `kind`. */
    content: jsonb('content').$type<QuestionContent>().notNull(),
    feedback: jsonb('feedback').$type<{ it: string; en: string | null }>(),
    points: integer('points').notNull(),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('quiz_questions_path').on(t.pathId, t.active),
    oneOf(t.kind, QUESTION_KINDS),
    inRange(t.points, 1, 100),
  ],
);

/** A quiz of a training path: how many questions to draw, time, passing score, attempts, feedback. */
export const quizzes = pgTable(
  'quizzes',
  {
    id: serial('id').primaryKey(),
    pathId: integer('path_id')
      .notNull()
      .references(() => trainingPaths.id),
    title: text('title').notNull(),
    questionCount: integer('question_count').notNull(),
    /** Draw only questions carrying one of these tags; empty = the whole bank. */
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    shuffleOptions: boolean('shuffle_options').notNull().default(true),
    timeLimitMinutes: integer('time_limit_minutes'),
    passingPct: integer('passing_pct').notNull(),
    maxAttempts: integer('max_attempts'),
    feedback: text('feedback', { enum: QUIZ_FEEDBACK }).notNull(),
    isFinalTest: boolean('is_final_test').notNull().default(false),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('quizzes_path').on(t.pathId),
    // One final test per path: the one editions using the online test ask for.
    uniqueIndex('quizzes_one_final_test').on(t.pathId).where(sql`${t.isFinalTest}`),
    oneOf(t.feedback, QUIZ_FEEDBACK),
    inRange(t.questionCount, 1, 100),
    inRange(t.passingPct, 0, 100),
    inRange(t.timeLimitMinutes, 1, 600),
    inRange(t.maxAttempts, 1, 100),
  ],
);

/** A question as drawn into an attempt: a copy, so editing the bank does not change a test under way. */
export type DrawnQuestion = {
  id: number;
  kind: QuestionContent['kind'];
  text: LocalText;
  content: QuestionContent;
  feedback: { it: string; en: string | null } | null;
  points: number;
  /** single/multiple: option ids in the order shown; matching: the order of the right-hand column. */
  order: string[];
  /** matching: the id shown for each pair's right-hand side (so the ids do not tell the pairs). */
  rightIds?: Record<string, string>;
};

/** A learner's attempt at a quiz: the questions drawn, the answers saved, the score once submitted. */
export const quizAttempts = pgTable(
  'quiz_attempts',
  {
    id: serial('id').primaryKey(),
    quizId: integer('quiz_id')
      .notNull()
      .references(() => quizzes.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** The confirmed enrolment that let the person in (an edition of the quiz's path). */
    enrolmentId: integer('enrolment_id')
      .notNull()
      .references(() => enrolments.id),
    number: integer('number').notNull(),
    status: text('status', { enum: ATTEMPT_STATUSES }).notNull().default('open'),
    seed: integer('seed').notNull(),
    questions: jsonb('questions').$type<DrawnQuestion[]>().notNull(),
    /** Answers by question id, as last saved before the deadline. */
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    deadlineAt: timestamp('deadline_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    timedOut: boolean('timed_out').notNull().default(false),
    score: doublePrecision('score'),
    maxScore: integer('max_score'),
    pct: integer('pct'),
    passed: boolean('passed'),
    /** Points per question id once scored. */
    points: jsonb('points').$type<Record<string, number>>(),
  },
  (t) => [
    // One open attempt per person and quiz: two starts at once cannot both open one.
    uniqueIndex('quiz_attempts_one_open').on(t.quizId, t.userId).where(sql`${t.status} = 'open'`),
    uniqueIndex('quiz_attempts_number').on(t.quizId, t.userId, t.number),
    index('quiz_attempts_user').on(t.userId),
    oneOf(t.status, ATTEMPT_STATUSES),
  ],
);

/** An edition's use of quizzes: whether its final test is the path's online final test. */
export const editionQuizSettings = pgTable('edition_quiz_settings', {
  editionId: integer('edition_id')
    .primaryKey()
    .references(() => editions.id),
  onlineFinalTest: boolean('online_final_test').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
