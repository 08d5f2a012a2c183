import { and, asc, count, eq, type SQL, sql } from 'drizzle-orm';
import { romeToday } from '../../../../common/rome-time.js';
import type { Db } from '../../../db/client.js';
import { agreementActiveOn } from '../../../db/predicates.js';
import { agreements, serviceModels, territorialUnits } from '../../../db/schema/index.js';
import type { Clock } from '../../../kernel/clock.js';

export type AgreementRow = typeof agreements.$inferSelect;

/** `clock` tells which Convenzioni are active today (Rome calendar day). */
export function createAgreementsRepository(clock: Clock) {
  const columns = () => ({
    agreement: agreements,
    unitName: territorialUnits.name,
    serviceModelName: serviceModels.nameIt,
    active: sql<boolean>`coalesce(${agreementActiveOn(romeToday(clock.now()))}, false)`,
  });
  return {
    async list(
      db: Db,
      f: { unitId?: number | undefined; serviceModel?: string | undefined },
      page: number,
      pageSize: number,
    ) {
      const where: SQL[] = [];
      if (f.unitId !== undefined) where.push(eq(agreements.unitId, f.unitId));
      if (f.serviceModel) where.push(eq(agreements.serviceModelCode, f.serviceModel));
      const cond = where.length ? and(...where) : undefined;
      const [rows, [total]] = await Promise.all([
        db
          .select(columns())
          .from(agreements)
          .innerJoin(territorialUnits, eq(territorialUnits.id, agreements.unitId))
          .innerJoin(serviceModels, eq(serviceModels.code, agreements.serviceModelCode))
          .where(cond)
          .orderBy(asc(territorialUnits.name), asc(agreements.serviceModelCode), asc(agreements.validFrom))
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        db.select({ n: count() }).from(agreements).where(cond),
      ]);
      return { rows, total: total?.n ?? 0 };
    },

    async get(db: Db, id: number) {
      const [row] = await db
        .select(columns())
        .from(agreements)
        .innerJoin(territorialUnits, eq(territorialUnits.id, agreements.unitId))
        .innerJoin(serviceModels, eq(serviceModels.code, agreements.serviceModelCode))
        .where(eq(agreements.id, id));
      return row;
    },

    async insert(db: Db, values: typeof agreements.$inferInsert) {
      const [row] = await db.insert(agreements).values(values).returning();
      return row as AgreementRow;
    },

    async update(db: Db, id: number, values: Partial<typeof agreements.$inferInsert>) {
      const [row] = await db
        .update(agreements)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(agreements.id, id))
        .returning();
      return row;
    },

    /** The units with a Convenzione for the service model active today. */
    async unitsWithActiveAgreement(db: Db, serviceModelCode: string) {
      return db
        .selectDistinct({ id: territorialUnits.id, name: territorialUnits.name })
        .from(agreements)
        .innerJoin(territorialUnits, eq(territorialUnits.id, agreements.unitId))
        .where(
          and(eq(agreements.serviceModelCode, serviceModelCode), agreementActiveOn(romeToday(clock.now()))),
        )
        .orderBy(asc(territorialUnits.name));
    },

    async serviceModelExists(db: Db, code: string) {
      const [row] = await db
        .select({ code: serviceModels.code })
        .from(serviceModels)
        .where(eq(serviceModels.code, code));
      return !!row;
    },
  };
}

export type AgreementsRepository = ReturnType<typeof createAgreementsRepository>;
