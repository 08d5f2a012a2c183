import { defineModule } from '../../../kernel/module.js';
import type { AuditService } from '../../platform/audit/index.js';
import type { MailService } from '../../platform/mail/index.js';
import type { EditionsService } from '../catalogue/index.js';
import { createCertificatesRepository } from './repository.js';
import { certificatesRoutes } from './routes.js';
import { type CertificatesService, createCertificatesService } from './service.js';

export type { CertificatesService };

/** Attestati: issued on completion, verification codes, revoke and reissue, PDF with QR code, public check. */
export const certificatesModule = defineModule({
  name: 'certificates',
  create: (
    { db, config, clock },
    deps: { audit: AuditService; mail: MailService; editions: EditionsService },
  ) => ({
    certificates: createCertificatesService({
      db,
      repo: createCertificatesRepository(),
      audit: deps.audit,
      mail: deps.mail,
      config,
      editions: deps.editions,
      clock,
    }),
  }),
  routes: (app, services, { config }) => certificatesRoutes(app, { services, config }),
  handles: ({ certificates }) => ({
    // Completing an edition issues every attestato due; a later change of completion issues one.
    'edition.completed': (tx, ctx, { editionId }) => certificates.issueForEdition(tx, ctx, editionId),
    'completion.changed': (tx, ctx, { enrolmentId }) => certificates.syncEnrolment(tx, ctx, enrolmentId),
  }),
  pageMeta:
    ({ certificates }) =>
    (pathname) =>
      certificates.pageMeta(pathname),
});
