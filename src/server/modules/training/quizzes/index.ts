import type { Db } from '../../../db/client.js';
import { defineModule } from '../../../kernel/module.js';
import type { AuditService } from '../../platform/audit/index.js';
import type { AttendanceService } from '../attendance/index.js';
import { createQuizzesRepository } from './repository.js';
import { quizzesRoutes } from './routes.js';
import { createQuizzesService, type QuizzesService } from './service.js';

export type { QuizzesService };

/** What other modules may ask of quizzes: a quiz's path, and whether someone passed it. */
export type QuizLookup = ReturnType<typeof createQuizLookup>;

function createQuizLookup(repo: ReturnType<typeof createQuizzesRepository>) {
  return {
    async pathOf(tx: Db, quizId: number): Promise<number | null> {
      return (await repo.findQuiz(tx, quizId))?.quiz.pathId ?? null;
    },
    passed: (tx: Db, userId: string, quizId: number) => repo.hasPassed(tx, userId, quizId),
  };
}

/**
 * Online quizzes of a training path: the question bank, quizzes drawn from it, learners' attempts
 * scored on the server. A path's final-test quiz passes the final test of the editions that use it,
 * through attendance, so completion and attestati follow as for the trainer's result.
 */
export const quizzesModule = defineModule({
  name: 'quizzes',
  create: ({ db, clock }, deps: { audit: AuditService; attendance: AttendanceService }) => {
    const repo = createQuizzesRepository();
    return {
      quizzes: createQuizzesService({ db, repo, audit: deps.audit, attendance: deps.attendance, clock }),
      quizLookup: createQuizLookup(repo),
    };
  },
  routes: (app, services, { config }) => quizzesRoutes(app, { services, config }),
});
