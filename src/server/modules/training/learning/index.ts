import { defineModule } from '../../../kernel/module.js';
import type { AuditService } from '../../platform/audit/index.js';
import type { EditionsService } from '../catalogue/index.js';
import { createLearningRepository } from './repository.js';
import { learningRoutes } from './routes.js';
import { createLearningService, type LearningService } from './service.js';

export type { LearningService };

/** The learner's area: the training record against the yearly target, my sessions, the satisfaction questionnaire. */
export const learningModule = defineModule({
  name: 'learning',
  create: ({ db, clock, config }, deps: { audit: AuditService; editions: EditionsService }) => ({
    learning: createLearningService({
      db,
      repo: createLearningRepository(clock),
      audit: deps.audit,
      editions: deps.editions,
      clock,
      platformRooms: config.bbb !== undefined,
    }),
  }),
  routes: (app, services, { config }) => learningRoutes(app, { services, config }),
});
