import { z } from 'zod';
import { DELIVERY_MODES, EDITION_STATUSES, SESSION_STATUSES } from './catalogue.js';
import { isoDate, text } from './primitives.js';
import { WEBINAR_ROOMS } from './webinars.js';

/** How a ledger row was recorded. */
export const ATTENDANCE_SOURCES = ['register', 'qr', 'webinar', 'online', 'logbook'] as const;
export type AttendanceSource = (typeof ATTENDANCE_SOURCES)[number];

/** One row of the attendance ledger: a person's minutes in one session. */
export const attendanceRow = z.object({
  minutes: z.number().int(),
  source: z.enum(ATTENDANCE_SOURCES),
  detail: z.record(z.string(), z.unknown()).nullable(),
  recordedAt: z.string(),
});
export type AttendanceRow = z.infer<typeof attendanceRow>;

/** A session as the register, the check-in page and the sign-in sheet describe it. */
export const sessionInfo = z.object({
  id: z.number().int(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  mode: z.enum(DELIVERY_MODES),
  status: z.enum(SESSION_STATUSES),
  room: z.string().nullable(),
  /** endsAt − startsAt, in whole minutes: the most anyone can attend. */
  lengthMinutes: z.number().int(),
  editionId: z.number().int(),
  editionTitle: z.string(),
  editionStatus: z.enum(EDITION_STATUSES),
  pathTitle: z.string(),
});
export type SessionInfo = z.infer<typeof sessionInfo>;

/** A session I teach (as a trainer of its edition or of the session itself), with its attendance so far. */
export const teachingSession = sessionInfo.extend({
  /** Confirmed enrolments of the edition. */
  enrolled: z.number().int(),
  /** People with minutes recorded in this session. */
  recorded: z.number().int(),
  /** Where the live webinar is held (entered as moderator through the join route); null if none. */
  webinar: z.enum(WEBINAR_ROOMS).nullable(),
});
export type TeachingSession = z.infer<typeof teachingSession>;

export const teachingQuery = z.object({
  from: isoDate.optional().describe('First day (Europe/Rome), default 30 days ago'),
  to: isoDate.optional().describe('Last day (Europe/Rome), default 180 days ahead'),
});

// ---- Registro d'aula -------------------------------------------------------------------------

export const registerPerson = z.object({
  enrolmentId: z.number().int(),
  userId: z.string(),
  name: z.string(),
  unitName: z.string().nullable(),
  attendance: attendanceRow.nullable(),
});
export const register = z.object({
  session: sessionInfo,
  /** The register can be filled in once the session has started. */
  started: z.boolean(),
  people: z.array(registerPerson),
});
export type Register = z.infer<typeof register>;

export const registerBody = z.object({
  entries: z
    .array(
      z.object({
        userId: z.uuid(),
        present: z.boolean(),
        lateMinutes: z.number().int().min(0).max(10_000).default(0),
        leftEarlyMinutes: z.number().int().min(0).max(10_000).default(0),
      }),
    )
    .min(1)
    .max(1000),
});
export type RegisterBody = z.infer<typeof registerBody>;

// ---- QR check-in ------------------------------------------------------------------------------

export const checkinCode = z.object({
  token: z.string(),
  url: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  /** The QR code of `url`, as an SVG document. */
  svg: z.string(),
});

export const checkinInfo = z.object({
  sessionTitle: z.string(),
  editionTitle: z.string(),
  pathTitle: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  open: z.boolean(),
  /** Whether the signed-in person may check in (a confirmed enrolment). */
  enrolled: z.boolean(),
  /** The minutes already recorded for the signed-in person, if any. */
  minutes: z.number().int().nullable(),
});

export const checkinResult = z.object({
  sessionTitle: z.string(),
  checkedInAt: z.string(),
  /** The minutes now in the ledger (an earlier, higher record is kept). */
  minutes: z.number().int(),
});

// ---- Webinar report ---------------------------------------------------------------------------

export const webinarReport = z.object({
  /** People whose minutes were recorded. */
  recorded: z.number().int(),
  unmatched: z.array(
    z.object({
      row: z.number().int(),
      name: z.string(),
      email: z.string(),
      /** By e-mail: no such account, or not confirmed; by name (reports without e-mail): none or several. */
      reason: z.enum(['unknown_email', 'not_enrolled', 'unknown_name', 'ambiguous_name']),
      message: z.string(),
    }),
  ),
  errors: z.array(z.object({ row: z.number().int(), messages: z.array(z.string()) })),
});
export type WebinarReport = z.infer<typeof webinarReport>;

// ---- Completion and the edition's matrix ------------------------------------------------------

export const finalTestBody = z.object({ passed: z.boolean() });

export const completionState = z.object({
  enrolmentId: z.number().int(),
  minutesScheduled: z.number().int(),
  minutesAttended: z.number().int(),
  /** Share of the scheduled minutes attended, rounded down to one decimal. */
  pct: z.number(),
  complete: z.boolean(),
  completedOn: z.string().nullable(),
  finalTestPassed: z.boolean().nullable(),
});

export const attendanceMatrix = z.object({
  editionId: z.number().int(),
  editionTitle: z.string(),
  pathTitle: z.string(),
  minAttendancePct: z.number().int(),
  finalTestRequired: z.boolean(),
  sessions: z.array(
    z.object({
      id: z.number().int(),
      title: z.string(),
      startsAt: z.string(),
      endsAt: z.string(),
      mode: z.enum(DELIVERY_MODES),
      status: z.enum(SESSION_STATUSES),
      lengthMinutes: z.number().int(),
    }),
  ),
  people: z.array(
    z.object({
      enrolmentId: z.number().int(),
      userId: z.string(),
      name: z.string(),
      unitName: z.string().nullable(),
      /** One entry per session with a ledger row. */
      minutes: z.array(
        z.object({
          sessionId: z.number().int(),
          minutes: z.number().int(),
          source: z.enum(ATTENDANCE_SOURCES),
        }),
      ),
      minutesAttended: z.number().int(),
      pct: z.number(),
      complete: z.boolean(),
      completedOn: z.string().nullable(),
      finalTestPassed: z.boolean().nullable(),
    }),
  ),
});
export type AttendanceMatrix = z.infer<typeof attendanceMatrix>;

// ---- Affiancamento logbook --------------------------------------------------------------------

export const logbookInput = z.object({
  day: isoDate,
  minutes: z
    .number()
    .int()
    .positive()
    .max(24 * 60)
    // Quarters of an hour; zod words the refusal in Italian and English.
    .multipleOf(15),
  activities: text(2000).min(5),
});
export type LogbookInput = z.infer<typeof logbookInput>;

export const SIGNERS = ['coach', 'officer'] as const;
export const signBody = z.object({ as: z.enum(SIGNERS) });

export const logbookEntry = z.object({
  id: z.number().int(),
  enrolmentId: z.number().int(),
  sessionId: z.number().int(),
  sessionTitle: z.string(),
  day: z.string(),
  minutes: z.number().int(),
  activities: z.string(),
  coachName: z.string().nullable(),
  coachSignedAt: z.string().nullable(),
  officerName: z.string().nullable(),
  officerSignedAt: z.string().nullable(),
  /** Signed by both: its minutes count in the ledger. */
  credited: z.boolean(),
  createdAt: z.string(),
});
export type LogbookEntry = z.infer<typeof logbookEntry>;

export const logbook = z.object({
  enrolmentId: z.number().int(),
  learnerName: z.string(),
  editionTitle: z.string(),
  pathTitle: z.string(),
  entries: z.array(logbookEntry),
});

export const awaitingEntry = logbookEntry.extend({
  learnerName: z.string(),
  unitName: z.string().nullable(),
  editionId: z.number().int(),
  editionTitle: z.string(),
  /** The signatures the signed-in person may still give to this entry. */
  awaitingAs: z.array(z.enum(SIGNERS)),
});
export const awaitingList = z.object({ items: z.array(awaitingEntry) });
