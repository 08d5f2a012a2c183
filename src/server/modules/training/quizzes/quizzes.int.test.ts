import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Answer, Attempt, MyQuiz, Question, QuestionBank, Quiz } from '../../../../common/quizzes.js';
import { QUIZ_GRACE_SECONDS } from '../../../../common/quizzes.js';
import { auditLog, quizAttempts, roleGrants, users } from '../../../db/schema/index.js';
import { isUniqueViolation } from '../../../db/sql.js';
import { fixedClock } from '../../../kernel/clock.js';
import type { RequestContext } from '../../../kernel/principal.js';
import { startTestApp } from '../../../test/app.js';
import { confirmedEnrolment, enrolmentById, makeEdition, userByEmail } from '../../../test/training.js';

// The app's clock starts at the real now (the fixtures lay editions out around it) and is moved by hand.
const clock = fixedClock(new Date());
const t = await startTestApp({}, { clock });
const admin = await t.as('admin@officina.demo');
const learner = await t.as('discente.cuneo@officina.demo');
const other = await t.as('discente2.cuneo@officina.demo');
const officer = await t.as('referente.cuneo@officina.demo');
const carlo = await userByEmail(t, 'discente.cuneo@officina.demo');
const giulia = await userByEmail(t, 'discente2.cuneo@officina.demo');

const tx = (it: string) => ({ it, en: null });
const single = (n: number) => ({
  text: { it: `Domanda singola ${n}`, en: `Single question ${n}` },
  content: {
    kind: 'single',
    options: [
      { id: 'a', text: tx('Giusta'), correct: true },
      { id: 'b', text: tx('Sbagliata'), correct: false },
      { id: 'c', text: tx('Sbagliata anche'), correct: false },
    ],
  },
  feedback: { it: 'Perché sì.', en: 'Because.' },
  points: 1,
  tags: ['base'],
});
const shortQ = {
  text: tx('Capitale d’Italia?'),
  content: { kind: 'short_answer', accepted: ['Roma'] },
  feedback: null,
  points: 1,
  tags: ['base'],
};
const matchingQ = {
  text: tx('Abbina'),
  content: {
    kind: 'matching',
    pairs: [
      { id: 'p1', left: tx('Cane'), right: tx('Abbaia') },
      { id: 'p2', left: tx('Gatto'), right: tx('Miagola') },
    ],
  },
  feedback: null,
  points: 2,
  tags: ['altro'],
};
const quizBody = (over: Record<string, unknown> = {}) => ({
  title: 'Verifica finale',
  questionCount: 3,
  tags: [],
  shuffleOptions: true,
  timeLimitMinutes: null,
  passingPct: 60,
  maxAttempts: 2,
  feedback: 'full',
  isFinalTest: false,
  active: true,
  ...over,
});

/** A path with an edition (two past sessions), Carlo and Giulia confirmed, and a bank of questions. */
async function setup(spec: { finalTestRequired?: boolean; questions?: unknown[] } = {}) {
  const edition = await makeEdition(admin, {
    sessions: [{ day: -2 }, { day: -1 }],
    finalTestRequired: spec.finalTestRequired ?? false,
  });
  const carloE = await confirmedEnrolment(t, edition.id, 'discente.cuneo@officina.demo');
  const giuliaE = await confirmedEnrolment(t, edition.id, 'discente2.cuneo@officina.demo');
  const questions: Question[] = [];
  for (const q of spec.questions ?? [single(1), single(2), shortQ]) {
    const res = await admin.post(`/api/v1/training-paths/${edition.pathId}/questions`, q);
    expect(res.statusCode, res.body).toBe(201);
    questions.push(res.json());
  }
  return { edition, carloE, giuliaE, questions };
}

async function makeQuiz(pathId: number, over: Record<string, unknown> = {}) {
  const res = await admin.post(`/api/v1/training-paths/${pathId}/quizzes`, quizBody(over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Quiz;
}

/** The right answer to a drawn question, read from the bank (as only an editor could). */
function rightAnswer(q: Attempt['questions'][number], bank: Question[]): Answer {
  const b = bank.find((x) => x.id === q.id);
  if (!b) throw new Error('not in bank');
  const c = b.content;
  if (c.kind === 'single') return { kind: 'single', optionId: c.options.find((o) => o.correct)?.id ?? null };
  if (c.kind === 'multiple')
    return { kind: 'multiple', optionIds: c.options.filter((o) => o.correct).map((o) => o.id) };
  if (c.kind === 'true_false') return { kind: 'true_false', value: c.correct };
  if (c.kind === 'short_answer') return { kind: 'short_answer', text: ` ${c.accepted[0]?.toUpperCase()} ` };
  // matching: the options are shown in the order of the pairs' right-hand sides, under fresh ids.
  return {
    kind: 'matching',
    matches: q.items.map((item) => ({
      itemId: item.id,
      optionId:
        q.options.find((o) => o.text.it === c.pairs.find((p) => p.id === item.id)?.right.it)?.id ?? null,
    })),
  };
}
const wrongAnswer = (q: Attempt['questions'][number]): Answer =>
  q.kind === 'single'
    ? { kind: 'single', optionId: 'b' }
    : q.kind === 'short_answer'
      ? { kind: 'short_answer', text: 'Milano' }
      : { kind: 'matching', matches: [] };

const ctxOf = (u: { id: string; email: string; name: string; unitId: number | null }): RequestContext => ({
  actor: { ...u, grants: [{ id: 0, role: 'learner', unitId: u.unitId, unitName: null }] },
  ip: null,
  requestId: null,
  lang: 'it',
});

/** No correct answer, accepted text or right pair anywhere in what a learner receives. */
function expectNoAnswers(body: string) {
  expect(body).not.toContain('"correct"');
  expect(body).not.toContain('accepted');
  expect(body).not.toContain('Roma');
  expect(body).not.toContain('"pairs"');
  expect(body).not.toContain('rightIds');
  expect(body).not.toContain('Perché sì');
}

describe('question bank and quizzes', () => {
  it('is edited by catalogue managers; learners and officers get nothing of it', async () => {
    const { edition, questions } = await setup({ questions: [single(1), matchingQ] });
    const url = `/api/v1/training-paths/${edition.pathId}/questions`;
    expect((await learner.get(url)).statusCode).toBe(403);
    expect((await officer.post(url, single(9))).statusCode).toBe(403);
    expect((await admin.get('/api/v1/training-paths/999999/questions')).statusCode).toBe(404);
    const bank = (await admin.get(url)).json() as QuestionBank;
    expect(bank.questions.map((q) => q.id)).toEqual(questions.map((q) => q.id));

    // A single choice needs exactly one correct option.
    const twoRight = single(3);
    twoRight.content.options[1] = { id: 'b', text: tx('Anche'), correct: true };
    const refused = await admin.post(url, twoRight);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('INVALID_QUESTION');

    // Deactivated questions are not drawn; a second final test on the path is refused.
    const [first] = questions;
    if (!first) throw new Error('no question');
    const off = await admin.put(`/api/v1/questions/${first.id}`, { ...single(1), active: false });
    expect(off.json()).toMatchObject({ active: false });
    const q = await makeQuiz(edition.pathId, { isFinalTest: true });
    expect(q.available).toBe(1);
    // The bank counts only this path's questions, whatever other paths hold.
    await setup({ questions: [single(1), single(2)] });
    const again = (await admin.get(url)).json() as QuestionBank;
    expect(again.quizzes.find((x) => x.id === q.id)?.available).toBe(1);
    const second = await admin.post(
      `/api/v1/training-paths/${edition.pathId}/quizzes`,
      quizBody({ isFinalTest: true }),
    );
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('FINAL_TEST_EXISTS');
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, 'quiz.question_saved'));
    expect(audits.length).toBeGreaterThanOrEqual(3);
  });
});

describe('trainers', () => {
  /** A trainer of Cuneo only: not a catalogue manager, so only the paths of the editions they train. */
  async function localTrainer(email: string) {
    const [u] = await t.db
      .insert(users)
      .values({ email, name: 'Formatrice locale', unitId: carlo.unitId, passwordHash: carlo.passwordHash })
      .returning();
    if (!u) throw new Error('trainer not created');
    await t.db.insert(roleGrants).values({ userId: u.id, role: 'trainer', unitId: carlo.unitId });
    return { id: u.id, client: await t.as(email) };
  }

  it('a trainer edits the bank of the paths whose editions they train, and no other', async () => {
    const mine = await localTrainer('formatrice.quiz@officina.demo');
    const theirs = await makeEdition(admin, { trainerIds: [mine.id] });
    const notTheirs = await makeEdition(admin);
    expect((await mine.client.get(`/api/v1/training-paths/${theirs.pathId}/questions`)).statusCode).toBe(200);
    const added = await mine.client.post(`/api/v1/training-paths/${theirs.pathId}/questions`, single(1));
    expect(added.statusCode, added.body).toBe(201);
    expect((await mine.client.get(`/api/v1/training-paths/${notTheirs.pathId}/questions`)).statusCode).toBe(
      403,
    );
    expect(
      (await mine.client.post(`/api/v1/training-paths/${notTheirs.pathId}/quizzes`, quizBody())).statusCode,
    ).toBe(403);
    // The edition's online final test is for those who manage the edition: not a local trainer.
    expect(
      (await mine.client.put(`/api/v1/editions/${theirs.id}/quiz-settings`, { onlineFinalTest: true }))
        .statusCode,
    ).toBe(403);
  });
});

describe('taking a quiz', () => {
  it('start, save, reload the same test, submit once: learners never see answers before submitting', async () => {
    const { edition, questions } = await setup();
    const quiz = await makeQuiz(edition.pathId, { maxAttempts: 2 });

    // Not enrolled: the quiz is not there for them.
    expect((await officer.post(`/api/v1/quizzes/${quiz.id}/attempts`)).statusCode).toBe(404);

    const started = await learner.post(`/api/v1/quizzes/${quiz.id}/attempts`);
    expect(started.statusCode, started.body).toBe(200);
    expectNoAnswers(started.body);
    const a = started.json() as Attempt;
    expect(a.questions).toHaveLength(3);
    expect(a.status).toBe('open');

    // Starting again gives back the open attempt; a reload shows the same questions in the same order.
    const again = (await learner.post(`/api/v1/quizzes/${quiz.id}/attempts`)).json() as Attempt;
    expect(again.id).toBe(a.id);
    const reload = await learner.get(`/api/v1/attempts/${a.id}`);
    expectNoAnswers(reload.body);
    expect((reload.json() as Attempt).questions).toEqual(a.questions);

    // Someone else's attempt does not exist for them.
    expect((await other.get(`/api/v1/attempts/${a.id}`)).statusCode).toBe(404);

    const [q1, q2, q3] = a.questions;
    if (!q1 || !q2 || !q3) throw new Error('three questions');
    const saved = await learner.put(`/api/v1/attempts/${a.id}/answers`, {
      answers: [{ questionId: q1.id, answer: rightAnswer(q1, questions) }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expectNoAnswers(saved.body.replace(/"text":" ROMA "/, ''));
    expect((saved.json() as Attempt).answers).toHaveLength(1);

    // An answer to a question not drawn, or of another kind, is refused.
    const stray = await learner.put(`/api/v1/attempts/${a.id}/answers`, {
      answers: [{ questionId: 999_999, answer: { kind: 'true_false', value: true } }],
    });
    expect(stray.statusCode).toBe(400);
    expect(stray.json().code).toBe('QUESTION_NOT_IN_ATTEMPT');

    const submitted = await learner.post(`/api/v1/attempts/${a.id}/submit`, {
      answers: [
        { questionId: q2.id, answer: rightAnswer(q2, questions) },
        { questionId: q3.id, answer: wrongAnswer(q3) },
      ],
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const r = submitted.json() as Attempt;
    expect(r.status).toBe('submitted');
    expect(r.result).toMatchObject({ score: 2, maxScore: 3, pct: 66, passed: true });
    expect(r.result?.questions?.find((x) => x.questionId === q3.id)).toMatchObject({
      correct: false,
      points: 0,
    });
    expect(r.result?.questions?.[0]?.correctAnswer).not.toBeNull();

    // Twice: the same result; answers can no longer change.
    const twice = await learner.post(`/api/v1/attempts/${a.id}/submit`, {
      answers: [{ questionId: q3.id, answer: rightAnswer(q3, questions) }],
    });
    expect(twice.json()).toEqual(r);
    const late = await learner.put(`/api/v1/attempts/${a.id}/answers`, { answers: [] });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('ATTEMPT_CLOSED');

    // Second attempt allowed, a third refused with 409.
    const second = (await learner.post(`/api/v1/quizzes/${quiz.id}/attempts`)).json() as Attempt;
    expect(second.number).toBe(2);
    await learner.post(`/api/v1/attempts/${second.id}/submit`, { answers: [] });
    const third = await learner.post(`/api/v1/quizzes/${quiz.id}/attempts`);
    expect(third.statusCode).toBe(409);
    expect(third.json().code).toBe('NO_ATTEMPTS_LEFT');

    const mine = (await learner.get('/api/v1/me/quizzes')).json() as { items: MyQuiz[] };
    const entry = mine.items.find((x) => x.id === quiz.id);
    expect(entry).toMatchObject({ attemptsUsed: 2, passed: true, openAttemptId: null });
    expect(entry?.attempts.map((x) => x.pct)).toEqual([0, 66]);
  });

  it('feedback "score" shows no right answers, "none" not even the score', async () => {
    const { edition } = await setup();
    const scoreOnly = await makeQuiz(edition.pathId, { feedback: 'score' });
    const none = await makeQuiz(edition.pathId, { feedback: 'none', title: 'Senza esito' });
    for (const [q, expected] of [
      [scoreOnly, { score: 0, passed: false, questions: null }],
      [none, null],
    ] as const) {
      const a = (await learner.post(`/api/v1/quizzes/${q.id}/attempts`)).json() as Attempt;
      const res = await learner.post(`/api/v1/attempts/${a.id}/submit`, { answers: [] });
      expectNoAnswers(res.body);
      if (expected === null) expect(res.json().result).toBeNull();
      else expect(res.json().result).toMatchObject(expected);
    }
  });

  it('a time limit, at a fixed clock: late saves refused, a late submit scored with what was saved in time', async () => {
    const { edition, questions } = await setup();
    const quiz = await makeQuiz(edition.pathId, { timeLimitMinutes: 10, maxAttempts: null });
    const start = clock.now();
    const a = (await learner.post(`/api/v1/quizzes/${quiz.id}/attempts`)).json() as Attempt;
    expect(a.deadlineAt).toBe(new Date(start.getTime() + 10 * 60_000).toISOString());
    const [q1, q2] = a.questions;
    if (!q1 || !q2) throw new Error('questions');

    clock.advance(9 * 60_000);
    await learner.put(`/api/v1/attempts/${a.id}/answers`, {
      answers: [{ questionId: q1.id, answer: rightAnswer(q1, questions) }],
    });
    // Within the grace after the deadline a save still counts (network delays)...
    clock.advance(60_000 + (QUIZ_GRACE_SECONDS - 5) * 1000);
    const inGrace = await learner.put(`/api/v1/attempts/${a.id}/answers`, {
      answers: [{ questionId: q2.id, answer: rightAnswer(q2, questions) }],
    });
    expect(inGrace.statusCode, inGrace.body).toBe(200);
    // ...past it, not; and a submit then scores only what was saved in time.
    clock.advance(10_000);
    const late = await learner.put(`/api/v1/attempts/${a.id}/answers`, { answers: [] });
    expect(late.statusCode).toBe(409);
    const submitted = (
      await learner.post(`/api/v1/attempts/${a.id}/submit`, {
        answers: a.questions.map((q) => ({ questionId: q.id, answer: rightAnswer(q, questions) })),
      })
    ).json() as Attempt;
    expect(submitted).toMatchObject({ status: 'submitted', timedOut: true, deadlineAt: a.deadlineAt });
    expect(submitted.submittedAt).toBe(a.deadlineAt);
    expect(submitted.result?.score).toBe(2);

    // A deadline passed with no submit is closed when next read.
    const b = (await learner.post(`/api/v1/quizzes/${quiz.id}/attempts`)).json() as Attempt;
    expect(b.number).toBe(2);
    clock.advance(11 * 60_000);
    const mine = (await learner.get('/api/v1/me/quizzes')).json() as { items: MyQuiz[] };
    expect(mine.items.find((x) => x.id === quiz.id)).toMatchObject({ openAttemptId: null, attemptsUsed: 2 });
    const [row] = await t.db.select().from(quizAttempts).where(eq(quizAttempts.id, b.id));
    expect(row).toMatchObject({ status: 'submitted', timedOut: true, score: 0 });
    clock.set(new Date());
  });

  it('two starts at once open one attempt; the database refuses a second open one', async () => {
    const { edition } = await setup();
    const quiz = await makeQuiz(edition.pathId, { maxAttempts: 1 });
    const ctx = ctxOf(giulia);
    const started = await Promise.all(
      Array.from({ length: 4 }, () => t.services.quizzes.start(ctx, quiz.id)),
    );
    expect(new Set(started.map((a) => a.id)).size).toBe(1);
    const rows = await t.db
      .select()
      .from(quizAttempts)
      .where(and(eq(quizAttempts.quizId, quiz.id), eq(quizAttempts.userId, giulia.id)));
    expect(rows).toHaveLength(1);
    const [one] = rows;
    if (!one) throw new Error('attempt');
    const { id: _id, ...copy } = one;
    const err = await t.db
      .insert(quizAttempts)
      .values({ ...copy, number: 2 })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(isUniqueViolation(err)).toBe(true);
  });
});

describe('the online final test', () => {
  async function attend(editionId: number, sessionIds: number[], userIds: string[]) {
    for (const s of sessionIds) {
      const res = await admin.put(`/api/v1/sessions/${s}/register`, {
        entries: userIds.map((userId) => ({ userId, present: true, lateMinutes: 0, leftEarlyMinutes: 0 })),
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    return editionId;
  }

  it('passing it completes the enrolment; failing records a fail only when no attempts are left', async () => {
    const { edition, carloE, giuliaE, questions } = await setup({ finalTestRequired: true });
    await attend(
      edition.id,
      edition.sessions.map((s) => s.id),
      [carlo.id, giulia.id],
    );
    const quiz = await makeQuiz(edition.pathId, { isFinalTest: true, maxAttempts: 2, passingPct: 100 });
    expect(
      (await learner.put(`/api/v1/editions/${edition.id}/quiz-settings`, { onlineFinalTest: true }))
        .statusCode,
    ).toBe(403);
    const set = await admin.put(`/api/v1/editions/${edition.id}/quiz-settings`, { onlineFinalTest: true });
    expect(set.json()).toEqual({ onlineFinalTest: true });
    expect((await admin.get(`/api/v1/editions/${edition.id}/quiz-settings`)).json()).toEqual({
      onlineFinalTest: true,
    });

    // Carlo passes at the first attempt: final test passed, enrolment complete.
    const a = (await learner.post(`/api/v1/quizzes/${quiz.id}/attempts`)).json() as Attempt;
    const passed = (
      await learner.post(`/api/v1/attempts/${a.id}/submit`, {
        answers: a.questions.map((q) => ({ questionId: q.id, answer: rightAnswer(q, questions) })),
      })
    ).json() as Attempt;
    expect(passed.result?.passed).toBe(true);
    const done = await enrolmentById(t, carloE.id);
    expect(done?.finalTestPassed).toBe(true);
    expect(done?.completedOn).not.toBeNull();
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'enrolment.final_test'), eq(auditLog.entityId, String(carloE.id))));
    expect(audit.map((r) => r.details)).toEqual([{ from: null, to: true, source: 'quiz' }]);

    // Giulia fails once: nothing recorded; fails again with no attempts left: failed.
    for (const expected of [null, false]) {
      const g = (await other.post(`/api/v1/quizzes/${quiz.id}/attempts`)).json() as Attempt;
      await other.post(`/api/v1/attempts/${g.id}/submit`, {
        answers: g.questions.map((q) => ({ questionId: q.id, answer: wrongAnswer(q) })),
      });
      expect((await enrolmentById(t, giuliaE.id))?.finalTestPassed).toBe(expected);
    }
    expect((await enrolmentById(t, giuliaE.id))?.completedOn).toBeNull();
  });

  it('an edition that does not use the online test keeps the trainer’s result', async () => {
    const { edition, carloE, questions } = await setup({ finalTestRequired: true });
    const quiz = await makeQuiz(edition.pathId, { isFinalTest: true });
    const a = (await learner.post(`/api/v1/quizzes/${quiz.id}/attempts`)).json() as Attempt;
    await learner.post(`/api/v1/attempts/${a.id}/submit`, {
      answers: a.questions.map((q) => ({ questionId: q.id, answer: rightAnswer(q, questions) })),
    });
    expect((await enrolmentById(t, carloE.id))?.finalTestPassed).toBeNull();
    const manual = await admin.put(`/api/v1/enrolments/${carloE.id}/final-test`, { passed: false });
    expect(manual.statusCode).toBe(200);
    expect((await enrolmentById(t, carloE.id))?.finalTestPassed).toBe(false);
  });
});
