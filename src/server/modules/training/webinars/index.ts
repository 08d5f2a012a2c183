import { defineModule } from '../../../kernel/module.js';
import type { AuditService } from '../../platform/audit/index.js';
import type { WebinarAttendance } from '../attendance/index.js';
import { createBbbClient } from './bbb.js';
import { createWebinarsRepository } from './repository.js';
import { webinarsRoutes } from './routes.js';
import { createWebinarsService, type WebinarsService } from './service.js';

export type { WebinarsService };

/**
 * Live webinars: entering a session's room inside its window, on BigBlueButton when BBB_URL and
 * BBB_SECRET are set (else the session's own link), ending it, its recordings, and the minutes
 * BigBlueButton reports, written to the attendance ledger.
 */
export const webinarsModule = defineModule({
  name: 'webinars',
  create: (
    { db, config, clock },
    deps: { audit: AuditService; webinarAttendance: WebinarAttendance },
  ): { webinars: WebinarsService } => ({
    webinars: createWebinarsService({
      db,
      repo: createWebinarsRepository(),
      audit: deps.audit,
      clock,
      publicUrl: config.publicUrl,
      bbb: config.bbb ? createBbbClient(config.bbb) : null,
      webinarAttendance: deps.webinarAttendance,
    }),
  }),
  routes: (app, services, { config }) => webinarsRoutes(app, { services, config }),
});
