import { and, asc, count, eq, inArray, isNotNull, max, sql, sum } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import {
  attendance,
  editionSessions,
  editions,
  editionTrainers,
  enrolments,
  fadModulePrerequisites,
  fadModules,
  fadPages,
  fadPageViews,
  fadProgress,
  fadSessionModules,
  fadVisits,
  scormAttempts,
  scormFiles,
  scormPackages,
  trainingPaths,
} from '../../../db/schema/index.js';

export type FadModuleRow = typeof fadModules.$inferSelect;
export type FadPageRow = typeof fadPages.$inferSelect;
export type ScormPackageRow = typeof scormPackages.$inferSelect;
export type FadModuleValues = Omit<typeof fadModules.$inferInsert, 'id' | 'pathId' | 'position' | 'revision'>;
export type FadPageValues = Omit<typeof fadPages.$inferInsert, 'id' | 'moduleId' | 'position'>;

/** The SQL of online modules: content, links to sessions, progress. The only place that queries them. */
export function createFadRepository() {
  return {
    async path(db: Db, pathId: number) {
      const [row] = await db
        .select({ id: trainingPaths.id, title: trainingPaths.title })
        .from(trainingPaths)
        .where(eq(trainingPaths.id, pathId));
      return row;
    },

    async module(db: Db, id: number, lock = false) {
      const q = db
        .select({ module: fadModules, pathTitle: trainingPaths.title })
        .from(fadModules)
        .innerJoin(trainingPaths, eq(trainingPaths.id, fadModules.pathId))
        .where(eq(fadModules.id, id));
      const [row] = lock ? await q.for('update', { of: fadModules }) : await q;
      return row;
    },

    /** A path's modules in order, with their page counts. */
    modulesOfPath(db: Db, pathId: number) {
      return db
        .select({
          module: fadModules,
          pathTitle: trainingPaths.title,
          pageCount: sql<number>`(select count(*)::int from ${fadPages} where ${fadPages.moduleId} = ${fadModules.id})`,
        })
        .from(fadModules)
        .innerJoin(trainingPaths, eq(trainingPaths.id, fadModules.pathId))
        .where(eq(fadModules.pathId, pathId))
        .orderBy(asc(fadModules.position), asc(fadModules.id));
    },

    async nextPosition(db: Db, pathId: number) {
      const [row] = await db
        .select({ last: max(fadModules.position) })
        .from(fadModules)
        .where(eq(fadModules.pathId, pathId));
      return (row?.last ?? 0) + 1;
    },

    async insertModule(db: Db, values: typeof fadModules.$inferInsert) {
      const [row] = await db.insert(fadModules).values(values).returning();
      return row as FadModuleRow;
    },

    /** Saves at the revision seen; undefined when someone else saved first. */
    async updateModule(db: Db, id: number, revision: number, values: FadModuleValues) {
      const [row] = await db
        .update(fadModules)
        .set({ ...values, revision: sql`${fadModules.revision} + 1`, updatedAt: sql`now()` })
        .where(and(eq(fadModules.id, id), eq(fadModules.revision, revision)))
        .returning();
      return row;
    },

    async touchModule(db: Db, id: number) {
      await db
        .update(fadModules)
        .set({ revision: sql`${fadModules.revision} + 1`, updatedAt: sql`now()` })
        .where(eq(fadModules.id, id));
    },

    deleteModule(db: Db, id: number) {
      return db.delete(fadModules).where(eq(fadModules.id, id));
    },

    async hasProgress(db: Db, moduleId: number) {
      const [row] = await db
        .select({ n: count() })
        .from(fadProgress)
        .where(eq(fadProgress.moduleId, moduleId));
      return (row?.n ?? 0) > 0;
    },

    async prerequisitesOf(db: Db, moduleIds: number[]) {
      if (moduleIds.length === 0) return [];
      return db
        .select()
        .from(fadModulePrerequisites)
        .where(inArray(fadModulePrerequisites.moduleId, moduleIds));
    },

    async setPrerequisites(db: Db, moduleId: number, requiresIds: number[]) {
      await db.delete(fadModulePrerequisites).where(eq(fadModulePrerequisites.moduleId, moduleId));
      if (requiresIds.length)
        await db
          .insert(fadModulePrerequisites)
          .values(requiresIds.map((requiresId) => ({ moduleId, requiresId })));
    },

    pagesOf(db: Db, moduleId: number) {
      return db
        .select()
        .from(fadPages)
        .where(eq(fadPages.moduleId, moduleId))
        .orderBy(asc(fadPages.position), asc(fadPages.id));
    },

    async page(db: Db, id: number) {
      const [row] = await db.select().from(fadPages).where(eq(fadPages.id, id));
      return row;
    },

    async insertPage(db: Db, moduleId: number, values: FadPageValues) {
      const [last] = await db
        .select({ last: max(fadPages.position) })
        .from(fadPages)
        .where(eq(fadPages.moduleId, moduleId));
      const [row] = await db
        .insert(fadPages)
        .values({ ...values, moduleId, position: (last?.last ?? 0) + 1 })
        .returning();
      return row as FadPageRow;
    },

    async updatePage(db: Db, id: number, values: FadPageValues) {
      const [row] = await db
        .update(fadPages)
        .set({ ...values, updatedAt: sql`now()` })
        .where(eq(fadPages.id, id))
        .returning();
      return row;
    },

    deletePage(db: Db, id: number) {
      return db.delete(fadPages).where(eq(fadPages.id, id));
    },

    async setPagePositions(db: Db, pageIds: number[]) {
      for (const [i, id] of pageIds.entries())
        await db
          .update(fadPages)
          .set({ position: i + 1 })
          .where(eq(fadPages.id, id));
    },

    /** Whether the person has a confirmed enrolment in an edition of the path (not cancelled). */
    async enrolledInPath(db: Db, userId: string, pathId: number) {
      const [row] = await db
        .select({ id: enrolments.id })
        .from(enrolments)
        .innerJoin(editions, eq(editions.id, enrolments.editionId))
        .where(
          and(
            eq(enrolments.userId, userId),
            eq(enrolments.status, 'confirmed'),
            eq(editions.pathId, pathId),
            sql`${editions.status} <> 'cancelled'`,
          ),
        )
        .limit(1);
      return row !== undefined;
    },

    /** The person's progress in some modules. */
    progressOf(db: Db, userId: string, moduleIds: number[]) {
      if (moduleIds.length === 0) return Promise.resolve([]);
      return db
        .select()
        .from(fadProgress)
        .where(and(eq(fadProgress.userId, userId), inArray(fadProgress.moduleId, moduleIds)));
    },

    async lockProgress(db: Db, userId: string, moduleId: number) {
      await db.insert(fadProgress).values({ userId, moduleId }).onConflictDoNothing();
      const [row] = await db
        .select()
        .from(fadProgress)
        .where(and(eq(fadProgress.userId, userId), eq(fadProgress.moduleId, moduleId)))
        .for('update');
      return row as typeof fadProgress.$inferSelect;
    },

    async saveProgress(
      db: Db,
      userId: string,
      moduleId: number,
      values: { activeSeconds: number; lastPageId?: number; completedAt: Date | null },
    ) {
      await db
        .update(fadProgress)
        .set({ ...values, updatedAt: sql`now()` })
        .where(and(eq(fadProgress.userId, userId), eq(fadProgress.moduleId, moduleId)));
    },

    viewedPageIds(db: Db, userId: string, moduleId: number) {
      return db
        .select({ pageId: fadPageViews.pageId })
        .from(fadPageViews)
        .innerJoin(fadPages, eq(fadPages.id, fadPageViews.pageId))
        .where(and(eq(fadPageViews.userId, userId), eq(fadPages.moduleId, moduleId)));
    },

    markViewed(db: Db, userId: string, pageId: number) {
      return db.insert(fadPageViews).values({ userId, pageId }).onConflictDoNothing();
    },

    async visit(db: Db, id: string) {
      const [row] = await db.select().from(fadVisits).where(eq(fadVisits.id, id));
      return row;
    },

    async startVisit(db: Db, values: { id: string; userId: string; moduleId: number; startedAt: Date }) {
      await db.insert(fadVisits).values(values).onConflictDoNothing();
    },

    async setVisitSeconds(db: Db, id: string, seconds: number) {
      await db.update(fadVisits).set({ seconds, updatedAt: sql`now()` }).where(eq(fadVisits.id, id));
    },

    async totalSeconds(db: Db, userId: string, moduleId: number) {
      const [row] = await db
        .select({ total: sum(fadVisits.seconds).mapWith(Number) })
        .from(fadVisits)
        .where(and(eq(fadVisits.userId, userId), eq(fadVisits.moduleId, moduleId)));
      return row?.total ?? 0;
    },

    /**
     * The online sessions delivering a module in which the person holds a confirmed enrolment, with
     * the ledger's minutes for them so far.
     */
    linkedSessionsOf(db: Db, userId: string, moduleId: number) {
      return db
        .select({
          sessionId: editionSessions.id,
          startsAt: editionSessions.startsAt,
          endsAt: editionSessions.endsAt,
          minutes: attendance.minutes,
        })
        .from(fadSessionModules)
        .innerJoin(editionSessions, eq(editionSessions.id, fadSessionModules.sessionId))
        .innerJoin(editions, eq(editions.id, editionSessions.editionId))
        .innerJoin(
          enrolments,
          and(
            eq(enrolments.editionId, editionSessions.editionId),
            eq(enrolments.userId, userId),
            eq(enrolments.status, 'confirmed'),
          ),
        )
        .leftJoin(
          attendance,
          and(eq(attendance.sessionId, editionSessions.id), eq(attendance.userId, userId)),
        )
        .where(
          and(
            eq(fadSessionModules.moduleId, moduleId),
            eq(editionSessions.status, 'scheduled'),
            sql`${editions.status} <> 'cancelled'`,
          ),
        );
    },

    /** The online sessions of a path's editions, with the module each delivers. */
    onlineSessionsOfPath(db: Db, pathId: number) {
      return db
        .select({
          sessionId: editionSessions.id,
          editionId: editions.id,
          editionTitle: editions.title,
          title: editionSessions.title,
          startsAt: editionSessions.startsAt,
          endsAt: editionSessions.endsAt,
          moduleId: fadSessionModules.moduleId,
        })
        .from(editionSessions)
        .innerJoin(editions, eq(editions.id, editionSessions.editionId))
        .leftJoin(fadSessionModules, eq(fadSessionModules.sessionId, editionSessions.id))
        .where(
          and(
            eq(editions.pathId, pathId),
            eq(editionSessions.mode, 'online'),
            sql`${editions.status} <> 'cancelled'`,
          ),
        )
        .orderBy(asc(editionSessions.startsAt), asc(editionSessions.id));
    },

    async sessionWithPath(db: Db, sessionId: number) {
      const [row] = await db
        .select({
          sessionId: editionSessions.id,
          editionId: editions.id,
          pathId: editions.pathId,
          mode: editionSessions.mode,
        })
        .from(editionSessions)
        .innerJoin(editions, eq(editions.id, editionSessions.editionId))
        .where(eq(editionSessions.id, sessionId));
      return row;
    },

    async trainsEdition(db: Db, userId: string, editionId: number) {
      const [row] = await db
        .select({ editionId: editionTrainers.editionId })
        .from(editionTrainers)
        .where(and(eq(editionTrainers.userId, userId), eq(editionTrainers.editionId, editionId)));
      return row !== undefined;
    },

    async trainedEditionIds(db: Db, userId: string) {
      const rows = await db
        .select({ editionId: editionTrainers.editionId })
        .from(editionTrainers)
        .where(eq(editionTrainers.userId, userId));
      return new Set(rows.map((r) => r.editionId));
    },

    async linkSession(db: Db, sessionId: number, moduleId: number | null) {
      await db.delete(fadSessionModules).where(eq(fadSessionModules.sessionId, sessionId));
      if (moduleId !== null) await db.insert(fadSessionModules).values({ sessionId, moduleId });
    },

    /**
     * The learner's modules: the published modules of the paths where they hold a confirmed enrolment
     * in an edition not cancelled, with the last day of that edition and their progress.
     */
    myModules(db: Db, userId: string) {
      return db
        .select({
          module: fadModules,
          pathTitle: trainingPaths.title,
          availableUntil: sql<string | null>`max(${editions.endsOn})::text`,
          pageCount: sql<number>`(select count(*)::int from ${fadPages} where ${fadPages.moduleId} = ${fadModules.id})`,
          viewedPages: sql<number>`(select count(*)::int from ${fadPageViews} join ${fadPages} on ${fadPages.id} = ${fadPageViews.pageId} where ${fadPages.moduleId} = ${fadModules.id} and ${fadPageViews.userId} = ${userId})`,
          activeSeconds: sql<number | null>`max(${fadProgress.activeSeconds})`,
          completedAt: sql<Date | null>`max(${fadProgress.completedAt})`,
        })
        .from(enrolments)
        .innerJoin(editions, eq(editions.id, enrolments.editionId))
        .innerJoin(trainingPaths, eq(trainingPaths.id, editions.pathId))
        .innerJoin(fadModules, eq(fadModules.pathId, trainingPaths.id))
        .leftJoin(fadProgress, and(eq(fadProgress.moduleId, fadModules.id), eq(fadProgress.userId, userId)))
        .where(
          and(
            eq(enrolments.userId, userId),
            eq(enrolments.status, 'confirmed'),
            sql`${editions.status} <> 'cancelled'`,
            eq(fadModules.status, 'published'),
          ),
        )
        .groupBy(fadModules.id, trainingPaths.title)
        .orderBy(asc(trainingPaths.title), asc(fadModules.position), asc(fadModules.id));
    },

    /** The SCORM package of each module given, by module id. */
    async packagesOf(db: Db, moduleIds: number[]) {
      if (moduleIds.length === 0) return new Map<number, ScormPackageRow>();
      const rows = await db.select().from(scormPackages).where(inArray(scormPackages.moduleId, moduleIds));
      return new Map(rows.map((r) => [r.moduleId, r]));
    },

    async packageOf(db: Db, moduleId: number) {
      const [row] = await db.select().from(scormPackages).where(eq(scormPackages.moduleId, moduleId));
      return row;
    },

    async packageById(db: Db, id: number) {
      const [row] = await db.select().from(scormPackages).where(eq(scormPackages.id, id));
      return row;
    },

    /**
     * Puts a package in place of the module's previous one, in the caller's transaction: the package row
     * is kept (and with it the learners' data), its files are replaced.
     */
    async replacePackage(
      db: Db,
      moduleId: number,
      values: Omit<typeof scormPackages.$inferInsert, 'id' | 'moduleId' | 'uploadedAt'>,
      files: Omit<typeof scormFiles.$inferInsert, 'packageId'>[],
    ) {
      const [row] = await db
        .insert(scormPackages)
        .values({ ...values, moduleId })
        .onConflictDoUpdate({ target: scormPackages.moduleId, set: { ...values, uploadedAt: sql`now()` } })
        .returning();
      const pkg = row as ScormPackageRow;
      await db.delete(scormFiles).where(eq(scormFiles.packageId, pkg.id));
      // In batches of at most ~8 MB, so that no single statement carries the whole package.
      let batch: (typeof scormFiles.$inferInsert)[] = [];
      let size = 0;
      for (const f of files) {
        batch.push({ ...f, packageId: pkg.id });
        size += f.bytes.length;
        if (size > 8 * 1024 * 1024 || batch.length >= 200) {
          await db.insert(scormFiles).values(batch);
          batch = [];
          size = 0;
        }
      }
      if (batch.length) await db.insert(scormFiles).values(batch);
      return pkg;
    },

    async packageFile(db: Db, packageId: number, path: string) {
      const [row] = await db
        .select({ contentType: scormFiles.contentType, bytes: scormFiles.bytes, sha256: scormFiles.sha256 })
        .from(scormFiles)
        .where(and(eq(scormFiles.packageId, packageId), eq(scormFiles.path, path)));
      return row;
    },

    async attempt(db: Db, packageId: number, userId: string) {
      const [row] = await db
        .select()
        .from(scormAttempts)
        .where(and(eq(scormAttempts.packageId, packageId), eq(scormAttempts.userId, userId)));
      return row;
    },

    /** The person's attempt row, created if need be, locked until the transaction ends. */
    async lockAttempt(db: Db, packageId: number, userId: string) {
      await db.insert(scormAttempts).values({ packageId, userId }).onConflictDoNothing();
      const [row] = await db
        .select()
        .from(scormAttempts)
        .where(and(eq(scormAttempts.packageId, packageId), eq(scormAttempts.userId, userId)))
        .for('update');
      return row as typeof scormAttempts.$inferSelect;
    },

    async saveAttempt(
      db: Db,
      packageId: number,
      userId: string,
      values: Omit<typeof scormAttempts.$inferInsert, 'packageId' | 'userId' | 'updatedAt'>,
    ) {
      await db
        .update(scormAttempts)
        .set({ ...values, updatedAt: sql`now()` })
        .where(and(eq(scormAttempts.packageId, packageId), eq(scormAttempts.userId, userId)));
    },

    /** Modules the person completed, among some. */
    async completedAmong(db: Db, userId: string, moduleIds: number[]) {
      if (moduleIds.length === 0) return new Set<number>();
      const rows = await db
        .select({ moduleId: fadProgress.moduleId })
        .from(fadProgress)
        .where(
          and(
            eq(fadProgress.userId, userId),
            inArray(fadProgress.moduleId, moduleIds),
            isNotNull(fadProgress.completedAt),
          ),
        );
      return new Set(rows.map((r) => r.moduleId));
    },
  };
}

export type FadRepository = ReturnType<typeof createFadRepository>;
