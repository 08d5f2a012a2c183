import type { z } from 'zod';
import { YEARLY_TRAINING_TARGET_HOURS } from '../../../../common/enrolment.js';
import type {
  FeedbackBody,
  FeedbackDue,
  FeedbackSummary,
  MySession,
  mySessionsQuery,
  Transcript,
} from '../../../../common/learning.js';
import { addDays, romeDate } from '../../../../common/rome-time.js';
import { webinarRoom } from '../../../../common/webinars.js';
import type { Db } from '../../../db/client.js';
import type { Clock } from '../../../kernel/clock.js';
import { errors } from '../../../kernel/errors.js';
import { type RequestContext, requireActor } from '../../../kernel/principal.js';
import { romeDayRange } from '../../../kernel/range.js';
import type { AuditService } from '../../platform/audit/index.js';
import type { EditionsService } from '../catalogue/index.js';
import { summariseFeedback } from './feedback.js';
import { canReadAllFeedback } from './policy.js';
import type { LearningRepository } from './repository.js';
import { hoursPerYear, romeYear } from './transcript.js';

const ENROLMENT = { it: 'Iscrizione', en: 'Enrolment' };
const EDITION = { it: 'Edizione', en: 'Edition' };
const MAX_RANGE_DAYS = 400;

export type LearningService = ReturnType<typeof createLearningService>;

export function createLearningService(deps: {
  db: Db;
  repo: LearningRepository;
  audit: AuditService;
  editions: Pick<EditionsService, 'trains'>;
  clock: Clock;
  /** Webinars are held in the platform's room (BigBlueButton is configured). */
  platformRooms: boolean;
}) {
  const { db, repo, audit, clock } = deps;

  return {
    /** Libretto formativo: the person's hours per Rome calendar year against the yearly target. */
    async transcript(ctx: RequestContext): Promise<Transcript> {
      const rows = await repo.ledgerOf(db, requireActor(ctx).id);
      return {
        targetHours: YEARLY_TRAINING_TARGET_HOURS,
        years: hoursPerYear(rows, YEARLY_TRAINING_TARGET_HOURS, romeYear(clock.now())),
      };
    },

    /** Sessions of my confirmed enrolments, with their online links: only enrolled people get them. */
    async mySessions(ctx: RequestContext, q: z.infer<typeof mySessionsQuery>): Promise<MySession[]> {
      const from = q.from ?? romeDate(clock.now());
      const to = q.to ?? addDays(from, 365);
      const { fromInstant, toInstant } = romeDayRange(from, to, MAX_RANGE_DAYS);
      const rows = await repo.sessionsOf(db, requireActor(ctx).id, fromInstant, toInstant);
      return rows.map(({ session: s, edition: e, path, enrolmentId }) => {
        const cancelled = s.status === 'cancelled' || e.status === 'cancelled';
        const webinar = cancelled ? null : webinarRoom(s, deps.platformRooms);
        return {
          sessionId: s.id,
          sessionTitle: s.title,
          startsAt: s.startsAt.toISOString(),
          endsAt: s.endsAt.toISOString(),
          mode: s.mode,
          status: cancelled ? 'cancelled' : 'scheduled',
          enrolmentId,
          editionId: e.id,
          editionTitle: e.title,
          editionStatus: e.status,
          pathTitle: path.title,
          pathSlug: path.slug,
          online: e.online,
          venueName: e.online ? null : e.venueName,
          venueAddress: e.online ? null : e.venueAddress,
          room: s.room,
          // A cancelled session's link would only invite people to an empty room; the platform's room
          // has no link of its own (each join is signed for its person).
          onlineUrl: cancelled || webinar === 'platform' ? null : s.onlineUrl,
          webinar,
        };
      });
    },

    /**
     * One questionnaire per confirmed enrolment, once the edition is over. The receipt (who) and
     * the answers (what) are written apart, sharing no key and no time, so results stay anonymous.
     */
    async submitFeedback(ctx: RequestContext, enrolmentId: number, body: FeedbackBody) {
      const actor = requireActor(ctx);
      await db.transaction(async (tx) => {
        const e = await repo.enrolmentForFeedback(tx, enrolmentId);
        if (!e || e.userId !== actor.id) throw errors.notFound(ENROLMENT);
        if (e.status !== 'confirmed')
          throw errors.conflict('FEEDBACK_NOT_ALLOWED', {
            it: 'Il questionario di gradimento è riservato a chi ha un’iscrizione confermata.',
            en: 'The satisfaction questionnaire is for confirmed participants only.',
          });
        if (!e.open)
          throw errors.conflict('FEEDBACK_NOT_OPEN', {
            it: 'Il questionario si apre al termine dell’ultima sessione dell’edizione.',
            en: 'The questionnaire opens once the edition’s last session has ended.',
          });
        if (!(await repo.insertReceipt(tx, enrolmentId)))
          throw errors.conflict('FEEDBACK_ALREADY_SENT', {
            it: 'Hai già compilato il questionario di gradimento per questa edizione.',
            en: 'You have already filled in the satisfaction questionnaire for this edition.',
          });
        await repo.insertResponse(tx, {
          editionId: e.editionId,
          answers: { ...body.answers },
          comment: body.comment?.trim() ? body.comment.trim() : null,
        });
        // Who answered is no secret (the receipt says so); what they answered is not recorded here.
        await audit.record(tx, ctx, {
          action: 'feedback.submitted',
          entityType: 'enrolment',
          entityId: enrolmentId,
        });
      });
    },

    async feedbackSummary(ctx: RequestContext, editionId: number): Promise<FeedbackSummary> {
      const edition = await repo.edition(db, editionId);
      if (!edition) throw errors.notFound(EDITION);
      if (
        !canReadAllFeedback(ctx.actor) &&
        !(ctx.actor && (await deps.editions.trains(db, editionId, ctx.actor.id)))
      )
        throw errors.forbidden();
      const responses = await repo.responsesOf(db, editionId);
      return summariseFeedback(editionId, responses, await repo.confirmedCount(db, editionId));
    },

    async feedbackDue(ctx: RequestContext): Promise<FeedbackDue[]> {
      return repo.feedbackDue(db, requireActor(ctx).id);
    },
  };
}
