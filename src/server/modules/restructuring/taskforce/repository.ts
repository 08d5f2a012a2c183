import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import {
  interventions,
  milestones,
  taskforceAssignments,
  taskforceIssues,
  territorialUnits,
  users,
} from '../../../db/schema/index.js';
import { rowsOf } from '../../../db/sql.js';

export type InterventionRow = typeof interventions.$inferSelect;
export type NewIntervention = typeof interventions.$inferInsert;
export type IssueRow = typeof taskforceIssues.$inferSelect;
export type NewIssue = typeof taskforceIssues.$inferInsert;
export type MilestoneRow = typeof milestones.$inferSelect;

/** The task force's tables: assignments, interventions, issues and milestones. */
export function createTaskforceRepository() {
  return {
    async unit(db: Db, id: number) {
      const [row] = await db
        .select({ id: territorialUnits.id, name: territorialUnits.name })
        .from(territorialUnits)
        .where(eq(territorialUnits.id, id));
      return row ?? null;
    },

    /** The units valid on a Rome day, by name. */
    currentUnits(db: Db, day: string) {
      return db
        .select({ id: territorialUnits.id, name: territorialUnits.name })
        .from(territorialUnits)
        .where(
          and(
            or(isNull(territorialUnits.validFrom), lte(territorialUnits.validFrom, day)),
            or(isNull(territorialUnits.validTo), gte(territorialUnits.validTo, day)),
          ),
        )
        .orderBy(asc(territorialUnits.name));
    },

    /** Serialises the changes of a unit's assignments (the lead above all) behind the unit's row. */
    async lockUnit(db: Db, id: number) {
      await db.execute(sql`select id from ${territorialUnits} where id = ${id} for update`);
    },

    /** Every assignment with the person's and the unit's names (optionally of some units or one person). */
    assignments(db: Db, f: { unitId?: number; userId?: string } = {}) {
      return db
        .select({
          unitId: taskforceAssignments.unitId,
          unitName: territorialUnits.name,
          userId: taskforceAssignments.userId,
          name: users.name,
          email: users.email,
          lead: taskforceAssignments.lead,
        })
        .from(taskforceAssignments)
        .innerJoin(users, eq(users.id, taskforceAssignments.userId))
        .innerJoin(territorialUnits, eq(territorialUnits.id, taskforceAssignments.unitId))
        .where(
          and(
            f.unitId !== undefined ? eq(taskforceAssignments.unitId, f.unitId) : undefined,
            f.userId !== undefined ? eq(taskforceAssignments.userId, f.userId) : undefined,
          ),
        )
        .orderBy(desc(taskforceAssignments.lead), asc(users.name), asc(territorialUnits.name));
    },

    async assignment(db: Db, unitId: number, userId: string) {
      const [row] = await db
        .select()
        .from(taskforceAssignments)
        .where(and(eq(taskforceAssignments.unitId, unitId), eq(taskforceAssignments.userId, userId)));
      return row ?? null;
    },

    async assign(db: Db, unitId: number, userId: string, assignedBy: string) {
      await db
        .insert(taskforceAssignments)
        .values({ unitId, userId, assignedBy, lead: false })
        .onConflictDoNothing();
    },

    async unassign(db: Db, unitId: number, userId: string) {
      const rows = await db
        .delete(taskforceAssignments)
        .where(and(eq(taskforceAssignments.unitId, unitId), eq(taskforceAssignments.userId, userId)))
        .returning();
      return rows[0] ?? null;
    },

    /** Makes one assigned person the unit's lead: the old lead is cleared first, in the caller's transaction. */
    async setLead(db: Db, unitId: number, userId: string) {
      await db
        .update(taskforceAssignments)
        .set({ lead: false })
        .where(and(eq(taskforceAssignments.unitId, unitId), eq(taskforceAssignments.lead, true)));
      await db
        .update(taskforceAssignments)
        .set({ lead: true })
        .where(and(eq(taskforceAssignments.unitId, unitId), eq(taskforceAssignments.userId, userId)));
    },

    // ---- Interventions ------------------------------------------------------------------------------

    interventionsOf(db: Db, unitId: number) {
      return db
        .select()
        .from(interventions)
        .where(eq(interventions.unitId, unitId))
        .orderBy(desc(interventions.heldOn), desc(interventions.id));
    },

    async intervention(db: Db, id: number) {
      const [row] = await db.select().from(interventions).where(eq(interventions.id, id));
      return row ?? null;
    },

    async insertIntervention(db: Db, values: NewIntervention) {
      const [row] = await db.insert(interventions).values(values).returning();
      if (!row) throw new Error('insert returned no row');
      return row;
    },

    async updateIntervention(db: Db, id: number, values: Partial<NewIntervention>) {
      const [row] = await db.update(interventions).set(values).where(eq(interventions.id, id)).returning();
      return row ?? null;
    },

    async deleteIntervention(db: Db, id: number) {
      await db.delete(interventions).where(eq(interventions.id, id));
    },

    // ---- Issues -------------------------------------------------------------------------------------

    /** A unit's issues: open ones first, then by severity (alta first) and newest. */
    issuesOf(db: Db, unitId: number) {
      return db
        .select({ issue: taskforceIssues, ownerName: users.name })
        .from(taskforceIssues)
        .leftJoin(users, eq(users.id, taskforceIssues.ownerId))
        .where(eq(taskforceIssues.unitId, unitId))
        .orderBy(
          asc(taskforceIssues.state),
          sql`case ${taskforceIssues.severity} when 'alta' then 0 when 'media' then 1 else 2 end`,
          desc(taskforceIssues.id),
        );
    },

    async issue(db: Db, id: number) {
      const [row] = await db
        .select({ issue: taskforceIssues, ownerName: users.name })
        .from(taskforceIssues)
        .leftJoin(users, eq(users.id, taskforceIssues.ownerId))
        .where(eq(taskforceIssues.id, id));
      return row ?? null;
    },

    async insertIssue(db: Db, values: NewIssue) {
      const [row] = await db.insert(taskforceIssues).values(values).returning();
      if (!row) throw new Error('insert returned no row');
      return row;
    },

    async updateIssue(db: Db, id: number, values: Partial<NewIssue>) {
      const [row] = await db
        .update(taskforceIssues)
        .set(values)
        .where(eq(taskforceIssues.id, id))
        .returning();
      return row ?? null;
    },

    // ---- Milestones ---------------------------------------------------------------------------------

    milestonesOf(db: Db, unitId: number) {
      return db
        .select()
        .from(milestones)
        .where(eq(milestones.unitId, unitId))
        .orderBy(asc(milestones.dueOn), asc(milestones.id));
    },

    async milestone(db: Db, id: number) {
      const [row] = await db.select().from(milestones).where(eq(milestones.id, id));
      return row ?? null;
    },

    async insertMilestone(db: Db, values: typeof milestones.$inferInsert) {
      const [row] = await db.insert(milestones).values(values).returning();
      if (!row) throw new Error('insert returned no row');
      return row;
    },

    async updateMilestone(db: Db, id: number, values: Partial<typeof milestones.$inferInsert>) {
      const [row] = await db.update(milestones).set(values).where(eq(milestones.id, id)).returning();
      return row ?? null;
    },

    // ---- A member's week ----------------------------------------------------------------------------

    /** Follow-ups not done, due by a day (overdue ones included), in some units. */
    followUpsDue(db: Db, unitIds: number[], by: string) {
      if (!unitIds.length) return Promise.resolve([]);
      return db
        .select({ i: interventions, unitName: territorialUnits.name })
        .from(interventions)
        .innerJoin(territorialUnits, eq(territorialUnits.id, interventions.unitId))
        .where(
          and(
            inArray(interventions.unitId, unitIds),
            eq(interventions.followUpDone, false),
            lte(interventions.followUpOn, by),
          ),
        )
        .orderBy(asc(interventions.followUpOn), asc(territorialUnits.name));
    },

    /** Milestones not done, due by a day (overdue ones included), in some units. */
    milestonesDue(db: Db, unitIds: number[], by: string) {
      if (!unitIds.length) return Promise.resolve([]);
      return db
        .select({ m: milestones, unitName: territorialUnits.name })
        .from(milestones)
        .innerJoin(territorialUnits, eq(territorialUnits.id, milestones.unitId))
        .where(and(inArray(milestones.unitId, unitIds), isNull(milestones.doneOn), lte(milestones.dueOn, by)))
        .orderBy(asc(milestones.dueOn), asc(territorialUnits.name));
    },

    /** Open issues of high severity in some units. */
    openHighIssues(db: Db, unitIds: number[]) {
      if (!unitIds.length) return Promise.resolve([]);
      return db
        .select({ issue: taskforceIssues, unitName: territorialUnits.name })
        .from(taskforceIssues)
        .innerJoin(territorialUnits, eq(territorialUnits.id, taskforceIssues.unitId))
        .where(
          and(
            inArray(taskforceIssues.unitId, unitIds),
            eq(taskforceIssues.state, 'aperta'),
            eq(taskforceIssues.severity, 'alta'),
          ),
        )
        .orderBy(asc(territorialUnits.name), desc(taskforceIssues.id));
    },

    // ---- What the national view and the brief read --------------------------------------------------

    /** Per unit with any task force record: lead, members, last intervention, open issues, next milestone. */
    async unitSummaries(db: Db) {
      const rows = await rowsOf<{
        unit_id: number;
        unit_name: string;
        lead_name: string | null;
        members: number | string;
        last_intervention: string | Date | null;
        open_bassa: number | string;
        open_media: number | string;
        open_alta: number | string;
        next_title: string | null;
        next_due: string | Date | null;
      }>(
        db,
        sql`
        with units as (
          select unit_id from ${taskforceAssignments}
          union select unit_id from ${interventions}
          union select unit_id from ${taskforceIssues}
          union select unit_id from ${milestones}
        )
        select u.unit_id, t.name as unit_name,
          (select p.name from ${taskforceAssignments} a join ${users} p on p.id = a.user_id
            where a.unit_id = u.unit_id and a.lead) as lead_name,
          (select count(*) from ${taskforceAssignments} a where a.unit_id = u.unit_id) as members,
          (select max(i.held_on)::text from ${interventions} i where i.unit_id = u.unit_id) as last_intervention,
          (select count(*) from ${taskforceIssues} s where s.unit_id = u.unit_id and s.state = 'aperta' and s.severity = 'bassa') as open_bassa,
          (select count(*) from ${taskforceIssues} s where s.unit_id = u.unit_id and s.state = 'aperta' and s.severity = 'media') as open_media,
          (select count(*) from ${taskforceIssues} s where s.unit_id = u.unit_id and s.state = 'aperta' and s.severity = 'alta') as open_alta,
          m.title as next_title, m.due_on::text as next_due
        from units u
        join ${territorialUnits} t on t.id = u.unit_id
        left join lateral (
          select title, due_on from ${milestones} x
          where x.unit_id = u.unit_id and x.done_on is null
          order by x.due_on, x.id limit 1
        ) m on true
        order by t.name`,
      );
      const day = (v: string | Date | null) =>
        v === null ? null : typeof v === 'string' ? v.slice(0, 10) : v.toISOString().slice(0, 10);
      return rows.map((r) => ({
        unitId: Number(r.unit_id),
        unitName: r.unit_name,
        leadName: r.lead_name,
        members: Number(r.members),
        lastInterventionOn: day(r.last_intervention),
        openIssues: {
          bassa: Number(r.open_bassa),
          media: Number(r.open_media),
          alta: Number(r.open_alta),
        },
        nextMilestone:
          r.next_title !== null ? { title: r.next_title, dueOn: day(r.next_due) as string } : null,
      }));
    },

    /** Interventions per calendar month (YYYY-MM), oldest first. */
    async activityByMonth(db: Db) {
      const rows = await rowsOf<{ month: string; kind: string; n: number | string }>(
        db,
        sql`select to_char(held_on, 'YYYY-MM') as month, kind, count(*) as n
            from ${interventions} group by 1, 2 order by 1, 2`,
      );
      return rows;
    },
  };
}

export type TaskforceRepository = ReturnType<typeof createTaskforceRepository>;
