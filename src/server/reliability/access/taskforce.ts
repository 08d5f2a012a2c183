import { fresh } from '../fixtures.js';
import type { AccessTable, Case, Json, RouteAccess } from './rules.js';

/**
 * The task force's own work. The task force and national admins record it for every unit; a unit's
 * Province officers read its interventions and milestones (transparency) but change nothing and never
 * read the risks (403 on their own unit); another unit is answered 404 to them, as if absent.
 */
const writers = {
  scoped: true,
  allow: { officer: [403, 404], taskForce: 'ok', admin: 'ok' },
} as const satisfies RouteAccess;
const readers = {
  scoped: true,
  allow: { officer: ['ok', 404], taskForce: 'ok', admin: 'ok' },
} as const satisfies RouteAccess;
const taskForceOnly = { allow: { taskForce: 'ok', admin: 'ok' } } as const satisfies RouteAccess;

const ok = async (
  res: { statusCode: number; body: string; json(): unknown },
  what: string,
): Promise<Json> => {
  if (res.statusCode >= 300) throw new Error(`fixture ${what}: ${res.statusCode} ${res.body}`);
  return res.json();
};

/** A new task force member (no sign-in), for the assignments a case makes. */
const member = (c: Case) => c.w.fx.person(null, { grants: [{ role: 'task_force', unitId: null }] });

/** A member assigned to the side's unit: new when the call may pass, shared by the refused calls. */
const assigned = (c: Case) => {
  const make = async () => {
    const p = await member(c);
    await ok(
      await c.w.admin.post(`/api/v1/restructuring/taskforce/units/${c.side.unitId}/members`, {
        userId: p.id,
      }),
      'assign',
    );
    return p;
  };
  return c.allowed ? make() : c.w.fx.once(`tf member ${c.side.unitId}`, make);
};

const interventionBody = { kind: 'riunione', heldOn: '2026-03-02', outcome: fresh('Esito') };
const issueBody = { kind: 'rischio', title: 'Rischio di prova', severity: 'media' };
const milestoneBody = { title: 'Milestone di prova', dueOn: '2026-06-30' };

/** A record of the side's unit, made by the admin: new when the call may pass. */
const recordOf = (c: Case, what: 'interventions' | 'issues' | 'milestones', body: object) => {
  const make = async () =>
    (
      await ok(
        await c.w.admin.post(`/api/v1/restructuring/taskforce/units/${c.side.unitId}/${what}`, body),
        what,
      )
    ).id as number;
  return c.allowed ? make() : c.w.fx.once(`tf ${what} ${c.side.unitId}`, make);
};

export const taskforceAccess: AccessTable = {
  'GET /api/v1/restructuring/taskforce/members': taskForceOnly,
  'GET /api/v1/restructuring/taskforce/my-week': taskForceOnly,
  'POST /api/v1/restructuring/taskforce/units/:id/members': {
    ...writers,
    request: async (c) => ({ params: { id: c.side.unitId }, body: { userId: (await member(c)).id } }),
  },
  'DELETE /api/v1/restructuring/taskforce/units/:id/members/:userId': {
    ...writers,
    request: async (c) => ({ params: { id: c.side.unitId, userId: (await assigned(c)).id } }),
  },
  'PUT /api/v1/restructuring/taskforce/units/:id/lead': {
    ...writers,
    request: async (c) => ({ params: { id: c.side.unitId }, body: { userId: (await member(c)).id } }),
  },
  'GET /api/v1/restructuring/taskforce/units/:id': {
    ...readers,
    request: ({ side }) => ({ params: { id: side.unitId } }),
  },
  'POST /api/v1/restructuring/taskforce/units/:id/interventions': {
    ...writers,
    request: ({ side }) => ({ params: { id: side.unitId }, body: interventionBody }),
  },
  'PUT /api/v1/restructuring/taskforce/interventions/:id': {
    ...writers,
    request: async (c) => ({
      params: { id: await recordOf(c, 'interventions', interventionBody) },
      body: { ...interventionBody, followUpOn: '2026-03-09' },
    }),
  },
  'DELETE /api/v1/restructuring/taskforce/interventions/:id': {
    ...writers,
    request: async (c) => ({ params: { id: await recordOf(c, 'interventions', interventionBody) } }),
  },
  'GET /api/v1/restructuring/taskforce/units/:id/issues': {
    scoped: true,
    allow: { officer: [403, 404], taskForce: 'ok', admin: 'ok' },
    request: ({ side }) => ({ params: { id: side.unitId } }),
  },
  'POST /api/v1/restructuring/taskforce/units/:id/issues': {
    ...writers,
    request: ({ side }) => ({ params: { id: side.unitId }, body: issueBody }),
  },
  'PUT /api/v1/restructuring/taskforce/issues/:id': {
    ...writers,
    request: async (c) => ({
      params: { id: await recordOf(c, 'issues', issueBody) },
      body: { ...issueBody, state: 'chiusa' },
    }),
  },
  'POST /api/v1/restructuring/taskforce/units/:id/milestones': {
    ...writers,
    request: ({ side }) => ({ params: { id: side.unitId }, body: milestoneBody }),
  },
  'PUT /api/v1/restructuring/taskforce/milestones/:id': {
    ...writers,
    request: async (c) => ({
      params: { id: await recordOf(c, 'milestones', milestoneBody) },
      body: { ...milestoneBody, doneOn: '2026-06-01' },
    }),
  },
};
