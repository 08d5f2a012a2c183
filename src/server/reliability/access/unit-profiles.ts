import { type AccessTable, type Case, listed, type RouteAccess } from './rules.js';

/**
 * A unit's profile and hiring capacity: its Province officers read and keep their own unit (another
 * unit is answered 404, as if absent); the task force and national admins every unit; the other roles
 * are refused. The ISTAT population import is the task force's and the admins'; the thresholds are
 * read by the restructuring pages and kept by national admins.
 */
const unitReaders = {
  scoped: true,
  allow: { officer: ['ok', 404], taskForce: 'ok', admin: 'ok' },
} as const satisfies RouteAccess;

const base = (c: Case) => `/api/v1/restructuring/units/${c.side.unitId}`;

/** A contact of the side's unit, made by the admin for a case that changes or removes it. */
const contact = async (c: Case) =>
  (await c.w.admin.post(`${base(c)}/contacts`, { name: 'Ufficio di Presidenza', role: 'Segreteria' })).json()
    .id as number;

/** A year of its own for each case that may create one: revision 0 creates it once only. */
let nextYear = 2200;
const freshYear = () => nextYear++;

const figures = {
  personnelSpendingCents: 1_000_000_000,
  revenueCents: [6_000_000_000, 6_000_000_000, 6_000_000_000],
  rendicontoYear: 2025,
  fcdeCents: 0,
  plannedHires: 1,
  actualHires: 0,
  plannedHiresCostCents: 3_500_000,
  source: 'Rendiconti',
};

const thresholdBody = {
  unitType: 'provincia',
  minPopulation: 0,
  maxPopulation: 250_000,
  thresholdBp: 2080,
  validFromYear: 2900,
  validToYear: null,
  source: 'Soglia di prova',
};
const threshold = async (c: Case) =>
  (await c.w.admin.post('/api/v1/restructuring/capacity-thresholds', thresholdBody)).json().id as number;

const POPULATION_CSV =
  '"Popolazione residente al 1° gennaio 2025"\nCodice provincia;Totale\n004;579.930\n016;1.112.185\n';

export const unitProfilesAccess: AccessTable = {
  'GET /api/v1/restructuring/units/:id/profile': {
    ...unitReaders,
    request: (c) => ({ params: { id: c.side.unitId } }),
  },
  'PUT /api/v1/restructuring/units/:id/profile/details': {
    ...unitReaders,
    request: (c) => ({
      params: { id: c.side.unitId },
      body: { staffCount: 300, staffCountYear: 2025, pec: null, phone: null, website: null, address: null },
    }),
  },
  'PUT /api/v1/restructuring/units/:id/populations/:year': {
    ...unitReaders,
    request: (c) => ({
      params: { id: c.side.unitId, year: 2024 },
      body: { population: 580_000, source: 'ISTAT, Popolazione residente al 1° gennaio 2024' },
    }),
  },
  'DELETE /api/v1/restructuring/units/:id/populations/:year': {
    ...unitReaders,
    request: async (c) => {
      const year = freshYear();
      await c.w.admin.put(`${base(c)}/populations/${year}`, { population: 1000, source: 'ISTAT' });
      return { params: { id: c.side.unitId, year } };
    },
  },
  'POST /api/v1/restructuring/units/:id/contacts': {
    ...unitReaders,
    request: (c) => ({ params: { id: c.side.unitId }, body: { name: 'Segreteria generale' } }),
  },
  'PUT /api/v1/restructuring/units/:id/contacts/:contactId': {
    ...unitReaders,
    request: async (c) => ({
      params: { id: c.side.unitId, contactId: await contact(c) },
      body: { name: 'Ufficio di Presidenza', role: 'Presidenza', email: null, phone: null },
    }),
  },
  'DELETE /api/v1/restructuring/units/:id/contacts/:contactId': {
    ...unitReaders,
    request: async (c) => ({ params: { id: c.side.unitId, contactId: await contact(c) } }),
  },
  'POST /api/v1/restructuring/populations/import': {
    allow: { taskForce: 'ok', admin: 'ok' },
    count: (b) => b.imported,
    request: () => ({ upload: { filename: 'popolazione.csv', content: POPULATION_CSV } }),
  },

  // ---- Hiring capacity --------------------------------------------------------------------------------
  'GET /api/v1/restructuring/units/:id/capacity': {
    ...unitReaders,
    request: (c) => ({ params: { id: c.side.unitId } }),
  },
  'GET /api/v1/restructuring/units/:id/capacity/:year': {
    ...unitReaders,
    request: (c) => ({ params: { id: c.side.unitId, year: 2025 } }),
  },
  'PUT /api/v1/restructuring/units/:id/capacity/:year': {
    ...unitReaders,
    request: (c) => ({ params: { id: c.side.unitId, year: freshYear() }, body: { revision: 0, ...figures } }),
  },
  'GET /api/v1/restructuring/capacity-thresholds': {
    allow: { officer: 'ok', taskForce: 'ok', admin: 'ok' },
    count: listed(),
  },
  'POST /api/v1/restructuring/capacity-thresholds': {
    allow: { admin: 'ok' },
    request: () => ({ body: thresholdBody }),
  },
  'PUT /api/v1/restructuring/capacity-thresholds/:id': {
    allow: { admin: 'ok' },
    request: async (c) => ({
      params: { id: await threshold(c) },
      body: { ...thresholdBody, thresholdBp: 2100 },
    }),
  },
  'DELETE /api/v1/restructuring/capacity-thresholds/:id': {
    allow: { admin: 'ok' },
    request: async (c) => ({ params: { id: await threshold(c) } }),
  },
};
