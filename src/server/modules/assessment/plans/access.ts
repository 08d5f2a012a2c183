import type { AuditAction } from '../../../../common/audit.js';
import type { PlanView } from '../../../../common/plans.js';
import type { Db } from '../../../db/client.js';
import type { Clock } from '../../../kernel/clock.js';
import { errors } from '../../../kernel/errors.js';
import { type RequestContext, requireActor } from '../../../kernel/principal.js';
import type { AuditService } from '../../platform/audit/index.js';
import { type GapRowsService, type GapsService, unitNeeds } from '../gaps/index.js';
import * as m from './messages.js';
import { canEditPlanOf, canReadPlanOf, canUsePlans } from './policy.js';
import type { PlansRepository } from './repository.js';

const round2 = (n: number) => Math.round(n * 100) / 100;
export const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * What every plan operation shares: who may read or edit a plan, the version step every change goes
 * through, the unit's needs, the plan as the API answers it, and the audit record.
 *
 * Every change names the version it was made on; `repo.bump` moves the plan to the next version or
 * answers nothing, and the change is then refused (409), so two editors never overwrite each other.
 */
export function createPlanAccess(deps: {
  repo: PlansRepository;
  gapRows: GapRowsService;
  gaps: GapsService;
  audit: AuditService;
  clock: Clock;
}) {
  const { repo, gapRows, gaps, audit, clock } = deps;

  async function campaignOr404(tx: Db, id: number) {
    const c = await repo.campaign(tx, id);
    if (!c) throw errors.notFound(m.CAMPAIGN);
    return c;
  }

  /** A unit's needs in a campaign, from its own gap rows (the proposal leaves out small groups). */
  async function needsOf(campaignId: number, unitId: number) {
    return unitNeeds(await gapRows.personRows({ campaignId, unitId }), unitId);
  }

  /**
   * The unit's priorities as the gap heatmap publishes them: its row of the campaign's units ×
   * competencies table, after primary, secondary and differencing suppression. A hidden cell is
   * listed with no number, so the plan never shows a figure the heatmap withholds.
   */
  async function prioritiesOf(ctx: RequestContext, campaignId: number, unitId: number) {
    const ranking = await gaps.priorities(ctx, campaignId, { by: 'competency', unit: unitId, limit: 500 });
    return {
      shown: ranking.items.map((x) => ({ code: x.code, priority: x.priority })),
      hidden: ranking.hidden.map((x) => x.code),
    };
  }

  /** The plan if the principal may read it; another unit's plan is answered 404, as if absent. */
  async function readable(tx: Db, ctx: RequestContext, id: number) {
    if (!canUsePlans(ctx.actor)) throw errors.forbidden();
    const found = await repo.plan(tx, id);
    if (!found || !canReadPlanOf(ctx.actor, found.plan.unitId)) throw errors.notFound(m.PLAN);
    return found;
  }

  async function editable(tx: Db, ctx: RequestContext, id: number) {
    const found = await readable(tx, ctx, id);
    if (!canEditPlanOf(ctx.actor, found.plan.unitId)) throw errors.forbidden();
    return found.plan;
  }

  /** Moves the plan to its next version, or explains why not: approved (frozen) or stale. */
  async function bump(
    tx: Db,
    ctx: RequestContext,
    id: number,
    version: number,
    set: { status?: 'draft' | 'approved'; notes?: string; approve?: boolean } = {},
    from: 'draft' | 'approved' = 'draft',
  ) {
    await editable(tx, ctx, id);
    const row = await repo.bump(tx, id, version, from, {
      ...set,
      actorId: requireActor(ctx).id,
      now: clock.now(),
    });
    if (row) return row;
    const now = await repo.plan(tx, id);
    if (now && now.plan.status !== from) throw from === 'draft' ? m.frozen() : m.notApproved();
    throw m.stale();
  }

  async function view(tx: Db, ctx: RequestContext, id: number): Promise<PlanView> {
    const found = await readable(tx, ctx, id);
    const { plan } = found;
    const campaign = await campaignOr404(tx, plan.campaignId);
    const [respondents, names, items, ranking] = await Promise.all([
      repo.respondents(tx, campaign.id),
      repo.competencyNames(tx, campaign.frameworkId),
      repo.items(tx, [plan.id]),
      prioritiesOf(ctx, campaign.id, plan.unitId),
    ]);
    const nameOf = (code: string) => names.get(code) ?? { it: code, en: code };
    const lines = items.map(({ item, pathSlug }) => ({
      id: item.id,
      pathId: item.pathId,
      pathSlug,
      title: { it: item.titleIt, en: item.titleEn },
      competencyCodes: item.competencyCodes,
      participants: item.participants,
      hoursPerParticipant: item.hoursPerParticipant,
      totalHours: round1(item.participants * item.hoursPerParticipant),
      deliveryMode: item.deliveryMode,
      quarter: item.quarter,
      origin: item.origin,
      notes: item.notes,
      position: item.position,
    }));
    const n = respondents.get(plan.unitId) ?? 0;
    return {
      id: plan.id,
      campaign: {
        id: campaign.id,
        title: { it: campaign.titleIt, en: campaign.titleEn },
        closesOn: campaign.closesOn,
        anonymous: campaign.anonymous,
      },
      unit: { id: plan.unitId, name: found.unitName },
      year: plan.year,
      status: plan.status,
      notes: plan.notes,
      version: plan.version,
      respondents: n,
      minGroupSize: campaign.minGroupSize,
      withheld: ranking.hidden.length,
      // Ranked as the heatmap ranks them; a unit under the minimum has no row there, so nothing shows.
      priorities: [
        ...ranking.shown.map((x) => ({
          code: x.code,
          name: nameOf(x.code),
          priority: x.priority === null ? null : round2(x.priority),
        })),
        ...ranking.hidden.map((code) => ({ code, name: nameOf(code), priority: null })),
      ],
      items: lines,
      totals: {
        participants: lines.reduce((s, l) => s + l.participants, 0),
        hours: round1(lines.reduce((s, l) => s + l.totalHours, 0)),
        lines: lines.length,
      },
      createdAt: plan.createdAt.toISOString(),
      updatedAt: plan.updatedAt.toISOString(),
      updatedBy: found.updatedByName,
      approvedAt: plan.approvedAt?.toISOString() ?? null,
      approvedBy: found.approvedByName,
      canEdit: canEditPlanOf(ctx.actor, plan.unitId),
    };
  }

  const audited = (
    tx: Db,
    ctx: RequestContext,
    plan: { id: number; unitId: number },
    action: AuditAction,
    details: Record<string, unknown>,
  ) =>
    audit.record(tx, ctx, {
      action,
      entityType: 'training_plan',
      entityId: plan.id,
      unitId: plan.unitId,
      details,
    });

  return { campaignOr404, needsOf, prioritiesOf, readable, editable, bump, view, audited };
}

export type PlanAccess = ReturnType<typeof createPlanAccess>;
