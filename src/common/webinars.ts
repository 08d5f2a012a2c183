import { z } from 'zod';
import { dbIdParam } from './primitives.js';

/**
 * Live webinars: when the room of a session opens and closes, for the server that refuses a join and
 * for the web app that shows the button. Instants are compared in absolute time, so a daylight-saving
 * change between the opening and the start does not move the window; only its display is in Rome time.
 */

/** Confirmed participants may enter from this many minutes before the start until the session's end. */
export const PARTICIPANT_OPENS_BEFORE_MINUTES = 15;
/** The edition's trainers and the catalogue managers may enter as moderators from this many minutes before. */
export const MODERATOR_OPENS_BEFORE_MINUTES = 30;

export const WEBINAR_ROLES = ['moderator', 'viewer'] as const;
export type WebinarRole = (typeof WEBINAR_ROLES)[number];

/**
 * Where a webinar is held: `platform` = the platform's virtual classroom (BigBlueButton), `external` = the
 * link the trainer set on the session. Null when the session is not a webinar or has nowhere to go.
 */
export const WEBINAR_ROOMS = ['platform', 'external'] as const;
export type WebinarRoom = (typeof WEBINAR_ROOMS)[number];

/** The room of a session: the platform's when one is configured, else the session's own link. */
export function webinarRoom(
  s: { mode: string; onlineUrl: string | null },
  platformConfigured: boolean,
): WebinarRoom | null {
  if (s.mode !== 'webinar') return null;
  if (platformConfigured) return 'platform';
  return s.onlineUrl ? 'external' : null;
}

export type JoinWindow = { opensAt: Date; closesAt: Date | null };

const MINUTE = 60_000;

/** The window in which a role may enter: moderators have no closing time (they may come back later). */
export function joinWindow(
  s: { startsAt: Date | string; endsAt: Date | string },
  role: WebinarRole,
): JoinWindow {
  const start = new Date(s.startsAt).getTime();
  const before = role === 'moderator' ? MODERATOR_OPENS_BEFORE_MINUTES : PARTICIPANT_OPENS_BEFORE_MINUTES;
  return {
    opensAt: new Date(start - before * MINUTE),
    closesAt: role === 'moderator' ? null : new Date(s.endsAt),
  };
}

export type JoinState = 'before' | 'open' | 'closed';

/** Before the opening, open (opening included, closing excluded), or closed. */
export function joinState(now: Date, w: JoinWindow): JoinState {
  if (now.getTime() < w.opensAt.getTime()) return 'before';
  if (w.closesAt && now.getTime() >= w.closesAt.getTime()) return 'closed';
  return 'open';
}

// ---- Contracts --------------------------------------------------------------------------------------

export const sessionIdParams = z.object({ sessionId: dbIdParam });

export const joinAnswer = z.object({
  /** Where to send the person: a signed BigBlueButton join link, or the session's external link. */
  url: z.string(),
  role: z.enum(WEBINAR_ROLES),
  room: z.enum(WEBINAR_ROOMS),
});
export type JoinAnswer = z.infer<typeof joinAnswer>;

export const webinarRecording = z.object({
  recordId: z.string(),
  name: z.string(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  published: z.boolean(),
  /** Playback links, by format (presentation, video…). */
  playback: z.array(z.object({ type: z.string(), url: z.string() })),
});
export type WebinarRecording = z.infer<typeof webinarRecording>;

export const webinarRecordings = z.object({
  room: z.enum(WEBINAR_ROOMS).nullable(),
  items: z.array(webinarRecording),
});
export type WebinarRecordings = z.infer<typeof webinarRecordings>;

/** A join or leave instant as BigBlueButton writes it ("2023-08-07 14:06:17 -0300"), ISO, or epoch. */
const bbbInstant = z.union([z.string().max(64), z.number().finite()]);

/**
 * BigBlueButton's analytics callback (`meta_analytics-callback-url`), posted when a meeting's events have
 * been processed. Only what the ledger needs is read; the rest is let through unread.
 */
export const analyticsCallbackBody = z.looseObject({
  version: z.string().max(20).optional(),
  meeting_id: z.string().min(1).max(256),
  internal_meeting_id: z.string().max(256).optional(),
  data: z.looseObject({
    finish: bbbInstant.optional(),
    attendees: z
      .array(
        z.looseObject({
          ext_user_id: z.union([z.string().max(256), z.number()]),
          name: z.string().max(500).optional(),
          moderator: z.boolean().optional(),
          joins: z.array(bbbInstant).max(1000),
          leaves: z.array(bbbInstant).max(1000),
        }),
      )
      .max(5000),
  }),
});
export type AnalyticsCallbackBody = z.infer<typeof analyticsCallbackBody>;

export const analyticsCallbackAnswer = z.object({
  /** Attendees whose minutes are in the ledger (unchanged replays included). */
  recorded: z.number().int(),
  /** Attendees that are not a confirmed participant (the trainers, guests) or whose row was refused. */
  skipped: z.number().int(),
});
