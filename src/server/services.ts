import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { AppError } from './kernel/errors.js';
import type { RequestContext } from './kernel/principal.js';
import { createAuthRepository } from './modules/identity/auth/repository.js';
import { createAuthService } from './modules/identity/auth/service.js';
import { createUnitsRepository } from './modules/identity/units/repository.js';
import { createUnitsService } from './modules/identity/units/service.js';
import { importUsers } from './modules/identity/users/import.js';
import { createUsersRepository } from './modules/identity/users/repository.js';
import { createUsersService } from './modules/identity/users/service.js';
import { createAuditRepository } from './modules/platform/audit/repository.js';
import { createAuditService } from './modules/platform/audit/service.js';
import { createOutboxRepository } from './modules/platform/mail/repository.js';
import { createMailService } from './modules/platform/mail/service.js';
import { createOutboxWorker } from './modules/platform/mail/worker.js';
import { createAgreementsRepository } from './modules/training/agreements/repository.js';
import { createAgreementsService } from './modules/training/agreements/service.js';
import { createCheckinService } from './modules/training/attendance/checkin-service.js';
import { createLedger } from './modules/training/attendance/ledger.js';
import { createLogbookRepository } from './modules/training/attendance/logbook-repository.js';
import { createLogbookService } from './modules/training/attendance/logbook-service.js';
import { createAttendanceRepository } from './modules/training/attendance/repository.js';
import { createAttendanceService } from './modules/training/attendance/service.js';
import { createCalendarRepository } from './modules/training/calendar/repository.js';
import { createCalendarService } from './modules/training/calendar/service.js';
import { editionHooks } from './modules/training/catalogue/edition-hooks.js';
import { createEditionsRepository } from './modules/training/catalogue/editions-repository.js';
import { createEditionsService } from './modules/training/catalogue/editions-service.js';
import { importSchedule } from './modules/training/catalogue/import.js';
import { createPathsRepository } from './modules/training/catalogue/paths-repository.js';
import { createPathsService } from './modules/training/catalogue/paths-service.js';
import { createCertificatesRepository } from './modules/training/certificates/repository.js';
import { createCertificatesService } from './modules/training/certificates/service.js';
import { createNotifier } from './modules/training/enrolment/notifier.js';
import { createNotifierRepository } from './modules/training/enrolment/notifier-repository.js';
import { createPlacement } from './modules/training/enrolment/placement.js';
import { createEnrolmentRepository } from './modules/training/enrolment/repository.js';
import { createEnrolmentService } from './modules/training/enrolment/service.js';
import { createLearningRepository } from './modules/training/learning/repository.js';
import { createLearningService } from './modules/training/learning/service.js';

/** The composition root: every service with its explicit dependencies. */
export function createServices(database: Database, config: Config, log: FastifyBaseLogger) {
  const { db } = database;
  const audit = createAuditService({ db, repo: createAuditRepository() });
  const outboxRepo = createOutboxRepository();
  const worker = createOutboxWorker({
    db,
    repo: outboxRepo,
    smtpUrl: config.smtpUrl,
    from: config.mailFrom,
    intervalMs: config.outboxIntervalMs,
    log,
  });
  const mail = createMailService({ db, repo: outboxRepo, worker });
  const usersRepo = createUsersRepository();
  const unitsRepo = createUnitsRepository();
  const authRepo = createAuthRepository();
  const auth = createAuthService({ db, repo: authRepo, users: usersRepo, audit, mail, config });
  const units = createUnitsService({ db, repo: unitsRepo, audit });
  const users = createUsersService({ db, repo: usersRepo, units: unitsRepo, authRepo, auth, audit, mail });
  const agreementsRepo = createAgreementsRepository();
  const agreements = createAgreementsService({ db, repo: agreementsRepo, units: unitsRepo, audit });
  const pathsRepo = createPathsRepository();
  const paths = createPathsService({ db, repo: pathsRepo, agreements: agreementsRepo, audit });
  const editionsRepo = createEditionsRepository();
  const hooks = editionHooks();
  const editions = createEditionsService({
    db,
    repo: editionsRepo,
    paths: pathsRepo,
    units: unitsRepo,
    audit,
    hooks,
  });
  const enrolmentRepo = createEnrolmentRepository();
  const enrolmentLeft: Parameters<typeof createEnrolmentService>[0]['leftHooks'] = [];
  const placement = createPlacement({ repo: enrolmentRepo, audit, mail, config });
  const enrolment = createEnrolmentService({
    db,
    repo: enrolmentRepo,
    placement,
    paths,
    units: unitsRepo,
    audit,
    mail,
    leftHooks: enrolmentLeft,
  });
  hooks.capacityChanged.push(enrolment.afterCapacityChange);
  const notifier = createNotifier({ db, repo: createNotifierRepository(), mail, config, log });
  const calendar = createCalendarService({
    db,
    repo: createCalendarRepository(),
    editionsRepo,
    editions,
    paths,
    audit,
    config,
  });
  const certificates = createCertificatesService({
    db,
    repo: createCertificatesRepository(),
    audit,
    mail,
    config,
  });
  const learning = createLearningService({ db, repo: createLearningRepository(), audit });
  const attendanceRepo = createAttendanceRepository();
  // A change of completion issues the attestato when due; completing an edition issues them all.
  const ledger = createLedger({
    repo: attendanceRepo,
    audit,
    onCompletionChanged: certificates.syncEnrolment,
  });
  hooks.completed.push(certificates.issueForEdition);
  const attendance = createAttendanceService({ db, repo: attendanceRepo, audit, ledger });
  // Added, moved or cancelled sessions change what completion needs.
  hooks.requirementsChanged.push(attendance.recomputeEdition);
  enrolmentLeft.push(attendance.recompute);
  const checkins = createCheckinService({
    db,
    repo: attendanceRepo,
    audit,
    ledger,
    publicUrl: config.publicUrl,
  });
  const logbook = createLogbookService({
    db,
    repo: createLogbookRepository(),
    attendance: attendanceRepo,
    audit,
    ledger,
  });

  return {
    driver: database.driver,
    audit,
    mail,
    worker,
    auth,
    units,
    users,
    agreements,
    paths,
    editions,
    calendar,
    certificates,
    learning,
    enrolment,
    notifier,
    attendance,
    checkins,
    logbook,
    importSchedule: (ctx: RequestContext, text: string) =>
      importSchedule({ db, paths: pathsRepo, units: unitsRepo, editions }, ctx, text),
    importUsers: (ctx: RequestContext, text: string, unitId: number | null) =>
      importUsers({ db, units: unitsRepo, users }, ctx, text, unitId),
    async ping() {
      try {
        await db.execute(sql`select 1`);
      } catch {
        throw new AppError(503, 'DATABASE_UNAVAILABLE', {
          it: 'Il database non risponde.',
          en: 'The database is not answering.',
        });
      }
    },
  };
}

export type Services = ReturnType<typeof createServices>;
