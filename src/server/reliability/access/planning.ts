import { addDays, romeDate } from '../../../common/rome-time.js';
import { baseInput } from '../../test/campaigns.js';
import { fresh } from '../fixtures.js';
import { type AccessTable, type Case, listed, type RouteAccess, SIGNED_IN } from './rules.js';

/**
 * Training plans and needs-assessment surveys: a unit's business. Its Province officers prepare and
 * follow them; national admins may do so for any unit; the task force reads every plan. Another
 * unit's plan or survey is answered 404 to an officer, as if absent.
 */
const planReaders = {
  scoped: true,
  allow: { officer: ['ok', 404], taskForce: 'ok', admin: 'ok' },
} as const satisfies RouteAccess;
const planEditors = {
  scoped: true,
  allow: { officer: ['ok', 404], taskForce: 403, admin: 'ok' },
} as const satisfies RouteAccess;

/** The side's plan, in the status the case needs, with its version. */
const plan = (c: Case, status?: 'draft' | 'approved') =>
  c.w.fx.plan(c.w.closedCampaign, c.side.unitId, status);

/** The side's plan as a draft with a line for the demo path. */
const planWithLine = async (c: Case) => {
  const p = await plan(c, 'draft');
  const line = p.items.find((i) => i.pathId === c.w.path.id);
  if (line) return { p, line };
  const after = (
    await c.w.admin.post(`/api/v1/training-plans/${p.id}/items`, { version: p.version, pathId: c.w.path.id })
  ).json() as typeof p;
  return { p: after, line: after.items.find((i) => i.pathId === c.w.path.id) as { id: number } };
};

/** Surveys: officers prepare them for their own unit only; admins for any. */
const managers = {
  scoped: true,
  allow: { officer: ['ok', 404], admin: 'ok' },
} as const satisfies RouteAccess;
/** The officer's assessment of a respondent: only the Province officer of the respondent's unit. */
const assessors = { scoped: true, allow: { officer: ['ok', 404] } } as const satisfies RouteAccess;
/** Answering: whoever is invited (the side's unit's staff); others get 404, as if there were no survey. */
const respondents = {
  scoped: true,
  allow: { learner: ['ok', 404], officer: ['ok', 404] },
  denied: 404,
} as const satisfies RouteAccess;

/**
 * A survey of the side's unit for a call that changes it: a new one when the call may pass; when it
 * must be refused, one shared by the route's refused calls.
 */
const survey = (c: Case, status: 'draft' | 'open') => {
  const make = () => c.w.fx.campaign(c.side.unitId, { open: status === 'open' });
  return c.allowed ? make() : c.w.fx.once(`survey ${status} ${c.side.unitId}`, make);
};

const surveyBody = ({ side }: Case) =>
  baseInput({
    title: { it: fresh('Rilevazione'), en: fresh('Survey') },
    unitIds: [side.unitId],
    opensOn: addDays(romeDate(new Date()), -1),
  });

export const planningAccess: AccessTable = {
  // ---- Training plans ---------------------------------------------------------------------------------
  'GET /api/v1/training-plans': {
    scoped: true,
    allow: { officer: ['ok', 'empty'], taskForce: 'ok', admin: 'ok' },
    count: listed(),
    request: ({ side }) => ({ query: { unit: side.unitId } }),
  },
  'POST /api/v1/training-plans': {
    ...planEditors,
    request: async ({ allowed, side, w }) => {
      if (allowed) await w.fx.dropPlan(w.closedCampaign, side.unitId);
      return { body: { campaignId: w.closedCampaign, unitId: side.unitId } };
    },
  },
  'GET /api/v1/training-plans/:id': {
    ...planReaders,
    request: async (c) => ({ params: { id: (await plan(c)).id } }),
  },
  'GET /api/v1/training-plans/:id/paths': {
    ...planReaders,
    request: async (c) => ({ params: { id: (await plan(c)).id } }),
  },
  'GET /api/v1/training-plans/:id/export.pdf': {
    ...planReaders,
    request: async (c) => ({ params: { id: (await plan(c)).id } }),
  },
  'GET /api/v1/training-plans/:id/export.docx': {
    ...planReaders,
    request: async (c) => ({ params: { id: (await plan(c)).id } }),
  },
  'PATCH /api/v1/training-plans/:id': {
    ...planEditors,
    request: async (c) => {
      const p = await plan(c, 'draft');
      return { params: { id: p.id }, body: { version: p.version, notes: 'Note del piano' } };
    },
  },
  'POST /api/v1/training-plans/:id/items': {
    ...planEditors,
    request: async (c) => {
      const p = await plan(c, 'draft');
      if (c.allowed) await c.w.fx.dropLine(p.id, c.w.path.id);
      return { params: { id: p.id }, body: { version: p.version, pathId: c.w.path.id } };
    },
  },
  'PATCH /api/v1/training-plans/:id/items/:itemId': {
    ...planEditors,
    request: async (c) => {
      const { p, line } = await planWithLine(c);
      return { params: { id: p.id, itemId: line.id }, body: { version: p.version, participants: 3 } };
    },
  },
  'DELETE /api/v1/training-plans/:id/items/:itemId': {
    ...planEditors,
    request: async (c) => {
      const { p, line } = await planWithLine(c);
      return { params: { id: p.id, itemId: line.id }, query: { version: p.version } };
    },
  },
  'PUT /api/v1/training-plans/:id/order': {
    ...planEditors,
    request: async (c) => {
      const { p } = await planWithLine(c);
      return { params: { id: p.id }, body: { version: p.version, itemIds: p.items.map((i) => i.id) } };
    },
  },
  'POST /api/v1/training-plans/:id/approve': {
    ...planEditors,
    request: async (c) => {
      const p = await plan(c, 'draft');
      return { params: { id: p.id }, body: { version: p.version } };
    },
  },
  'POST /api/v1/training-plans/:id/reopen': {
    ...planEditors,
    request: async (c) => {
      const p = await plan(c, 'approved');
      return { params: { id: p.id }, body: { version: p.version } };
    },
  },
  // The national demand across every unit's plans.
  'GET /api/v1/training-demand': {
    allow: { taskForce: 'ok', admin: 'ok' },
    request: ({ w }) => ({ query: { campaign: w.closedCampaign } }),
  },
  'GET /api/v1/training-demand/campaigns': { allow: { taskForce: 'ok', admin: 'ok' } },
  'GET /api/v1/training-demand/export.csv': {
    allow: { taskForce: 'ok', admin: 'ok' },
    request: ({ w }) => ({ query: { campaign: w.closedCampaign } }),
  },
  'GET /api/v1/my-suggestions': { allow: SIGNED_IN },

  // ---- Surveys: preparing and following them ----------------------------------------------------------
  'GET /api/v1/campaigns': { allow: { officer: 'ok', admin: 'ok' } },
  'POST /api/v1/campaigns': {
    scoped: true,
    allow: { officer: ['ok', 403], admin: 'ok' },
    request: (c) => ({ body: surveyBody(c) }),
  },
  'GET /api/v1/campaigns/:id': {
    ...managers,
    request: ({ side }) => ({ params: { id: side.campaign.open } }),
  },
  'PUT /api/v1/campaigns/:id': {
    ...managers,
    request: (c) => ({ params: { id: c.side.campaign.draft }, body: surveyBody(c) }),
  },
  'DELETE /api/v1/campaigns/:id': {
    ...managers,
    request: async (c) => ({ params: { id: await survey(c, 'draft') } }),
  },
  'GET /api/v1/campaigns/:id/questions': {
    ...managers,
    request: ({ side }) => ({ params: { id: side.campaign.open } }),
  },
  'PUT /api/v1/campaigns/:id/questions': {
    ...managers,
    request: ({ side }) => ({ params: { id: side.campaign.draft }, body: { questions: [] } }),
  },
  'POST /api/v1/campaigns/:id/open': {
    ...managers,
    request: async (c) => ({ params: { id: await survey(c, 'draft') } }),
  },
  'POST /api/v1/campaigns/:id/close': {
    ...managers,
    request: async (c) => ({ params: { id: await survey(c, 'open') } }),
  },
  'GET /api/v1/campaigns/:id/progress': {
    ...managers,
    request: ({ side }) => ({ params: { id: side.campaign.open } }),
  },
  'POST /api/v1/campaigns/:id/reminders': {
    ...managers,
    request: async (c) => ({ params: { id: await survey(c, 'open') }, body: {} }),
  },
  'GET /api/v1/campaigns/:id/assessments': {
    ...assessors,
    request: ({ side }) => ({ params: { id: side.campaign.open } }),
  },
  'GET /api/v1/campaigns/:id/assessments/:participantId': {
    ...assessors,
    request: ({ side }) => ({ params: { id: side.campaign.open, participantId: side.campaign.participant } }),
  },
  'PUT /api/v1/campaigns/:id/assessments/:participantId': {
    ...assessors,
    request: ({ side }) => ({
      params: { id: side.campaign.open, participantId: side.campaign.participant },
      body: { levels: [] },
    }),
  },

  // ---- Surveys: answering them --------------------------------------------------------------------------
  'GET /api/v1/my-campaigns': { allow: SIGNED_IN },
  'GET /api/v1/my-campaigns/:id': {
    ...respondents,
    request: ({ side }) => ({ params: { id: side.campaign.open } }),
  },
  'PUT /api/v1/my-campaigns/:id/draft': {
    ...respondents,
    request: ({ side }) => ({ params: { id: side.campaign.answering }, body: {} }),
  },
  'POST /api/v1/my-campaigns/:id/submit': {
    ...respondents,
    request: async (c) => {
      const id = await survey(c, 'open');
      const invited = c.client && c.side === c.w.own && (c.caller === 'learner' || c.caller === 'officer');
      const body = invited && c.client ? await c.w.fx.answers(c.client, id) : { levels: {}, answers: {} };
      return { params: { id }, body };
    },
  },
};
