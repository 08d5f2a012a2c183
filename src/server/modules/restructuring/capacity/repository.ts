import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { capacityThresholds, hiringCapacity, territorialUnits } from '../../../db/schema/index.js';

export type CapacityRow = typeof hiringCapacity.$inferSelect;
export type ThresholdRow = typeof capacityThresholds.$inferSelect;
export type CapacityValues = Omit<typeof hiringCapacity.$inferInsert, 'id' | 'unitId' | 'year' | 'revision'>;

const unitColumns = {
  id: territorialUnits.id,
  name: territorialUnits.name,
  unitType: territorialUnits.unitType,
};

export function createCapacityRepository() {
  return {
    async unit(db: Db, id: number) {
      const [row] = await db.select(unitColumns).from(territorialUnits).where(eq(territorialUnits.id, id));
      return row;
    },

    /** Every unit with its figures for the year (null when none): one query for the national view. */
    unitsWithYear(db: Db, year: number) {
      return db
        .select({ unit: unitColumns, capacity: hiringCapacity })
        .from(territorialUnits)
        .leftJoin(
          hiringCapacity,
          and(eq(hiringCapacity.unitId, territorialUnits.id), eq(hiringCapacity.year, year)),
        )
        .orderBy(asc(territorialUnits.name), asc(territorialUnits.id));
    },

    async find(db: Db, unitId: number, year: number) {
      const [row] = await db
        .select()
        .from(hiringCapacity)
        .where(and(eq(hiringCapacity.unitId, unitId), eq(hiringCapacity.year, year)));
      return row;
    },

    years(db: Db, unitId: number) {
      return db
        .select()
        .from(hiringCapacity)
        .where(eq(hiringCapacity.unitId, unitId))
        .orderBy(sql`${hiringCapacity.year} desc`);
    },

    /** Creates the year; null when someone else created it first. */
    async insert(db: Db, unitId: number, year: number, values: CapacityValues) {
      const [row] = await db
        .insert(hiringCapacity)
        .values({ unitId, year, ...values })
        .onConflictDoNothing()
        .returning();
      return row ?? null;
    },

    /** Changes the year at the given revision only; null when it moved on meanwhile. */
    async update(db: Db, unitId: number, year: number, revision: number, values: CapacityValues) {
      const [row] = await db
        .update(hiringCapacity)
        .set({ ...values, revision: sql`${hiringCapacity.revision} + 1`, updatedAt: sql`now()` })
        .where(
          and(
            eq(hiringCapacity.unitId, unitId),
            eq(hiringCapacity.year, year),
            eq(hiringCapacity.revision, revision),
          ),
        )
        .returning();
      return row ?? null;
    },

    thresholds(db: Db) {
      return db
        .select()
        .from(capacityThresholds)
        .orderBy(
          asc(capacityThresholds.unitType),
          asc(capacityThresholds.validFromYear),
          asc(capacityThresholds.minPopulation),
        );
    },

    async threshold(db: Db, id: number) {
      const [row] = await db.select().from(capacityThresholds).where(eq(capacityThresholds.id, id));
      return row;
    },

    async insertThreshold(db: Db, values: typeof capacityThresholds.$inferInsert) {
      const [row] = await db.insert(capacityThresholds).values(values).returning();
      return row as ThresholdRow;
    },

    async updateThreshold(db: Db, id: number, values: Partial<typeof capacityThresholds.$inferInsert>) {
      const [row] = await db
        .update(capacityThresholds)
        .set({ ...values, updatedAt: sql`now()` })
        .where(eq(capacityThresholds.id, id))
        .returning();
      return row;
    },

    async deleteThreshold(db: Db, id: number) {
      const [row] = await db.delete(capacityThresholds).where(eq(capacityThresholds.id, id)).returning();
      return row;
    },
  };
}

export type CapacityRepository = ReturnType<typeof createCapacityRepository>;
