import { dayAt, fresh, ok, pathBody } from '../fixtures.js';
import type { World } from '../world.js';
import { type AccessTable, type RouteAccess, SIGNED_IN } from './rules.js';

/**
 * Online quizzes. A path's bank and quizzes are edited by catalogue managers (national admins, the
 * nationally granted trainer) and the trainers of its editions; an edition's use of the online final
 * test by those who manage the edition. Attempts are the learner's own: a quiz of a path they are not
 * enrolled in, and anyone else's attempt, are answered 404.
 */
const editors = { allow: { trainer: 'ok', admin: 'ok' } } as const satisfies RouteAccess;
const ownersOnly = {
  scoped: true,
  allow: { learner: ['ok', 404] },
  denied: 404,
} as const satisfies RouteAccess;

export const questionBody = () => ({
  text: { it: `Domanda ${fresh('q')}`, en: null },
  content: {
    kind: 'single',
    options: [
      { id: 'a', text: { it: 'Sì', en: 'Yes' }, correct: true },
      { id: 'b', text: { it: 'No', en: 'No' }, correct: false },
    ],
  },
  feedback: null,
  points: 1,
  tags: [],
  active: true,
});

export const quizBody = () => ({
  title: fresh('Test'),
  questionCount: 2,
  tags: [],
  shuffleOptions: true,
  timeLimitMinutes: null,
  passingPct: 60,
  maxAttempts: null,
  feedback: 'full',
  isFinalTest: false,
  active: true,
});

type QuizWorld = {
  /** On a path where both sides' learners are enrolled: one to read and answer, one to submit. */
  answering: number;
  submitting: number;
  /** On a path nobody of the cast is enrolled in. */
  elsewhere: number;
};

const built = new WeakMap<World, Promise<QuizWorld>>();

/** The quizzes the matrix needs, made once per world. */
function quizWorld(w: World): Promise<QuizWorld> {
  let p = built.get(w);
  if (!p) {
    p = (async () => {
      // A path of its own, where only the two sides' learners are enrolled (the world's path gains
      // other people's enrolments as the matrix runs).
      const path = await ok(await w.admin.post('/api/v1/training-paths', pathBody()), 'path');
      await ok(
        await w.admin.post(`/api/v1/training-paths/${path.id}/status`, { status: 'published' }),
        'publish',
      );
      const edition = await w.fx.edition(path.id, [{ starts: dayAt(10, '09:00'), ends: dayAt(10, '13:00') }]);
      for (const side of [w.own, w.other]) await w.fx.enrol(edition.id, side.learner);
      const quizOn = async (pathId: number) =>
        (await ok(await w.admin.post(`/api/v1/training-paths/${pathId}/quizzes`, quizBody()), 'quiz')).id;
      for (let i = 0; i < 2; i++)
        await ok(
          await w.admin.post(`/api/v1/training-paths/${path.id}/questions`, questionBody()),
          'question',
        );
      const answering = await quizOn(path.id);
      const submitting = await quizOn(path.id);
      const other = await ok(await w.admin.post('/api/v1/training-paths', pathBody()), 'path');
      await ok(
        await w.admin.post(`/api/v1/training-paths/${other.id}/questions`, questionBody()),
        'question',
      );
      return { answering, submitting, elsewhere: await quizOn(other.id) };
    })();
    built.set(w, p);
  }
  return p;
}

/** The side's learner's attempt at a quiz: the one open, or a new one. */
async function attemptOf(side: World['own'], quizId: number) {
  return (await ok(await side.learnerClient.post(`/api/v1/quizzes/${quizId}/attempts`), 'attempt')).id;
}

export const quizzesAccess: AccessTable = {
  'GET /api/v1/training-paths/:id/questions': {
    ...editors,
    request: ({ w }) => ({ params: { id: w.path.id } }),
  },
  'POST /api/v1/training-paths/:id/questions': {
    ...editors,
    request: ({ w }) => ({ params: { id: w.path.id }, body: questionBody() }),
  },
  'PUT /api/v1/questions/:id': {
    ...editors,
    request: async ({ w }) => ({
      params: {
        id: (
          await ok(
            await w.admin.post(`/api/v1/training-paths/${w.path.id}/questions`, questionBody()),
            'question',
          )
        ).id,
      },
      body: { ...questionBody(), points: 2 },
    }),
  },
  'POST /api/v1/training-paths/:id/quizzes': {
    ...editors,
    request: ({ w }) => ({ params: { id: w.path.id }, body: quizBody() }),
  },
  'PUT /api/v1/quizzes/:id': {
    ...editors,
    request: async ({ w }) => ({
      params: { id: (await quizWorld(w)).answering },
      body: { ...quizBody(), title: 'Verifica' },
    }),
  },
  'GET /api/v1/editions/:id/quiz-settings': {
    scoped: true,
    allow: { trainer: ['ok', 403], admin: 'ok' },
    request: ({ side }) => ({ params: { id: side.spare } }),
  },
  'PUT /api/v1/editions/:id/quiz-settings': {
    scoped: true,
    allow: { trainer: ['ok', 403], admin: 'ok' },
    request: ({ side }) => ({ params: { id: side.spare }, body: { onlineFinalTest: false } }),
  },
  'GET /api/v1/me/quizzes': { allow: SIGNED_IN },
  'POST /api/v1/quizzes/:id/attempts': {
    ...ownersOnly,
    request: async ({ target, w }) => {
      const q = await quizWorld(w);
      return { params: { id: target === 'own' ? q.answering : q.elsewhere } };
    },
  },
  'GET /api/v1/attempts/:id': {
    ...ownersOnly,
    request: async ({ side, w }) => ({
      params: { id: await attemptOf(side, (await quizWorld(w)).answering) },
    }),
  },
  'PUT /api/v1/attempts/:id/answers': {
    ...ownersOnly,
    request: async ({ side, w }) => ({
      params: { id: await attemptOf(side, (await quizWorld(w)).answering) },
      body: { answers: [] },
    }),
  },
  'POST /api/v1/attempts/:id/submit': {
    ...ownersOnly,
    request: async ({ side, w }) => ({
      params: { id: await attemptOf(side, (await quizWorld(w)).submitting) },
      body: { answers: [] },
    }),
  },
};
