import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DeadlineMove, DeadlineRule } from '../../../../common/deadlines.js';
import type { DeadlineKind, ProgrammingKind } from '../../../../common/restructuring.js';
import type { Db } from '../../../db/client.js';
import {
  deadlineMoves,
  deadlineRules,
  programmingDocuments,
  programmingReminders,
  roleGrants,
  taskforceAssignments,
  territorialUnits,
  unitProfiles,
  users,
} from '../../../db/schema/index.js';

export type DocumentRow = typeof programmingDocuments.$inferSelect;
export type DocumentFields = Pick<
  typeof programmingDocuments.$inferInsert,
  'adoptedOn' | 'actType' | 'actNumber' | 'actDate' | 'url' | 'simplified' | 'personnelMoney' | 'notes'
>;
type RuleFields = Omit<DeadlineRule, 'kind'> & { kind: DeadlineKind };

const unitColumns = {
  id: territorialUnits.id,
  name: territorialUnits.name,
  regionCode: territorialUnits.regionCode,
  regionName: territorialUnits.regionName,
};

/** The queries of the programming documents, their deadline rules and moves, and the reminders. */
export function createProgrammingRepository() {
  return {
    async unit(db: Db, id: number) {
      const [row] = await db.select(unitColumns).from(territorialUnits).where(eq(territorialUnits.id, id));
      return row ?? null;
    },

    /** The units the deadlines are followed for: those in the programme, or the ones named. */
    async units(db: Db, ids: number[] | 'all') {
      if (ids !== 'all' && !ids.length) return [];
      return db
        .select(unitColumns)
        .from(territorialUnits)
        .where(ids === 'all' ? eq(territorialUnits.inProgramme, true) : inArray(territorialUnits.id, ids))
        .orderBy(asc(territorialUnits.name));
    },

    /** The staff in service a unit's profile states, or null when unknown. */
    async staffCount(db: Db, unitId: number) {
      const [row] = await db
        .select({ n: unitProfiles.staffCount })
        .from(unitProfiles)
        .where(eq(unitProfiles.unitId, unitId));
      return row?.n ?? null;
    },

    async documents(db: Db, unitIds: number[], years: number[]) {
      if (!unitIds.length || !years.length) return [];
      return db
        .select({ doc: programmingDocuments, updatedByName: users.name })
        .from(programmingDocuments)
        .leftJoin(users, eq(users.id, programmingDocuments.updatedBy))
        .where(and(inArray(programmingDocuments.unitId, unitIds), inArray(programmingDocuments.year, years)));
    },

    async document(db: Db, unitId: number, year: number, kind: ProgrammingKind) {
      const [row] = await db
        .select()
        .from(programmingDocuments)
        .where(
          and(
            eq(programmingDocuments.unitId, unitId),
            eq(programmingDocuments.year, year),
            eq(programmingDocuments.kind, kind),
          ),
        );
      return row ?? null;
    },

    /** Records a document not recorded yet; null when someone else just did. */
    async insertDocument(
      db: Db,
      key: { unitId: number; year: number; kind: ProgrammingKind },
      fields: DocumentFields,
      actorId: string,
      now: Date,
    ) {
      const [row] = await db
        .insert(programmingDocuments)
        .values({ ...key, ...fields, revision: 1, updatedBy: actorId, updatedAt: now })
        .onConflictDoNothing()
        .returning();
      return row ?? null;
    },

    /** Changes a document at the given revision; null when the revision is stale. */
    async updateDocument(
      db: Db,
      id: number,
      revision: number,
      fields: DocumentFields,
      actorId: string,
      now: Date,
    ) {
      const [row] = await db
        .update(programmingDocuments)
        .set({
          ...fields,
          revision: sql`${programmingDocuments.revision} + 1`,
          updatedBy: actorId,
          updatedAt: now,
        })
        .where(and(eq(programmingDocuments.id, id), eq(programmingDocuments.revision, revision)))
        .returning();
      return row ?? null;
    },

    // ---- Rules and moves ----------------------------------------------------------------------------

    async rules(db: Db) {
      return db
        .select()
        .from(deadlineRules)
        .orderBy(asc(deadlineRules.kind), asc(deadlineRules.validFromYear), asc(deadlineRules.id));
    },
    async rule(db: Db, id: number) {
      const [row] = await db.select().from(deadlineRules).where(eq(deadlineRules.id, id));
      return row ?? null;
    },
    async insertRule(db: Db, r: RuleFields, actorId: string, now: Date) {
      const [row] = await db
        .insert(deadlineRules)
        .values({ ...r, updatedBy: actorId, updatedAt: now })
        .returning();
      if (!row) throw new Error('rule not inserted');
      return row;
    },
    async updateRule(db: Db, id: number, r: RuleFields, actorId: string, now: Date) {
      const [row] = await db
        .update(deadlineRules)
        .set({ ...r, updatedBy: actorId, updatedAt: now })
        .where(eq(deadlineRules.id, id))
        .returning();
      return row ?? null;
    },
    async deleteRule(db: Db, id: number) {
      const [row] = await db.delete(deadlineRules).where(eq(deadlineRules.id, id)).returning();
      return row ?? null;
    },
    /** Serialises the changes of the rules, so that two overlapping ones are never both written. */
    async lockRules(db: Db) {
      await db.execute(sql`lock table ${deadlineRules} in share row exclusive mode`);
    },

    async moves(db: Db) {
      return db.select().from(deadlineMoves).orderBy(asc(deadlineMoves.year), asc(deadlineMoves.kind));
    },
    async move(db: Db, id: number) {
      const [row] = await db.select().from(deadlineMoves).where(eq(deadlineMoves.id, id));
      return row ?? null;
    },
    async insertMove(db: Db, m: DeadlineMove, actorId: string, now: Date) {
      const [row] = await db
        .insert(deadlineMoves)
        .values({ ...m, updatedBy: actorId, updatedAt: now })
        .onConflictDoNothing()
        .returning();
      return row ?? null;
    },
    async updateMove(db: Db, id: number, m: DeadlineMove, actorId: string, now: Date) {
      const [row] = await db
        .update(deadlineMoves)
        .set({ ...m, updatedBy: actorId, updatedAt: now })
        .where(eq(deadlineMoves.id, id))
        .returning();
      return row ?? null;
    },
    async deleteMove(db: Db, id: number) {
      const [row] = await db.delete(deadlineMoves).where(eq(deadlineMoves.id, id)).returning();
      return row ?? null;
    },

    // ---- Reminders ----------------------------------------------------------------------------------

    /** Claims a reminder; false when it was already queued (by this or another process). */
    async claimReminder(
      db: Db,
      key: { unitId: number; year: number; kind: ProgrammingKind; stage: number },
      now: Date,
    ) {
      const rows = await db
        .insert(programmingReminders)
        .values({ ...key, sentAt: now })
        .onConflictDoNothing()
        .returning({ unitId: programmingReminders.unitId });
      return rows.length > 0;
    },

    /** Whom each unit's reminders reach: its Province officers and the task force members assigned to it. */
    async recipients(db: Db, unitIds: number[]) {
      if (!unitIds.length) return new Map<number, string[]>();
      const officers = await db
        .select({ unitId: roleGrants.unitId, email: users.email })
        .from(roleGrants)
        .innerJoin(users, eq(users.id, roleGrants.userId))
        .where(
          and(
            eq(roleGrants.role, 'province_officer'),
            inArray(roleGrants.unitId, unitIds),
            eq(users.active, true),
          ),
        );
      // Assigned members who still hold the task force role: an assignment outlives a revoked role.
      const taskForce = await db
        .selectDistinct({ unitId: taskforceAssignments.unitId, email: users.email })
        .from(taskforceAssignments)
        .innerJoin(users, eq(users.id, taskforceAssignments.userId))
        .innerJoin(roleGrants, and(eq(roleGrants.userId, users.id), eq(roleGrants.role, 'task_force')))
        .where(and(inArray(taskforceAssignments.unitId, unitIds), eq(users.active, true)));
      const out = new Map<number, string[]>();
      for (const p of [...officers, ...taskForce]) {
        if (p.unitId === null) continue;
        const list = out.get(p.unitId) ?? [];
        if (!list.includes(p.email)) list.push(p.email);
        out.set(p.unitId, list);
      }
      return out;
    },
  };
}

export type ProgrammingRepository = ReturnType<typeof createProgrammingRepository>;
