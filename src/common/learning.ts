import { z } from 'zod';
import { DELIVERY_MODES, EDITION_STATUSES, SESSION_STATUSES } from './catalogue.js';
import { isoDate, text } from './primitives.js';
import { WEBINAR_ROOMS } from './webinars.js';

/** The learner's own area in the web app ("la mia formazione"); e-mails link to it. */
export const LEARNER_AREA_PATH = '/la-mia-formazione';

// ---- Libretto formativo --------------------------------------------------------------------------

export const transcriptEdition = z.object({
  enrolmentId: z.number().int(),
  editionId: z.number().int(),
  pathTitle: z.string(),
  editionTitle: z.string(),
  /** Minutes attended in sessions held in this year (Europe/Rome). */
  minutes: z.number().int(),
  hours: z.number(),
  completedOn: z.string().nullable(),
  /** The valid certificate's verification code, if any. */
  certificateCode: z.string().nullable(),
});

export const transcriptYear = z.object({
  year: z.number().int(),
  minutes: z.number().int(),
  hours: z.number(),
  targetHours: z.number(),
  /** Share of the yearly target attended, in percent (may exceed 100). */
  progressPct: z.number().int(),
  reached: z.boolean(),
  editions: z.array(transcriptEdition),
});
export type TranscriptYear = z.infer<typeof transcriptYear>;

export const transcript = z.object({
  targetHours: z.number(),
  /** Most recent year first; the current year is always present. */
  years: z.array(transcriptYear),
});
export type Transcript = z.infer<typeof transcript>;

// ---- Le mie sessioni -------------------------------------------------------------------------------

export const mySessionsQuery = z.object({
  from: isoDate.optional().describe('First day (Europe/Rome), default today'),
  to: isoDate.optional().describe('Last day included (Europe/Rome), default from + 1 year'),
});

/** A session of one of my confirmed enrolments: the online link is mine to use. */
export const mySession = z.object({
  sessionId: z.number().int(),
  sessionTitle: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  mode: z.enum(DELIVERY_MODES),
  status: z.enum(SESSION_STATUSES),
  enrolmentId: z.number().int(),
  editionId: z.number().int(),
  editionTitle: z.string(),
  editionStatus: z.enum(EDITION_STATUSES),
  pathTitle: z.string(),
  pathSlug: z.string(),
  online: z.boolean(),
  venueName: z.string().nullable(),
  venueAddress: z.string().nullable(),
  room: z.string().nullable(),
  /** The session's own link; null for a webinar held in the platform's room (entered through `join`). */
  onlineUrl: z.string().nullable(),
  /** Where the webinar is held, entered through POST /api/v1/me/sessions/:sessionId/join; null if not a live webinar. */
  webinar: z.enum(WEBINAR_ROOMS).nullable(),
});
export type MySession = z.infer<typeof mySession>;

// ---- Questionario di gradimento ----------------------------------------------------------------------

/** The fixed satisfaction questionnaire: each item rated 1 (poor) to 5 (excellent). */
export const FEEDBACK_ITEMS = [
  { key: 'contents', it: 'Contenuti del corso', en: 'Course contents' },
  { key: 'trainers', it: 'Chiarezza dei docenti', en: 'Clarity of the trainers' },
  { key: 'materials', it: 'Materiali didattici', en: 'Learning materials' },
  { key: 'organisation', it: 'Organizzazione', en: 'Organisation' },
  { key: 'usefulness', it: 'Utilità per il lavoro', en: 'Usefulness for my work' },
  { key: 'overall', it: 'Valutazione complessiva', en: 'Overall rating' },
] as const;
export type FeedbackItemKey = (typeof FEEDBACK_ITEMS)[number]['key'];

/** Below this many answers an edition's results are not shown, so nobody's answers can be told apart. */
export const FEEDBACK_MIN_RESPONSES = 3;

const rating = z.number().int().min(1).max(5);

export const feedbackBody = z.object({
  answers: z.object(
    Object.fromEntries(FEEDBACK_ITEMS.map((i) => [i.key, rating])) as Record<FeedbackItemKey, typeof rating>,
  ),
  comment: text(2000).nullable().optional(),
});
export type FeedbackBody = z.infer<typeof feedbackBody>;

export const feedbackItemResult = z.object({
  key: z.string(),
  labelIt: z.string(),
  labelEn: z.string(),
  /** Null while results are hidden. */
  average: z.number().nullable(),
  /** How many rated it 1, 2, 3, 4 and 5; empty while results are hidden. */
  distribution: z.array(z.number().int()),
});

export const feedbackSummary = z.object({
  editionId: z.number().int(),
  responses: z.number().int(),
  /** Confirmed participants, the base of the response rate. */
  confirmed: z.number().int(),
  responseRatePct: z.number().int(),
  minResponses: z.number().int(),
  /** False below minResponses answers: only the counts are given. */
  shown: z.boolean(),
  items: z.array(feedbackItemResult),
  /** Free comments, in no particular order (never the order they were sent). */
  comments: z.array(z.string()),
});
export type FeedbackSummary = z.infer<typeof feedbackSummary>;

export const feedbackDue = z.object({
  enrolmentId: z.number().int(),
  editionId: z.number().int(),
  editionTitle: z.string(),
  pathTitle: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
});
export type FeedbackDue = z.infer<typeof feedbackDue>;
