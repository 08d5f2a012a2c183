import { eq } from 'drizzle-orm';
import type { ReorgStatus } from '../../../../common/restructuring.js';
import type { Db } from '../../../db/client.js';
import { reorgPlans } from '../../../db/schema/index.js';

/** What other modules may ask about units' restructuring plans, inside their own transaction. */
export const reorgLookup = {
  /** The unit's plan status: 'non_avviato' while it has no plan row. */
  async statusOf(db: Db, unitId: number): Promise<ReorgStatus> {
    const [row] = await db
      .select({ status: reorgPlans.status })
      .from(reorgPlans)
      .where(eq(reorgPlans.unitId, unitId));
    return row?.status ?? 'non_avviato';
  },
  /** Every unit's plan status and current version; units with no plan are absent (read: 'non_avviato'). */
  async statusByUnit(
    db: Db,
  ): Promise<Map<number, { status: ReorgStatus; currentVersion: number; updatedAt: Date }>> {
    const rows = await db
      .select({
        unitId: reorgPlans.unitId,
        status: reorgPlans.status,
        currentVersion: reorgPlans.currentVersion,
        updatedAt: reorgPlans.updatedAt,
      })
      .from(reorgPlans);
    return new Map(rows.map(({ unitId, ...r }) => [unitId, r]));
  },
};
export type ReorgLookup = typeof reorgLookup;
