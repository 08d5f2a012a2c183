import { addDays, romeDate } from '../../../common/rome-time.js';
import { logbookDay } from '../fixtures.js';
import { type AccessTable, listed, type RouteAccess, SIGNED_IN } from './rules.js';

/**
 * Attendance and logbooks. A session is run (register, check-in code, sign-in sheet, webinar report)
 * by national admins and the trainers of its edition; a trainer who does not train the edition gets
 * nothing of its people. The task force and the officers read the attendance (officers: their own
 * Province's people).
 */
const runners = { scoped: true, allow: { trainer: ['ok', 403], admin: 'ok' } } as const satisfies RouteAccess;

/**
 * A logbook is the learner's: only they write it. Its readers are the learner, the edition's
 * trainers, the learner's Province officer, the task force and national admins; anyone else is
 * answered 404, as if it did not exist. A reader who may not write gets 403.
 */
const logbookWriters = {
  scoped: true,
  allow: { learner: ['ok', 404], officer: [403, 404], trainer: [403, 404], taskForce: 403, admin: 403 },
  denied: 404,
} as const satisfies RouteAccess;

/** A webinar platform's report: the side's learner connected for the whole webinar of yesterday. */
const webinarCsv = (email: string) => {
  const day = addDays(romeDate(new Date()), -1);
  return `Nome;Indirizzo e-mail;Ora di ingresso;Ora di uscita;Durata (minuti)\nPartecipante;${email};${day} 09:00;${day} 11:00;120\n`;
};

export const attendanceAccess: AccessTable = {
  'GET /api/v1/sessions/:id/register': {
    ...runners,
    request: ({ side }) => ({ params: { id: side.edition.webinar } }),
  },
  'PUT /api/v1/sessions/:id/register': {
    ...runners,
    request: ({ side }) => ({
      params: { id: side.edition.webinar },
      body: { entries: [{ userId: side.learner.id, present: true, lateMinutes: 0, leftEarlyMinutes: 0 }] },
    }),
  },
  'POST /api/v1/sessions/:id/checkin-code': {
    ...runners,
    request: ({ side }) => ({ params: { id: side.edition.now } }),
  },
  'GET /api/v1/sessions/:id/sign-in-sheet.pdf': {
    ...runners,
    request: ({ side }) => ({ params: { id: side.edition.webinar } }),
  },
  'POST /api/v1/sessions/:id/webinar-report': {
    ...runners,
    request: ({ side }) => ({
      params: { id: side.edition.webinar },
      upload: { filename: 'partecipanti.csv', content: webinarCsv(side.learner.email) },
    }),
  },
  'PUT /api/v1/enrolments/:id/final-test': {
    ...runners,
    request: ({ side }) => ({ params: { id: side.enrolment }, body: { passed: true } }),
  },
  // What a check-in code is for says nothing of anyone: every signed-in person may ask.
  'GET /api/v1/checkin/:token': {
    allow: SIGNED_IN,
    request: ({ w }) => ({ params: { token: w.own.checkin } }),
  },
  // Checking in: only a person enrolled in the edition.
  'POST /api/v1/checkin/:token': {
    scoped: true,
    allow: { learner: ['ok', 403] },
    request: ({ side }) => ({ params: { token: side.checkin } }),
  },
  'GET /api/v1/me/teaching': { allow: SIGNED_IN },
  'GET /api/v1/editions/:id/attendance': {
    scoped: true,
    allow: { officer: ['ok', 'empty'], trainer: ['ok', 403], taskForce: 'ok', admin: 'ok' },
    count: listed('people'),
    request: ({ side }) => ({ params: { id: side.edition.id } }),
  },

  // ---- Logbooks of affiancamento ---------------------------------------------------------------
  'GET /api/v1/enrolments/:id/logbook': {
    scoped: true,
    allow: { learner: ['ok', 404], officer: ['ok', 404], trainer: ['ok', 404], taskForce: 'ok', admin: 'ok' },
    denied: 404,
    request: ({ side }) => ({ params: { id: side.enrolment } }),
  },
  'POST /api/v1/enrolments/:id/logbook': {
    ...logbookWriters,
    request: ({ side }) => ({ params: { id: side.enrolment }, body: logbookDay() }),
  },
  'PATCH /api/v1/logbook/:id': {
    ...logbookWriters,
    request: ({ side }) => ({ params: { id: side.entry }, body: logbookDay() }),
  },
  'DELETE /api/v1/logbook/:id': {
    ...logbookWriters,
    request: async ({ side, w }) => ({ params: { id: await w.fx.entry(side) } }),
  },
  'GET /api/v1/logbook/awaiting': { allow: SIGNED_IN },
  // The coach (a trainer of the edition) and the learner's officer (or a national admin) sign.
  'POST /api/v1/logbook/:id/sign': {
    scoped: true,
    allow: { learner: [403, 404], officer: ['ok', 404], trainer: ['ok', 404], taskForce: 403, admin: 'ok' },
    denied: 404,
    request: async ({ caller, side, w }) => ({
      params: { id: await w.fx.entry(side) },
      body: { as: caller === 'trainer' ? 'coach' : 'officer' },
    }),
  },
};
