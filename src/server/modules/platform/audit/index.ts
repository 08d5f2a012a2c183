import { defineModule } from '../../../kernel/module.js';
import { canViewAudit } from './policy.js';
import { createAuditRepository } from './repository.js';
import { auditRoutes } from './routes.js';
import { type AuditService, createAuditService } from './service.js';

export type { AuditRecord } from './repository.js';
export type { AuditService };

/** The audit log: who changed what and when, written in the transaction of the change. */
export const auditModule = defineModule({
  name: 'audit',
  create: ({ db }) => ({ audit: createAuditService({ db, repo: createAuditRepository() }) }),
  routes: (app, services, { config }) => auditRoutes(app, { services, config }),
  can: (p) => ({ viewAudit: canViewAudit(p) }),
});
