import { okBody } from '../../../../common/api.js';
import { apiRoutes } from '../../../../common/api-routes.js';
import {
  awaitingList,
  logbook,
  logbookEntry,
  logbookInput,
  signBody,
} from '../../../../common/attendance.js';
import { idParams } from '../../../../common/primitives.js';
import { type App, type RouteDeps, typed } from '../../../http/types.js';
import type { LogbookService } from './logbook-service.js';

export function logbookRoutes(app: App, { services }: RouteDeps<{ logbook: LogbookService }>) {
  const r = typed(app);
  const { logbook: service } = services;
  const tags = ['affiancamento logbook'];

  r.get(
    apiRoutes.attendance.logbook,
    {
      schema: {
        tags,
        summary:
          'An enrolment’s affiancamento logbook (the learner, coaches, the Province officer, managers)',
        params: idParams,
        response: { 200: logbook },
      },
    },
    async (req) => {
      return service.list(req.ctx, req.params.id);
    },
  );

  r.post(
    apiRoutes.attendance.logbook,
    {
      schema: {
        tags,
        summary: 'Add a day of affiancamento to one’s own logbook (minutes in quarters of an hour)',
        params: idParams,
        body: logbookInput,
        response: { 201: logbookEntry },
      },
    },
    async (req, reply) => {
      return reply.status(201).send(await service.add(req.ctx, req.params.id, req.body));
    },
  );

  r.get(
    apiRoutes.attendance.logbookAwaiting,
    {
      schema: {
        tags,
        summary: 'Logbook entries waiting for my signature, as coach or as Province officer',
        response: { 200: awaitingList },
      },
    },
    async (req) => {
      return service.awaiting(req.ctx);
    },
  );

  r.patch(
    apiRoutes.attendance.logbookEntry,
    {
      schema: {
        tags,
        summary: 'Change one’s own logbook entry while nobody has signed it',
        params: idParams,
        body: logbookInput,
        response: { 200: logbookEntry },
      },
    },
    async (req) => {
      return service.update(req.ctx, req.params.id, req.body);
    },
  );

  r.delete(
    apiRoutes.attendance.logbookEntry,
    {
      schema: {
        tags,
        summary: 'Delete one’s own logbook entry while nobody has signed it',
        params: idParams,
        response: { 200: okBody },
      },
    },
    async (req) => {
      return service.remove(req.ctx, req.params.id);
    },
  );

  r.post(
    apiRoutes.attendance.logbookSign,
    {
      schema: {
        tags,
        summary:
          'Sign a logbook entry as coach or as Province officer; signed by both, it counts as attendance',
        params: idParams,
        body: signBody,
        response: { 200: logbookEntry },
      },
    },
    async (req) => {
      return service.sign(req.ctx, req.params.id, req.body.as);
    },
  );
}
