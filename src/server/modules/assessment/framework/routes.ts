import { z } from 'zod';
import { okBody, paged } from '../../../../common/api.js';
import { apiRoutes } from '../../../../common/api-routes.js';
import {
  areaInput,
  areaUpdateInput,
  competencyInput,
  competencyUpdateInput,
  draftCreateInput,
  draftUpdateInput,
  frameworkFile,
  frameworkImportQuery,
  frameworkList,
  frameworkOrderInput,
  frameworkTree,
  pathCompetencies,
  pathCompetenciesQuery,
  pathLinksInput,
} from '../../../../common/framework.js';
import { dbIdParam, idParams } from '../../../../common/primitives.js';
import { fileAnswer } from '../../../http/openapi.js';
import { uploadOf } from '../../../http/text-guard.js';
import { type App, type RouteDeps, typed } from '../../../http/types.js';
import type { DraftsService } from './drafts-service.js';
import type { PathLinksService } from './links-service.js';
import type { FrameworkService } from './service.js';

const tags = ['competency framework'];
const areaParams = idParams.extend({ areaId: dbIdParam });
const competencyParams = idParams.extend({ competencyId: dbIdParam });
const pathParams = z.object({ pathId: dbIdParam });
const csvFile = fileAnswer<Buffer>('CSV, one row per competency');

/** A file name from the version label: letters, digits, dots and dashes only. */
const fileName = (version: string, ext: string) =>
  `quadro-competenze-${version.replace(/[^A-Za-z0-9.-]+/g, '-')}.${ext}`;

export function frameworkRoutes(
  app: App,
  {
    services,
  }: RouteDeps<{ framework: FrameworkService; frameworkDrafts: DraftsService; pathLinks: PathLinksService }>,
) {
  const r = typed(app);
  const { framework, frameworkDrafts: drafts, pathLinks } = services;

  r.get(
    apiRoutes.framework.versions,
    {
      schema: {
        tags,
        summary: 'Versions of the competency framework (drafts for national admins only)',
        response: { 200: frameworkList },
      },
    },
    async (req) => framework.list(req.ctx),
  );

  r.post(
    apiRoutes.framework.versions,
    {
      schema: {
        tags,
        summary: 'New draft, copied from the version in force (national admin; one draft at a time)',
        body: draftCreateInput,
        response: { 201: frameworkTree },
      },
    },
    async (req, reply) => reply.status(201).send(await framework.createDraft(req.ctx, req.body)),
  );

  r.post(
    apiRoutes.framework.import,
    {
      schema: {
        tags,
        summary:
          'New draft from a JSON or CSV file (multipart field "file", at most 5 MB; national admin). The content must match the .json or .csv name.',
        consumes: ['multipart/form-data'],
        querystring: frameworkImportQuery,
        response: { 201: frameworkTree },
      },
    },
    async (req, reply) => {
      const { buffer, filename } = await uploadOf(req, 'json-or-csv');
      const tree = await framework.importFile(req.ctx, { buffer, filename, version: req.query.version });
      return reply.status(201).send(tree);
    },
  );

  r.get(
    apiRoutes.framework.version,
    {
      schema: {
        tags,
        summary: 'One version as a tree: domains, areas, competencies with their levels',
        params: idParams,
        response: { 200: frameworkTree },
      },
    },
    async (req) => framework.get(req.ctx, req.params.id),
  );

  r.patch(
    apiRoutes.framework.version,
    {
      schema: {
        tags,
        summary: 'Change a draft’s label, title or source (national admin)',
        params: idParams,
        body: draftUpdateInput,
        response: { 200: frameworkTree },
      },
    },
    async (req) => framework.updateDraft(req.ctx, req.params.id, req.body),
  );

  r.delete(
    apiRoutes.framework.version,
    {
      schema: {
        tags,
        summary: 'Delete a draft (national admin)',
        params: idParams,
        response: { 200: okBody },
      },
    },
    async (req) => framework.deleteDraft(req.ctx, req.params.id),
  );

  r.post(
    apiRoutes.framework.publish,
    {
      schema: {
        tags,
        summary: 'Publish a draft; the version in force is retired (national admin)',
        params: idParams,
        response: { 200: frameworkTree },
      },
    },
    async (req) => framework.publish(req.ctx, req.params.id),
  );

  r.get(
    apiRoutes.framework.exportJson,
    {
      schema: {
        tags,
        summary: 'A version as a JSON file',
        params: idParams,
        response: { 200: frameworkFile },
      },
    },
    async (req, reply) => {
      const file = await framework.exportFile(req.ctx, req.params.id);
      return reply
        .header('content-disposition', `attachment; filename="${fileName(file.version, 'json')}"`)
        .header('cache-control', 'private, no-store')
        .send(file);
    },
  );

  r.get(
    apiRoutes.framework.exportCsv,
    {
      schema: {
        tags,
        summary: 'A version as CSV, one row per competency (columns in docs/competency-framework.md)',
        params: idParams,
        produces: ['text/csv'],
        response: { 200: csvFile },
      },
    },
    async (req, reply) => {
      const { version, csv } = await framework.exportCsv(req.ctx, req.params.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName(version, 'csv')}"`)
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(csv, 'utf8'));
    },
  );

  r.post(
    apiRoutes.framework.areas,
    {
      schema: {
        tags,
        summary: 'Add an area to a draft',
        params: idParams,
        body: areaInput,
        response: { 201: frameworkTree },
      },
    },
    async (req, reply) => reply.status(201).send(await drafts.addArea(req.ctx, req.params.id, req.body)),
  );

  r.patch(
    apiRoutes.framework.area,
    {
      schema: {
        tags,
        summary: 'Change an area of a draft',
        params: areaParams,
        body: areaUpdateInput,
        response: { 200: frameworkTree },
      },
    },
    async (req) => drafts.updateArea(req.ctx, req.params.id, req.params.areaId, req.body),
  );

  r.delete(
    apiRoutes.framework.area,
    {
      schema: {
        tags,
        summary: 'Remove an area of a draft, with its competencies',
        params: areaParams,
        response: { 200: frameworkTree },
      },
    },
    async (req) => drafts.removeArea(req.ctx, req.params.id, req.params.areaId),
  );

  r.post(
    apiRoutes.framework.competencies,
    {
      schema: {
        tags,
        summary: 'Add a competency to an area of a draft',
        params: idParams,
        body: competencyInput,
        response: { 201: frameworkTree },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await drafts.addCompetency(req.ctx, req.params.id, req.body)),
  );

  r.patch(
    apiRoutes.framework.competency,
    {
      schema: {
        tags,
        summary: 'Change a competency of a draft (or move it to another area)',
        params: competencyParams,
        body: competencyUpdateInput,
        response: { 200: frameworkTree },
      },
    },
    async (req) => drafts.updateCompetency(req.ctx, req.params.id, req.params.competencyId, req.body),
  );

  r.delete(
    apiRoutes.framework.competency,
    {
      schema: {
        tags,
        summary: 'Remove a competency of a draft',
        params: competencyParams,
        response: { 200: frameworkTree },
      },
    },
    async (req) => drafts.removeCompetency(req.ctx, req.params.id, req.params.competencyId),
  );

  r.put(
    apiRoutes.framework.order,
    {
      schema: {
        tags,
        summary: 'Set the order of a draft’s areas and of the competencies in each',
        params: idParams,
        body: frameworkOrderInput,
        response: { 200: frameworkTree },
      },
    },
    async (req) => drafts.reorder(req.ctx, req.params.id, req.body),
  );

  r.get(
    apiRoutes.framework.pathLinks,
    {
      schema: {
        tags,
        summary:
          'Training paths with their links to the published framework and the free-text competencies still to map (national admin)',
        querystring: pathCompetenciesQuery,
        response: { 200: paged(pathCompetencies) },
      },
    },
    async (req) => pathLinks.list(req.ctx, req.query),
  );

  r.get(
    apiRoutes.framework.pathLink,
    {
      schema: {
        tags,
        summary: 'One path’s links to the published framework (national admin)',
        params: pathParams,
        response: { 200: pathCompetencies },
      },
    },
    async (req) => pathLinks.get(req.ctx, req.params.pathId),
  );

  r.put(
    apiRoutes.framework.pathLink,
    {
      schema: {
        tags,
        summary: 'Set a path’s linked competencies of the published version (national admin)',
        params: pathParams,
        body: pathLinksInput,
        response: { 200: pathCompetencies },
      },
    },
    async (req) => pathLinks.set(req.ctx, req.params.pathId, req.body),
  );
}
