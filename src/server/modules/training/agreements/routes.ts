import { paged } from '../../../../common/api.js';
import { apiRoutes } from '../../../../common/api-routes.js';
import { agreement, agreementInput, agreementQuery } from '../../../../common/catalogue.js';
import { idParams } from '../../../../common/primitives.js';
import { type App, type RouteDeps, typed } from '../../../http/types.js';
import type { AgreementsService } from './service.js';

const tags = ['agreements'];

export function agreementsRoutes(app: App, { services }: RouteDeps<{ agreements: AgreementsService }>) {
  const r = typed(app);
  const { agreements } = services;

  r.get(
    apiRoutes.agreements.list,
    {
      schema: {
        tags,
        summary: 'Convenzioni of the Provinces (national admin)',
        querystring: agreementQuery,
        response: { 200: paged(agreement) },
      },
    },
    async (req) => {
      return agreements.list(req.ctx, req.query);
    },
  );

  r.post(
    apiRoutes.agreements.list,
    {
      schema: { tags, summary: 'Record a Convenzione', body: agreementInput, response: { 201: agreement } },
    },
    async (req, reply) => {
      return reply.status(201).send(await agreements.create(req.ctx, req.body));
    },
  );

  r.patch(
    apiRoutes.agreements.byId,
    {
      schema: {
        tags,
        summary: 'Correct a Convenzione or set its end of validity',
        params: idParams,
        body: agreementInput,
        response: { 200: agreement },
      },
    },
    async (req) => {
      return agreements.update(req.ctx, req.params.id, req.body);
    },
  );
}
