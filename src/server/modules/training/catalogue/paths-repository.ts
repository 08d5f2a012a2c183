import { and, arrayContains, asc, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { DeliveryMode, PathInput } from '../../../../common/catalogue.js';
import type { Db } from '../../../db/client.js';
import { pathMatches } from '../../../db/predicates.js';
import {
  domains,
  pathModules,
  pathUnits,
  serviceModels,
  territorialUnits,
  trainingPaths,
} from '../../../db/schema/index.js';

export type PathRow = typeof trainingPaths.$inferSelect;
export type PathFilter = {
  q?: string | undefined;
  domain?: string | undefined;
  serviceModel?: string | undefined;
  status?: PathRow['status'] | undefined;
  mode?: DeliveryMode | undefined;
};

export function createPathsRepository() {
  return {
    async list(db: Db, f: PathFilter, page: number, pageSize: number) {
      const where: SQL[] = [];
      if (f.q) where.push(pathMatches(f.q));
      if (f.domain) where.push(eq(trainingPaths.domainCode, f.domain));
      if (f.serviceModel) where.push(eq(trainingPaths.serviceModelCode, f.serviceModel));
      if (f.status) where.push(eq(trainingPaths.status, f.status));
      if (f.mode) where.push(arrayContains(trainingPaths.deliveryModes, [f.mode]));
      const cond = where.length ? and(...where) : undefined;
      const [rows, [total]] = await Promise.all([
        db
          .select()
          .from(trainingPaths)
          .where(cond)
          .orderBy(desc(trainingPaths.updatedAt), asc(trainingPaths.id))
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        db.select({ n: count() }).from(trainingPaths).where(cond),
      ]);
      return { rows, total: total?.n ?? 0 };
    },

    async findById(db: Db, id: number) {
      const [row] = await db.select().from(trainingPaths).where(eq(trainingPaths.id, id));
      return row;
    },

    /** The path row, locked until the transaction ends: changes to one path happen one at a time. */
    async lock(db: Db, id: number) {
      const [row] = await db.select().from(trainingPaths).where(eq(trainingPaths.id, id)).for('update');
      return row;
    },

    async findBySlug(db: Db, slug: string) {
      const [row] = await db.select().from(trainingPaths).where(eq(trainingPaths.slug, slug));
      return row;
    },

    /**
     * Modules, listed units and reference names of several paths at once. One query after the other:
     * inside a transaction they share one pg client, which must not run queries concurrently.
     */
    async details(db: Db, ids: number[]) {
      if (!ids.length) return { modules: [], units: [], names: { domains: new Map(), models: new Map() } };
      const modules = await db
        .select()
        .from(pathModules)
        .where(inArray(pathModules.pathId, ids))
        .orderBy(asc(pathModules.position));
      const units = await db
        .select({ pathId: pathUnits.pathId, id: territorialUnits.id, name: territorialUnits.name })
        .from(pathUnits)
        .innerJoin(territorialUnits, eq(territorialUnits.id, pathUnits.unitId))
        .where(inArray(pathUnits.pathId, ids))
        .orderBy(asc(territorialUnits.name));
      const d = await db.select().from(domains);
      const m = await db.select().from(serviceModels);
      return {
        modules,
        units,
        names: { domains: new Map(d.map((x) => [x.code, x])), models: new Map(m.map((x) => [x.code, x])) },
      };
    },

    async insert(db: Db, values: typeof trainingPaths.$inferInsert) {
      const [row] = await db.insert(trainingPaths).values(values).returning();
      return row as PathRow;
    },

    async update(db: Db, id: number, values: Partial<typeof trainingPaths.$inferInsert>) {
      const [row] = await db
        .update(trainingPaths)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(trainingPaths.id, id))
        .returning();
      return row;
    },

    /** Replaces the modules and the listed units of a path. */
    async replaceChildren(db: Db, pathId: number, input: Pick<PathInput, 'modules' | 'unitIds'>) {
      await db.delete(pathModules).where(eq(pathModules.pathId, pathId));
      if (input.modules.length)
        await db.insert(pathModules).values(input.modules.map((m, position) => ({ ...m, pathId, position })));
      await db.delete(pathUnits).where(eq(pathUnits.pathId, pathId));
      if (input.unitIds.length)
        await db.insert(pathUnits).values([...new Set(input.unitIds)].map((unitId) => ({ pathId, unitId })));
    },

    async referenceExists(db: Db, kind: 'domain' | 'serviceModel', code: string) {
      const table = kind === 'domain' ? domains : serviceModels;
      const [row] = await db.select({ code: table.code }).from(table).where(eq(table.code, code));
      return !!row;
    },

    async existingUnitIds(db: Db, ids: number[]) {
      if (!ids.length) return [];
      const rows = await db
        .select({ id: territorialUnits.id })
        .from(territorialUnits)
        .where(inArray(territorialUnits.id, ids));
      return rows.map((r) => r.id);
    },
  };
}

export type PathsRepository = ReturnType<typeof createPathsRepository>;
