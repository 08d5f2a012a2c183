import { apiRoutes } from '../../../../common/api-routes.js';
import {
  expectationsInput,
  expectationsQuery,
  importReport,
  jobProfileList,
  profileExpectationsView,
  profileParams,
} from '../../../../common/profiles.js';
import { fileAnswer } from '../../../http/openapi.js';
import { uploadOf } from '../../../http/text-guard.js';
import { type App, type RouteDeps, typed } from '../../../http/types.js';
import type { ProfilesService } from './service.js';

const tags = ['job profiles'];
const csvFile = fileAnswer<Buffer>('CSV: job_profile, competency_code, level');

export function profilesRoutes(app: App, { services }: RouteDeps<{ profiles: ProfilesService }>) {
  const r = typed(app);
  const { profiles } = services;

  r.get(
    apiRoutes.profiles.list,
    {
      schema: {
        tags,
        summary:
          'Job profiles with their expected competencies (national; and a unit’s overrides: the officer’s own unit, or `unit`)',
        querystring: expectationsQuery,
        response: { 200: jobProfileList },
      },
    },
    async (req) => profiles.list(req.ctx, req.query),
  );

  r.get(
    apiRoutes.profiles.expectations,
    {
      schema: {
        tags,
        summary:
          'A profile’s expected levels on the published framework: national, the unit’s override (with `unit`), effective; orphan levels',
        params: profileParams,
        querystring: expectationsQuery,
        response: { 200: profileExpectationsView },
      },
    },
    async (req) => profiles.get(req.ctx, req.params.code, req.query),
  );

  r.put(
    apiRoutes.profiles.expectations,
    {
      schema: {
        tags,
        summary:
          'Set or remove levels (null) — national (national admin) or the unit’s overrides with `unit` (national admin, the unit’s officer); all or none',
        params: profileParams,
        querystring: expectationsQuery,
        body: expectationsInput,
        response: { 200: profileExpectationsView },
      },
    },
    async (req) => profiles.set(req.ctx, req.params.code, req.query, req.body.levels),
  );

  r.get(
    apiRoutes.profiles.exportCsv,
    {
      schema: {
        tags,
        summary: 'A profile’s national levels, or a unit’s overrides with `unit`, as CSV',
        params: profileParams,
        querystring: expectationsQuery,
        produces: ['text/csv'],
        response: { 200: csvFile },
      },
    },
    async (req, reply) => {
      const csv = await profiles.exportCsv(req.ctx, req.params.code, req.query);
      const suffix = req.query.unit ? `-ente-${req.query.unit}` : '';
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="livelli-attesi-${req.params.code}${suffix}.csv"`,
        )
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(csv, 'utf8'));
    },
  );

  r.post(
    apiRoutes.profiles.import,
    {
      schema: {
        tags,
        summary:
          'Import levels from a CSV (multipart field "file"): applied only when every row is right, otherwise each row’s problem is listed',
        consumes: ['multipart/form-data'],
        params: profileParams,
        querystring: expectationsQuery,
        response: { 200: importReport },
      },
    },
    async (req) => {
      const { buffer, filename } = await uploadOf(req);
      return profiles.importCsv(req.ctx, req.params.code, req.query, { buffer, filename });
    },
  );
}
