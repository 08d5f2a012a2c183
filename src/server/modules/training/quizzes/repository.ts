import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { trainedBy } from '../../../db/predicates.js';
import {
  editionQuizSettings,
  editions,
  enrolments,
  quizAttempts,
  quizQuestions,
  quizzes,
  trainingPaths,
} from '../../../db/schema/index.js';

export type QuestionRow = typeof quizQuestions.$inferSelect;
export type QuizRow = typeof quizzes.$inferSelect;
export type AttemptRow = typeof quizAttempts.$inferSelect;

/** Active questions a quiz with these tags may draw (all active ones when no tags). */
// The outer quiz's columns are named with their table: in a query on quizzes alone Drizzle writes bare
// column names, which inside this subquery would mean the question's own.
const availableOf = (q: typeof quizzes) =>
  sql<number>`(select count(*) from ${quizQuestions} qq where qq.path_id = ${q}.path_id and qq.active and (cardinality(${q}.tags) = 0 or qq.tags && ${q}.tags))::int`;

export type QuizzesRepository = ReturnType<typeof createQuizzesRepository>;

export function createQuizzesRepository() {
  return {
    async findPath(db: Db, id: number) {
      const [row] = await db
        .select({ id: trainingPaths.id, title: trainingPaths.title })
        .from(trainingPaths)
        .where(eq(trainingPaths.id, id));
      return row;
    },

    /** Whether the person trains an edition of the path (edition or session trainer). */
    async trainsPath(db: Db, pathId: number, userId: string) {
      const [row] = await db
        .select({ one: sql<number>`1` })
        .from(editions)
        .where(and(eq(editions.pathId, pathId), trainedBy(editions.id, userId)))
        .limit(1);
      return !!row;
    },

    async findEdition(db: Db, id: number) {
      const [row] = await db
        .select({ id: editions.id, pathId: editions.pathId, online: editionQuizSettings.onlineFinalTest })
        .from(editions)
        .leftJoin(editionQuizSettings, eq(editionQuizSettings.editionId, editions.id))
        .where(eq(editions.id, id));
      return row ? { id: row.id, pathId: row.pathId, onlineFinalTest: row.online ?? false } : undefined;
    },

    async setEditionSettings(db: Db, editionId: number, onlineFinalTest: boolean, now: Date) {
      await db
        .insert(editionQuizSettings)
        .values({ editionId, onlineFinalTest, updatedAt: now })
        .onConflictDoUpdate({
          target: editionQuizSettings.editionId,
          set: { onlineFinalTest, updatedAt: now },
        });
    },

    // ---- Bank --------------------------------------------------------------------------------------

    questionsOf(db: Db, pathId: number, activeOnly = false) {
      const where = [eq(quizQuestions.pathId, pathId)];
      if (activeOnly) where.push(eq(quizQuestions.active, true));
      return db
        .select()
        .from(quizQuestions)
        .where(and(...where))
        .orderBy(asc(quizQuestions.id));
    },

    async findQuestion(db: Db, id: number) {
      const [row] = await db.select().from(quizQuestions).where(eq(quizQuestions.id, id));
      return row;
    },

    async insertQuestion(db: Db, values: typeof quizQuestions.$inferInsert) {
      const [row] = await db.insert(quizQuestions).values(values).returning();
      if (!row) throw new Error('question not inserted');
      return row;
    },

    async updateQuestion(db: Db, id: number, values: Partial<typeof quizQuestions.$inferInsert>) {
      const [row] = await db.update(quizQuestions).set(values).where(eq(quizQuestions.id, id)).returning();
      if (!row) throw new Error('question not updated');
      return row;
    },

    // ---- Quizzes -----------------------------------------------------------------------------------

    quizzesOf(db: Db, pathId: number) {
      return db
        .select({ quiz: quizzes, available: availableOf(quizzes) })
        .from(quizzes)
        .where(eq(quizzes.pathId, pathId))
        .orderBy(asc(quizzes.id));
    },

    async findQuiz(db: Db, id: number) {
      const [row] = await db
        .select({ quiz: quizzes, available: availableOf(quizzes), pathTitle: trainingPaths.title })
        .from(quizzes)
        .innerJoin(trainingPaths, eq(trainingPaths.id, quizzes.pathId))
        .where(eq(quizzes.id, id));
      return row;
    },

    async insertQuiz(db: Db, values: typeof quizzes.$inferInsert) {
      const [row] = await db.insert(quizzes).values(values).returning();
      if (!row) throw new Error('quiz not inserted');
      return row;
    },

    async updateQuiz(db: Db, id: number, values: Partial<typeof quizzes.$inferInsert>) {
      const [row] = await db.update(quizzes).set(values).where(eq(quizzes.id, id)).returning();
      if (!row) throw new Error('quiz not updated');
      return row;
    },

    // ---- Learners ----------------------------------------------------------------------------------

    /** The person's confirmed enrolments in editions of the path that are not cancelled, oldest first. */
    confirmedEnrolments(db: Db, pathId: number, userId: string) {
      return db
        .select({
          id: enrolments.id,
          editionId: enrolments.editionId,
          onlineFinalTest: sql<boolean>`coalesce(${editionQuizSettings.onlineFinalTest}, false)`,
        })
        .from(enrolments)
        .innerJoin(editions, eq(editions.id, enrolments.editionId))
        .leftJoin(editionQuizSettings, eq(editionQuizSettings.editionId, editions.id))
        .where(
          and(
            eq(editions.pathId, pathId),
            eq(enrolments.userId, userId),
            eq(enrolments.status, 'confirmed'),
            ne(editions.status, 'cancelled'),
          ),
        )
        .orderBy(asc(enrolments.id));
    },

    /** Active quizzes of the paths where the person has a confirmed enrolment. */
    myQuizzes(db: Db, userId: string) {
      return db
        .select({ quiz: quizzes, pathTitle: trainingPaths.title })
        .from(quizzes)
        .innerJoin(trainingPaths, eq(trainingPaths.id, quizzes.pathId))
        .where(
          and(
            eq(quizzes.active, true),
            sql`exists (select 1 from ${enrolments} join ${editions} on ${editions.id} = ${enrolments.editionId}
              where ${editions.pathId} = ${quizzes.pathId} and ${enrolments.userId} = ${userId}
              and ${enrolments.status} = 'confirmed' and ${editions.status} <> 'cancelled')`,
          ),
        )
        .orderBy(asc(trainingPaths.title), asc(quizzes.id));
    },

    /** Whether the person has a passed attempt of the quiz. */
    async hasPassed(db: Db, userId: string, quizId: number) {
      const [row] = await db
        .select({ id: quizAttempts.id })
        .from(quizAttempts)
        .where(
          and(
            eq(quizAttempts.userId, userId),
            eq(quizAttempts.quizId, quizId),
            eq(quizAttempts.passed, true),
          ),
        )
        .limit(1);
      return row !== undefined;
    },

    attemptsOf(db: Db, userId: string, quizIds: number[]) {
      if (quizIds.length === 0) return Promise.resolve([]);
      return db
        .select()
        .from(quizAttempts)
        .where(and(eq(quizAttempts.userId, userId), inArray(quizAttempts.quizId, quizIds)))
        .orderBy(asc(quizAttempts.quizId), desc(quizAttempts.number));
    },

    async findAttempt(db: Db, id: number, lock = false) {
      const q = db.select().from(quizAttempts).where(eq(quizAttempts.id, id));
      const [row] = lock ? await q.for('update') : await q;
      return row;
    },

    async openAttempt(db: Db, quizId: number, userId: string) {
      const [row] = await db
        .select()
        .from(quizAttempts)
        .where(
          and(
            eq(quizAttempts.quizId, quizId),
            eq(quizAttempts.userId, userId),
            eq(quizAttempts.status, 'open'),
          ),
        );
      return row;
    },

    async attemptCount(db: Db, quizId: number, userId: string) {
      const [row] = await db
        .select({
          n: sql<number>`count(*)::int`,
          last: sql<number>`coalesce(max(${quizAttempts.number}), 0)::int`,
        })
        .from(quizAttempts)
        .where(and(eq(quizAttempts.quizId, quizId), eq(quizAttempts.userId, userId)));
      return { count: row?.n ?? 0, last: row?.last ?? 0 };
    },

    async insertAttempt(db: Db, values: typeof quizAttempts.$inferInsert) {
      const [row] = await db.insert(quizAttempts).values(values).returning();
      if (!row) throw new Error('attempt not inserted');
      return row;
    },

    async updateAttempt(db: Db, id: number, values: Partial<typeof quizAttempts.$inferInsert>) {
      const [row] = await db.update(quizAttempts).set(values).where(eq(quizAttempts.id, id)).returning();
      if (!row) throw new Error('attempt not updated');
      return row;
    },
  };
}
