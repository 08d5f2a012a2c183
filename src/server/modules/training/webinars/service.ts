import { jwtVerify } from 'jose';
import { apiRoutes } from '../../../../common/api-routes.js';
import { LEARNER_AREA_PATH } from '../../../../common/learning.js';
import {
  type AnalyticsCallbackBody,
  type JoinAnswer,
  joinState,
  joinWindow,
  type WebinarRecordings,
  type WebinarRole,
  webinarRoom,
} from '../../../../common/webinars.js';
import type { Db } from '../../../db/client.js';
import type { Clock } from '../../../kernel/clock.js';
import { errors } from '../../../kernel/errors.js';
import { type RequestContext, requireActor } from '../../../kernel/principal.js';
import type { AuditService } from '../../platform/audit/index.js';
import { canRunSession, type Interval, type WebinarAttendance } from '../attendance/index.js';
import { attendeeIntervals, type BbbClient, meetingIdOf, readBbbInstant, sessionOfMeeting } from './bbb.js';
import {
  alreadyClosed,
  invalidToken,
  noLink,
  noPlatformRoom,
  notAWebinar,
  notConfirmed,
  notOpenYet,
  notRunning,
  platformUnavailable,
  SESSION,
  sessionCancelled,
  unknownMeeting,
} from './messages.js';
import type { WebinarSession, WebinarsRepository } from './repository.js';

export type WebinarsService = ReturnType<typeof createWebinarsService>;

/**
 * Live webinars: who may enter a session's room and when, the BigBlueButton room itself (created on the
 * first join, ended by a trainer, its recordings), and the minutes BigBlueButton reports afterwards.
 */
export function createWebinarsService(deps: {
  db: Db;
  repo: WebinarsRepository;
  audit: AuditService;
  clock: Clock;
  publicUrl: string;
  /** The BigBlueButton server; null = each session's own link is used. */
  bbb: BbbClient | null;
  webinarAttendance: WebinarAttendance;
}) {
  const { db, repo, audit, clock, publicUrl, bbb } = deps;

  /** The session, and the actor's role in it: moderator (runs it), viewer (confirmed), or 403. */
  async function roleIn(ctx: RequestContext, sessionId: number) {
    const actor = requireActor(ctx);
    const s = await repo.session(db, sessionId);
    if (!s) throw errors.notFound(SESSION);
    const moderator = canRunSession(actor, {
      editionTrainerIds: s.editionTrainerIds,
      sessionTrainerId: s.session.trainerId,
      trainsEdition: await repo.trains(db, s.edition.id, actor.id),
    });
    if (moderator) return { s, role: 'moderator' as WebinarRole };
    if (await repo.isConfirmed(db, s.edition.id, actor.id)) return { s, role: 'viewer' as WebinarRole };
    throw notConfirmed();
  }

  function assertLive(s: WebinarSession) {
    if (s.session.mode !== 'webinar') throw notAWebinar();
    if (s.session.status === 'cancelled' || s.edition.status === 'cancelled') throw sessionCancelled();
  }

  const meetingId = (s: WebinarSession) => meetingIdOf(s.session.id, publicUrl);

  /** BigBlueButton's answer, or 502 when it cannot be reached. */
  async function reach<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch {
      throw platformUnavailable();
    }
  }

  return {
    /** Where to go to enter the webinar now, as moderator or participant; refused outside the window. */
    async join(ctx: RequestContext, sessionId: number): Promise<JoinAnswer> {
      const { s, role } = await roleIn(ctx, sessionId);
      assertLive(s);
      const window = joinWindow(s.session, role);
      const state = joinState(clock.now(), window);
      if (state === 'before') throw notOpenYet(window.opensAt);
      if (state === 'closed') throw alreadyClosed(window.closesAt ?? s.session.endsAt);
      const room = webinarRoom(s.session, bbb !== null);
      if (!room) throw noLink();
      const actor = requireActor(ctx);
      let url: string;
      if (room === 'platform' && bbb) {
        const name = `${s.pathTitle} — ${s.edition.title}`.slice(0, 250);
        const lengthMinutes = Math.ceil((s.session.endsAt.getTime() - s.session.startsAt.getTime()) / 60_000);
        const created = await reach(() =>
          bbb.create({
            meetingID: meetingId(s),
            name,
            welcome: `Benvenuti a «${name}», ${s.session.title}. La presenza è registrata dalla piattaforma.`,
            logoutURL: `${publicUrl}${LEARNER_AREA_PATH}`,
            analyticsCallbackUrl: `${publicUrl}${apiRoutes.webinars.analytics}`,
            durationMinutes: lengthMinutes,
          }),
        );
        if (!created.ok) throw platformUnavailable();
        url = bbb.joinUrl({
          meetingID: meetingId(s),
          fullName: actor.name,
          // The analytics callback names people by this id, so minutes go to the right account.
          userID: actor.id,
          role: role === 'moderator' ? 'MODERATOR' : 'VIEWER',
        });
      } else {
        url = s.session.onlineUrl ?? '';
        if (!url) throw noLink();
      }
      await audit.record(db, ctx, {
        action: 'webinar.joined',
        entityType: 'session',
        entityId: s.session.id,
        details: { editionId: s.edition.id, role, room },
      });
      return { url, role, room };
    },

    /** Ends the platform's meeting for everyone (the session's trainers and the catalogue managers). */
    async end(ctx: RequestContext, sessionId: number) {
      const { s, role } = await roleIn(ctx, sessionId);
      if (role !== 'moderator') throw errors.forbidden();
      if (s.session.mode !== 'webinar') throw notAWebinar();
      if (!bbb) throw noPlatformRoom();
      const answer = await reach(() => bbb.end(meetingId(s)));
      if (!answer.ok) {
        if (answer.messageKey === 'notFound') throw notRunning();
        throw platformUnavailable();
      }
      await audit.record(db, ctx, {
        action: 'webinar.ended',
        entityType: 'session',
        entityId: s.session.id,
        details: { editionId: s.edition.id },
      });
      return { ok: true as const };
    },

    /**
     * The platform's recordings of the session: every one for those who run it; the published ones for
     * confirmed participants once the session has ended.
     */
    async recordings(ctx: RequestContext, sessionId: number): Promise<WebinarRecordings> {
      const { s, role } = await roleIn(ctx, sessionId);
      if (s.session.mode !== 'webinar') throw notAWebinar();
      const room = webinarRoom(s.session, bbb !== null);
      if (room !== 'platform' || !bbb) return { room, items: [] };
      if (role === 'viewer' && clock.now() < s.session.endsAt) return { room, items: [] };
      const items = await reach(() => bbb.recordings(meetingId(s)));
      return { room, items: role === 'moderator' ? items : items.filter((r) => r.published) };
    },

    /** Refuses a callback without a valid, unexpired HS512 token signed with the shared secret. */
    async verifyCallback(authorization: string | undefined) {
      const token = /^Bearer\s+([\w-]+\.[\w-]+\.[\w-]+)$/i.exec(authorization ?? '')?.[1];
      if (!bbb || !token) throw invalidToken();
      try {
        await jwtVerify(token, new TextEncoder().encode(bbb.settings.secret), {
          algorithms: ['HS512'],
          requiredClaims: ['exp'],
          currentDate: clock.now(),
        });
      } catch {
        throw invalidToken();
      }
    },

    /** BigBlueButton's analytics of an ended meeting → ledger minutes of its confirmed participants. */
    async analytics(ctx: RequestContext, body: AnalyticsCallbackBody) {
      const sessionId = sessionOfMeeting(body.meeting_id, publicUrl);
      if (sessionId === null) throw unknownMeeting();
      const finish = body.data.finish === undefined ? null : readBbbInstant(body.data.finish);
      const people = new Map<string, Interval[]>();
      for (const a of body.data.attendees) {
        const id = String(a.ext_user_id).toLowerCase();
        people.set(id, [...(people.get(id) ?? []), ...attendeeIntervals(a.joins, a.leaves, finish)]);
      }
      return deps.webinarAttendance.recordIntervals(
        ctx,
        sessionId,
        [...people].map(([userId, intervals]) => ({ userId, intervals })),
      );
    },
  };
}
