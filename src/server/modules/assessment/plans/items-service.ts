import type { z } from 'zod';
import type { PlanItemUpdateInput, planItemAddInput, planOrderInput } from '../../../../common/plans.js';
import type { Db } from '../../../db/client.js';
import { errors } from '../../../kernel/errors.js';
import type { RequestContext } from '../../../kernel/principal.js';
import { isTooSmall } from '../gaps/index.js';
import type { PlanAccess } from './access.js';
import * as m from './messages.js';
import type { ItemChanges, PlansRepository } from './repository.js';

/** The lines of a draft plan: changed, removed, added from the catalogue, put in order. */
export function createPlanItemsService(deps: { db: Db; repo: PlansRepository; access: PlanAccess }) {
  const { db, repo } = deps;
  const { bump, readable, campaignOr404, needsOf, view, audited } = deps.access;

  return {
    async updateItem(ctx: RequestContext, id: number, itemId: number, input: PlanItemUpdateInput) {
      await db.transaction(async (tx) => {
        const plan = await bump(tx, ctx, id, input.version);
        const item = await repo.item(tx, id, itemId);
        if (!item) throw errors.notFound(m.ITEM);
        if (input.quarter && !input.quarter.startsWith(`${plan.year}-`))
          throw m.quarterOutsidePlan(plan.year);
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
      const shown = (await needsOf(campaign.id, found.plan.unitId)).filter(
        (n) => !isTooSmall(n.respondents, campaign.minGroupSize) && n.priority > 0,
      );
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
  };
}

export type PlanItemsService = ReturnType<typeof createPlanItemsService>;
