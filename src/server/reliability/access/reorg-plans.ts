import { REORG_PDF, reorgContent } from '../factories-restructuring.js';
import type { AccessTable, Case, RouteAccess } from './rules.js';

/**
 * A unit's restructuring plan: its Province officer reads it and proposes for it, the task force and
 * national admins do so for every unit and alone decide proposals; another unit is answered 404 to an
 * officer, as if absent. Who proposed a version may withdraw it.
 */
const readers = {
  scoped: true,
  allow: { officer: ['ok', 404], taskForce: 'ok', admin: 'ok' },
} as const satisfies RouteAccess;
const deciders = {
  scoped: true,
  allow: { officer: [403, 404], taskForce: 'ok', admin: 'ok' },
} as const satisfies RouteAccess;

/** A version of the side's plan to compare (a proposal made once by the admin). */
const someVersion = (c: Case) =>
  c.w.fx.once(`reorg version ${c.side.unitId}`, () => c.w.fx.reorgPending(c.side.unitId));

/** A document of the side's plan: a new one when the call may remove it, a shared one otherwise. */
const document = (c: Case) =>
  c.allowed
    ? c.w.fx.reorgDocument(c.side.unitId)
    : c.w.fx.once(`reorg document ${c.side.unitId}`, () => c.w.fx.reorgDocument(c.side.unitId));

export const reorgPlansAccess: AccessTable = {
  'GET /api/v1/restructuring/units/:id/plan': {
    ...readers,
    request: ({ side }) => ({ params: { id: side.unitId } }),
  },
  'POST /api/v1/restructuring/units/:id/plan/versions': {
    ...readers,
    request: async ({ allowed, side, w }) => {
      const basedOn = allowed ? (await w.fx.reorgClearPending(side.unitId)).currentVersion : 0;
      return { params: { id: side.unitId }, body: { basedOn, summary: 'Proposta', content: reorgContent() } };
    },
  },
  'POST /api/v1/restructuring/units/:id/plan/versions/:number/decision': {
    ...deciders,
    request: async ({ allowed, side, w }) => ({
      params: { id: side.unitId, number: allowed ? await w.fx.reorgPending(side.unitId) : 1 },
      body: { decision: 'respinta', note: 'Da rivedere' },
    }),
  },
  'POST /api/v1/restructuring/units/:id/plan/versions/:number/withdrawal': {
    ...readers,
    request: async ({ allowed, side, w, client }) => ({
      params: {
        id: side.unitId,
        number: allowed && client ? await w.fx.reorgPending(side.unitId, client) : 1,
      },
    }),
  },
  'POST /api/v1/restructuring/units/:id/plan/status': {
    ...readers,
    request: async ({ allowed, side, w }) => ({
      params: { id: side.unitId },
      body: {
        to: 'in_predisposizione',
        revision: allowed ? await w.fx.reorgAt(side.unitId, 'da_aggiornare') : 1,
      },
    }),
  },
  'GET /api/v1/restructuring/units/:id/plan/compare': {
    ...readers,
    request: async (c) => ({ params: { id: c.side.unitId }, query: { from: 0, to: await someVersion(c) } }),
  },
  'POST /api/v1/restructuring/units/:id/plan/documents': {
    ...readers,
    request: ({ side }) => ({
      params: { id: side.unitId },
      upload: { filename: 'piano.pdf', content: REORG_PDF },
    }),
  },
  'GET /api/v1/restructuring/units/:id/plan/documents/:documentId': {
    ...readers,
    request: async (c) => ({
      params: {
        id: c.side.unitId,
        documentId: await c.w.fx.once(`reorg document ${c.side.unitId}`, () =>
          c.w.fx.reorgDocument(c.side.unitId),
        ),
      },
    }),
  },
  'DELETE /api/v1/restructuring/units/:id/plan/documents/:documentId': {
    ...readers,
    request: async (c) => ({ params: { id: c.side.unitId, documentId: await document(c) } }),
  },
};
