import { z } from 'zod';
import { paged } from '../../../../common/api.js';
import { apiRoutes } from '../../../../common/api-routes.js';
import {
  cancelEnrolmentBody,
  decisionBody,
  enrolBody,
  enrolment,
  enrolmentNotices,
  enrolmentQuery,
  moveBody,
  nominateBody,
  nominationReport,
  quotasBody,
  seatSummary,
} from '../../../../common/enrolment.js';
import { idParams } from '../../../../common/primitives.js';
import { type App, type RouteDeps, typed } from '../../../http/types.js';
import type { OfficerNotices } from './officer-notices.js';
import type { EnrolmentService } from './service.js';

export function enrolmentRoutes(
  app: App,
  { services }: RouteDeps<{ enrolment: EnrolmentService; officerNotices: OfficerNotices }>,
) {
  const r = typed(app);
  const { enrolment: service, officerNotices } = services;
  const tags = ['enrolment'];

  r.post(
    apiRoutes.enrolment.list,
    {
      schema: {
        tags,
        summary: 'Enrol yourself in an edition (confirmed, pending approval or waitlisted)',
        body: enrolBody,
        response: { 201: enrolment },
      },
    },
    async (req, reply) => {
      return reply.status(201).send(await service.enrol(req.ctx, req.body.editionId));
    },
  );

  r.get(
    apiRoutes.enrolment.list,
    {
      schema: {
        tags,
        summary:
          'Enrolments in scope: all (admins, task force), a Province’s (officers), trained editions (trainers)',
        querystring: enrolmentQuery,
        response: { 200: paged(enrolment) },
      },
    },
    async (req) => {
      return service.list(req.ctx, req.query);
    },
  );

  r.get(
    apiRoutes.enrolment.mine,
    {
      schema: {
        tags,
        summary: 'My enrolments, newest first',
        response: { 200: z.object({ items: z.array(enrolment) }) },
      },
    },
    async (req) => {
      return service.mine(req.ctx);
    },
  );

  r.post(
    apiRoutes.enrolment.nominations,
    {
      schema: {
        tags,
        summary: 'Enrol several people (officers: their own staff); one result per person',
        body: nominateBody,
        response: { 200: nominationReport },
      },
    },
    async (req) => {
      return service.nominate(req.ctx, req.body.editionId, req.body.userIds);
    },
  );

  r.post(
    apiRoutes.enrolment.decision,
    {
      schema: {
        tags,
        summary: 'Approve or reject (with a reason) a pending enrolment',
        params: idParams,
        body: decisionBody,
        response: { 200: enrolment },
      },
    },
    async (req) => {
      return service.decide(req.ctx, req.params.id, req.body);
    },
  );

  r.post(
    apiRoutes.enrolment.cancel,
    {
      schema: {
        tags,
        summary: 'Cancel an enrolment (yourself before the deadline; officers and admins any time)',
        params: idParams,
        body: cancelEnrolmentBody,
        response: { 200: enrolment },
      },
    },
    async (req) => {
      return service.cancel(req.ctx, req.params.id, req.body.reason ?? null);
    },
  );

  r.post(
    apiRoutes.enrolment.move,
    {
      schema: {
        tags,
        summary:
          'Move an enrolment to another edition (national admins; national trainers between editions they train); answers the new enrolment',
        params: idParams,
        body: moveBody,
        response: { 200: enrolment },
      },
    },
    async (req) => {
      return service.move(req.ctx, req.params.id, req.body.toEditionId);
    },
  );

  r.get(
    apiRoutes.enrolment.seats,
    {
      schema: {
        tags,
        summary:
          'Seats of an edition: confirmed, pending, waitlisted, quotas (national admins, task force, its trainers)',
        params: idParams,
        response: { 200: seatSummary },
      },
    },
    async (req) => {
      return service.seats(req.ctx, req.params.id);
    },
  );

  r.put(
    apiRoutes.enrolment.quotas,
    {
      schema: {
        tags,
        summary:
          'Reserve seats of an edition for units, replacing the list (national admins; national trainers on editions they train)',
        params: idParams,
        body: quotasBody,
        response: { 200: seatSummary },
      },
    },
    async (req) => {
      return service.setQuotas(req.ctx, req.params.id, req.body);
    },
  );

  r.get(
    apiRoutes.enrolment.notices,
    {
      schema: {
        tags,
        summary:
          'How I am told of my staff’s requests awaiting approval and cancellations: each, or a daily summary (Province officers)',
        response: { 200: enrolmentNotices },
      },
    },
    async (req) => {
      return officerNotices.preference(req.ctx);
    },
  );

  r.put(
    apiRoutes.enrolment.notices,
    {
      schema: {
        tags,
        summary: 'Choose one e-mail per request or cancellation, or a daily summary (Province officers)',
        body: enrolmentNotices,
        response: { 200: enrolmentNotices },
      },
    },
    async (req) => {
      return officerNotices.setPreference(req.ctx, req.body);
    },
  );
}
