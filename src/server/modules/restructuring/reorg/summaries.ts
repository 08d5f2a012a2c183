import { type ReorgPlanSummary, totalsOf } from '../../../../common/reorg-plans.js';
import { planContent, type ReorgStatus } from '../../../../common/restructuring.js';
import type { Db } from '../../../db/client.js';
import { createReorgRepository, type ReorgRepository } from './repository.js';

/**
 * What the national view and the brief read of every unit's plan, inside the caller's transaction:
 * status, current version, its act and totals. Units with no plan row are absent (read: 'non_avviato').
 */
export function createReorgSummaries(repo: ReorgRepository) {
  async function summaries(db: Db, unitId?: number): Promise<ReorgPlanSummary[]> {
    const rows = await repo.summaries(db, unitId);
    return rows.map(({ plan, content, pendingNumber }) => {
      const c = content ? planContent.parse(content) : null;
      return {
        unitId: plan.unitId,
        status: plan.status,
        currentVersion: plan.currentVersion,
        act: c?.act ?? null,
        totals: c ? totalsOf(c) : null,
        pendingProposal: pendingNumber !== null,
        updatedAt: plan.updatedAt,
      };
    });
  }
  return {
    summaries: (db: Db) => summaries(db),
    async summaryOf(db: Db, unitId: number): Promise<ReorgPlanSummary | null> {
      return (await summaries(db, unitId))[0] ?? null;
    },
    /** Every status change, oldest first, for trends over time. */
    async statusHistory(
      db: Db,
    ): Promise<{ unitId: number; from: ReorgStatus | null; to: ReorgStatus; at: Date }[]> {
      const rows = await repo.statusEvents(db);
      return rows.map((r) => ({
        unitId: r.unitId,
        from: r.from as ReorgStatus | null,
        to: r.to as ReorgStatus,
        at: r.at,
      }));
    },
  };
}

export type ReorgSummaries = ReturnType<typeof createReorgSummaries>;

/** The same, needing nothing but the caller's database handle. */
export const reorgPlanSummaries: ReorgSummaries = createReorgSummaries(createReorgRepository());
