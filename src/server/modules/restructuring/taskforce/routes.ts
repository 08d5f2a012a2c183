import { z } from 'zod';
import { apiRoutes } from '../../../../common/api-routes.js';
import { idParams } from '../../../../common/primitives.js';
import {
  assignedMember,
  assignInput,
  intervention,
  interventionInput,
  issue,
  issueInput,
  issueList,
  leadInput,
  memberParams,
  membersView,
  milestone,
  milestoneInput,
  unitWork,
  weekView,
} from '../../../../common/taskforce.js';
import { type App, type RouteDeps, typed } from '../../../http/types.js';
import type { TaskforceService } from './service.js';

const tags = ['task force'];
const unitMembers = z.object({ members: z.array(assignedMember) });

export function taskforceRoutes(app: App, { services }: RouteDeps<{ taskforceWork: TaskforceService }>) {
  const r = typed(app);
  const tf = services.taskforceWork;

  // ---- Members and assignments ----------------------------------------------------------------------
  r.get(
    apiRoutes.taskforce.members,
    {
      schema: {
        tags,
        summary: 'The task force members with the units each follows, and every unit with its members',
        response: { 200: membersView },
      },
    },
    async (req) => tf.members(req.ctx),
  );
  r.post(
    apiRoutes.taskforce.unitMembers,
    {
      schema: {
        tags,
        summary: 'Assign a task force member to a unit (as its lead too, if asked)',
        params: idParams,
        body: assignInput,
        response: { 200: unitMembers },
      },
    },
    async (req) => tf.assign(req.ctx, req.params.id, req.body),
  );
  r.delete(
    apiRoutes.taskforce.unitMember,
    {
      schema: {
        tags,
        summary: 'Remove a task force member from a unit',
        params: memberParams,
        response: { 200: unitMembers },
      },
    },
    async (req) => tf.unassign(req.ctx, req.params.id, req.params.userId),
  );
  r.put(
    apiRoutes.taskforce.lead,
    {
      schema: {
        tags,
        summary: "Set the unit's lead (one per unit: the previous lead is cleared)",
        params: idParams,
        body: leadInput,
        response: { 200: unitMembers },
      },
    },
    async (req) => tf.setLead(req.ctx, req.params.id, req.body.userId),
  );

  // ---- A unit's page --------------------------------------------------------------------------------
  r.get(
    apiRoutes.taskforce.unit,
    {
      schema: {
        tags,
        summary: "A unit's task force page: members, interventions (newest first), milestones",
        params: idParams,
        response: { 200: unitWork },
      },
    },
    async (req) => tf.unitWork(req.ctx, req.params.id),
  );
  r.post(
    apiRoutes.taskforce.interventions,
    {
      schema: {
        tags,
        summary: 'Log an intervention at a unit',
        params: idParams,
        body: interventionInput,
        response: { 201: intervention },
      },
    },
    async (req, reply) => reply.status(201).send(await tf.addIntervention(req.ctx, req.params.id, req.body)),
  );
  r.put(
    apiRoutes.taskforce.intervention,
    {
      schema: {
        tags,
        summary: 'Edit an intervention',
        params: idParams,
        body: interventionInput,
        response: { 200: intervention },
      },
    },
    async (req) => tf.updateIntervention(req.ctx, req.params.id, req.body),
  );
  r.delete(
    apiRoutes.taskforce.intervention,
    { schema: { tags, summary: 'Delete an intervention', params: idParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await tf.deleteIntervention(req.ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );

  // ---- Risks and open issues (the task force only) --------------------------------------------------
  r.get(
    apiRoutes.taskforce.issues,
    {
      schema: {
        tags,
        summary: "A unit's risks and open issues (internal to the task force)",
        params: idParams,
        response: { 200: issueList },
      },
    },
    async (req) => tf.issues(req.ctx, req.params.id),
  );
  r.post(
    apiRoutes.taskforce.issues,
    {
      schema: {
        tags,
        summary: 'Record a risk or an issue',
        params: idParams,
        body: issueInput,
        response: { 201: issue },
      },
    },
    async (req, reply) => reply.status(201).send(await tf.addIssue(req.ctx, req.params.id, req.body)),
  );
  r.put(
    apiRoutes.taskforce.issue,
    {
      schema: {
        tags,
        summary: 'Edit a risk or an issue; its state closes or reopens it',
        params: idParams,
        body: issueInput,
        response: { 200: issue },
      },
    },
    async (req) => tf.updateIssue(req.ctx, req.params.id, req.body),
  );

  // ---- Milestones -----------------------------------------------------------------------------------
  r.post(
    apiRoutes.taskforce.milestones,
    {
      schema: {
        tags,
        summary: 'Add a milestone agreed with a unit',
        params: idParams,
        body: milestoneInput,
        response: { 201: milestone },
      },
    },
    async (req, reply) => reply.status(201).send(await tf.addMilestone(req.ctx, req.params.id, req.body)),
  );
  r.put(
    apiRoutes.taskforce.milestone,
    {
      schema: {
        tags,
        summary: 'Edit a milestone; a done day marks it done',
        params: idParams,
        body: milestoneInput,
        response: { 200: milestone },
      },
    },
    async (req) => tf.updateMilestone(req.ctx, req.params.id, req.body),
  );

  // ---- My week --------------------------------------------------------------------------------------
  r.get(
    apiRoutes.taskforce.week,
    {
      schema: {
        tags,
        summary: "The caller's units and what falls due this week (Rome time), overdue included",
        response: { 200: weekView },
      },
    },
    async (req) => tf.week(req.ctx),
  );
}
