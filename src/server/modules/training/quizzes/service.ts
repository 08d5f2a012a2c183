import { randomInt } from 'node:crypto';
import {
  type Answer,
  type AnswersBody,
  type Attempt,
  type AttemptQuestion,
  type MyQuiz,
  QUIZ_GRACE_SECONDS,
  type Question,
  type QuestionContent,
  type QuestionInput,
  type Quiz,
  type QuizInput,
} from '../../../../common/quizzes.js';
import type { Db } from '../../../db/client.js';
import { trainsEdition } from '../../../db/predicates.js';
import type { DrawnQuestion } from '../../../db/schema/index.js';
import { isUniqueViolation } from '../../../db/sql.js';
import type { Clock } from '../../../kernel/clock.js';
import { errors } from '../../../kernel/errors.js';
import { type RequestContext, requireActor } from '../../../kernel/principal.js';
import type { AuditService } from '../../platform/audit/index.js';
import type { AttendanceService } from '../attendance/index.js';
import { canManageEdition } from '../catalogue/index.js';
import { drawQuestions } from './draw.js';
import {
  ATTEMPT,
  attemptClosed,
  badContent,
  EDITION,
  finalTestTaken,
  noAttemptsLeft,
  notInAttempt,
  PATH,
  QUESTION,
  QUIZ,
  quizEmpty,
} from './messages.js';
import { canEditQuizzes } from './policy.js';
import type { AttemptRow, QuestionRow, QuizRow, QuizzesRepository } from './repository.js';
import { correctAnswerText, scoreAttempt } from './scoring.js';

export type QuizzesService = ReturnType<typeof createQuizzesService>;

function toQuestion(r: QuestionRow): Question {
  return {
    id: r.id,
    pathId: r.pathId,
    text: r.text,
    content: r.content,
    feedback: r.feedback ?? null,
    points: r.points,
    tags: r.tags,
    active: r.active,
    updatedAt: r.updatedAt.toISOString(),
  };
}

function toQuiz(r: QuizRow, available: number): Quiz {
  return {
    id: r.id,
    pathId: r.pathId,
    title: r.title,
    questionCount: r.questionCount,
    tags: r.tags,
    shuffleOptions: r.shuffleOptions,
    timeLimitMinutes: r.timeLimitMinutes,
    passingPct: r.passingPct,
    maxAttempts: r.maxAttempts,
    feedback: r.feedback,
    isFinalTest: r.isFinalTest,
    active: r.active,
    available,
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** Rules a question's content must follow beyond its shape. */
function checkContent(c: QuestionContent) {
  const unique = (ids: string[], field: string) => {
    if (new Set(ids).size !== ids.length)
      throw badContent(field, 'Due voci hanno lo stesso identificativo.', 'Two entries share the same id.');
  };
  if (c.kind === 'single' || c.kind === 'multiple') {
    unique(
      c.options.map((o) => o.id),
      'content.options',
    );
    const right = c.options.filter((o) => o.correct).length;
    if (c.kind === 'single' && right !== 1)
      throw badContent(
        'content.options',
        'Una domanda a scelta singola ha esattamente una risposta corretta.',
        'A single-choice question has exactly one correct option.',
      );
    if (c.kind === 'multiple' && right < 1)
      throw badContent(
        'content.options',
        'Indica almeno una risposta corretta.',
        'Mark at least one option as correct.',
      );
  }
  if (c.kind === 'matching')
    unique(
      c.pairs.map((p) => p.id),
      'content.pairs',
    );
}

/** A drawn question as the learner sees it: options in the attempt's order, no correct answers. */
function toAttemptQuestion(q: DrawnQuestion): AttemptQuestion {
  const c = q.content;
  const base = { id: q.id, kind: c.kind, text: q.text, points: q.points, options: [], items: [] };
  if (c.kind === 'single' || c.kind === 'multiple') {
    const byId = new Map(c.options.map((o) => [o.id, o]));
    return {
      ...base,
      options: q.order.flatMap((id) => {
        const o = byId.get(id);
        return o ? [{ id: o.id, text: o.text }] : [];
      }),
    };
  }
  if (c.kind === 'matching') {
    const byId = new Map(c.pairs.map((p) => [p.id, p]));
    return {
      ...base,
      items: c.pairs.map((p) => ({ id: p.id, text: p.left })),
      options: q.order.flatMap((id) => {
        const p = byId.get(id);
        return p ? [{ id: q.rightIds?.[id] ?? id, text: p.right }] : [];
      }),
    };
  }
  return base;
}

type StoredAnswers = Record<string, Answer>;

export function createQuizzesService(deps: {
  db: Db;
  repo: QuizzesRepository;
  audit: AuditService;
  attendance: AttendanceService;
  clock: Clock;
}) {
  const { db, repo, audit, attendance, clock } = deps;

  async function editablePath(tx: Db, ctx: RequestContext, pathId: number) {
    const path = await repo.findPath(tx, pathId);
    if (!path) throw errors.notFound(PATH);
    const trains = ctx.actor ? await repo.trainsPath(tx, pathId, ctx.actor.id) : false;
    if (!canEditQuizzes(ctx.actor, trains)) throw errors.forbidden();
    return path;
  }

  function quizValues(input: QuizInput) {
    return {
      title: input.title,
      questionCount: input.questionCount,
      tags: input.tags,
      shuffleOptions: input.shuffleOptions,
      timeLimitMinutes: input.timeLimitMinutes,
      passingPct: input.passingPct,
      maxAttempts: input.maxAttempts,
      feedback: input.feedback,
      isFinalTest: input.isFinalTest,
      active: input.active,
    };
  }

  function questionValues(input: QuestionInput) {
    checkContent(input.content);
    return {
      kind: input.content.kind,
      text: input.text,
      content: input.content,
      feedback: input.feedback && input.feedback.it !== '' ? input.feedback : null,
      points: input.points,
      tags: [...new Set(input.tags)],
      active: input.active,
    };
  }

  /** The second of two "final test" quizzes on a path meets the unique index: a 409, not a 500. */
  async function finalTestGuard<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      if (isUniqueViolation(err)) throw finalTestTaken();
      throw err;
    }
  }

  function expired(a: AttemptRow, now: Date) {
    return a.deadlineAt !== null && now.getTime() > a.deadlineAt.getTime() + QUIZ_GRACE_SECONDS * 1000;
  }

  /**
   * Scores an attempt with its saved answers and closes it, then passes a final test's outcome to
   * attendance: a pass passes the final test of the person's editions that use the online test; a
   * fail counts only once no attempts are left.
   */
  async function close(tx: Db, ctx: RequestContext, a: AttemptRow, quiz: QuizRow, timedOut: boolean) {
    const s = scoreAttempt(a.questions, a.answers as StoredAnswers, quiz.passingPct);
    const now = clock.now();
    const row = await repo.updateAttempt(tx, a.id, {
      status: 'submitted',
      submittedAt: timedOut && a.deadlineAt ? a.deadlineAt : now,
      timedOut,
      score: s.score,
      maxScore: s.maxScore,
      pct: s.pct,
      passed: s.passed,
      points: s.points,
    });
    if (quiz.isFinalTest) {
      const enrolled = (await repo.confirmedEnrolments(tx, quiz.pathId, a.userId)).filter(
        (e) => e.onlineFinalTest,
      );
      let outcome: boolean | null = s.passed ? true : null;
      if (!s.passed && quiz.maxAttempts !== null) {
        const all = await repo.attemptsOf(tx, a.userId, [quiz.id]);
        const left = quiz.maxAttempts - all.length;
        if (left <= 0 && !all.some((x) => x.passed)) outcome = false;
      }
      if (outcome !== null)
        for (const e of enrolled) await attendance.recordFinalTestResult(tx, ctx, e.id, outcome);
    }
    return row;
  }

  /** The attempt, closed first if its time ran out while nobody submitted. */
  async function current(tx: Db, ctx: RequestContext, a: AttemptRow) {
    if (a.status !== 'open' || !expired(a, clock.now())) return a;
    const q = await repo.findQuiz(tx, a.quizId);
    if (!q) throw errors.notFound(QUIZ);
    return close(tx, ctx, a, q.quiz, true);
  }

  function toAttempt(a: AttemptRow, quiz: QuizRow, pathTitle: string): Attempt {
    const answers = a.answers as StoredAnswers;
    const submitted = a.status === 'submitted';
    const fb = quiz.feedback;
    return {
      id: a.id,
      quizId: a.quizId,
      quizTitle: quiz.title,
      pathTitle,
      number: a.number,
      status: a.status,
      startedAt: a.startedAt.toISOString(),
      deadlineAt: a.deadlineAt?.toISOString() ?? null,
      submittedAt: a.submittedAt?.toISOString() ?? null,
      timedOut: a.timedOut,
      questions: a.questions.map(toAttemptQuestion),
      answers: a.questions.flatMap((q) => {
        const ans = answers[String(q.id)];
        return ans ? [{ questionId: q.id, answer: ans }] : [];
      }),
      result:
        !submitted || fb === 'none'
          ? null
          : {
              score: a.score,
              maxScore: a.maxScore,
              pct: a.pct,
              passed: a.passed,
              questions:
                fb === 'full'
                  ? a.questions.map((q) => {
                      const points = a.points?.[String(q.id)] ?? 0;
                      return {
                        questionId: q.id,
                        points,
                        maxPoints: q.points,
                        correct: points >= q.points,
                        correctAnswer: correctAnswerText(q.content),
                        feedback: q.feedback,
                      };
                    })
                  : null,
            },
    };
  }

  /** The caller's own attempt (anyone else's is answered 404), locked when changing it. */
  async function ownAttempt(tx: Db, ctx: RequestContext, id: number, lock: boolean) {
    const me = requireActor(ctx);
    const a = await repo.findAttempt(tx, id, lock);
    if (!a || a.userId !== me.id) throw errors.notFound(ATTEMPT);
    const q = await repo.findQuiz(tx, a.quizId);
    if (!q) throw errors.notFound(QUIZ);
    return { a: await current(tx, ctx, a), quiz: q.quiz, pathTitle: q.pathTitle };
  }

  /** Merges answers into the stored ones, refusing a question not drawn or an answer of another kind. */
  function merge(a: AttemptRow, body: AnswersBody): StoredAnswers {
    const kinds = new Map(a.questions.map((q) => [q.id, q.content.kind]));
    const next: StoredAnswers = { ...(a.answers as StoredAnswers) };
    body.answers.forEach((x, i) => {
      if (kinds.get(x.questionId) !== x.answer.kind) throw notInAttempt(i);
      next[String(x.questionId)] = x.answer;
    });
    return next;
  }

  async function startOnce(ctx: RequestContext, quizId: number) {
    const me = requireActor(ctx);
    return db.transaction(async (tx) => {
      const q = await repo.findQuiz(tx, quizId);
      if (!q?.quiz.active) throw errors.notFound(QUIZ);
      const quiz = q.quiz;
      const enrolled = await repo.confirmedEnrolments(tx, quiz.pathId, me.id);
      const enrolment = enrolled[0];
      if (!enrolment) throw errors.notFound(QUIZ);
      const open = await repo.openAttempt(tx, quiz.id, me.id);
      if (open) {
        const a = await current(tx, ctx, open);
        if (a.status === 'open') return toAttempt(a, quiz, q.pathTitle);
      }
      const { count, last } = await repo.attemptCount(tx, quiz.id, me.id);
      if (quiz.maxAttempts !== null && count >= quiz.maxAttempts) throw noAttemptsLeft(quiz.maxAttempts);
      const bank = (await repo.questionsOf(tx, quiz.pathId, true)).map((r) => ({
        id: r.id,
        kind: r.kind,
        text: r.text,
        content: r.content,
        feedback: r.feedback ?? null,
        points: r.points,
        tags: r.tags,
      }));
      const seed = randomInt(0, 2 ** 31 - 1);
      const drawn = drawQuestions(
        bank,
        { count: quiz.questionCount, tags: quiz.tags, shuffleOptions: quiz.shuffleOptions },
        seed,
      );
      if (drawn.length === 0) throw quizEmpty();
      const now = clock.now();
      const a = await repo.insertAttempt(tx, {
        quizId: quiz.id,
        userId: me.id,
        enrolmentId: enrolment.id,
        number: last + 1,
        seed,
        questions: drawn,
        startedAt: now,
        deadlineAt: quiz.timeLimitMinutes ? new Date(now.getTime() + quiz.timeLimitMinutes * 60_000) : null,
      });
      return toAttempt(a, quiz, q.pathTitle);
    });
  }

  return {
    /** A path's bank and quizzes, with the correct answers: for its editors only. */
    async bank(ctx: RequestContext, pathId: number) {
      const path = await editablePath(db, ctx, pathId);
      const questions = await repo.questionsOf(db, pathId);
      const quizzes = await repo.quizzesOf(db, pathId);
      return {
        pathId,
        pathTitle: path.title,
        questions: questions.map(toQuestion),
        quizzes: quizzes.map((r) => toQuiz(r.quiz, r.available)),
      };
    },

    async createQuestion(ctx: RequestContext, pathId: number, input: QuestionInput) {
      return db.transaction(async (tx) => {
        await editablePath(tx, ctx, pathId);
        const now = clock.now();
        const row = await repo.insertQuestion(tx, {
          pathId,
          ...questionValues(input),
          createdAt: now,
          updatedAt: now,
        });
        await audit.record(tx, ctx, {
          action: 'quiz.question_saved',
          entityType: 'quiz_question',
          entityId: row.id,
          details: { pathId, created: true },
        });
        return toQuestion(row);
      });
    },

    /** Edits a question (deactivating it is `active: false`); attempts already drawn keep their copy. */
    async updateQuestion(ctx: RequestContext, id: number, input: QuestionInput) {
      return db.transaction(async (tx) => {
        const q = await repo.findQuestion(tx, id);
        if (!q) throw errors.notFound(QUESTION);
        await editablePath(tx, ctx, q.pathId);
        const row = await repo.updateQuestion(tx, id, { ...questionValues(input), updatedAt: clock.now() });
        await audit.record(tx, ctx, {
          action: 'quiz.question_saved',
          entityType: 'quiz_question',
          entityId: id,
          details: { pathId: q.pathId, active: row.active },
        });
        return toQuestion(row);
      });
    },

    async createQuiz(ctx: RequestContext, pathId: number, input: QuizInput) {
      return finalTestGuard(() =>
        db.transaction(async (tx) => {
          await editablePath(tx, ctx, pathId);
          const now = clock.now();
          const row = await repo.insertQuiz(tx, {
            pathId,
            ...quizValues(input),
            createdAt: now,
            updatedAt: now,
          });
          await audit.record(tx, ctx, {
            action: 'quiz.saved',
            entityType: 'quiz',
            entityId: row.id,
            details: { pathId, created: true, isFinalTest: row.isFinalTest },
          });
          const fresh = await repo.findQuiz(tx, row.id);
          return toQuiz(row, fresh?.available ?? 0);
        }),
      );
    },

    async updateQuiz(ctx: RequestContext, id: number, input: QuizInput) {
      return finalTestGuard(() =>
        db.transaction(async (tx) => {
          const q = await repo.findQuiz(tx, id);
          if (!q) throw errors.notFound(QUIZ);
          await editablePath(tx, ctx, q.quiz.pathId);
          const row = await repo.updateQuiz(tx, id, { ...quizValues(input), updatedAt: clock.now() });
          await audit.record(tx, ctx, {
            action: 'quiz.saved',
            entityType: 'quiz',
            entityId: id,
            details: { pathId: row.pathId, isFinalTest: row.isFinalTest, active: row.active },
          });
          const fresh = await repo.findQuiz(tx, row.id);
          return toQuiz(row, fresh?.available ?? 0);
        }),
      );
    },

    /** Whether an edition's final test is the path's online one: for those who manage the edition. */
    async editionSettings(ctx: RequestContext, editionId: number) {
      const ed = await repo.findEdition(db, editionId);
      if (!ed) throw errors.notFound(EDITION);
      const trains = ctx.actor ? await trainsEdition(db, editionId, ctx.actor.id) : false;
      if (!canManageEdition(ctx.actor, trains)) throw errors.forbidden();
      return { onlineFinalTest: ed.onlineFinalTest };
    },

    async setEditionSettings(ctx: RequestContext, editionId: number, onlineFinalTest: boolean) {
      return db.transaction(async (tx) => {
        const ed = await repo.findEdition(tx, editionId);
        if (!ed) throw errors.notFound(EDITION);
        const trains = ctx.actor ? await trainsEdition(tx, editionId, ctx.actor.id) : false;
        if (!canManageEdition(ctx.actor, trains)) throw errors.forbidden();
        if (ed.onlineFinalTest !== onlineFinalTest) {
          await repo.setEditionSettings(tx, editionId, onlineFinalTest, clock.now());
          await audit.record(tx, ctx, {
            action: 'edition.quiz_settings',
            entityType: 'edition',
            entityId: editionId,
            details: { onlineFinalTest },
          });
        }
        return { onlineFinalTest };
      });
    },

    /** The quizzes of the paths I am enrolled in (confirmed), with my attempts. */
    async mine(ctx: RequestContext): Promise<{ items: MyQuiz[] }> {
      const me = requireActor(ctx);
      const rows = await repo.myQuizzes(db, me.id);
      let attempts = await repo.attemptsOf(
        db,
        me.id,
        rows.map((r) => r.quiz.id),
      );
      const now = clock.now();
      if (attempts.some((a) => a.status === 'open' && expired(a, now))) {
        await db.transaction(async (tx) => {
          for (const a of attempts)
            if (a.status === 'open' && expired(a, now)) {
              const locked = await repo.findAttempt(tx, a.id, true);
              if (locked) await current(tx, ctx, locked);
            }
        });
        attempts = await repo.attemptsOf(
          db,
          me.id,
          rows.map((r) => r.quiz.id),
        );
      }
      return {
        items: rows.map(({ quiz, pathTitle }) => {
          const mine = attempts.filter((a) => a.quizId === quiz.id);
          const shows = quiz.feedback !== 'none';
          const done = mine.filter((a) => a.status === 'submitted');
          return {
            id: quiz.id,
            pathId: quiz.pathId,
            pathTitle,
            title: quiz.title,
            questionCount: quiz.questionCount,
            timeLimitMinutes: quiz.timeLimitMinutes,
            passingPct: quiz.passingPct,
            maxAttempts: quiz.maxAttempts,
            isFinalTest: quiz.isFinalTest,
            attemptsUsed: mine.length,
            openAttemptId: mine.find((a) => a.status === 'open')?.id ?? null,
            passed: shows && done.length ? done.some((a) => a.passed) : null,
            attempts: mine.map((a) => ({
              id: a.id,
              number: a.number,
              status: a.status,
              submittedAt: a.submittedAt?.toISOString() ?? null,
              pct: shows ? a.pct : null,
              passed: shows ? a.passed : null,
            })),
          };
        }),
      };
    },

    /**
     * Starts an attempt, or gives back the one already open. Two starts at once meet the unique index
     * on open attempts: the loser starts again and finds the winner's attempt.
     */
    async start(ctx: RequestContext, quizId: number): Promise<Attempt> {
      try {
        return await startOnce(ctx, quizId);
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        return startOnce(ctx, quizId);
      }
    },

    async attempt(ctx: RequestContext, id: number): Promise<Attempt> {
      return db.transaction(async (tx) => {
        const { a, quiz, pathTitle } = await ownAttempt(tx, ctx, id, true);
        return toAttempt(a, quiz, pathTitle);
      });
    },

    /** Saves answers as the learner goes; refused once the attempt is closed or its time is up. */
    async saveAnswers(ctx: RequestContext, id: number, body: AnswersBody): Promise<Attempt> {
      return db.transaction(async (tx) => {
        const { a, quiz, pathTitle } = await ownAttempt(tx, ctx, id, true);
        if (a.status !== 'open') throw attemptClosed();
        const row = await repo.updateAttempt(tx, a.id, { answers: merge(a, body) });
        return toAttempt(row, quiz, pathTitle);
      });
    },

    /**
     * Submits and scores. A second submit answers the same result. A submit after the deadline (and
     * its grace) is scored with the answers saved in time; the answers it carries are ignored.
     */
    async submit(ctx: RequestContext, id: number, body: AnswersBody): Promise<Attempt> {
      return db.transaction(async (tx) => {
        const { a, quiz, pathTitle } = await ownAttempt(tx, ctx, id, true);
        if (a.status !== 'open') return toAttempt(a, quiz, pathTitle);
        const answered = body.answers.length
          ? await repo.updateAttempt(tx, a.id, { answers: merge(a, body) })
          : a;
        return toAttempt(await close(tx, ctx, answered, quiz, false), quiz, pathTitle);
      });
    },
  };
}
