import { outboxMessage, outboxQuery } from '../../../../common/admin.js';
import { paged } from '../../../../common/api.js';
import { apiRoutes } from '../../../../common/api-routes.js';
import { type App, type RouteDeps, typed } from '../../../http/types.js';
import type { MailService } from './service.js';

export function mailRoutes(app: App, { services }: RouteDeps<{ mail: MailService }>) {
  typed(app).get(
    apiRoutes.mail.outbox,
    {
      schema: {
        tags: ['admin'],
        summary: 'Outgoing e-mail, newest first (national admin)',
        querystring: outboxQuery,
        response: { 200: paged(outboxMessage) },
      },
    },
    async (req) => {
      return services.mail.list(req.ctx, req.query);
    },
  );
}
