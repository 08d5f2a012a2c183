import { and, asc, desc, eq, lte, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import {
  capacityThresholds,
  territorialUnits,
  unitContacts,
  unitPopulations,
  unitProfiles,
} from '../../../db/schema/index.js';

export type PopulationRow = typeof unitPopulations.$inferSelect;

export function createUnitProfilesRepository() {
  return {
    async unit(db: Db, id: number) {
      const [row] = await db.select().from(territorialUnits).where(eq(territorialUnits.id, id));
      return row;
    },

    /** Current units (no end of validity), for matching an import's codes. */
    async unitsByCode(db: Db) {
      return db
        .select({
          id: territorialUnits.id,
          istatCode: territorialUnits.istatCode,
          provinceCode: territorialUnits.provinceCode,
          validTo: territorialUnits.validTo,
        })
        .from(territorialUnits);
    },

    populations(db: Db, unitId: number) {
      return db
        .select()
        .from(unitPopulations)
        .where(eq(unitPopulations.unitId, unitId))
        .orderBy(desc(unitPopulations.year));
    },

    /** The latest population of every unit (or one) at or before `year`: one row per unit. */
    async latestPopulations(db: Db, year: number, unitId?: number) {
      const rows = await db
        .selectDistinctOn([unitPopulations.unitId])
        .from(unitPopulations)
        .where(
          and(
            lte(unitPopulations.year, year),
            unitId === undefined ? undefined : eq(unitPopulations.unitId, unitId),
          ),
        )
        .orderBy(asc(unitPopulations.unitId), desc(unitPopulations.year));
      return new Map(rows.map((r) => [r.unitId, r]));
    },

    async upsertPopulation(
      db: Db,
      v: { unitId: number; year: number; population: number; source: string; enteredBy: string },
    ) {
      const [row] = await db
        .insert(unitPopulations)
        .values(v)
        .onConflictDoUpdate({
          target: [unitPopulations.unitId, unitPopulations.year],
          set: {
            population: v.population,
            source: v.source,
            enteredBy: v.enteredBy,
            updatedAt: sql`now()`,
          },
        })
        .returning();
      return row as PopulationRow;
    },

    async deletePopulation(db: Db, unitId: number, year: number) {
      const rows = await db
        .delete(unitPopulations)
        .where(and(eq(unitPopulations.unitId, unitId), eq(unitPopulations.year, year)))
        .returning({ id: unitPopulations.id });
      return rows.length > 0;
    },

    async details(db: Db, unitId: number) {
      const [row] = await db.select().from(unitProfiles).where(eq(unitProfiles.unitId, unitId));
      return row;
    },

    async saveDetails(db: Db, values: typeof unitProfiles.$inferInsert) {
      const { unitId: _, ...set } = values;
      await db
        .insert(unitProfiles)
        .values(values)
        .onConflictDoUpdate({ target: unitProfiles.unitId, set: { ...set, updatedAt: sql`now()` } });
    },

    contacts(db: Db, unitId: number) {
      return db
        .select()
        .from(unitContacts)
        .where(eq(unitContacts.unitId, unitId))
        .orderBy(asc(unitContacts.name), asc(unitContacts.id));
    },

    async insertContact(db: Db, values: typeof unitContacts.$inferInsert) {
      const [row] = await db.insert(unitContacts).values(values).returning();
      return row as typeof unitContacts.$inferSelect;
    },

    async updateContact(
      db: Db,
      unitId: number,
      id: number,
      values: Partial<typeof unitContacts.$inferInsert>,
    ) {
      const [row] = await db
        .update(unitContacts)
        .set(values)
        .where(and(eq(unitContacts.id, id), eq(unitContacts.unitId, unitId)))
        .returning();
      return row;
    },

    async deleteContact(db: Db, unitId: number, id: number) {
      const rows = await db
        .delete(unitContacts)
        .where(and(eq(unitContacts.id, id), eq(unitContacts.unitId, unitId)))
        .returning();
      return rows[0];
    },

    /** The capacity thresholds (reference data), to tell a population's band. */
    thresholds(db: Db) {
      return db.select().from(capacityThresholds).orderBy(asc(capacityThresholds.minPopulation));
    },
  };
}

export type UnitProfilesRepository = ReturnType<typeof createUnitProfilesRepository>;
