import type { AccessTable, RouteAccess } from './rules.js';

/**
 * The task force's national view: the task force and national admins see every unit; a Province
 * officer sees their own unit only (the table holds just that row; another unit's brief is 404, as
 * if absent); the other roles are refused.
 */
const readers = {
  allow: { officer: 'ok', taskForce: 'ok', admin: 'ok' },
} as const satisfies RouteAccess;

export const overviewAccess: AccessTable = {
  'GET /api/v1/restructuring/overview': {
    ...readers,
    count: (body) => (body.rows as unknown[]).length,
  },
  'GET /api/v1/restructuring/overview.csv': readers,
  'GET /api/v1/restructuring/overview.xlsx': readers,
  'GET /api/v1/restructuring/overview/trends': readers,
  'GET /api/v1/restructuring/units/:id/brief.pdf': {
    scoped: true,
    allow: { officer: ['ok', 404], taskForce: 'ok', admin: 'ok' },
    request: ({ side }) => ({ params: { id: side.unitId } }),
  },
};
