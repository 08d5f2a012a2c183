import type { DeadlineRulesView, ProgrammingView } from '../../../common/programming.js';
import type { TestClient } from '../../test/client.js';
import type { AccessTable, Case, RouteAccess } from './rules.js';

/**
 * Programming documents and their deadlines: a unit's business. Its Province officers and the task
 * force (and national admins) read and record the documents; another unit's are answered 404 to an
 * officer, as if absent. The deadlines list shows each caller the units in their scope. The rules and
 * moves are read by everyone in the restructuring area and changed by national admins only.
 */
const unitPeople = {
  scoped: true,
  allow: { officer: ['ok', 404], taskForce: 'ok', admin: 'ok' },
} as const satisfies RouteAccess;
const restructuring = {
  allow: { officer: 'ok', taskForce: 'ok', admin: 'ok' },
} as const satisfies RouteAccess;
const rulesEditors = { allow: { admin: 'ok' } } as const satisfies RouteAccess;

/** Years no seeded rule or other case uses: each rule or move a case writes gets its own. */
let nextYear = 0;
const freshRuleYear = () => 2000 + (nextYear++ % 15);
const freshMoveYear = () => 2400 + nextYear++;

const ruleBody = (year: number) => ({
  kind: 'dup',
  month: 7,
  day: 31,
  yearOffset: -1,
  afterBudgetDays: null,
  validFromYear: year,
  validToYear: year,
  source: 'Regola di prova',
});
const moveBody = (year: number) => ({
  kind: 'bilancio',
  year,
  due: `${year}-02-28`,
  source: 'Decreto di prova',
});

/** A rule or move made by the admin for a case that changes or removes one. */
async function madeRule(admin: TestClient) {
  const year = freshRuleYear();
  await dropRule(admin, year);
  const res = await admin.post('/api/v1/restructuring/deadline-rules', ruleBody(year));
  const rule = (res.json() as DeadlineRulesView).rules.find(
    (r) => r.kind === 'dup' && r.validFromYear === year,
  );
  if (!rule) throw new Error(`fixture rule: ${res.statusCode} ${res.body}`);
  return { id: rule.id, year };
}
async function dropRule(admin: TestClient, year: number) {
  const list = (await admin.get('/api/v1/restructuring/deadline-rules')).json() as DeadlineRulesView;
  const old = list.rules.find((r) => r.kind === 'dup' && r.validFromYear === year && r.validToYear === year);
  if (old) await admin.delete(`/api/v1/restructuring/deadline-rules/${old.id}`);
}
async function madeMove(admin: TestClient) {
  const year = freshMoveYear();
  const res = await admin.post('/api/v1/restructuring/deadline-moves', moveBody(year));
  const move = (res.json() as DeadlineRulesView).moves.find((m) => m.kind === 'bilancio' && m.year === year);
  if (!move) throw new Error(`fixture move: ${res.statusCode} ${res.body}`);
  return { id: move.id, year };
}

/** The side's DUP 2030 at its current revision, read by the admin. */
async function dupRevision(c: Case) {
  const v = (
    await c.w.admin.get(`/api/v1/restructuring/units/${c.side.unitId}/programming?year=2030`)
  ).json() as ProgrammingView;
  return v.documents.find((d) => d.kind === 'dup')?.revision ?? 0;
}

export const programmingAccess: AccessTable = {
  'GET /api/v1/restructuring/units/:id/programming': {
    ...unitPeople,
    request: ({ side }) => ({ params: { id: side.unitId }, query: { year: 2030 } }),
  },
  'PUT /api/v1/restructuring/units/:id/programming/:year/:kind': {
    ...unitPeople,
    request: async (c) => ({
      params: { id: c.side.unitId, year: 2030, kind: 'dup' },
      body: {
        revision: await dupRevision(c),
        adoptedOn: '2029-07-20',
        actType: 'Delibera di Consiglio',
        actNumber: '12',
        actDate: '2029-07-20',
        url: 'https://example.org/dup',
        simplified: false,
        personnelMoney: [{ year: 2030, cents: 100_000_00 }],
        notes: '',
      },
    }),
  },
  'GET /api/v1/restructuring/deadline-rules': restructuring,
  'POST /api/v1/restructuring/deadline-rules': {
    ...rulesEditors,
    request: async ({ w }) => {
      const year = freshRuleYear();
      await dropRule(w.admin, year);
      return { body: ruleBody(year) };
    },
  },
  'PUT /api/v1/restructuring/deadline-rules/:id': {
    ...rulesEditors,
    request: async ({ w }) => {
      const { id, year } = await madeRule(w.admin);
      return { params: { id }, body: { ...ruleBody(year), day: 30 } };
    },
  },
  'DELETE /api/v1/restructuring/deadline-rules/:id': {
    ...rulesEditors,
    request: async ({ w }) => ({ params: { id: (await madeRule(w.admin)).id } }),
  },
  'POST /api/v1/restructuring/deadline-moves': {
    ...rulesEditors,
    request: () => ({ body: moveBody(freshMoveYear()) }),
  },
  'PUT /api/v1/restructuring/deadline-moves/:id': {
    ...rulesEditors,
    request: async ({ w }) => {
      const { id, year } = await madeMove(w.admin);
      return { params: { id }, body: { ...moveBody(year), due: `${year}-03-15` } };
    },
  },
  'DELETE /api/v1/restructuring/deadline-moves/:id': {
    ...rulesEditors,
    request: async ({ w }) => ({ params: { id: (await madeMove(w.admin)).id } }),
  },
  'GET /api/v1/restructuring/deadlines': restructuring,
  'GET /api/v1/restructuring/deadlines.csv': restructuring,
};
