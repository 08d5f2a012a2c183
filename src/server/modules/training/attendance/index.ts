import { defineModule } from '../../../kernel/module.js';
import type { AuditService } from '../../platform/audit/index.js';
import { createCheckinService } from './checkin-service.js';
import { createLedger } from './ledger.js';
import { createLogbookRepository } from './logbook-repository.js';
import { createLogbookService } from './logbook-service.js';
import { mayRunSessions, maySignLogbooks } from './policy.js';
import { createAttendanceRepository } from './repository.js';
import { type AttendanceServices, attendanceRoutes } from './routes.js';
import { type AttendanceService, createAttendanceService } from './service.js';
import { createWebinarAttendance } from './webinar-ledger.js';

export type { Interval } from './intervals.js';
export { canRunSession } from './policy.js';
export { type UnitTrainingLookup, unitTrainingLookup } from './unit-summary.js';
export type { WebinarAttendance } from './webinar-ledger.js';
export type { AttendanceService };

/**
 * The one attendance ledger and completion, and every way in: register, QR check-in, webinar
 * reports, online progress, the affiancamento logbook. Emits `completion.changed`.
 */
export const attendanceModule = defineModule({
  name: 'attendance',
  create: ({ db, config, events, clock }, deps: { audit: AuditService }): AttendanceServices => {
    const repo = createAttendanceRepository();
    const ledger = createLedger({ repo, audit: deps.audit, events });
    return {
      attendance: createAttendanceService({
        db,
        repo,
        audit: deps.audit,
        ledger,
        clock,
        platformRooms: config.bbb !== undefined,
      }),
      checkins: createCheckinService({
        db,
        repo,
        audit: deps.audit,
        ledger,
        publicUrl: config.publicUrl,
        clock,
      }),
      logbook: createLogbookService({
        db,
        repo: createLogbookRepository(),
        attendance: repo,
        audit: deps.audit,
        ledger,
        clock,
      }),
      webinarAttendance: createWebinarAttendance({ db, repo, ledger }),
    };
  },
  routes: (app, services, { config }) => attendanceRoutes(app, { services, config }),
  can: (p) => ({ runSessions: mayRunSessions(p), signLogbooks: maySignLogbooks(p) }),
  handles: ({ attendance }) => ({
    // Added, moved or cancelled sessions, or new rules, change what completion needs.
    'edition.requirementsChanged': (tx, ctx, { editionId }) =>
      attendance.recomputeEdition(tx, ctx, editionId),
    // Someone who leaves no longer completes.
    'enrolment.left': (tx, ctx, { enrolmentId }) => attendance.recompute(tx, ctx, enrolmentId),
  }),
});
