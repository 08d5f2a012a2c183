import { z } from 'zod';
import { okBody } from '../../../../common/api.js';
import { apiRoutes } from '../../../../common/api-routes.js';
import {
  feedbackBody,
  feedbackDue,
  feedbackSummary,
  mySession,
  mySessionsQuery,
  transcript,
} from '../../../../common/learning.js';
import { idParams } from '../../../../common/primitives.js';
import { type App, type RouteDeps, typed } from '../../../http/types.js';
import type { LearningService } from './service.js';

export function learningRoutes(app: App, { services }: RouteDeps<{ learning: LearningService }>) {
  const r = typed(app);
  const { learning } = services;
  const tags = ['my training'];

  r.get(
    apiRoutes.learning.transcript,
    {
      schema: {
        tags,
        summary: 'My training record: hours attended per calendar year against the yearly target',
        response: { 200: transcript },
      },
    },
    async (req) => {
      return learning.transcript(req.ctx);
    },
  );

  r.get(
    apiRoutes.learning.mySessions,
    {
      schema: {
        tags,
        summary: 'Sessions of my confirmed enrolments (default from today, for a year), with online links',
        querystring: mySessionsQuery,
        response: { 200: z.array(mySession) },
      },
    },
    async (req) => {
      return learning.mySessions(req.ctx, req.query);
    },
  );

  r.get(
    apiRoutes.learning.feedbackDue,
    {
      schema: {
        tags,
        summary: 'My enrolments whose satisfaction questionnaire is open and not answered yet',
        response: { 200: z.array(feedbackDue) },
      },
    },
    async (req) => {
      return learning.feedbackDue(req.ctx);
    },
  );

  r.post(
    apiRoutes.learning.feedback,
    {
      schema: {
        tags: ['feedback'],
        summary:
          'Answer the satisfaction questionnaire of my confirmed enrolment, once, after the edition ends',
        params: idParams,
        body: feedbackBody,
        response: { 201: okBody },
      },
    },
    async (req, reply) => {
      await learning.submitFeedback(req.ctx, req.params.id, req.body);
      return reply.status(201).send({ ok: true as const });
    },
  );

  r.get(
    apiRoutes.learning.editionFeedback,
    {
      schema: {
        tags: ['feedback'],
        summary:
          'An edition’s anonymous satisfaction results: counts always, averages, distributions and comments from 3 answers (catalogue managers, task force, the edition’s trainers)',
        params: idParams,
        response: { 200: feedbackSummary },
      },
    },
    async (req) => {
      return learning.feedbackSummary(req.ctx, req.params.id);
    },
  );
}
