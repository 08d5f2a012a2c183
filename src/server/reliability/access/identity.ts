import { DEMO_PASSWORD, fresh, unitBody } from '../fixtures.js';
import { type AccessTable, CAST, type Case, EVERYONE, listed, SIGNED_IN } from './rules.js';

/** Who someone of the cast is, by caller; signed out, the learner of Cuneo. */
const emailOf = (c: Case) => (c.caller === 'anonymous' ? CAST.learner : CAST[c.caller]);

/** A CSV of one new person of the side's unit. */
const staffCsv = (c: Case) =>
  `email;name;unit_istat_code\n${fresh('importato')}@example.org;Persona Importata;${c.side === c.w.own ? '004' : '016'}\n`;

/**
 * People: national admins manage everyone, a Province officer the people of their Province; the task
 * force reads everyone. Others see only themselves, and a person they may not see is answered 404,
 * as if absent; a person they see but may not change, 403.
 */
const person = {
  scoped: true,
  allow: { officer: ['ok', 404], taskForce: 403, admin: 'ok' },
  denied: 404,
} as const;

export const identityAccess: AccessTable = {
  'GET /api/health': { public: true, allow: EVERYONE },
  'GET /api/health/live': { public: true, allow: EVERYONE },

  // ---- Sign-in and one's own account ----------------------------------------------------------
  'GET /api/v1/auth/csrf': { public: true, allow: EVERYONE },
  'GET /api/v1/auth/session': { public: true, allow: EVERYONE },
  'POST /api/v1/auth/login': {
    public: true,
    allow: EVERYONE,
    request: (c) => ({ body: { email: emailOf(c), password: DEMO_PASSWORD }, session: 'fresh' }),
  },
  'POST /api/v1/auth/logout': { public: true, allow: EVERYONE, request: () => ({ session: 'fresh' }) },
  'POST /api/v1/auth/password-reset': {
    public: true,
    allow: EVERYONE,
    request: (c) => ({ body: { email: emailOf(c) } }),
  },
  'POST /api/v1/auth/password-reset/confirm': {
    public: true,
    allow: EVERYONE,
    request: async (c) => ({
      body: { token: await c.w.fx.resetToken(), password: 'Una-Nuova-Password-2026' },
    }),
  },
  'GET /api/v1/me': { allow: SIGNED_IN },
  'PATCH /api/v1/me': { allow: SIGNED_IN, request: () => ({ body: { locale: 'it' } }) },
  'POST /api/v1/me/password': {
    allow: SIGNED_IN,
    request: () => ({
      body: { currentPassword: DEMO_PASSWORD, newPassword: 'Una-Nuova-Password-2026' },
      session: 'twin',
    }),
  },

  // ---- People -------------------------------------------------------------------------------------
  'GET /api/v1/users': {
    scoped: true,
    allow: { officer: ['ok', 'empty'], taskForce: 'ok', admin: 'ok' },
    count: listed(),
    request: ({ side }) => ({ query: { unitId: side.unitId } }),
  },
  'GET /api/v1/users/:id': {
    scoped: true,
    allow: { learner: ['ok', 404], officer: ['ok', 404], taskForce: 'ok', admin: 'ok' },
    denied: 404,
    request: ({ side }) => ({ params: { id: side.learner.id } }),
  },
  'POST /api/v1/users': {
    scoped: true,
    allow: { officer: ['ok', 403], admin: 'ok' },
    request: ({ side }) => ({
      body: { email: `${fresh('invitato')}@example.org`, name: 'Persona Invitata', unitId: side.unitId },
    }),
  },
  // A file of another Province's people: nobody is invited, each row says why.
  'POST /api/v1/users/import': {
    scoped: true,
    allow: { officer: ['ok', 'empty'], admin: 'ok' },
    count: (b) => b.created,
    request: (c) => ({ upload: { filename: 'personale.csv', content: staffCsv(c) } }),
  },
  'PATCH /api/v1/users/:id': {
    ...person,
    allow: { ...person.allow, learner: [403, 404] },
    request: ({ side }) => ({ params: { id: side.learner.id }, body: { name: side.learner.name } }),
  },
  'POST /api/v1/users/:id/invitation': {
    ...person,
    request: ({ side }) => ({ params: { id: side.invitee.id } }),
  },
  'POST /api/v1/users/:id/roles': {
    ...person,
    request: async ({ side, w }) => {
      const p = await w.fx.person(side.unitId, { grants: [] });
      return { params: { id: p.id }, body: { role: 'learner', unitId: side.unitId } };
    },
  },
  'DELETE /api/v1/users/:id/roles/:grantId': {
    ...person,
    request: async ({ side, w }) => {
      const p = await w.fx.person(side.unitId);
      const [grant] = (await w.admin.get(`/api/v1/users/${p.id}`)).json().roles;
      return { params: { id: p.id, grantId: grant.id } };
    },
  },

  // ---- Territorial units and reference data: public, edited by national admins ------------------
  'GET /api/v1/units': { public: true, allow: EVERYONE },
  'GET /api/v1/units/:id': {
    public: true,
    allow: EVERYONE,
    request: ({ side }) => ({ params: { id: side.unitId } }),
  },
  'GET /api/v1/reference': { public: true, allow: EVERYONE },
  'POST /api/v1/units': { allow: { admin: 'ok' }, request: () => ({ body: unitBody() }) },
  'PATCH /api/v1/units/:id': {
    allow: { admin: 'ok' },
    request: ({ w }) => ({ params: { id: w.scratchUnit }, body: { name: fresh('Unità di prova') } }),
  },

  // ---- The audit log and the outbox (every e-mail, links included): national admins -------------
  'GET /api/v1/audit-log': { allow: { admin: 'ok' } },
  'GET /api/v1/outbox': { allow: { admin: 'ok' } },
};
