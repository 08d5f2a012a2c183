import { paged } from '../../../../common/api.js';
import { apiRoutes } from '../../../../common/api-routes.js';
import { idParams } from '../../../../common/primitives.js';
import { referenceData, unit, unitInput, unitListQuery } from '../../../../common/units.js';
import { type App, type RouteDeps, typed } from '../../../http/types.js';
import type { UnitsService } from './service.js';

const tags = ['reference data'];

export function unitsRoutes(app: App, { services }: RouteDeps<{ units: UnitsService }>) {
  const r = typed(app);
  const { units } = services;

  r.get(
    apiRoutes.units.list,
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Territorial units (public reference data)',
        querystring: unitListQuery,
        response: { 200: paged(unit) },
      },
    },
    async (req) => units.list(req.query),
  );

  r.get(
    apiRoutes.units.byId,
    {
      config: { public: true },
      schema: { tags, summary: 'One territorial unit', params: idParams, response: { 200: unit } },
    },
    async (req) => units.get(req.params.id),
  );

  r.post(
    apiRoutes.units.list,
    {
      schema: {
        tags,
        summary: 'Create a territorial unit (national admin)',
        body: unitInput,
        response: { 201: unit },
      },
    },
    async (req, reply) => {
      return reply.status(201).send(await units.create(req.ctx, req.body));
    },
  );

  r.patch(
    apiRoutes.units.byId,
    {
      schema: {
        tags,
        summary: 'Edit a territorial unit (national admin)',
        params: idParams,
        body: unitInput.partial(),
        response: { 200: unit },
      },
    },
    async (req) => {
      return units.update(req.ctx, req.params.id, req.body);
    },
  );

  r.get(
    apiRoutes.units.reference,
    {
      config: { public: true },
      schema: { tags, summary: 'Domains, service models and job profiles', response: { 200: referenceData } },
    },
    async (req) => units.reference(req.ctx.lang),
  );
}
