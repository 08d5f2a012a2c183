import { defineModule } from '../../../kernel/module.js';
import type { AuthService } from '../../identity/auth/index.js';
import type { AuditService } from '../../platform/audit/index.js';
import type { AttendanceService } from '../attendance/index.js';
import type { QuizLookup } from '../quizzes/index.js';
import { createFadRepository } from './repository.js';
import { fadRoutes } from './routes.js';
import { contentKey } from './scorm/token.js';
import { createFadService, type FadService } from './service.js';

export type { FadService };

/**
 * Online learning (formazione a distanza): self-paced modules of pages built by catalogue managers,
 * followed by the people enrolled in an edition of the path; active time, resume point and completion
 * per person, written to the attendance ledger of the online session that delivers the module.
 */
export const fadModule = defineModule({
  name: 'fad',
  create: (
    { db, clock, config },
    deps: { audit: AuditService; attendance: AttendanceService; auth: AuthService; quizLookup: QuizLookup },
  ) => {
    // Content tokens are signed with a key derived from the session secret (SESSION_SECRET, or the
    // one kept in the database).
    let key: Promise<Buffer> | undefined;
    return {
      fad: createFadService({
        db,
        repo: createFadRepository(),
        audit: deps.audit,
        attendance: deps.attendance,
        quizzes: deps.quizLookup,
        clock,
        scorm: {
          appOrigin: new URL(config.publicUrl).origin,
          contentOrigin: config.scormContentUrl,
          key: () => {
            key ??= deps.auth.cookieSecret(config.sessionSecret).then(contentKey);
            return key;
          },
        },
      }),
    };
  },
  // Editors are the catalogue's managers: the web app reads `me.can.manageCatalogue`.
  routes: (app, services, kernel) =>
    fadRoutes(app, services, {
      appOrigin: new URL(kernel.config.publicUrl).origin,
      contentOrigin: kernel.config.scormContentUrl,
    }),
});
