import { defineModule } from '../../../kernel/module.js';
import type { AuditService } from '../../platform/audit/index.js';
import type { AttendanceService } from '../attendance/index.js';
import { createQuizzesRepository } from './repository.js';
import { quizzesRoutes } from './routes.js';
import { createQuizzesService, type QuizzesService } from './service.js';

export type { QuizzesService };

/**
 * Online quizzes of a training path: the question bank, quizzes drawn from it, learners' attempts
 * scored on the server. A path's final-test quiz passes the final test of the editions that use it,
 * through attendance, so completion and attestati follow as for the trainer's result.
 */
export const quizzesModule = defineModule({
  name: 'quizzes',
  create: ({ db, clock }, deps: { audit: AuditService; attendance: AttendanceService }) => ({
    quizzes: createQuizzesService({
      db,
      repo: createQuizzesRepository(),
      audit: deps.audit,
      attendance: deps.attendance,
      clock,
    }),
  }),
  routes: (app, services, { config }) => quizzesRoutes(app, { services, config }),
});
