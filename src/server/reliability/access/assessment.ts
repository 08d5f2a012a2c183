import type { FrameworkTree } from '../../../common/framework.js';
import { fresh } from '../fixtures.js';
import { type AccessTable, type Case, type RouteAccess, SIGNED_IN } from './rules.js';

/**
 * The competency framework, the job profiles' expected levels and the gap screens.
 *
 * The framework is national: national admins edit it; everyone signed in reads the published and
 * retired versions, and a draft is the admins' own (answered 404 to others). Framework routes take
 * `own` for the published version and `other` for the draft.
 */
const admins = { allow: { admin: 'ok' } } as const satisfies RouteAccess;

const draftHidden = ['ok', 404] as const;
const readers = {
  scoped: true,
  allow: {
    learner: draftHidden,
    officer: draftHidden,
    trainer: draftHidden,
    taskForce: draftHidden,
    helpdesk: draftHidden,
    moderator: draftHidden,
    admin: 'ok',
  },
} as const satisfies RouteAccess;

const version = ({ target, w }: Case) => (target === 'own' ? w.fx.publishedFramework() : w.fx.draftId());

const firstArea = (d: FrameworkTree) => {
  const area = d.domains.flatMap((x) => x.areas)[0];
  if (!area) throw new Error('fixture: the draft has no area');
  return area;
};

const bilingual = (s: string) => ({ it: s, en: s });
const competencyBody = (areaId: number) => ({
  areaId,
  code: fresh('ZZ'),
  name: bilingual('Competenza di prova'),
  description: bilingual('Una competenza aggiunta dalla matrice delle autorizzazioni.'),
  keywords: [],
  levels: { base: bilingual('Base'), intermedio: bilingual('Intermedio'), avanzato: bilingual('Avanzato') },
});

/**
 * Expected levels: national ones read by admins, the task force and Province officers; a unit's
 * overrides by the first two and that unit's officers. Admins set the national levels and, with the
 * unit's officers, a unit's overrides. Profile routes take the side's unit as `?unit=`.
 */
const unitQuery = ({ side }: Case) => ({ unit: side.unitId });
const profileReaders = {
  scoped: true,
  allow: { officer: ['ok', 403], taskForce: 'ok', admin: 'ok' },
} as const satisfies RouteAccess;
const profileWriters = {
  scoped: true,
  allow: { officer: ['ok', 403], admin: 'ok' },
} as const satisfies RouteAccess;

/**
 * Gaps: national admins and the task force see every unit; a Province officer their own unit (another
 * unit is answered 404, as if absent from the results). Gap routes take the side's unit as `?unit=`.
 */
const gapReaders = {
  scoped: true,
  allow: { officer: ['ok', 404], taskForce: 'ok', admin: 'ok' },
} as const satisfies RouteAccess;
const gapsOf = (campaign: 'closedCampaign' | 'namedCampaign') => (c: Case) => ({
  params: { id: c.w[campaign] },
  query: { unit: c.side.unitId },
});

const heatmaps = ['heatmap', 'heatmap.csv', 'heatmap.xlsx', 'heatmap.svg'];
const priorities = ['priorities', 'priorities.csv', 'priorities.xlsx', 'priorities.svg'];

export const assessmentAccess: AccessTable = {
  // ---- Competency framework -----------------------------------------------------------------------
  'GET /api/v1/competency-frameworks': { allow: SIGNED_IN },
  'POST /api/v1/competency-frameworks': {
    ...admins,
    request: async ({ allowed, w }) => {
      if (allowed) await w.fx.noDraft();
      return { body: {} };
    },
  },
  'POST /api/v1/competency-frameworks/import': {
    ...admins,
    request: async ({ allowed, w }) => {
      // The version in force, exported: a file that imports as a new draft.
      const file = () =>
        w.fx.once('framework file', async () => {
          const id = await w.fx.publishedFramework();
          return (await w.admin.get(`/api/v1/competency-frameworks/${id}/export.json`)).body;
        });
      if (allowed) await w.fx.noDraft();
      return {
        query: { version: fresh('matrice') },
        upload: { filename: 'quadro.json', content: await file() },
      };
    },
  },
  'GET /api/v1/competency-frameworks/:id': {
    ...readers,
    request: async (c) => ({ params: { id: await version(c) } }),
  },
  'GET /api/v1/competency-frameworks/:id/export.json': {
    ...readers,
    request: async (c) => ({ params: { id: await version(c) } }),
  },
  'GET /api/v1/competency-frameworks/:id/export.csv': {
    ...readers,
    request: async (c) => ({ params: { id: await version(c) } }),
  },
  'PATCH /api/v1/competency-frameworks/:id': {
    ...admins,
    request: async ({ w }) => {
      const d = await w.fx.draft();
      return { params: { id: d.id }, body: { title: d.title } };
    },
  },
  'DELETE /api/v1/competency-frameworks/:id': {
    ...admins,
    request: async ({ w }) => ({ params: { id: await w.fx.draftId() } }),
  },
  'POST /api/v1/competency-frameworks/:id/publish': {
    ...admins,
    request: async ({ w }) => ({ params: { id: await w.fx.draftId() } }),
  },
  'POST /api/v1/competency-frameworks/:id/areas': {
    ...admins,
    request: async ({ w }) => {
      const d = await w.fx.draft();
      return {
        params: { id: d.id },
        body: { domainCode: d.domains[0]?.code, code: fresh('AREA'), name: bilingual('Area di prova') },
      };
    },
  },
  'PATCH /api/v1/competency-frameworks/:id/areas/:areaId': {
    ...admins,
    request: async ({ w }) => {
      const d = await w.fx.draft();
      const area = firstArea(d);
      return { params: { id: d.id, areaId: area.id }, body: { name: area.name } };
    },
  },
  'DELETE /api/v1/competency-frameworks/:id/areas/:areaId': {
    ...admins,
    request: async ({ w }) => {
      const d = await w.fx.draft();
      const code = fresh('AREA');
      const tree: FrameworkTree = (
        await w.admin.post(`/api/v1/competency-frameworks/${d.id}/areas`, {
          domainCode: d.domains[0]?.code,
          code,
          name: bilingual('Area da togliere'),
        })
      ).json();
      const area = tree.domains.flatMap((x) => x.areas).find((a) => a.code === code);
      return { params: { id: d.id, areaId: area?.id as number } };
    },
  },
  'POST /api/v1/competency-frameworks/:id/competencies': {
    ...admins,
    request: async ({ w }) => {
      const d = await w.fx.draft();
      return { params: { id: d.id }, body: competencyBody(firstArea(d).id) };
    },
  },
  'PATCH /api/v1/competency-frameworks/:id/competencies/:competencyId': {
    ...admins,
    request: async ({ w }) => {
      const d = await w.fx.draft();
      const c = firstArea(d).competencies[0];
      return { params: { id: d.id, competencyId: c?.id as number }, body: { name: c?.name } };
    },
  },
  'DELETE /api/v1/competency-frameworks/:id/competencies/:competencyId': {
    ...admins,
    request: async ({ w }) => {
      const d = await w.fx.draft();
      const body = competencyBody(firstArea(d).id);
      const tree: FrameworkTree = (
        await w.admin.post(`/api/v1/competency-frameworks/${d.id}/competencies`, body)
      ).json();
      const c = firstArea(tree).competencies.find((x) => x.code === body.code);
      return { params: { id: d.id, competencyId: c?.id as number } };
    },
  },
  'PUT /api/v1/competency-frameworks/:id/order': {
    ...admins,
    request: async ({ w }) => {
      const d = await w.fx.draft();
      const areas = d.domains
        .flatMap((x) => x.areas)
        .map((a) => ({ id: a.id, competencyIds: a.competencies.map((c) => c.id) }));
      return { params: { id: d.id }, body: { areas } };
    },
  },
  'GET /api/v1/path-competencies': admins,
  'GET /api/v1/path-competencies/:pathId': {
    ...admins,
    request: ({ w }) => ({ params: { pathId: w.path.id } }),
  },
  'PUT /api/v1/path-competencies/:pathId': {
    ...admins,
    request: ({ w }) => ({ params: { pathId: w.path.id }, body: { links: [] } }),
  },

  // ---- Job profiles' expected levels -----------------------------------------------------------------
  'GET /api/v1/job-profiles': { ...profileReaders, request: (c) => ({ query: unitQuery(c) }) },
  'GET /api/v1/job-profiles/:code/expectations': {
    ...profileReaders,
    request: (c) => ({ params: { code: c.w.profile }, query: unitQuery(c) }),
  },
  'GET /api/v1/job-profiles/:code/expectations.csv': {
    ...profileReaders,
    request: (c) => ({ params: { code: c.w.profile }, query: unitQuery(c) }),
  },
  'PUT /api/v1/job-profiles/:code/expectations': {
    ...profileWriters,
    request: (c) => ({
      params: { code: c.w.profile },
      query: unitQuery(c),
      body: { levels: [{ competencyCode: c.w.competency, level: 2 }] },
    }),
  },
  'POST /api/v1/job-profiles/:code/expectations/import': {
    ...profileWriters,
    request: (c) => ({
      params: { code: c.w.profile },
      query: unitQuery(c),
      upload: {
        filename: 'livelli.csv',
        content: `job_profile;competency_code;level\n${c.w.profile};${c.w.competency};2\n`,
      },
    }),
  },

  // ---- Gaps -------------------------------------------------------------------------------------------
  'GET /api/v1/gaps/campaigns': { allow: { officer: 'ok', taskForce: 'ok', admin: 'ok' } },
  ...Object.fromEntries(
    [...heatmaps, ...priorities].map((name) => [
      `GET /api/v1/campaigns/:id/gaps/${name}`,
      { ...gapReaders, request: gapsOf('closedCampaign') },
    ]),
  ),
  'GET /api/v1/campaigns/:id/gaps/people': { ...gapReaders, request: gapsOf('namedCampaign') },
  'GET /api/v1/my-gaps': { allow: SIGNED_IN },
};
