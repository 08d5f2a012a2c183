import { FEEDBACK_ITEMS } from '../../../common/learning.js';
import { type AccessTable, type Case, EVERYONE, listed, SIGNED_IN } from './rules.js';

/**
 * Enrolments, learning and certificates. National admins and the task force see every edition's
 * people; a Province officer sees and decides for the people of their Province; a trainer sees the
 * people of the editions they train, and nothing of the others; learners see their own.
 */

/** A new person of the side's unit with a confirmed enrolment in the side's edition. */
const enrolled = async ({ side, w }: Case) => {
  const p = await w.fx.person(side.unitId);
  return w.fx.enrol(side.edition.id, p);
};

/** The side's learner's certificate, reissued when an earlier case revoked it. */
const certificate = ({ side, w }: Case) => w.fx.certificate(side.done.enrolment);

/** Reading a certificate: its holder, the officer of the holder's Province, the edition's trainers. */
const certificateReaders = {
  learner: ['ok', 404],
  officer: ['ok', 404],
  trainer: ['ok', 404],
  taskForce: 'ok',
  admin: 'ok',
} as const;

export const trainingAccess: AccessTable = {
  // ---- Enrolment -----------------------------------------------------------------------------------
  // Anyone with an account may enrol in an edition open to all, for themselves.
  'POST /api/v1/enrolments': {
    allow: SIGNED_IN,
    request: ({ w }) => ({ body: { editionId: w.openEdition } }),
  },
  'GET /api/v1/me/enrolments': { allow: SIGNED_IN },
  'GET /api/v1/enrolments': {
    scoped: true,
    allow: { officer: ['ok', 'empty'], trainer: ['ok', 'empty'], taskForce: 'ok', admin: 'ok' },
    count: listed(),
    request: ({ side }) => ({ query: { editionId: side.edition.id } }),
    variants: {
      // The whole list, first page: what it shows of the target's editions. A trainer sees the
      // enrolments of the editions they train and none of the others', an officer their Province's people.
      unfiltered: {
        scoped: true,
        allow: { officer: ['ok', 'empty'], trainer: ['ok', 'empty'], taskForce: 'ok', admin: 'ok' },
        count: (b, { side }) => {
          const editions = [side.edition.id, side.spare, side.done.edition, side.scratch.id];
          return (b.items as { editionId: number }[]).filter((e) => editions.includes(e.editionId)).length;
        },
        request: () => ({ query: { pageSize: 200 } }),
      },
    },
  },
  // Officers nominate their own staff: another Province's person is refused on that person's line.
  'POST /api/v1/enrolments/nominations': {
    scoped: true,
    allow: { officer: ['ok', 'empty'], admin: 'ok' },
    count: (b) => b.results.filter((r: { enrolmentId: number | null }) => r.enrolmentId !== null).length,
    request: async ({ side, w }) => {
      const p = await w.fx.person(side.unitId);
      return { body: { editionId: w.openEdition, userIds: [p.id] } };
    },
  },
  'POST /api/v1/enrolments/:id/decision': {
    scoped: true,
    allow: { officer: ['ok', 404], admin: 'ok' },
    denied: 404,
    request: async ({ side, w }) => {
      const p = await w.fx.person(side.unitId);
      const id = await w.fx.enrol(w.approvalEdition, p, 'pending');
      return { params: { id }, body: { decision: 'approve' } };
    },
  },
  // One's own enrolment, before the deadline; an officer any of their Province's.
  'POST /api/v1/enrolments/:id/cancel': {
    scoped: true,
    allow: { learner: ['ok', 404], officer: ['ok', 404], admin: 'ok' },
    denied: 404,
    request: async ({ side, w }) => ({
      params: { id: await w.fx.activeEnrolment(side.spare, side.learner) },
      body: {},
    }),
  },
  // Moves are a national decision, and a trainer's only between editions they train: an enrolment
  // of another edition is answered 404, as if absent.
  'POST /api/v1/enrolments/:id/move': {
    scoped: true,
    allow: { trainer: ['ok', 404], admin: 'ok' },
    request: async (c) => ({ params: { id: await enrolled(c) }, body: { toEditionId: c.side.spare } }),
  },
  // The seat summary of an edition (counts by status, quotas by unit) is for those who see all of its
  // enrolments: national admins, the task force and its trainers. The public page shows seats left.
  'GET /api/v1/editions/:id/seats': {
    scoped: true,
    allow: { trainer: ['ok', 403], taskForce: 'ok', admin: 'ok' },
    request: ({ side }) => ({ params: { id: side.edition.id } }),
  },
  'PUT /api/v1/editions/:id/quotas': {
    scoped: true,
    allow: { trainer: ['ok', 403], admin: 'ok' },
    request: ({ side }) => ({ params: { id: side.edition.id }, body: { quotas: [] } }),
  },

  // How an officer hears of their staff's pending requests and cancellations: officers only, their own.
  'GET /api/v1/me/enrolment-notices': { allow: { officer: 'ok' } },
  'PUT /api/v1/me/enrolment-notices': {
    allow: { officer: 'ok' },
    request: () => ({ body: { mode: 'each' } }),
  },

  // ---- Learning ---------------------------------------------------------------------------------------
  'GET /api/v1/me/transcript': { allow: SIGNED_IN },
  'GET /api/v1/me/sessions': { allow: SIGNED_IN },
  'GET /api/v1/me/feedback-due': { allow: SIGNED_IN },
  // Only the participant answers, once: someone else's enrolment is answered 404.
  'POST /api/v1/enrolments/:id/feedback': {
    scoped: true,
    allow: { learner: ['ok', 404] },
    denied: 404,
    request: ({ side }) => ({
      params: { id: side.done.enrolment },
      body: { answers: Object.fromEntries(FEEDBACK_ITEMS.map((i) => [i.key, 4])), comment: null },
    }),
  },
  'GET /api/v1/editions/:id/feedback': {
    scoped: true,
    allow: { trainer: ['ok', 403], taskForce: 'ok', admin: 'ok' },
    request: ({ side }) => ({ params: { id: side.done.edition } }),
  },

  // ---- Certificates -------------------------------------------------------------------------------------
  'GET /api/v1/public/certificates/:code': {
    public: true,
    allow: EVERYONE,
    request: async (c) => ({ params: { code: (await certificate(c)).code } }),
  },
  'GET /api/v1/me/certificates': { allow: SIGNED_IN },
  'GET /api/v1/editions/:id/certificates': {
    scoped: true,
    allow: { trainer: ['ok', 403], taskForce: 'ok', admin: 'ok' },
    count: listed(),
    request: ({ side }) => ({ params: { id: side.done.edition } }),
  },
  'GET /api/v1/editions/:id/certificates.zip': {
    scoped: true,
    allow: { trainer: ['ok', 403], taskForce: 'ok', admin: 'ok' },
    request: ({ side }) => ({ params: { id: side.done.edition } }),
  },
  'GET /api/v1/certificates/:id/pdf': {
    scoped: true,
    allow: certificateReaders,
    denied: 404,
    request: async (c) => ({ params: { id: (await certificate(c)).id } }),
  },
  // Revoking and reissuing: national admins, and national trainers for the editions they train
  // (another edition's certificate is answered 404, as if absent).
  'POST /api/v1/certificates/:id/revoke': {
    scoped: true,
    allow: { trainer: ['ok', 404], admin: 'ok' },
    request: async (c) => ({
      params: { id: (await certificate(c)).id },
      body: { reason: 'Dati anagrafici errati' },
    }),
  },
  'POST /api/v1/certificates/:id/reissue': {
    scoped: true,
    allow: { trainer: ['ok', 404], admin: 'ok' },
    request: async (c) => ({ params: { id: (await certificate(c)).id } }),
  },
};
