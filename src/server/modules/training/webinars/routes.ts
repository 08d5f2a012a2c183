import { okBody } from '../../../../common/api.js';
import { apiRoutes } from '../../../../common/api-routes.js';
import { idParams } from '../../../../common/primitives.js';
import {
  analyticsCallbackAnswer,
  analyticsCallbackBody,
  joinAnswer,
  sessionIdParams,
  webinarRecordings,
} from '../../../../common/webinars.js';
import { type App, type RouteDeps, typed } from '../../../http/types.js';
import type { WebinarsService } from './service.js';

export function webinarsRoutes(app: App, { services }: RouteDeps<{ webinars: WebinarsService }>) {
  const r = typed(app);
  const { webinars } = services;
  const tags = ['webinars'];

  r.post(
    apiRoutes.webinars.join,
    {
      schema: {
        tags,
        summary:
          'Enter a live webinar: the address to open (a signed BigBlueButton link, or the session’s own link). Confirmed participants from 15 minutes before the start to the end; the edition’s trainers and catalogue managers as moderators from 30 minutes before',
        params: sessionIdParams,
        response: { 200: joinAnswer },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return webinars.join(req.ctx, req.params.sessionId);
    },
  );

  r.post(
    apiRoutes.webinars.end,
    {
      schema: {
        tags,
        summary: 'End the platform’s webinar room for everyone (the edition’s trainers, catalogue managers)',
        params: idParams,
        response: { 200: okBody },
      },
    },
    async (req) => {
      return webinars.end(req.ctx, req.params.id);
    },
  );

  r.get(
    apiRoutes.webinars.recordings,
    {
      schema: {
        tags,
        summary:
          'Recordings of a webinar held on the platform: all for its trainers; the published ones for confirmed participants after the session',
        params: idParams,
        response: { 200: webinarRecordings },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return webinars.recordings(req.ctx, req.params.id);
    },
  );

  r.post(
    apiRoutes.webinars.analytics,
    {
      schema: {
        tags,
        summary:
          'BigBlueButton’s analytics callback (meta_analytics-callback-url): join and leave times become attendance minutes. Needs `Authorization: Bearer <JWT, HS512, signed with the shared secret, with exp>`; replays change nothing',
        body: analyticsCallbackBody,
        response: { 200: analyticsCallbackAnswer },
      },
      config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
      // The signature is checked before the body is read, so an unsigned caller learns nothing of its shape.
      preValidation: async (req) => {
        await webinars.verifyCallback(req.headers.authorization);
      },
    },
    async (req) => {
      return webinars.analytics(req.ctx, req.body);
    },
  );
}
