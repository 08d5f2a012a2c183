import { defineModule } from '../../../kernel/module.js';
import type { UnitLookup } from '../../identity/units/index.js';
import type { AuditService } from '../../platform/audit/index.js';
import type { MailService } from '../../platform/mail/index.js';
import type { EditionsService, PathsService } from '../catalogue/index.js';
import { createNotifier } from './notifier.js';
import { createNotifierRepository } from './notifier-repository.js';
import { createDigestJob, createOfficerNotices } from './officer-notices.js';
import { createOfficerRepository } from './officer-repository.js';
import { createPlacement } from './placement.js';
import { canAdministerEnrolment, canDecideEnrolments, canListProvinceEnrolments } from './policy.js';
import { createEnrolmentRepository } from './repository.js';
import { enrolmentRoutes } from './routes.js';
import { createEnrolmentService, type EnrolmentService } from './service.js';

export type { EnrolmentService };

/**
 * Enrolment: self-enrolment, approvals, nominations, waitlist and promotion, quotas and moves; the
 * notifier of day-before reminders and change notices; officers' notices of requests awaiting them and
 * of cancellations, one by one or in a daily summary (the digest job). Emits `enrolment.left`.
 */
export const enrolmentModule = defineModule({
  name: 'enrolment',
  create: (
    { db, config, log, events, clock },
    deps: {
      audit: AuditService;
      mail: MailService;
      unitLookup: UnitLookup;
      paths: PathsService;
      editions: EditionsService;
    },
  ) => {
    const repo = createEnrolmentRepository();
    const placement = createPlacement({ repo, audit: deps.audit, mail: deps.mail, config, clock });
    const officerRepo = createOfficerRepository();
    const officerNotices = createOfficerNotices({
      db,
      repo: officerRepo,
      enrolments: repo,
      mail: deps.mail,
      audit: deps.audit,
      config,
      clock,
    });
    return {
      enrolment: createEnrolmentService({
        db,
        repo,
        placement,
        officers: officerNotices,
        paths: deps.paths,
        editions: deps.editions,
        units: deps.unitLookup,
        audit: deps.audit,
        mail: deps.mail,
        events,
        clock,
      }),
      officerNotices,
      notifier: createNotifier({ db, repo: createNotifierRepository(), mail: deps.mail, config, log, clock }),
      officerDigest: createDigestJob({ db, repo: officerRepo, mail: deps.mail, config, log, clock }),
    };
  },
  routes: (app, services, { config }) => enrolmentRoutes(app, { services, config }),
  can: (p) => ({
    listEnrolments: canListProvinceEnrolments(p),
    decideEnrolments: canDecideEnrolments(p),
    administerEnrolments: canAdministerEnrolment(p),
  }),
  handles: ({ enrolment }) => ({
    // A larger edition gives seats to the waitlist.
    'edition.capacityChanged': (tx, ctx, { editionId }) => enrolment.afterCapacityChange(tx, ctx, editionId),
  }),
  jobs: ({ notifier, officerDigest }) => [notifier, officerDigest],
});
