import { z } from 'zod';
import { apiRoutes } from '../../../../common/api-routes.js';
import {
  demandCampaigns,
  demandQuery,
  demandView,
  planCreateInput,
  planItemAddInput,
  planItemUpdateInput,
  planList,
  planListQuery,
  planOrderInput,
  planPathOption,
  planPathQuery,
  planUpdateInput,
  planVersionInput,
  planVersionQuery,
  planView,
  suggestionView,
} from '../../../../common/plans.js';
import { dbIdParam, idParams } from '../../../../common/primitives.js';
import { fileAnswer } from '../../../http/openapi.js';
import { type App, type RouteDeps, typed } from '../../../http/types.js';
import type { DemandService } from './demand-service.js';
import { exportName, planDocument } from './export-content.js';
import { renderPlanPdf } from './export-pdf.js';
import type { PlanItemsService } from './items-service.js';
import type { PlansService } from './service.js';

const tags = ['training plans'];
const itemParams = idParams.extend({ itemId: dbIdParam });

export function plansRoutes(
  app: App,
  { services }: RouteDeps<{ plans: PlansService; planItems: PlanItemsService; demand: DemandService }>,
) {
  const r = typed(app);
  const { plans, planItems, demand } = services;

  r.get(
    apiRoutes.plans.list,
    {
      schema: {
        tags,
        summary: 'Training plans in scope, and the closed surveys a plan may still be drawn from',
        querystring: planListQuery,
        response: { 200: planList },
      },
    },
    async (req) => plans.list(req.ctx, req.query),
  );

  r.post(
    apiRoutes.plans.list,
    {
      schema: {
        tags,
        summary:
          'Draw the proposed plan of a unit from a closed survey (its officer or a national admin); refused under the minimum group size',
        body: planCreateInput,
        response: { 201: planView },
      },
    },
    async (req, reply) => reply.status(201).send(await plans.create(req.ctx, req.body)),
  );

  r.get(
    apiRoutes.plans.plan,
    {
      schema: {
        tags,
        summary: 'One plan with its priorities and lines',
        params: idParams,
        response: { 200: planView },
      },
    },
    async (req) => plans.get(req.ctx, req.params.id),
  );

  r.patch(
    apiRoutes.plans.plan,
    {
      schema: {
        tags,
        summary: 'Change the plan’s notes (at the given version)',
        params: idParams,
        body: planUpdateInput,
        response: { 200: planView },
      },
    },
    async (req) => plans.update(req.ctx, req.params.id, req.body),
  );

  r.post(
    apiRoutes.plans.items,
    {
      schema: {
        tags,
        summary: 'Add a published catalogue path as a line',
        params: idParams,
        body: planItemAddInput,
        response: { 201: planView },
      },
    },
    async (req, reply) => reply.status(201).send(await planItems.addItem(req.ctx, req.params.id, req.body)),
  );

  r.patch(
    apiRoutes.plans.item,
    {
      schema: {
        tags,
        summary: 'Change a line: participants, hours, mode, quarter, notes',
        params: itemParams,
        body: planItemUpdateInput,
        response: { 200: planView },
      },
    },
    async (req) => planItems.updateItem(req.ctx, req.params.id, req.params.itemId, req.body),
  );

  r.delete(
    apiRoutes.plans.item,
    {
      schema: {
        tags,
        summary: 'Remove a line (the plan’s version in the query)',
        params: itemParams,
        querystring: planVersionQuery,
        response: { 200: planView },
      },
    },
    async (req) => planItems.removeItem(req.ctx, req.params.id, req.params.itemId, req.query.version),
  );

  r.put(
    apiRoutes.plans.order,
    {
      schema: {
        tags,
        summary: 'Set the order of the lines (every line once)',
        params: idParams,
        body: planOrderInput,
        response: { 200: planView },
      },
    },
    async (req) => planItems.reorder(req.ctx, req.params.id, req.body),
  );

  r.post(
    apiRoutes.plans.approve,
    {
      schema: {
        tags,
        summary: 'Approve the plan: it is frozen until reopened',
        params: idParams,
        body: planVersionInput,
        response: { 200: planView },
      },
    },
    async (req) => plans.approve(req.ctx, req.params.id, req.body.version),
  );

  r.post(
    apiRoutes.plans.reopen,
    {
      schema: {
        tags,
        summary: 'Reopen an approved plan as a draft',
        params: idParams,
        body: planVersionInput,
        response: { 200: planView },
      },
    },
    async (req) => plans.reopen(req.ctx, req.params.id, req.body.version),
  );

  r.get(
    apiRoutes.plans.paths,
    {
      schema: {
        tags,
        summary: 'Published paths that may be added to the plan',
        params: idParams,
        querystring: planPathQuery,
        response: { 200: z.object({ items: z.array(planPathOption) }) },
      },
    },
    async (req) => plans.pathOptions(req.ctx, req.params.id, req.query.q),
  );

  r.get(
    apiRoutes.plans.exportPdf,
    {
      schema: {
        tags,
        summary: 'The plan as the PIAO’s training section, PDF (a draft is marked BOZZA)',
        params: idParams,
        produces: ['application/pdf'],
        response: { 200: fileAnswer<Buffer>('PDF') },
      },
    },
    async (req, reply) => {
      const plan = await plans.exportView(req.ctx, req.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${exportName(plan, 'pdf')}"`)
        .header('cache-control', 'private, no-store')
        .send(await renderPlanPdf(planDocument(plan)));
    },
  );

  r.get(
    apiRoutes.plans.exportDocx,
    {
      schema: {
        tags,
        summary: 'The plan as the PIAO’s training section, editable DOCX (a draft is marked BOZZA)',
        params: idParams,
        produces: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
        response: { 200: fileAnswer<Buffer>('DOCX') },
      },
    },
    async (req, reply) => {
      const plan = await plans.exportView(req.ctx, req.params.id);
      // The DOCX library is read the first time a plan is exported, not at start-up.
      const { renderPlanDocx } = await import('./export-docx.js');
      return reply
        .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename="${exportName(plan, 'docx')}"`)
        .header('cache-control', 'private, no-store')
        .send(await renderPlanDocx(planDocument(plan)));
    },
  );

  r.get(
    apiRoutes.plans.demand,
    {
      schema: {
        tags,
        summary: 'National training demand of a survey’s plans: per path, and per competency with no path',
        querystring: demandQuery,
        response: { 200: demandView },
      },
    },
    async (req) => demand.demand(req.ctx, req.query.campaign),
  );

  r.get(
    apiRoutes.plans.demandCampaigns,
    { schema: { tags, summary: 'Closed surveys, for the demand page', response: { 200: demandCampaigns } } },
    async (req) => demand.campaigns(req.ctx),
  );

  r.get(
    apiRoutes.plans.demandCsv,
    {
      schema: {
        tags,
        summary: 'The national demand as CSV',
        querystring: demandQuery,
        produces: ['text/csv'],
        response: { 200: fileAnswer<Buffer>('CSV') },
      },
    },
    async (req, reply) => {
      const { csv, year } = await demand.demandCsv(req.ctx, req.query.campaign);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="domanda-formativa-${year}.csv"`)
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(csv, 'utf8'));
    },
  );

  r.get(
    apiRoutes.plans.suggestions,
    {
      schema: {
        tags,
        summary: 'Paths suggested to the signed-in learner from their latest named survey answers',
        response: { 200: suggestionView },
      },
    },
    async (req) => demand.suggestions(req.ctx),
  );
}
