import { paged } from '../../../../common/api.js';
import { apiRoutes } from '../../../../common/api-routes.js';
import {
  edition,
  editionInput,
  editionListQuery,
  editionTransition,
  pathInput,
  pathListQuery,
  pathStatusBody,
  scheduleImportReport,
  session,
  sessionCancelBody,
  sessionInput,
  trainingPath,
} from '../../../../common/catalogue.js';
import { dbIdParam, idParams } from '../../../../common/primitives.js';
import { uploadOf } from '../../../http/text-guard.js';
import { type App, type RouteDeps, typed } from '../../../http/types.js';
import type { EditionsService } from './editions-service.js';
import type { ScheduleImport } from './import.js';
import type { PathsService } from './paths-service.js';

const sessionParams = idParams.extend({ sessionId: dbIdParam });

export function catalogueRoutes(
  app: App,
  { services }: RouteDeps<{ paths: PathsService; editions: EditionsService; importSchedule: ScheduleImport }>,
) {
  const r = typed(app);
  const { paths, editions } = services;
  const tags = ['catalogue'];

  r.get(
    apiRoutes.catalogue.paths,
    {
      schema: {
        tags,
        summary: 'Training paths, every status (catalogue managers)',
        querystring: pathListQuery,
        response: { 200: paged(trainingPath) },
      },
    },
    async (req) => {
      return paths.list(req.ctx, req.query);
    },
  );

  r.post(
    apiRoutes.catalogue.paths,
    {
      schema: {
        tags,
        summary: 'Create a training path (draft)',
        body: pathInput,
        response: { 201: trainingPath },
      },
    },
    async (req, reply) => {
      return reply.status(201).send(await paths.create(req.ctx, req.body));
    },
  );

  r.get(
    apiRoutes.catalogue.path,
    {
      schema: { tags, summary: 'One training path', params: idParams, response: { 200: trainingPath } },
    },
    async (req) => {
      return paths.get(req.ctx, req.params.id);
    },
  );

  r.patch(
    apiRoutes.catalogue.path,
    {
      schema: {
        tags,
        summary: 'Replace a training path’s content',
        params: idParams,
        body: pathInput,
        response: { 200: trainingPath },
      },
    },
    async (req) => {
      return paths.update(req.ctx, req.params.id, req.body);
    },
  );

  r.post(
    apiRoutes.catalogue.pathStatus,
    {
      schema: {
        tags,
        summary: 'Publish, unpublish or archive a path',
        params: idParams,
        body: pathStatusBody,
        response: { 200: trainingPath },
      },
    },
    async (req) => {
      return paths.setStatus(req.ctx, req.params.id, req.body.status);
    },
  );

  r.get(
    apiRoutes.catalogue.editions,
    {
      schema: {
        tags,
        summary: 'Editions (catalogue managers)',
        querystring: editionListQuery,
        response: { 200: paged(edition) },
      },
    },
    async (req) => {
      return editions.list(req.ctx, req.query);
    },
  );

  r.post(
    apiRoutes.catalogue.editions,
    {
      schema: {
        tags,
        summary: 'Schedule an edition of a path (draft)',
        body: editionInput,
        response: { 201: edition },
      },
    },
    async (req, reply) => {
      return reply.status(201).send(await editions.create(req.ctx, req.body));
    },
  );

  r.post(
    apiRoutes.catalogue.editionsImport,
    {
      schema: {
        tags,
        summary: 'Import editions and sessions from CSV (multipart field "file"; one row per session)',
        consumes: ['multipart/form-data'],
        response: { 200: scheduleImportReport },
      },
    },
    async (req) => {
      const { buffer } = await uploadOf(req);
      return services.importSchedule(req.ctx, buffer.toString('utf8'));
    },
  );

  r.get(
    apiRoutes.catalogue.edition,
    {
      schema: {
        tags,
        summary: 'One edition with its sessions (online links included)',
        params: idParams,
        response: { 200: edition },
      },
    },
    async (req) => {
      return editions.get(req.ctx, req.params.id);
    },
  );

  r.patch(
    apiRoutes.catalogue.edition,
    {
      schema: {
        tags,
        summary: 'Change an edition (dates, capacity, venue, trainers)',
        params: idParams,
        body: editionInput.omit({ pathId: true }),
        response: { 200: edition },
      },
    },
    async (req) => {
      return editions.update(req.ctx, req.params.id, req.body);
    },
  );

  r.post(
    apiRoutes.catalogue.editionStatus,
    {
      schema: {
        tags,
        summary: 'Publish, close, complete or cancel (with a reason) an edition',
        params: idParams,
        body: editionTransition,
        response: { 200: edition },
      },
    },
    async (req) => {
      return editions.transition(req.ctx, req.params.id, req.body);
    },
  );

  r.post(
    apiRoutes.catalogue.sessions,
    {
      schema: {
        tags,
        summary: 'Add a session',
        params: idParams,
        body: sessionInput,
        response: { 201: session },
      },
    },
    async (req, reply) => {
      return reply.status(201).send(await editions.addSession(req.ctx, req.params.id, req.body));
    },
  );

  r.patch(
    apiRoutes.catalogue.session,
    {
      schema: {
        tags,
        summary: 'Change a session (its iCal SEQUENCE increases)',
        params: sessionParams,
        body: sessionInput,
        response: { 200: session },
      },
    },
    async (req) => {
      return editions.updateSession(req.ctx, req.params.id, req.params.sessionId, req.body);
    },
  );

  r.post(
    apiRoutes.catalogue.sessionCancel,
    {
      schema: {
        tags,
        summary: 'Cancel a session',
        params: sessionParams,
        body: sessionCancelBody,
        response: { 200: session },
      },
    },
    async (req) => {
      return editions.cancelSession(req.ctx, req.params.id, req.params.sessionId, req.body.reason);
    },
  );
}
