import type { ThresholdInput } from '../../../../common/capacity-api.js';
import type { Db } from '../../../db/client.js';
import { errors } from '../../../kernel/errors.js';
import { type RequestContext, requireActor } from '../../../kernel/principal.js';
import type { AuditService } from '../../platform/audit/index.js';
import { canEditRules, canUseRestructuring } from '../reorg/index.js';
import * as m from './messages.js';
import type { CapacityRepository } from './repository.js';
import { toThreshold } from './view.js';

/** The DM 11 gennaio 2022 thresholds as reference data: read by the restructuring pages, kept by national admins. */
export function createThresholdsService(deps: { db: Db; repo: CapacityRepository; audit: AuditService }) {
  const { db, repo, audit } = deps;
  const editor = (ctx: RequestContext) => {
    const actor = requireActor(ctx);
    if (!canEditRules(actor)) throw errors.forbidden();
    return actor;
  };
  return {
    async list(ctx: RequestContext) {
      if (!canUseRestructuring(ctx.actor)) throw errors.forbidden();
      return { items: (await repo.thresholds(db)).map(toThreshold), canEdit: canEditRules(ctx.actor) };
    },

    async create(ctx: RequestContext, input: ThresholdInput) {
      const actor = editor(ctx);
      return db.transaction(async (tx) => {
        const row = await repo.insertThreshold(tx, { ...input, updatedBy: actor.id });
        await audit.record(tx, ctx, {
          action: 'capacity_threshold.created',
          entityType: 'capacity_threshold',
          entityId: row.id,
          details: input,
        });
        return toThreshold(row);
      });
    },

    async update(ctx: RequestContext, id: number, input: ThresholdInput) {
      const actor = editor(ctx);
      return db.transaction(async (tx) => {
        const before = await repo.threshold(tx, id);
        if (!before) throw errors.notFound(m.THRESHOLD);
        const row = await repo.updateThreshold(tx, id, { ...input, updatedBy: actor.id });
        if (!row) throw errors.notFound(m.THRESHOLD);
        await audit.record(tx, ctx, {
          action: 'capacity_threshold.updated',
          entityType: 'capacity_threshold',
          entityId: id,
          details: { before: toThreshold(before), after: input },
        });
        return toThreshold(row);
      });
    },

    async remove(ctx: RequestContext, id: number) {
      editor(ctx);
      await db.transaction(async (tx) => {
        const row = await repo.deleteThreshold(tx, id);
        if (!row) throw errors.notFound(m.THRESHOLD);
        await audit.record(tx, ctx, {
          action: 'capacity_threshold.deleted',
          entityType: 'capacity_threshold',
          entityId: id,
          details: { before: toThreshold(row) },
        });
      });
      return { ok: true as const };
    },
  };
}

export type ThresholdsService = ReturnType<typeof createThresholdsService>;
