import type { z } from 'zod';
import {
  type AssessmentDetail,
  type assessmentInput,
  type CampaignProgress,
  REMINDER_GAP_HOURS,
} from '../../../../common/campaigns.js';
import type { Config } from '../../../config.js';
import type { Db } from '../../../db/client.js';
import type { Clock } from '../../../kernel/clock.js';
import { errors } from '../../../kernel/errors.js';
import type { EventBus } from '../../../kernel/events.js';
import { type RequestContext, unitsWithRole } from '../../../kernel/principal.js';
import type { AuditService } from '../../platform/audit/index.js';
import type { MailService } from '../../platform/mail/index.js';
import { reminderMail } from './mails.js';
import { nobodyToRemind, noManagerAssessment, notOpen, PARTICIPANT, remindedRecently } from './messages.js';
import { canAssessIn, reach } from './policy.js';
import type { CampaignsRepository } from './repository.js';
import type { ResponsesRepository } from './responses-repository.js';
import { type CampaignsService, langOf } from './service.js';

const rate = (submitted: number, invited: number) =>
  invited ? Math.round((submitted / invited) * 1000) / 1000 : 0;

/**
 * Following an open campaign: live response rates per unit, reminders to who has not answered, and
 * the manager's assessment of named respondents. No answer of a person is ever given here except to
 * the officer assessing a named respondent of their own unit.
 */
export function createFollowService(deps: {
  db: Db;
  repo: CampaignsRepository;
  responses: ResponsesRepository;
  campaigns: CampaignsService;
  audit: AuditService;
  mail: MailService;
  clock: Clock;
  config: Pick<Config, 'publicUrl'>;
  events: EventBus;
}) {
  const { db, repo, responses, campaigns, audit, clock, events } = deps;

  /** The units of the request: an officer's own (a unit outside them is refused), or an admin's choice. */
  function scope(ctx: RequestContext, unitId: number | undefined): number[] | null {
    const units = reach(ctx.actor);
    if (units === 'all') return unitId === undefined ? null : [unitId];
    if (unitId === undefined) return units;
    if (!units.includes(unitId)) throw errors.forbidden();
    return [unitId];
  }

  /** The campaign's respondents an officer assesses: named, with manager assessment, submitted, of their unit. */
  async function assessable(ctx: RequestContext, id: number) {
    const { row } = await campaigns.visible(db, ctx, id);
    if (!row.managerAssessment || row.anonymous || row.status === 'draft') throw noManagerAssessment();
    const units = unitsWithRole(ctx.actor, 'province_officer');
    if (!units.length) throw errors.forbidden();
    return { row, units };
  }

  async function person(ctx: RequestContext, id: number, participantId: number) {
    await assessable(ctx, id);
    const found = await repo.participantById(db, id, participantId);
    if (!found || !canAssessIn(ctx.actor, found.participant.unitId)) throw errors.notFound(PARTICIPANT);
    const responseId = await responses.responseOf(db, participantId);
    if (!responseId) throw errors.notFound(PARTICIPANT);
    return { found, responseId };
  }

  async function assessmentOf(
    found: NonNullable<Awaited<ReturnType<CampaignsRepository['participantById']>>>,
    responseId: string,
  ): Promise<AssessmentDetail> {
    const levels = await responses.levels(db, responseId);
    return {
      participantId: found.participant.id,
      name: found.name,
      email: found.email,
      unitId: found.participant.unitId,
      jobProfileCode: found.participant.jobProfileCode,
      competencies: levels.length,
      assessed: levels.filter((l) => l.managerLevel !== null).length,
      levels: levels.map((l) => ({
        competencyId: l.competencyId,
        code: l.code,
        name: { it: l.nameIt, en: l.nameEn },
        selfLevel: l.selfLevel,
        managerLevel: l.managerLevel,
      })),
    };
  }

  return {
    /** Invited, in progress and submitted per unit, as they are now. */
    async progress(ctx: RequestContext, id: number, unitId: number | undefined): Promise<CampaignProgress> {
      const { row } = await campaigns.visible(db, ctx, id);
      const units = scope(ctx, unitId);
      const rows = (await repo.progress(db, id, units)).map((r) => ({
        unitId: r.unitId,
        unitName: r.unitName ?? '—',
        invited: Number(r.invited),
        inProgress: Number(r.inProgress),
        submitted: Number(r.submitted),
        rate: rate(Number(r.submitted), Number(r.invited)),
      }));
      const all = reach(ctx.actor) === 'all';
      const sum = (k: 'invited' | 'inProgress' | 'submitted') => rows.reduce((n, r) => n + r[k], 0);
      const oneUnit = units?.length === 1 ? units[0] : undefined;
      return {
        campaignId: id,
        status: row.status,
        anonymous: row.anonymous,
        rows,
        totals: all
          ? {
              invited: sum('invited'),
              inProgress: sum('inProgress'),
              submitted: sum('submitted'),
              rate: rate(sum('submitted'), sum('invited')),
            }
          : null,
        // Names only for named campaigns, and one unit at a time.
        pending:
          !row.anonymous && oneUnit !== undefined
            ? (await repo.pending(db, id, oneUnit)).map((p) => ({
                ...p,
                lastRemindedAt: p.lastRemindedAt?.toISOString() ?? null,
              }))
            : null,
      };
    },

    /**
     * A reminder to everyone of the caller's scope who has not submitted, except who was reminded
     * in the last 24 hours; refused (429) when all of them were.
     */
    async remind(ctx: RequestContext, id: number, unitId: number | undefined) {
      const result = await db.transaction(async (tx) => {
        const { row } = await campaigns.visible(tx, ctx, id, 'share');
        if (row.status !== 'open') throw notOpen();
        const units = scope(ctx, unitId);
        const now = clock.now();
        const claimed = await repo.claimReminders(tx, id, units, now, REMINDER_GAP_HOURS);
        if (!claimed.pending) throw nobodyToRemind();
        if (!claimed.ids.length) throw remindedRecently(REMINDER_GAP_HOURS);
        const link = `${deps.config.publicUrl}/le-mie-rilevazioni/${id}`;
        const title = { it: row.titleIt, en: row.titleEn };
        for (let i = 0; i < claimed.ids.length; i += 2000) {
          const ids = claimed.ids.slice(i, i + 2000);
          const people = await repo.recipients(tx, id, 0, ids.length, ids);
          await deps.mail.enqueueMany(
            tx,
            people.map((p) => ({
              to: p.email,
              mail: reminderMail(langOf(p.locale), {
                name: p.name,
                title,
                closesOn: row.closesOn,
                anonymous: row.anonymous,
                link,
              }),
            })),
          );
        }
        await audit.record(tx, ctx, {
          action: 'campaign.reminded',
          entityType: 'campaign',
          entityId: id,
          unitId: units?.length === 1 ? units[0] : null,
          details: { sent: claimed.ids.length, skipped: claimed.pending - claimed.ids.length },
        });
        return { sent: claimed.ids.length, skipped: claimed.pending - claimed.ids.length };
      });
      deps.mail.kick();
      return result;
    },

    async assessments(ctx: RequestContext, id: number) {
      const { units } = await assessable(ctx, id);
      const rows = await responses.assessed(db, id, units);
      return {
        items: rows.map((r) => ({
          ...r,
          competencies: Number(r.competencies),
          assessed: Number(r.assessed),
        })),
      };
    },

    async assessment(ctx: RequestContext, id: number, participantId: number) {
      const { found, responseId } = await person(ctx, id, participantId);
      return assessmentOf(found, responseId);
    },

    /** Sets the manager's levels of a named respondent (competencies answered "not applicable" have none). */
    async assess(
      ctx: RequestContext,
      id: number,
      participantId: number,
      input: z.infer<typeof assessmentInput>,
    ) {
      const { found, responseId } = await person(ctx, id, participantId);
      const known = new Set((await responses.levels(db, responseId)).map((l) => l.competencyId));
      const unknown = input.levels.filter((l) => !known.has(l.competencyId));
      if (unknown.length)
        throw errors.invalid(
          'NOT_ASSESSABLE',
          {
            it: 'Alcune competenze non hanno un livello dichiarato dalla persona: non si valutano.',
            en: 'Some competencies have no level given by the person: they cannot be assessed.',
          },
          unknown.map((l) => ({
            path: `levels.${input.levels.indexOf(l)}.competencyId`,
            messages: {
              it: `La competenza ${l.competencyId} non ha un livello dichiarato.`,
              en: `Competency ${l.competencyId} has no level given.`,
            },
          })),
        );
      await db.transaction(async (tx) => {
        for (const l of input.levels)
          await responses.setManagerLevel(tx, responseId, l.competencyId, l.managerLevel);
        await audit.record(tx, ctx, {
          action: 'campaign.manager_assessed',
          entityType: 'campaign',
          entityId: id,
          unitId: found.participant.unitId,
          details: { participantId, competencies: input.levels.length },
        });
        if (found.participant.unitId !== null)
          await events.emit(tx, ctx, 'campaign.assessed', {
            campaignId: id,
            unitId: found.participant.unitId,
          });
      });
      return assessmentOf(found, responseId);
    },
  };
}

export type FollowService = ReturnType<typeof createFollowService>;
