import { okBody } from '../../../../common/api.js';
import { apiRoutes } from '../../../../common/api-routes.js';
import {
  capacityInput,
  capacityParams,
  capacityThreshold,
  capacityView,
  capacityYears,
  thresholdInput,
  thresholdList,
} from '../../../../common/capacity-api.js';
import { idParams } from '../../../../common/primitives.js';
import { type App, type RouteDeps, typed } from '../../../http/types.js';
import type { CapacityService } from './service.js';
import type { ThresholdsService } from './thresholds-service.js';

const tags = ['restructuring: hiring capacity'];

export function capacityRoutes(
  app: App,
  { services }: RouteDeps<{ capacity: CapacityService; capacityThresholds: ThresholdsService }>,
) {
  const r = typed(app);
  const { capacity, capacityThresholds: thresholds } = services;

  r.get(
    apiRoutes.capacity.years,
    {
      schema: {
        tags,
        summary: 'The years a unit has hiring capacity figures for, with their ratio and status',
        params: idParams,
        response: { 200: capacityYears },
      },
    },
    async (req) => capacity.years(req.ctx, req.params.id),
  );

  r.get(
    apiRoutes.capacity.year,
    {
      schema: {
        tags,
        summary: 'A unit’s hiring capacity for a year: figures, threshold, ratio, headroom and hiring status',
        params: capacityParams,
        response: { 200: capacityView },
      },
    },
    async (req) => capacity.get(req.ctx, req.params.id, req.params.year),
  );

  r.put(
    apiRoutes.capacity.year,
    {
      schema: {
        tags,
        summary: 'Save a unit’s figures for a year at the revision seen (0 creates it); 409 when stale',
        params: capacityParams,
        body: capacityInput,
        response: { 200: capacityView },
      },
    },
    async (req) => capacity.save(req.ctx, req.params.id, req.params.year, req.body),
  );

  r.get(
    apiRoutes.capacity.thresholds,
    {
      schema: {
        tags,
        summary: 'The capacity thresholds (DM 11 gennaio 2022)',
        response: { 200: thresholdList },
      },
    },
    async (req) => thresholds.list(req.ctx),
  );

  r.post(
    apiRoutes.capacity.thresholds,
    {
      schema: {
        tags,
        summary: 'Add a threshold (national admins)',
        body: thresholdInput,
        response: { 201: capacityThreshold },
      },
    },
    async (req, reply) => reply.status(201).send(await thresholds.create(req.ctx, req.body)),
  );

  r.put(
    apiRoutes.capacity.threshold,
    {
      schema: {
        tags,
        summary: 'Change a threshold (national admins)',
        params: idParams,
        body: thresholdInput,
        response: { 200: capacityThreshold },
      },
    },
    async (req) => thresholds.update(req.ctx, req.params.id, req.body),
  );

  r.delete(
    apiRoutes.capacity.threshold,
    {
      schema: {
        tags,
        summary: 'Remove a threshold (national admins)',
        params: idParams,
        response: { 200: okBody },
      },
    },
    async (req) => thresholds.remove(req.ctx, req.params.id),
  );
}
