import type { z } from 'zod';
import type { PlanCandidate, PlanList, planListQuery, planUpdateInput } from '../../../../common/plans.js';
import type { Db } from '../../../db/client.js';
import { isUniqueViolation } from '../../../db/sql.js';
import type { Clock } from '../../../kernel/clock.js';
import { errors } from '../../../kernel/errors.js';
import { type RequestContext, requireActor } from '../../../kernel/principal.js';
import { isTooSmall, proposePlan } from '../gaps/index.js';
import { type PlanAccess, round1 } from './access.js';
import { planLines, planYear } from './lines.js';
import * as m from './messages.js';
import { canEditPlanOf, canReadPlanOf, canUsePlans, planScope } from './policy.js';
import type { PlansRepository } from './repository.js';

/**
 * A unit's training plan: listed by scope, proposed from its gaps, its notes edited, approved and
 * reopened (the lines are items-service.ts's; what both share is access.ts's).
 */
export function createPlansService(deps: {
  db: Db;
  repo: PlansRepository;
  access: PlanAccess;
  clock: Clock;
}) {
  const { db, repo, clock } = deps;
  const { bump, campaignOr404, editable, needsOf, readable, view, audited } = deps.access;

  return {
    get: (ctx: RequestContext, id: number) => view(db, ctx, id),

    /** Plans in scope, and the closed campaigns the units in scope may still draw one from. */
    async list(ctx: RequestContext, q: z.infer<typeof planListQuery>): Promise<PlanList> {
      if (!canUsePlans(ctx.actor)) throw errors.forbidden();
      const scope = planScope(ctx.actor);
      const rows = await repo.listPlans(db, {
        ...(scope === 'all' ? {} : { unitIds: scope }),
        ...(q.campaign ? { campaignId: q.campaign } : {}),
        ...(q.unit ? { unitId: q.unit } : {}),
      });
      const candidates: PlanCandidate[] = [];
      for (const c of await repo.closedCampaigns(db)) {
        if (q.campaign && c.id !== q.campaign) continue;
        const respondents = await repo.respondents(db, c.id);
        let unitIds = c.national ? [...respondents.keys()] : await repo.campaignUnitIds(db, c.id);
        // Only the units the principal could draw a plan for (the task force draws none).
        unitIds = unitIds.filter((u) => canEditPlanOf(ctx.actor, u) && (!q.unit || u === q.unit));
        const names = await repo.unitNames(db, unitIds);
        for (const unitId of unitIds.sort((a, b) => (names.get(a) ?? '').localeCompare(names.get(b) ?? ''))) {
          const n = respondents.get(unitId) ?? 0;
          candidates.push({
            campaign: {
              id: c.id,
              title: { it: c.titleIt, en: c.titleEn },
              closesOn: c.closesOn,
              minGroupSize: c.minGroupSize,
            },
            unit: { id: unitId, name: names.get(unitId) ?? '' },
            respondents: n,
            enough: !isTooSmall(n, c.minGroupSize),
            planId: rows.find((r) => r.plan.campaignId === c.id && r.plan.unitId === unitId)?.plan.id ?? null,
          });
        }
      }
      return {
        items: rows.map((r) => ({
          id: r.plan.id,
          campaign: { id: r.plan.campaignId, title: { it: r.titleIt, en: r.titleEn } },
          unit: { id: r.plan.unitId, name: r.unitName },
          year: r.plan.year,
          status: r.plan.status,
          lines: Number(r.lines),
          totalHours: round1(Number(r.totalHours)),
          updatedAt: r.plan.updatedAt.toISOString(),
          approvedAt: r.plan.approvedAt?.toISOString() ?? null,
        })),
        candidates,
      };
    },

    /** Draws the proposed plan of a unit from a closed campaign's gaps. */
    async create(ctx: RequestContext, input: { campaignId: number; unitId: number }) {
      if (!canUsePlans(ctx.actor)) throw errors.forbidden();
      const unit = await repo.unit(db, input.unitId);
      if (!unit || !canReadPlanOf(ctx.actor, unit.id)) throw errors.notFound(m.UNIT);
      if (!canEditPlanOf(ctx.actor, unit.id)) throw errors.forbidden();
      const campaign = await campaignOr404(db, input.campaignId);
      if (campaign.status !== 'closed') throw m.campaignNotClosed();
      const respondents = (await repo.respondents(db, campaign.id)).get(unit.id) ?? 0;
      if (!campaign.national && !(await repo.campaignUnitIds(db, campaign.id)).includes(unit.id))
        throw m.unitNotInCampaign();
      if (isTooSmall(respondents, campaign.minGroupSize))
        throw m.tooFewRespondents(respondents, campaign.minGroupSize);
      if (await repo.planOf(db, campaign.id, unit.id)) throw m.planExists();

      const needs = await needsOf(campaign.id, unit.id);
      const codes = needs.map((n) => n.competency);
      const offers = await repo.pathOffers(db, { codes });
      const proposal = proposePlan(
        needs,
        offers.map((p) => ({
          pathId: p.id,
          code: p.slug,
          competencies: p.codes,
          hours: p.hours,
          deliveryModes: p.deliveryModes,
        })),
        { minGroupSize: campaign.minGroupSize },
      );
      const year = planYear(campaign.closesOn);
      const people = new Map(needs.map((n) => [n.competency, n.peopleWithGap.size]));
      const lines = planLines(proposal, people, year);
      const names = await repo.competencyNames(db, campaign.frameworkId);
      const titles = new Map(offers.map((p) => [p.id, p.title]));
      const actor = requireActor(ctx);
      try {
        const id = await db.transaction(async (tx) => {
          const plan = await repo.insertPlan(tx, {
            campaignId: campaign.id,
            unitId: unit.id,
            year,
            updatedBy: actor.id,
            createdAt: clock.now(),
            updatedAt: clock.now(),
          });
          await repo.insertItems(
            tx,
            lines.map((l, i) => {
              const code = l.competencyCodes[0] ?? '';
              const name = names.get(code) ?? { it: code, en: code };
              const title =
                l.pathId !== null
                  ? { it: titles.get(l.pathId) ?? '', en: titles.get(l.pathId) ?? '' }
                  : { it: `Senza percorso: ${name.it} (${code})`, en: `No path yet: ${name.en} (${code})` };
              return {
                planId: plan.id,
                pathId: l.pathId,
                titleIt: title.it,
                titleEn: title.en,
                competencyCodes: l.competencyCodes,
                participants: l.participants,
                hoursPerParticipant: l.hoursPerParticipant,
                deliveryMode: l.deliveryMode,
                quarter: l.quarter,
                origin: 'proposed' as const,
                position: i + 1,
              };
            }),
          );
          await audited(tx, ctx, plan, 'training_plan.created', {
            campaignId: campaign.id,
            year,
            paths: proposal.proposals.map((p) => p.code),
            withoutPath: proposal.withoutPath.map((n) => n.competency),
          });
          return plan.id;
        });
        return view(db, ctx, id);
      } catch (err) {
        if (isUniqueViolation(err)) throw m.planExists();
        throw err;
      }
    },

    async update(ctx: RequestContext, id: number, input: z.infer<typeof planUpdateInput>) {
      await db.transaction(async (tx) => {
        const before = await editable(tx, ctx, id);
        const plan = await bump(tx, ctx, id, input.version, { notes: input.notes });
        await audited(tx, ctx, plan, 'training_plan.updated', {
          before: { notes: before.notes },
          after: { notes: input.notes },
        });
      });
      return view(db, ctx, id);
    },

    async approve(ctx: RequestContext, id: number, version: number) {
      await db.transaction(async (tx) => {
        const plan = await bump(tx, ctx, id, version, { status: 'approved', approve: true });
        await audited(tx, ctx, plan, 'training_plan.approved', { version: plan.version });
      });
      return view(db, ctx, id);
    },

    async reopen(ctx: RequestContext, id: number, version: number) {
      await db.transaction(async (tx) => {
        const plan = await bump(tx, ctx, id, version, { status: 'draft', approve: false }, 'approved');
        await audited(tx, ctx, plan, 'training_plan.reopened', { version: plan.version });
      });
      return view(db, ctx, id);
    },

    /** Published paths to add to a plan, by title or code. */
    async pathOptions(ctx: RequestContext, id: number, q: string | undefined) {
      await readable(db, ctx, id);
      const rows = await repo.pathOffers(db, q ? { q } : {});
      return {
        items: rows.slice(0, 50).map((p) => ({
          id: p.id,
          slug: p.slug,
          title: p.title,
          hours: p.hours,
          deliveryModes: p.deliveryModes,
          competencyCodes: p.codes,
        })),
      };
    },

    /** The plan as the export documents need it. */
    exportView: (ctx: RequestContext, id: number) => view(db, ctx, id),
  };
}

export type PlansService = ReturnType<typeof createPlansService>;
