import { and, asc, count, desc, eq, inArray, max, ne, sql } from 'drizzle-orm';
import type { FrameworkFile } from '../../../../common/framework.js';
import type { Db } from '../../../db/client.js';
import {
  competencyFrameworks,
  domains,
  frameworkAreas,
  frameworkCompetencies,
} from '../../../db/schema/index.js';

export type FrameworkRow = typeof competencyFrameworks.$inferSelect;
export type AreaRow = typeof frameworkAreas.$inferSelect;
export type CompetencyRow = typeof frameworkCompetencies.$inferSelect;
type CompetencyValues = Omit<
  typeof frameworkCompetencies.$inferInsert,
  'id' | 'frameworkId' | 'areaId' | 'position'
>;

/** A competency's content as columns. */
export function competencyColumns(
  c: FrameworkFile['domains'][number]['areas'][number]['competencies'][number],
) {
  return {
    code: c.code,
    nameIt: c.name.it,
    nameEn: c.name.en,
    descriptionIt: c.description.it,
    descriptionEn: c.description.en,
    keywords: c.keywords,
    levelBaseIt: c.levels.base.it,
    levelBaseEn: c.levels.base.en,
    levelIntermedioIt: c.levels.intermedio.it,
    levelIntermedioEn: c.levels.intermedio.en,
    levelAvanzatoIt: c.levels.avanzato.it,
    levelAvanzatoEn: c.levels.avanzato.en,
  } satisfies CompetencyValues;
}

/** The versions of the framework, their areas and competencies: the only SQL on these tables. */
export function createFrameworkRepository() {
  return {
    async list(db: Db, opts: { drafts: boolean }) {
      const areas = db
        .select({ frameworkId: frameworkAreas.frameworkId, n: count().as('areas_n') })
        .from(frameworkAreas)
        .groupBy(frameworkAreas.frameworkId)
        .as('a');
      const comps = db
        .select({ frameworkId: frameworkCompetencies.frameworkId, n: count().as('competencies_n') })
        .from(frameworkCompetencies)
        .groupBy(frameworkCompetencies.frameworkId)
        .as('c');
      return db
        .select({
          framework: competencyFrameworks,
          areas: sql<number>`coalesce(${areas.n}, 0)::int`,
          competencies: sql<number>`coalesce(${comps.n}, 0)::int`,
        })
        .from(competencyFrameworks)
        .leftJoin(areas, eq(areas.frameworkId, competencyFrameworks.id))
        .leftJoin(comps, eq(comps.frameworkId, competencyFrameworks.id))
        .where(opts.drafts ? undefined : ne(competencyFrameworks.status, 'draft'))
        .orderBy(desc(competencyFrameworks.createdAt), desc(competencyFrameworks.id));
    },

    async get(db: Db, id: number) {
      const [row] = await db.select().from(competencyFrameworks).where(eq(competencyFrameworks.id, id));
      return row;
    },

    /** The version row, locked until the transaction ends, so edits and publication happen one at a time. */
    async lock(tx: Db, id: number) {
      const [row] = await tx
        .select()
        .from(competencyFrameworks)
        .where(eq(competencyFrameworks.id, id))
        .for('update');
      return row;
    },

    async findByStatus(db: Db, status: FrameworkRow['status']) {
      const [row] = await db
        .select()
        .from(competencyFrameworks)
        .where(eq(competencyFrameworks.status, status))
        .orderBy(desc(competencyFrameworks.id))
        .limit(1);
      return row;
    },

    /** The version a new draft starts from: the one in force, or else the newest. */
    async latest(db: Db) {
      const [row] = await db
        .select()
        .from(competencyFrameworks)
        .orderBy(sql`${competencyFrameworks.status} = 'published' desc`, desc(competencyFrameworks.id))
        .limit(1);
      return row;
    },

    async any(db: Db) {
      const [row] = await db.select({ id: competencyFrameworks.id }).from(competencyFrameworks).limit(1);
      return !!row;
    },

    async versionTaken(db: Db, version: string, exceptId?: number) {
      const [row] = await db
        .select({ id: competencyFrameworks.id })
        .from(competencyFrameworks)
        .where(
          and(
            sql`lower(${competencyFrameworks.version}) = lower(${version})`,
            exceptId === undefined ? undefined : ne(competencyFrameworks.id, exceptId),
          ),
        );
      return !!row;
    },

    async insert(db: Db, values: typeof competencyFrameworks.$inferInsert) {
      const [row] = await db.insert(competencyFrameworks).values(values).returning();
      return row as FrameworkRow;
    },

    /** Sets the given columns; with none (a patch that changes nothing) the row as it is. */
    async update(db: Db, id: number, values: Partial<typeof competencyFrameworks.$inferInsert>) {
      if (!Object.keys(values).length) {
        const [same] = await db.select().from(competencyFrameworks).where(eq(competencyFrameworks.id, id));
        return same as FrameworkRow;
      }
      const [row] = await db
        .update(competencyFrameworks)
        .set(values)
        .where(eq(competencyFrameworks.id, id))
        .returning();
      return row as FrameworkRow;
    },

    /** Deletes a version with its areas and competencies (drafts only: nothing refers to them). */
    async remove(db: Db, id: number) {
      await db.delete(competencyFrameworks).where(eq(competencyFrameworks.id, id));
    },

    /** Writes a file's areas and competencies into a version, in the file's order. */
    async insertContent(db: Db, frameworkId: number, file: FrameworkFile) {
      let position = 0;
      let competencies = 0;
      for (const d of file.domains)
        for (const a of d.areas) {
          const [area] = await db
            .insert(frameworkAreas)
            .values({
              frameworkId,
              domainCode: d.code,
              code: a.code,
              nameIt: a.name.it,
              nameEn: a.name.en,
              position: position++,
            })
            .returning({ id: frameworkAreas.id });
          if (!area) throw new Error('area insert failed');
          if (a.competencies.length)
            await db.insert(frameworkCompetencies).values(
              a.competencies.map((c, i) => ({
                ...competencyColumns(c),
                frameworkId,
                areaId: area.id,
                position: i,
              })),
            );
          competencies += a.competencies.length;
        }
      return { areas: position, competencies };
    },

    async domains(db: Db) {
      return db.select().from(domains).orderBy(asc(domains.code));
    },

    async areas(db: Db, frameworkId: number) {
      return db
        .select()
        .from(frameworkAreas)
        .where(eq(frameworkAreas.frameworkId, frameworkId))
        .orderBy(asc(frameworkAreas.position), asc(frameworkAreas.id));
    },

    async competencies(db: Db, frameworkId: number) {
      return db
        .select()
        .from(frameworkCompetencies)
        .where(eq(frameworkCompetencies.frameworkId, frameworkId))
        .orderBy(asc(frameworkCompetencies.position), asc(frameworkCompetencies.id));
    },

    async area(db: Db, frameworkId: number, areaId: number) {
      const [row] = await db
        .select()
        .from(frameworkAreas)
        .where(and(eq(frameworkAreas.frameworkId, frameworkId), eq(frameworkAreas.id, areaId)));
      return row;
    },

    async competency(db: Db, frameworkId: number, competencyId: number) {
      const [row] = await db
        .select()
        .from(frameworkCompetencies)
        .where(
          and(eq(frameworkCompetencies.frameworkId, frameworkId), eq(frameworkCompetencies.id, competencyId)),
        );
      return row;
    },

    async areaCodeTaken(db: Db, frameworkId: number, code: string, exceptId?: number) {
      const [row] = await db
        .select({ id: frameworkAreas.id })
        .from(frameworkAreas)
        .where(
          and(
            eq(frameworkAreas.frameworkId, frameworkId),
            sql`lower(${frameworkAreas.code}) = lower(${code})`,
            exceptId === undefined ? undefined : ne(frameworkAreas.id, exceptId),
          ),
        );
      return !!row;
    },

    async competencyCodeTaken(db: Db, frameworkId: number, code: string, exceptId?: number) {
      const [row] = await db
        .select({ id: frameworkCompetencies.id })
        .from(frameworkCompetencies)
        .where(
          and(
            eq(frameworkCompetencies.frameworkId, frameworkId),
            sql`lower(${frameworkCompetencies.code}) = lower(${code})`,
            exceptId === undefined ? undefined : ne(frameworkCompetencies.id, exceptId),
          ),
        );
      return !!row;
    },

    async nextAreaPosition(db: Db, frameworkId: number) {
      const [row] = await db
        .select({ p: max(frameworkAreas.position) })
        .from(frameworkAreas)
        .where(eq(frameworkAreas.frameworkId, frameworkId));
      return (row?.p ?? -1) + 1;
    },

    async nextCompetencyPosition(db: Db, areaId: number) {
      const [row] = await db
        .select({ p: max(frameworkCompetencies.position) })
        .from(frameworkCompetencies)
        .where(eq(frameworkCompetencies.areaId, areaId));
      return (row?.p ?? -1) + 1;
    },

    async insertArea(db: Db, values: typeof frameworkAreas.$inferInsert) {
      const [row] = await db.insert(frameworkAreas).values(values).returning();
      return row as AreaRow;
    },

    async updateArea(db: Db, id: number, values: Partial<typeof frameworkAreas.$inferInsert>) {
      if (!Object.keys(values).length) return;
      await db.update(frameworkAreas).set(values).where(eq(frameworkAreas.id, id));
    },

    /** Deletes an area and its competencies; answers the codes of the competencies removed. */
    async removeArea(db: Db, id: number) {
      const gone = await db
        .delete(frameworkCompetencies)
        .where(eq(frameworkCompetencies.areaId, id))
        .returning({ code: frameworkCompetencies.code });
      await db.delete(frameworkAreas).where(eq(frameworkAreas.id, id));
      return gone.map((g) => g.code);
    },

    async insertCompetency(db: Db, values: typeof frameworkCompetencies.$inferInsert) {
      const [row] = await db.insert(frameworkCompetencies).values(values).returning();
      return row as CompetencyRow;
    },

    async updateCompetency(db: Db, id: number, values: Partial<typeof frameworkCompetencies.$inferInsert>) {
      if (!Object.keys(values).length) return;
      await db.update(frameworkCompetencies).set(values).where(eq(frameworkCompetencies.id, id));
    },

    async removeCompetency(db: Db, id: number) {
      await db.delete(frameworkCompetencies).where(eq(frameworkCompetencies.id, id));
    },

    async setAreaPosition(db: Db, id: number, position: number) {
      await db.update(frameworkAreas).set({ position }).where(eq(frameworkAreas.id, id));
    },

    async setCompetencyPlace(db: Db, id: number, areaId: number, position: number) {
      await db
        .update(frameworkCompetencies)
        .set({ areaId, position })
        .where(eq(frameworkCompetencies.id, id));
    },

    /** The competencies of the published version among `ids`. */
    async publishedCompetencies(db: Db, ids?: number[]) {
      if (ids && !ids.length) return [];
      return db
        .select({
          id: frameworkCompetencies.id,
          code: frameworkCompetencies.code,
          nameIt: frameworkCompetencies.nameIt,
          nameEn: frameworkCompetencies.nameEn,
          keywords: frameworkCompetencies.keywords,
        })
        .from(frameworkCompetencies)
        .innerJoin(competencyFrameworks, eq(competencyFrameworks.id, frameworkCompetencies.frameworkId))
        .where(
          and(
            eq(competencyFrameworks.status, 'published'),
            ids ? inArray(frameworkCompetencies.id, ids) : undefined,
          ),
        );
    },
  };
}

export type FrameworkRepository = ReturnType<typeof createFrameworkRepository>;
