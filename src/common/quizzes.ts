import { z } from 'zod';
import { wholeNumber } from './primitives.js';

/** Online quizzes of a training path: a question bank, quizzes drawn from it, and learners' attempts. */

export const QUESTION_KINDS = ['single', 'multiple', 'true_false', 'short_answer', 'matching'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** What a learner is shown after submitting: nothing, the score, or everything with the right answers. */
export const QUIZ_FEEDBACK = ['none', 'score', 'full'] as const;
export type QuizFeedback = (typeof QUIZ_FEEDBACK)[number];

/** open: being taken; submitted: scored (by the learner, or closed at its deadline). */
export const ATTEMPT_STATUSES = ['open', 'submitted'] as const;
export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number];

/** Seconds a save or a submit may arrive after the deadline and still count (network delays). */
export const QUIZ_GRACE_SECONDS = 30;

const line = (max: number) => z.string().trim().min(1).max(max);
/** A text in Italian, optionally in English. */
export const localText = (max: number) => z.object({ it: line(max), en: line(max).nullable().default(null) });
export type LocalText = { it: string; en: string | null };

const optionId = z.string().regex(/^[a-z0-9]{1,8}$/);
const tag = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N} _-]+$/u);

const choiceOption = z.object({ id: optionId, text: localText(500), correct: z.boolean() });

/** The kind-specific part of a question, with its correct answers (editors only). */
export const questionContent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('single'), options: z.array(choiceOption).min(2).max(10) }),
  z.object({ kind: z.literal('multiple'), options: z.array(choiceOption).min(2).max(10) }),
  z.object({ kind: z.literal('true_false'), correct: z.boolean() }),
  z.object({ kind: z.literal('short_answer'), accepted: z.array(line(200)).min(1).max(20) }),
  z.object({
    kind: z.literal('matching'),
    pairs: z
      .array(z.object({ id: optionId, left: localText(300), right: localText(300) }))
      .min(2)
      .max(10),
  }),
]);
export type QuestionContent = z.infer<typeof questionContent>;

export const questionInput = z.object({
  text: localText(2000),
  content: questionContent,
  feedback: z
    .object({ it: z.string().trim().max(2000), en: z.string().trim().max(2000).nullable() })
    .nullable(),
  points: wholeNumber(1, 100),
  tags: z.array(tag).max(10).default([]),
  active: z.boolean().default(true),
});
export type QuestionInput = z.infer<typeof questionInput>;

export const question = questionInput.extend({
  id: z.number().int(),
  pathId: z.number().int(),
  updatedAt: z.string(),
});
export type Question = z.infer<typeof question>;

export const quizInput = z.object({
  title: line(200),
  /** How many questions each attempt draws from the bank (the active questions with the tags). */
  questionCount: wholeNumber(1, 100),
  /** Only questions with one of these tags; empty = the whole bank. */
  tags: z.array(tag).max(10).default([]),
  shuffleOptions: z.boolean().default(true),
  timeLimitMinutes: wholeNumber(1, 600).nullable().default(null),
  passingPct: wholeNumber(0, 100),
  maxAttempts: wholeNumber(1, 100).nullable().default(null),
  feedback: z.enum(QUIZ_FEEDBACK),
  /** The path's final test: passing it passes the final test of editions that use the online test. */
  isFinalTest: z.boolean().default(false),
  active: z.boolean().default(true),
});
export type QuizInput = z.infer<typeof quizInput>;

export const quiz = quizInput.extend({
  id: z.number().int(),
  pathId: z.number().int(),
  /** Active questions the quiz may draw from now. */
  available: z.number().int(),
  updatedAt: z.string(),
});
export type Quiz = z.infer<typeof quiz>;

export const questionBank = z.object({
  pathId: z.number().int(),
  pathTitle: z.string(),
  questions: z.array(question),
  quizzes: z.array(quiz),
});
export type QuestionBank = z.infer<typeof questionBank>;

export const editionQuizSettings = z.object({ onlineFinalTest: z.boolean() });
export type EditionQuizSettings = z.infer<typeof editionQuizSettings>;

// ---- Taking a quiz --------------------------------------------------------------------------------

/** A question as a learner sees it: no correct answers, options in the attempt's order. */
export const attemptQuestion = z.object({
  id: z.number().int(),
  kind: z.enum(QUESTION_KINDS),
  text: localText(2000),
  points: z.number().int(),
  /** single and multiple: the options; matching: the right-hand column, shuffled. */
  options: z.array(z.object({ id: z.string(), text: localText(500) })),
  /** matching: the left-hand items, each to be matched with one option. */
  items: z.array(z.object({ id: z.string(), text: localText(300) })),
});
export type AttemptQuestion = z.infer<typeof attemptQuestion>;

export const answer = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('single'), optionId: optionId.nullable() }),
  z.object({ kind: z.literal('multiple'), optionIds: z.array(optionId).max(10) }),
  z.object({ kind: z.literal('true_false'), value: z.boolean().nullable() }),
  z.object({ kind: z.literal('short_answer'), text: z.string().trim().max(200) }),
  z.object({
    kind: z.literal('matching'),
    matches: z.array(z.object({ itemId: optionId, optionId: optionId.nullable() })).max(10),
  }),
]);
export type Answer = z.infer<typeof answer>;

export const answersBody = z.object({
  answers: z.array(z.object({ questionId: z.number().int().min(1).max(2_147_483_647), answer })).max(100),
});
export type AnswersBody = z.infer<typeof answersBody>;

/** After submitting, per question, as the quiz's feedback allows. */
export const questionResult = z.object({
  questionId: z.number().int(),
  points: z.number(),
  maxPoints: z.number().int(),
  correct: z.boolean(),
  /** full feedback only: what was right, in words, and the question's feedback. */
  correctAnswer: z.array(localText(2000)).nullable(),
  feedback: z.object({ it: z.string(), en: z.string().nullable() }).nullable(),
});
export type QuestionResult = z.infer<typeof questionResult>;

export const attemptResult = z.object({
  /** null when the quiz shows no feedback. */
  score: z.number().nullable(),
  maxScore: z.number().nullable(),
  pct: z.number().int().nullable(),
  passed: z.boolean().nullable(),
  questions: z.array(questionResult).nullable(),
});
export type AttemptResult = z.infer<typeof attemptResult>;

export const attempt = z.object({
  id: z.number().int(),
  quizId: z.number().int(),
  quizTitle: z.string(),
  pathTitle: z.string(),
  number: z.number().int(),
  status: z.enum(ATTEMPT_STATUSES),
  startedAt: z.string(),
  /** When the time runs out (null: no time limit). */
  deadlineAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  /** Closed at the deadline without a submit. */
  timedOut: z.boolean(),
  questions: z.array(attemptQuestion),
  answers: z.array(z.object({ questionId: z.number().int(), answer })),
  result: attemptResult.nullable(),
});
export type Attempt = z.infer<typeof attempt>;

/** A quiz a learner may take, with their attempts. */
export const myQuiz = z.object({
  id: z.number().int(),
  pathId: z.number().int(),
  pathTitle: z.string(),
  title: z.string(),
  questionCount: z.number().int(),
  timeLimitMinutes: z.number().int().nullable(),
  passingPct: z.number().int(),
  maxAttempts: z.number().int().nullable(),
  isFinalTest: z.boolean(),
  attemptsUsed: z.number().int(),
  openAttemptId: z.number().int().nullable(),
  passed: z.boolean().nullable(),
  attempts: z.array(
    z.object({
      id: z.number().int(),
      number: z.number().int(),
      status: z.enum(ATTEMPT_STATUSES),
      submittedAt: z.string().nullable(),
      pct: z.number().int().nullable(),
      passed: z.boolean().nullable(),
    }),
  ),
});
export type MyQuiz = z.infer<typeof myQuiz>;
