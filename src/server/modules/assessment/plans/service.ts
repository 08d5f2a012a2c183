import type { z } from 'zod';
import type {
  PlanCandidate,
  PlanItemUpdateInput,
  PlanList,
  PlanView,
  planItemAddInput,
  planListQuery,
  planOrderInput,
  planUpdateInput,
} from '../../../../common/plans.js';
import type { Db } from '../../../db/client.js';
import { isUniqueViolation } from '../../../db/sql.js';
import type { Clock } from '../../../kernel/clock.js';
import { errors } from '../../../kernel/errors.js';
import { type RequestContext, requireActor } from '../../../kernel/principal.js';
import type { AuditService } from '../../platform/audit/index.js';
import { type GapRowsService, isTooSmall, proposePlan, unitNeeds } from '../gaps/index.js';
import { planLines, planYear } from './lines.js';
import * as m from './messages.js';
import { canEditPlanOf, canReadPlanOf, canUsePlans, planScope } from './policy.js';
import type { ItemChanges, PlansRepository } from './repository.js';

const round2 = (n: number) => Math.round(n * 100) / 100;
const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * A unit's training plan: proposed from its gaps, edited and approved by its officer. Every change
 * names the version it was made on; `repo.bump` moves the plan to the next version or answers
 * nothing, and the change is then refused (409), so two editors never overwrite each other.
 */
export function createPlansService(deps: {
  db: Db;
  repo: PlansRepository;
  gapRows: GapRowsService;
  audit: AuditService;
  clock: Clock;
}) {
  const { db, repo, gapRows, audit, clock } = deps;

  async function campaignOr404(tx: Db, id: number) {
    const c = await repo.campaign(tx, id);
    if (!c) throw errors.notFound(m.CAMPAIGN);
    return c;
  }

  /** A unit's needs in a campaign, only those of groups large enough to show. */
  async function needsOf(campaignId: number, unitId: number, k: number) {
    const rows = await gapRows.personRows({ campaignId, unitId });
    const needs = unitNeeds(rows, unitId);
    return {
      needs,
      shown: needs.filter((n) => !isTooSmall(n.respondents, k) && n.priority > 0),
      withheld: needs.filter((n) => isTooSmall(n.respondents, k)).length,
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
    const [respondents, names, items, needs] = await Promise.all([
      repo.respondents(tx, campaign.id),
      repo.competencyNames(tx, campaign.frameworkId),
      repo.items(tx, [plan.id]),
      needsOf(campaign.id, plan.unitId, campaign.minGroupSize),
    ]);
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
      withheld: needs.withheld,
      // A unit under the minimum shows no priority at all, whatever its plan holds.
      priorities: isTooSmall(n, campaign.minGroupSize)
        ? []
        : needs.shown
            .sort((a, b) => b.priority - a.priority || a.competency.localeCompare(b.competency))
            .map((x) => ({
              code: x.competency,
              name: names.get(x.competency) ?? { it: x.competency, en: x.competency },
              priority: round2(x.priority),
            })),
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
    action: string,
    details: Record<string, unknown>,
  ) =>
    audit.record(tx, ctx, {
      action,
      entityType: 'training_plan',
      entityId: plan.id,
      unitId: plan.unitId,
      details,
    });

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

      const { needs } = await needsOf(campaign.id, unit.id, campaign.minGroupSize);
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

    async updateItem(ctx: RequestContext, id: number, itemId: number, input: PlanItemUpdateInput) {
      await db.transaction(async (tx) => {
        const plan = await bump(tx, ctx, id, input.version);
        const item = await repo.item(tx, id, itemId);
        if (!item) throw errors.notFound(m.ITEM);
        const { version: _v, ...changes } = input;
        const set: ItemChanges = Object.fromEntries(
          Object.entries(changes).filter(([, v]) => v !== undefined),
        );
        await repo.updateItem(tx, itemId, set);
        await audited(tx, ctx, plan, 'training_plan.item_updated', {
          itemId,
          before: Object.fromEntries(Object.keys(set).map((k) => [k, item[k as keyof typeof item]])),
          after: set,
        });
      });
      return view(db, ctx, id);
    },

    async removeItem(ctx: RequestContext, id: number, itemId: number, version: number) {
      await db.transaction(async (tx) => {
        const plan = await bump(tx, ctx, id, version);
        const item = await repo.item(tx, id, itemId);
        if (!item) throw errors.notFound(m.ITEM);
        await repo.deleteItem(tx, itemId);
        await repo.setPositions(
          tx,
          (await repo.itemIds(tx, id)).map((r) => r.id),
        );
        await audited(tx, ctx, plan, 'training_plan.item_removed', {
          itemId,
          pathId: item.pathId,
          title: item.titleIt,
          participants: item.participants,
        });
      });
      return view(db, ctx, id);
    },

    /** Adds a published catalogue path as a new last line, for the people with gaps on its competencies. */
    async addItem(ctx: RequestContext, id: number, input: z.infer<typeof planItemAddInput>) {
      // The gaps are read before the transaction: their reader uses its own connection.
      const found = await readable(db, ctx, id);
      const campaign = await campaignOr404(db, found.plan.campaignId);
      const { shown } = await needsOf(campaign.id, found.plan.unitId, campaign.minGroupSize);
      await db.transaction(async (tx) => {
        const plan = await bump(tx, ctx, id, input.version);
        const [path] = await repo.pathOffers(tx, { id: input.pathId });
        if (!path) throw errors.notFound(m.PATH);
        const items = await repo.items(tx, [id]);
        if (items.some((i) => i.item.pathId === path.id)) throw m.pathAlreadyInPlan();
        const addressed = shown.filter((n) => path.codes.includes(n.competency));
        const participants = new Set(addressed.flatMap((n) => [...n.peopleWithGap])).size;
        await repo.insertItems(tx, [
          {
            planId: id,
            pathId: path.id,
            titleIt: path.title,
            titleEn: path.title,
            competencyCodes: addressed.length ? addressed.map((n) => n.competency) : path.codes,
            participants,
            hoursPerParticipant: path.hours,
            deliveryMode: path.deliveryModes[0] ?? 'aula',
            quarter: `${plan.year}-T4`,
            origin: 'added',
            position: items.length + 1,
          },
        ]);
        await audited(tx, ctx, plan, 'training_plan.item_added', { pathId: path.id, participants });
      });
      return view(db, ctx, id);
    },

    async reorder(ctx: RequestContext, id: number, input: z.infer<typeof planOrderInput>) {
      await db.transaction(async (tx) => {
        const plan = await bump(tx, ctx, id, input.version);
        const current = (await repo.itemIds(tx, id)).map((r) => r.id);
        const given = input.itemIds;
        if (
          given.length !== current.length ||
          new Set(given).size !== given.length ||
          !given.every((g) => current.includes(g))
        )
          throw m.badOrder();
        await repo.setPositions(tx, given);
        await audited(tx, ctx, plan, 'training_plan.reordered', { before: current, after: given });
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
