import { apiRoutes } from '../../../../common/api-routes.js';
import { idParams } from '../../../../common/primitives.js';
import {
  deadlineMoveInput,
  deadlineRuleInput,
  deadlineRulesView,
  deadlinesQuery,
  deadlinesView,
  documentParams,
  programmingDocumentInput,
  programmingQuery,
  programmingView,
} from '../../../../common/programming.js';
import { fileAnswer } from '../../../http/openapi.js';
import { type App, type RouteDeps, typed } from '../../../http/types.js';
import type { ProgrammingService } from './service.js';

const tags = ['programming documents'];

export function programmingRoutes(
  app: App,
  { services }: RouteDeps<{ programmingDocs: ProgrammingService }>,
) {
  const r = typed(app);
  const s = services.programmingDocs;

  r.get(
    apiRoutes.programming.unit,
    {
      schema: {
        tags,
        summary: 'A unit’s four programming documents for a year, with the deadlines the rules give them',
        params: idParams,
        querystring: programmingQuery,
        response: { 200: programmingView },
      },
    },
    async (req) => s.view(req.ctx, req.params.id, req.query.year),
  );

  r.put(
    apiRoutes.programming.document,
    {
      schema: {
        tags,
        summary:
          'Record a document: presented on, act, link, personnel money (at the given revision; 0 for a new one)',
        params: documentParams,
        body: programmingDocumentInput,
        response: { 200: programmingView },
      },
    },
    async (req) => s.save(req.ctx, req.params.id, req.params.year, req.params.kind, req.body),
  );

  r.get(
    apiRoutes.programming.rules,
    { schema: { tags, summary: 'Deadline rules and moves', response: { 200: deadlineRulesView } } },
    async (req) => s.rules(req.ctx),
  );
  r.post(
    apiRoutes.programming.rules,
    {
      schema: {
        tags,
        summary: 'Add a deadline rule (national admins)',
        body: deadlineRuleInput,
        response: { 201: deadlineRulesView },
      },
    },
    async (req, reply) => reply.status(201).send(await s.createRule(req.ctx, req.body)),
  );
  r.put(
    apiRoutes.programming.rule,
    {
      schema: {
        tags,
        summary: 'Change a deadline rule (national admins)',
        params: idParams,
        body: deadlineRuleInput,
        response: { 200: deadlineRulesView },
      },
    },
    async (req) => s.updateRule(req.ctx, req.params.id, req.body),
  );
  r.delete(
    apiRoutes.programming.rule,
    {
      schema: {
        tags,
        summary: 'Remove a deadline rule (national admins)',
        params: idParams,
        response: { 200: deadlineRulesView },
      },
    },
    async (req) => s.deleteRule(req.ctx, req.params.id),
  );
  r.post(
    apiRoutes.programming.moves,
    {
      schema: {
        tags,
        summary: 'Record a deadline moved by law or decree for one kind and year (national admins)',
        body: deadlineMoveInput,
        response: { 201: deadlineRulesView },
      },
    },
    async (req, reply) => reply.status(201).send(await s.createMove(req.ctx, req.body)),
  );
  r.put(
    apiRoutes.programming.move,
    {
      schema: {
        tags,
        summary: 'Change a deadline move (national admins)',
        params: idParams,
        body: deadlineMoveInput,
        response: { 200: deadlineRulesView },
      },
    },
    async (req) => s.updateMove(req.ctx, req.params.id, req.body),
  );
  r.delete(
    apiRoutes.programming.move,
    {
      schema: {
        tags,
        summary: 'Remove a deadline move (national admins)',
        params: idParams,
        response: { 200: deadlineRulesView },
      },
    },
    async (req) => s.deleteMove(req.ctx, req.params.id),
  );

  r.get(
    apiRoutes.programming.deadlines,
    {
      schema: {
        tags,
        summary: 'Documents overdue or due within 30 days, in the units in scope',
        querystring: deadlinesQuery,
        response: { 200: deadlinesView },
      },
    },
    async (req) => s.deadlines(req.ctx, req.query),
  );
  r.get(
    apiRoutes.programming.deadlinesCsv,
    {
      schema: {
        tags,
        summary: 'The deadlines list as CSV',
        querystring: deadlinesQuery,
        produces: ['text/csv'],
        response: { 200: fileAnswer<Buffer>('CSV') },
      },
    },
    async (req, reply) => {
      const { csv, today } = await s.deadlinesCsv(req.ctx, req.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="scadenze-programmazione-${today}.csv"`)
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(csv, 'utf8'));
    },
  );
}
