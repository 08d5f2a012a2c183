import { z } from 'zod';
import { pageQuery } from './api.js';
import { EDITION_STATUSES } from './catalogue.js';
import { dbId, dbIdParam, text } from './primitives.js';

export const ENROLMENT_STATUSES = ['pending', 'confirmed', 'waitlisted', 'rejected', 'cancelled'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];
/** The statuses that hold or wait for a seat: one such enrolment per person and edition. */
export const ACTIVE_ENROLMENT_STATUSES: readonly EnrolmentStatus[] = ['pending', 'confirmed', 'waitlisted'];

/**
 * How a Province officer hears of their staff's requests awaiting approval and cancellations: one
 * e-mail each, or one daily summary.
 */
export const ENROLMENT_NOTICE_MODES = ['each', 'digest'] as const;
export type EnrolmentNoticeMode = (typeof ENROLMENT_NOTICE_MODES)[number];
export const enrolmentNotices = z.object({ mode: z.enum(ENROLMENT_NOTICE_MODES) });
export type EnrolmentNotices = z.infer<typeof enrolmentNotices>;

/** Hours a public employee should train each year (Directive of the Minister for PA, 14 January 2025). */
export const YEARLY_TRAINING_TARGET_HOURS = 40;

export const enrolment = z.object({
  id: z.number().int(),
  editionId: z.number().int(),
  editionTitle: z.string(),
  editionStatus: z.enum(EDITION_STATUSES),
  startsOn: z.string(),
  endsOn: z.string(),
  pathTitle: z.string(),
  pathSlug: z.string(),
  userId: z.string(),
  userName: z.string(),
  userEmail: z.string(),
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  status: z.enum(ENROLMENT_STATUSES),
  /** 1 = next to be promoted; null unless waitlisted. */
  waitlistPosition: z.number().int().nullable(),
  nominatedByName: z.string().nullable(),
  requestedAt: z.string(),
  /**
   * When the person took their place in the queue: the approval for a request that needed one, else
   * the request. Along the queue this time never goes back, so it is the one to show beside positions.
   */
  queuedAt: z.string(),
  confirmedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  minutesAttended: z.number().int(),
  finalTestPassed: z.boolean().nullable(),
  completedOn: z.string().nullable(),
  /** Whether the person may still cancel it themselves. */
  cancellable: z.boolean(),
});
export type Enrolment = z.infer<typeof enrolment>;

export const enrolmentQuery = pageQuery.extend({
  editionId: dbIdParam.optional(),
  pathId: dbIdParam.optional(),
  status: z.enum(ENROLMENT_STATUSES).optional(),
  unitId: dbIdParam.optional(),
  q: text(200).optional().describe('Name or e-mail'),
});

export const enrolBody = z.object({ editionId: dbId });

export const nominateBody = z.object({
  editionId: dbId,
  userIds: z.array(z.uuid()).min(1).max(500),
});

/** One line per person nominated: the enrolment made, or why not. */
export const nominationReport = z.object({
  results: z.array(
    z.object({
      userId: z.string(),
      status: z.enum(ENROLMENT_STATUSES).nullable(),
      enrolmentId: z.number().int().nullable(),
      error: z.string().nullable(),
    }),
  ),
});

export const decisionBody = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve') }),
  z.object({ decision: z.literal('reject'), reason: text(1000).min(5) }),
]);

export const cancelEnrolmentBody = z.object({ reason: text(1000).optional() });

export const moveBody = z.object({ toEditionId: dbId });

export const quota = z.object({
  unitId: z.number().int(),
  unitName: z.string(),
  seats: z.number().int().min(1),
  /** Confirmed enrolments of the unit's staff. */
  used: z.number().int(),
});
export const quotasBody = z.object({
  quotas: z.array(z.object({ unitId: dbId, seats: z.number().int().min(1).max(100_000) })).max(107),
});

/** Seats of an edition at a glance. */
export const seatSummary = z.object({
  editionId: z.number().int(),
  capacity: z.number().int(),
  confirmed: z.number().int(),
  pending: z.number().int(),
  waitlisted: z.number().int(),
  seatsLeft: z.number().int(),
  quotas: z.array(quota),
});
export type SeatSummary = z.infer<typeof seatSummary>;
