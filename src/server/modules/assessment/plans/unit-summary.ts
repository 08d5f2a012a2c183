import { asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { trainingPlanItems, trainingPlans } from '../../../db/schema/index.js';

/** What other modules may ask about a unit's training plan: its latest plan and its first lines (read only). */
export const trainingPlanLookup = {
  /** The unit's most recent plan (by year, then last change) with its lines in priority order, or null. */
  async latestOf(db: Db, unitId: number, maxLines = 20) {
    const [plan] = await db
      .select({ id: trainingPlans.id, year: trainingPlans.year, status: trainingPlans.status })
      .from(trainingPlans)
      .where(eq(trainingPlans.unitId, unitId))
      .orderBy(desc(trainingPlans.year), desc(trainingPlans.updatedAt))
      .limit(1);
    if (!plan) return null;
    const lines = await db
      .select({
        titleIt: trainingPlanItems.titleIt,
        titleEn: trainingPlanItems.titleEn,
        participants: trainingPlanItems.participants,
      })
      .from(trainingPlanItems)
      .where(eq(trainingPlanItems.planId, plan.id))
      .orderBy(asc(trainingPlanItems.position));
    return { ...plan, lineCount: lines.length, lines: lines.slice(0, maxLines) };
  },
};
export type TrainingPlanLookup = typeof trainingPlanLookup;
