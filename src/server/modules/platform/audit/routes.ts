import { auditEntry, auditQuery } from '../../../../common/admin.js';
import { paged } from '../../../../common/api.js';
import { apiRoutes } from '../../../../common/api-routes.js';
import { type App, type RouteDeps, typed } from '../../../http/types.js';
import type { AuditService } from './service.js';

export function auditRoutes(app: App, { services }: RouteDeps<{ audit: AuditService }>) {
  typed(app).get(
    apiRoutes.audit.log,
    {
      schema: {
        tags: ['admin'],
        summary: 'Audit log, newest first (national admin)',
        querystring: auditQuery,
        response: { 200: paged(auditEntry) },
      },
    },
    async (req) => {
      return services.audit.list(req.ctx, req.query);
    },
  );
}
