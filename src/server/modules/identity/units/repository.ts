import { and, asc, count, eq, gte, ilike, isNull, lte, or, type SQL } from 'drizzle-orm';
import { romeToday } from '../../../../common/rome-time.js';
import type { Db } from '../../../db/client.js';
import { domains, jobProfiles, serviceModels, territorialUnits } from '../../../db/schema/index.js';
import { escapeLike } from '../../../db/sql.js';
import type { Clock } from '../../../kernel/clock.js';

export type UnitRow = typeof territorialUnits.$inferSelect;
export type UnitFilter = {
  q?: string | undefined;
  region?: string | undefined;
  inProgramme?: boolean | undefined;
  includeExpired?: boolean | undefined;
};

/** Valid on a Rome day: started (or no start date) and not yet ended (or no end date). */
const validOn = (day: string) =>
  and(
    or(isNull(territorialUnits.validFrom), lte(territorialUnits.validFrom, day)),
    or(isNull(territorialUnits.validTo), gte(territorialUnits.validTo, day)),
  );

/** `clock` tells which units are valid today (Rome calendar day). */
export function createUnitsRepository(clock: Clock) {
  const current = () => validOn(romeToday(clock.now()));
  return {
    async list(db: Db, f: UnitFilter, page: number, pageSize: number) {
      const where: SQL[] = [];
      if (!f.includeExpired) where.push(current() as SQL);
      if (f.q) {
        const like = `%${escapeLike(f.q)}%`;
        where.push(
          or(
            ilike(territorialUnits.name, like),
            ilike(territorialUnits.sigla, like),
            eq(territorialUnits.istatCode, f.q),
          ) as SQL,
        );
      }
      if (f.region) where.push(ilike(territorialUnits.regionName, escapeLike(f.region)));
      if (f.inProgramme !== undefined) where.push(eq(territorialUnits.inProgramme, f.inProgramme));
      const cond = where.length ? and(...where) : undefined;
      const [rows, [total]] = await Promise.all([
        db
          .select()
          .from(territorialUnits)
          .where(cond)
          .orderBy(asc(territorialUnits.regionCode), asc(territorialUnits.name), asc(territorialUnits.id))
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        db.select({ n: count() }).from(territorialUnits).where(cond),
      ]);
      return { rows, total: total?.n ?? 0 };
    },

    async findById(db: Db, id: number) {
      const [row] = await db.select().from(territorialUnits).where(eq(territorialUnits.id, id));
      return row;
    },

    async findCurrentByIstat(db: Db, istatCode: string) {
      const [row] = await db
        .select()
        .from(territorialUnits)
        .where(and(eq(territorialUnits.istatCode, istatCode), current()));
      return row;
    },

    /**
     * Another unit with this ISTAT code and start of validity. The unique index treats empty starts
     * as distinct (SQL NULLs), so the service checks that case here.
     */
    async insert(db: Db, values: typeof territorialUnits.$inferInsert) {
      const [row] = await db.insert(territorialUnits).values(values).returning();
      return row as UnitRow;
    },

    async update(db: Db, id: number, patch: Partial<typeof territorialUnits.$inferInsert>) {
      const [row] = await db
        .update(territorialUnits)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(territorialUnits.id, id))
        .returning();
      return row;
    },

    async jobProfileExists(db: Db, code: string) {
      const [row] = await db
        .select({ code: jobProfiles.code })
        .from(jobProfiles)
        .where(and(eq(jobProfiles.code, code), eq(jobProfiles.active, true)));
      return !!row;
    },

    async reference(db: Db) {
      const [d, s, j] = await Promise.all([
        db.select().from(domains).orderBy(asc(domains.code)),
        db.select().from(serviceModels).orderBy(asc(serviceModels.code)),
        db.select().from(jobProfiles).where(eq(jobProfiles.active, true)).orderBy(asc(jobProfiles.nameIt)),
      ]);
      return { domains: d, serviceModels: s, jobProfiles: j };
    },
  };
}

export type UnitsRepository = ReturnType<typeof createUnitsRepository>;
