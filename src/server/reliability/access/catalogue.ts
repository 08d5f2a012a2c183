import { addDays, romeDate } from '../../../common/rome-time.js';
import { editionUpdate } from '../../test/training.js';
import { dayAt, editionBody, fresh, pathBody, sessionBody } from '../fixtures.js';
import { type AccessTable, EVERYONE, type RouteAccess, SIGNED_IN } from './rules.js';

/**
 * The catalogue: national admins and trainers granted the role nationally manage paths and schedule
 * editions (src/server/modules/training/catalogue/policy.ts). An edition, once scheduled, is changed
 * only by national admins and by the trainers who train it: a trainer sees and changes only the
 * editions they train. Others have no catalogue pages (the public calendar shows what is published).
 */
const managers = { allow: { trainer: 'ok', admin: 'ok' } } as const satisfies RouteAccess;
const editionManagers = {
  scoped: true,
  allow: { trainer: ['ok', 403], admin: 'ok' },
} as const satisfies RouteAccess;

/** A Rome time in a month, when the scratch editions take place. */
const inAMonth = (time: string) => dayAt(30, time);

/** One CSV row: an edition of the path with one session in a month. */
const scheduleCsv = (slug: string) => {
  const day = addDays(romeDate(new Date()), 30);
  const header =
    'path_slug,edition_title,starts_on,ends_on,capacity,enrolment_opens,enrolment_closes,venue_name,venue_address,venue_unit_istat,session_title,session_start,session_end,mode,room';
  const row = [
    slug,
    fresh('Edizione importata'),
    day,
    day,
    '40',
    `${romeDate(new Date())} 00:00`,
    `${addDays(day, -1)} 23:59`,
    '',
    '',
    '',
    'Prima sessione',
    `${day} 09:00`,
    `${day} 13:00`,
    'webinar',
    '',
  ].join(',');
  return `${header}\n${row}\n`;
};

export const catalogueAccess: AccessTable = {
  // ---- Convenzioni: national admins ---------------------------------------------------------------
  'GET /api/v1/agreements': { allow: { admin: 'ok' } },
  'POST /api/v1/agreements': {
    allow: { admin: 'ok' },
    request: ({ side }) => ({
      body: {
        unitId: side.unitId,
        serviceModelCode: 'SIT',
        signedOn: '2026-01-15',
        actReference: fresh('Delibera'),
        validFrom: '2026-02-01',
        validTo: null,
      },
    }),
  },
  'PATCH /api/v1/agreements/:id': {
    allow: { admin: 'ok' },
    request: async ({ w }) => {
      const { items } = (await w.admin.get('/api/v1/agreements?pageSize=100')).json();
      const a = items.find((x: { id: number }) => x.id === w.agreement);
      const { id, unitName: _u, serviceModelName: _s, active: _a, ...body } = a;
      return { params: { id }, body };
    },
  },

  // ---- Paths ------------------------------------------------------------------------------------------
  'GET /api/v1/training-paths': managers,
  'POST /api/v1/training-paths': { ...managers, request: () => ({ body: pathBody() }) },
  'GET /api/v1/training-paths/:id': { ...managers, request: ({ w }) => ({ params: { id: w.path.id } }) },
  'PATCH /api/v1/training-paths/:id': {
    ...managers,
    request: async ({ w }) => ({ params: { id: await w.fx.draftPath() }, body: pathBody() }),
  },
  'POST /api/v1/training-paths/:id/status': {
    ...managers,
    request: async ({ w }) => ({ params: { id: await w.fx.draftPath() }, body: { status: 'published' } }),
  },

  // ---- Editions and sessions --------------------------------------------------------------------------
  'GET /api/v1/editions': managers,
  'POST /api/v1/editions': {
    ...managers,
    request: ({ w }) => ({
      body: {
        pathId: w.path.id,
        ...editionBody([{ starts: inAMonth('09:00'), ends: inAMonth('13:00') }]),
      },
    }),
  },
  'POST /api/v1/editions/import': {
    ...managers,
    request: ({ w }) => ({ upload: { filename: 'calendario.csv', content: scheduleCsv(w.path.slug) } }),
  },
  'GET /api/v1/editions/:id': {
    ...editionManagers,
    request: ({ side }) => ({ params: { id: side.edition.id } }),
  },
  // A call that may pass changes a draft of its own: a change of trainers would spoil the scratch edition.
  'PATCH /api/v1/editions/:id': {
    ...editionManagers,
    request: async ({ allowed, side, w }) => {
      const day = { starts: inAMonth('09:00'), ends: inAMonth('13:00') };
      const e = allowed
        ? await w.fx.edition(w.path.id, [day], { trainerIds: side.trainerIds }, false)
        : (await w.admin.get(`/api/v1/editions/${side.scratch.id}`)).json();
      return { params: { id: e.id }, body: editionUpdate(e, { title: fresh('Edizione') }) };
    },
  },
  'POST /api/v1/editions/:id/status': {
    ...editionManagers,
    request: async ({ allowed, side, w }) => {
      const day = { starts: inAMonth('09:00'), ends: inAMonth('13:00') };
      const make = () => w.fx.edition(w.path.id, [day], { trainerIds: side.trainerIds }, false);
      const e = allowed ? await make() : await w.fx.once(`draft edition ${side.unitId}`, make);
      return { params: { id: e.id }, body: { status: 'published' } };
    },
  },
  'POST /api/v1/editions/:id/sessions': {
    ...editionManagers,
    request: ({ side }) => ({
      params: { id: side.scratch.id },
      body: sessionBody({ starts: inAMonth('14:00'), ends: inAMonth('16:00') }),
    }),
  },
  'PATCH /api/v1/editions/:id/sessions/:sessionId': {
    ...editionManagers,
    request: ({ side }) => ({
      params: { id: side.scratch.id, sessionId: side.scratch.session },
      body: sessionBody({ starts: inAMonth('09:00'), ends: inAMonth('12:00') }),
    }),
  },
  'POST /api/v1/editions/:id/sessions/:sessionId/cancel': {
    ...editionManagers,
    request: async ({ side, w }) => {
      const s = (
        await w.admin.post(
          `/api/v1/editions/${side.scratch.id}/sessions`,
          sessionBody({ starts: inAMonth('17:00'), ends: inAMonth('18:00') }),
        )
      ).json();
      return {
        params: { id: side.scratch.id, sessionId: s.id },
        body: { reason: 'Aula non disponibile' },
      };
    },
  },

  // ---- The public calendar, and the personal secret feed ----------------------------------------------
  'GET /api/v1/public/calendar': { public: true, allow: EVERYONE },
  'GET /calendar.ics': { public: true, allow: EVERYONE },
  'GET /api/v1/public/paths': { public: true, allow: EVERYONE },
  'GET /api/v1/public/paths/:slug': {
    public: true,
    allow: EVERYONE,
    request: ({ w }) => ({ params: { slug: w.path.slug } }),
  },
  'GET /api/v1/public/editions/:id': {
    public: true,
    allow: EVERYONE,
    request: ({ w }) => ({ params: { id: w.openEdition } }),
  },
  // The address is the secret: whoever holds it reads the feed, signed in or not.
  'GET /calendar/feed/:file': {
    public: true,
    allow: EVERYONE,
    request: async ({ w }) => {
      const { url } = (await w.own.learnerClient.post('/api/v1/me/calendar-feed')).json();
      return { params: { file: String(url).split('/').pop() as string } };
    },
  },
  'GET /api/v1/me/calendar-feed': { allow: SIGNED_IN },
  'POST /api/v1/me/calendar-feed': { allow: SIGNED_IN },
  'DELETE /api/v1/me/calendar-feed': { allow: SIGNED_IN },
};
