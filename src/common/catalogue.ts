import { z } from 'zod';
import { paged, pageQuery } from './api.js';
import { dbId, dbIdParam, httpUrl, instant, isoDate, pageSize, refCode, text } from './primitives.js';

export const LEVELS = ['base', 'intermedio', 'avanzato'] as const;
export const DELIVERY_MODES = ['webinar', 'online', 'aula', 'affiancamento'] as const;
export const ELIGIBILITY = ['all', 'agreement', 'units'] as const;
export const PATH_STATUSES = ['draft', 'published', 'archived'] as const;
export const EDITION_STATUSES = ['draft', 'published', 'closed', 'completed', 'cancelled'] as const;
export const SESSION_STATUSES = ['scheduled', 'cancelled'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];
export type EditionStatus = (typeof EDITION_STATUSES)[number];
/** What an edition_changes row records: an edition edited or moved to a status, a session added, edited or cancelled. */
export const EDITION_CHANGE_KINDS = [
  'edition.updated',
  'edition.published',
  'edition.closed',
  'edition.completed',
  'edition.cancelled',
  'session.added',
  'session.updated',
  'session.cancelled',
] as const;

// ---- Convenzioni ------------------------------------------------------------------------------

export const agreementInput = z.object({
  unitId: dbId,
  serviceModelCode: refCode,
  signedOn: isoDate,
  actReference: text(200).min(2),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  notes: text(2000).nullable().optional(),
});
export const agreement = agreementInput.extend({
  id: z.number().int(),
  unitName: z.string(),
  serviceModelName: z.string(),
  active: z.boolean().describe('Valid today'),
  notes: z.string().nullable(),
});
export type Agreement = z.infer<typeof agreement>;
export const agreementQuery = pageQuery.extend({
  unitId: dbIdParam.optional(),
  serviceModel: refCode.optional(),
});

// ---- Percorsi formativi --------------------------------------------------------------------------

export const moduleInput = z.object({
  title: text(200).min(2),
  description: text(4000).default(''),
  hours: z.number().positive().max(1000),
  mode: z.enum(DELIVERY_MODES),
});
export const material = z.object({ title: text(200).min(1), url: httpUrl });

export const pathInput = z.object({
  slug: z
    .string()
    .trim()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lowercase words joined by -')
    .max(120)
    .optional(),
  title: text(200).min(3),
  summary: text(2000).min(10),
  objectives: text(8000).default(''),
  domainCode: refCode,
  serviceModelCode: refCode.nullable(),
  level: z.enum(LEVELS),
  competencies: z.array(text(200).min(1)).max(50).default([]),
  targetJobProfiles: z.array(refCode).max(50).default([]),
  totalHours: z.number().positive().max(2000),
  deliveryModes: z.array(z.enum(DELIVERY_MODES)).min(1),
  eligibility: z.enum(ELIGIBILITY).default('all'),
  unitIds: z.array(dbId).max(200).default([]),
  materials: z.array(material).max(50).default([]),
  modules: z.array(moduleInput).max(100).default([]),
});
export type PathInput = z.infer<typeof pathInput>;

export const trainingPath = pathInput.extend({
  id: z.number().int(),
  slug: z.string(),
  status: z.enum(PATH_STATUSES),
  domainName: z.string(),
  serviceModelName: z.string().nullable(),
  modules: z.array(moduleInput.extend({ id: z.number().int(), position: z.number().int() })),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TrainingPath = z.infer<typeof trainingPath>;

export const pathListQuery = pageQuery.extend({
  q: text(200).optional(),
  domain: refCode.optional(),
  serviceModel: refCode.optional(),
  status: z.enum(PATH_STATUSES).optional(),
});
/** The public list of paths: published ones only, so no status filter. */
export const publicPathListQuery = pageQuery.extend({
  q: text(200).optional().describe('Full-text search (Italian stemming) in titles and descriptions'),
  domain: refCode.optional(),
  serviceModel: refCode.optional(),
  mode: z.enum(DELIVERY_MODES).optional().describe('Paths delivered (also) in this mode'),
});
export type PublicPathListQuery = z.infer<typeof publicPathListQuery>;
export const publicPathSummary = trainingPath.omit({ unitIds: true }).extend({
  upcomingEditions: z.number().int().describe('Published or closed editions not yet ended'),
});
export type PublicPathSummary = z.infer<typeof publicPathSummary>;
export const pathStatusBody = z.object({ status: z.enum(PATH_STATUSES) });

// ---- Edizioni e sessioni ---------------------------------------------------------------------------

export const editionInput = z.object({
  pathId: dbId,
  title: text(200).min(3),
  startsOn: isoDate,
  endsOn: isoDate,
  capacity: z.number().int().min(0).max(100_000),
  enrolmentOpensAt: instant,
  enrolmentClosesAt: instant,
  online: z.boolean().default(false),
  venueName: text(200).nullable().default(null),
  venueAddress: text(400).nullable().default(null),
  venueUnitId: dbId.nullable().default(null),
  trainerIds: z.array(z.string().uuid()).max(20).default([]),
  /** Requests wait for the Province officer's approval before taking a seat. */
  approvalRequired: z.boolean().default(false),
  /** Share of the scheduled hours to attend for completion, in percent. */
  minAttendancePct: z.number().int().min(1).max(100).default(75),
  finalTestRequired: z.boolean().default(false),
  /** Learners may cancel until then; null = until the edition starts. */
  cancellationClosesAt: instant.nullable().default(null),
});
export type EditionInput = z.infer<typeof editionInput>;

export const sessionInput = z.object({
  title: text(200).min(2),
  startsAt: instant,
  endsAt: instant,
  mode: z.enum(DELIVERY_MODES),
  room: text(200).nullable().default(null),
  onlineUrl: httpUrl.nullable().default(null),
  trainerId: z.string().uuid().nullable().default(null),
});
export type SessionInput = z.infer<typeof sessionInput>;

export const session = sessionInput.extend({
  id: z.number().int(),
  editionId: z.number().int(),
  status: z.enum(SESSION_STATUSES),
  sequence: z.number().int(),
  trainerName: z.string().nullable(),
});
export type Session = z.infer<typeof session>;

export const edition = editionInput.extend({
  id: z.number().int(),
  status: z.enum(EDITION_STATUSES),
  cancelReason: z.string().nullable(),
  pathTitle: z.string(),
  pathSlug: z.string(),
  venueUnitName: z.string().nullable(),
  trainers: z.array(z.object({ id: z.string(), name: z.string() })),
  sessions: z.array(session),
  seatsLeft: z.number().int(),
  updatedAt: z.string(),
});
export type Edition = z.infer<typeof edition>;

export const editionListQuery = pageQuery.extend({
  pathId: dbIdParam.optional(),
  status: z.enum(EDITION_STATUSES).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

/** draft → published → closed → completed; any but completed → cancelled (with a reason). */
export const editionTransition = z.discriminatedUnion('status', [
  z.object({ status: z.literal('published') }),
  z.object({ status: z.literal('closed') }),
  z.object({ status: z.literal('completed') }),
  z.object({ status: z.literal('cancelled'), reason: text(1000).min(5) }),
]);

export const sessionCancelBody = z.object({ reason: text(1000).min(5) });

export const importRowReport = z.object({ row: z.number().int(), messages: z.array(z.string()) });
export const scheduleImportReport = z.object({
  editionsCreated: z.number().int(),
  sessionsCreated: z.number().int(),
  failed: z.number().int(),
  errors: z.array(importRowReport),
});

// ---- Calendario pubblico -------------------------------------------------------------------------

export const calendarQuery = pageQuery.extend({
  from: isoDate.optional().describe('First day (Europe/Rome), default today'),
  to: isoDate.optional().describe('Last day included (Europe/Rome), default from + 3 months'),
  domain: refCode.optional(),
  serviceModel: refCode.optional(),
  mode: z.enum(DELIVERY_MODES).optional(),
  unit: dbIdParam.optional().describe('Open to the staff of this territorial unit'),
  region: text(80).optional().describe('Held in this region (venue), or online'),
  available: z.enum(['true', 'false']).optional().describe('Only editions with seats left'),
  q: text(200).optional().describe('Full-text search (Italian stemming) in titles and descriptions'),
  pageSize: pageSize(500, 100),
});
export type CalendarQuery = z.infer<typeof calendarQuery>;

/** One session in the public calendar: never a webinar link, never personal data. */
export const calendarEntry = z.object({
  sessionId: z.number().int(),
  sessionTitle: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  mode: z.enum(DELIVERY_MODES),
  status: z.enum(SESSION_STATUSES),
  editionId: z.number().int(),
  editionTitle: z.string(),
  editionStatus: z.enum(EDITION_STATUSES),
  pathSlug: z.string(),
  pathTitle: z.string(),
  domainCode: z.string(),
  serviceModelCode: z.string().nullable(),
  venueName: z.string().nullable(),
  venueAddress: z.string().nullable(),
  room: z.string().nullable(),
  regionName: z.string().nullable(),
  seatsLeft: z.number().int(),
});
export type CalendarEntry = z.infer<typeof calendarEntry>;

/** A page of the public calendar; when the period holds nothing, where the next matching session is. */
export const calendarPage = paged(calendarEntry).extend({
  nextSessionAt: z
    .string()
    .nullable()
    .describe('When nothing matches: the start of the first matching session after the period, or null'),
});
export type CalendarPage = z.infer<typeof calendarPage>;

/** Eligibility explained: who may enrol, in words the public can read. */
export const eligibilityInfo = z.object({
  kind: z.enum(ELIGIBILITY),
  serviceModelCode: z.string().nullable(),
  units: z.array(z.object({ id: z.number().int(), name: z.string() })),
  text: z.string(),
});

/**
 * Why the signed-in person may not enrol themselves in an edition: the code the enrolment itself would
 * be refused with (the same checks, in the same order).
 */
export const SELF_ENROLMENT_REFUSALS = [
  'EDITION_NOT_OPEN',
  'ENROLMENT_NOT_OPEN_YET',
  'ENROLMENT_CLOSED',
  'NOT_ELIGIBLE',
  'ALREADY_ENROLLED',
] as const;
export type SelfEnrolmentRefusal = (typeof SELF_ENROLMENT_REFUSALS)[number];

export const enrolmentStanding = z.object({
  allowed: z.boolean(),
  reason: z.enum(SELF_ENROLMENT_REFUSALS).nullable(),
});
export type EnrolmentStanding = z.infer<typeof enrolmentStanding>;

export const publicSession = session.omit({ onlineUrl: true, trainerId: true });
/** Trainers appear on public pages by name only: their user ids are personal data. */
export const publicEdition = edition.omit({ sessions: true, trainerIds: true }).extend({
  sessions: z.array(publicSession),
  eligibility: eligibilityInfo,
  trainers: z.array(z.object({ name: z.string() })),
  /** Only for a signed-in person: whether they may enrol themselves now, or why not. */
  enrolment: enrolmentStanding.optional(),
});
export const publicPath = trainingPath.omit({ unitIds: true }).extend({
  eligibility: eligibilityInfo,
  editions: z.array(
    edition.pick({
      id: true,
      title: true,
      startsOn: true,
      endsOn: true,
      status: true,
      seatsLeft: true,
      online: true,
      venueName: true,
    }),
  ),
});
