import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ReorgStatus, VersionState } from '../../../../common/restructuring.js';
import type { Db } from '../../../db/client.js';
import {
  reorgPlanDocuments,
  reorgPlanEvents,
  reorgPlans,
  reorgPlanVersions,
  territorialUnits,
  users,
} from '../../../db/schema/index.js';

export type PlanRow = typeof reorgPlans.$inferSelect;
export type VersionRow = typeof reorgPlanVersions.$inferSelect;
export type NewEvent = typeof reorgPlanEvents.$inferInsert;
export type NewDocument = typeof reorgPlanDocuments.$inferInsert;

const proposer = alias(users, 'proposer');
const decider = alias(users, 'decider');

const versionColumns = {
  version: reorgPlanVersions,
  proposerName: proposer.name,
  deciderName: decider.name,
};

/** Plans, their versions, events and documents. */
export function createReorgRepository() {
  return {
    async unit(db: Db, id: number) {
      const [row] = await db
        .select({ id: territorialUnits.id, name: territorialUnits.name })
        .from(territorialUnits)
        .where(eq(territorialUnits.id, id));
      return row ?? null;
    },

    async planOf(db: Db, unitId: number, opts: { lock?: boolean } = {}) {
      const q = db.select().from(reorgPlans).where(eq(reorgPlans.unitId, unitId));
      const [row] = opts.lock ? await q.for('update') : await q;
      return row ?? null;
    },

    /** The unit's plan, made ('non_avviato', no versions) the first time it is asked for. */
    async ensurePlan(db: Db, unitId: number): Promise<PlanRow> {
      await db.insert(reorgPlans).values({ unitId }).onConflictDoNothing();
      const [row] = await db.select().from(reorgPlans).where(eq(reorgPlans.unitId, unitId));
      if (!row) throw new Error(`reorg plan of unit ${unitId} missing`);
      return row;
    },

    /** Moves the status and the revision on, if the plan is still at `revision`; null otherwise. */
    async setStatus(db: Db, planId: number, revision: number, status: ReorgStatus, at: Date) {
      const [row] = await db
        .update(reorgPlans)
        .set({ status, revision: sql`${reorgPlans.revision} + 1`, updatedAt: at })
        .where(and(eq(reorgPlans.id, planId), eq(reorgPlans.revision, revision)))
        .returning();
      return row ?? null;
    },

    /** Makes a validated version current, if the plan is still at `revision`; null otherwise. */
    async setCurrent(db: Db, planId: number, revision: number, number: number, at: Date) {
      const [row] = await db
        .update(reorgPlans)
        .set({ currentVersion: number, revision: sql`${reorgPlans.revision} + 1`, updatedAt: at })
        .where(and(eq(reorgPlans.id, planId), eq(reorgPlans.revision, revision)))
        .returning();
      return row ?? null;
    },

    async touch(db: Db, planId: number, at: Date) {
      await db.update(reorgPlans).set({ updatedAt: at }).where(eq(reorgPlans.id, planId));
    },

    async versions(db: Db, planId: number) {
      return db
        .select(versionColumns)
        .from(reorgPlanVersions)
        .innerJoin(proposer, eq(proposer.id, reorgPlanVersions.proposedBy))
        .leftJoin(decider, eq(decider.id, reorgPlanVersions.decidedBy))
        .where(eq(reorgPlanVersions.planId, planId))
        .orderBy(desc(reorgPlanVersions.number));
    },

    async version(db: Db, planId: number, number: number) {
      const [row] = await db
        .select(versionColumns)
        .from(reorgPlanVersions)
        .innerJoin(proposer, eq(proposer.id, reorgPlanVersions.proposedBy))
        .leftJoin(decider, eq(decider.id, reorgPlanVersions.decidedBy))
        .where(and(eq(reorgPlanVersions.planId, planId), eq(reorgPlanVersions.number, number)));
      return row ?? null;
    },

    async pending(db: Db, planId: number) {
      const [row] = await db
        .select({ number: reorgPlanVersions.number })
        .from(reorgPlanVersions)
        .where(and(eq(reorgPlanVersions.planId, planId), eq(reorgPlanVersions.state, 'proposta')));
      return row ?? null;
    },

    async nextNumber(db: Db, planId: number) {
      const [row] = await db
        .select({ n: sql<number>`coalesce(max(${reorgPlanVersions.number}), 0) + 1` })
        .from(reorgPlanVersions)
        .where(eq(reorgPlanVersions.planId, planId));
      return Number(row?.n ?? 1);
    },

    async insertVersion(db: Db, values: typeof reorgPlanVersions.$inferInsert) {
      const [row] = await db.insert(reorgPlanVersions).values(values).returning();
      if (!row) throw new Error('version insert failed');
      return row;
    },

    /** Decides a proposal if it is still awaiting a decision; null if someone decided it first. */
    async decide(
      db: Db,
      planId: number,
      number: number,
      d: { state: VersionState; by: string; at: Date; note: string },
    ) {
      const [row] = await db
        .update(reorgPlanVersions)
        .set({ state: d.state, decidedBy: d.by, decidedAt: d.at, decisionNote: d.note })
        .where(
          and(
            eq(reorgPlanVersions.planId, planId),
            eq(reorgPlanVersions.number, number),
            eq(reorgPlanVersions.state, 'proposta'),
          ),
        )
        .returning();
      return row ?? null;
    },

    /**
     * Marks a proposal nobody decided yet as withdrawn by who made it; the row stays, so its number is
     * never given to another version. False if it was decided meanwhile.
     */
    async withdrawProposal(db: Db, planId: number, number: number) {
      const rows = await db
        .update(reorgPlanVersions)
        .set({ state: 'ritirata' })
        .where(
          and(
            eq(reorgPlanVersions.planId, planId),
            eq(reorgPlanVersions.number, number),
            eq(reorgPlanVersions.state, 'proposta'),
          ),
        )
        .returning({ id: reorgPlanVersions.id });
      return rows.length > 0;
    },

    async insertEvent(db: Db, values: NewEvent) {
      await db.insert(reorgPlanEvents).values(values);
    },

    async events(db: Db, planId: number) {
      return db
        .select({ event: reorgPlanEvents, actor: users.name })
        .from(reorgPlanEvents)
        .leftJoin(users, eq(users.id, reorgPlanEvents.actorId))
        .where(eq(reorgPlanEvents.planId, planId))
        .orderBy(desc(reorgPlanEvents.at), desc(reorgPlanEvents.id));
    },

    /** The last time the plan was sent back for an update, with the current version then. */
    async lastUpdateRequest(db: Db, planId: number) {
      const [row] = await db
        .select({ id: reorgPlanEvents.id, version: reorgPlanEvents.version, at: reorgPlanEvents.at })
        .from(reorgPlanEvents)
        .where(
          and(
            eq(reorgPlanEvents.planId, planId),
            eq(reorgPlanEvents.kind, 'status'),
            eq(reorgPlanEvents.toStatus, 'da_aggiornare'),
          ),
        )
        .orderBy(desc(reorgPlanEvents.at), desc(reorgPlanEvents.id))
        .limit(1);
      return row ?? null;
    },

    /** The last time the plan became adopted (null if never). */
    async lastAdoption(db: Db, planId: number) {
      const [row] = await db
        .select({ id: reorgPlanEvents.id, at: reorgPlanEvents.at })
        .from(reorgPlanEvents)
        .where(
          and(
            eq(reorgPlanEvents.planId, planId),
            eq(reorgPlanEvents.kind, 'status'),
            eq(reorgPlanEvents.toStatus, 'adottato'),
          ),
        )
        .orderBy(desc(reorgPlanEvents.at), desc(reorgPlanEvents.id))
        .limit(1);
      return row ?? null;
    },

    async documents(db: Db, planId: number) {
      return db
        .select({
          id: reorgPlanDocuments.id,
          kind: reorgPlanDocuments.kind,
          title: reorgPlanDocuments.title,
          fileName: reorgPlanDocuments.fileName,
          mediaType: reorgPlanDocuments.mediaType,
          sizeBytes: reorgPlanDocuments.sizeBytes,
          sha256: reorgPlanDocuments.sha256,
          uploadedById: reorgPlanDocuments.uploadedBy,
          uploadedBy: users.name,
          uploadedAt: reorgPlanDocuments.uploadedAt,
        })
        .from(reorgPlanDocuments)
        .innerJoin(users, eq(users.id, reorgPlanDocuments.uploadedBy))
        .where(and(eq(reorgPlanDocuments.planId, planId), isNull(reorgPlanDocuments.removedAt)))
        .orderBy(desc(reorgPlanDocuments.uploadedAt), desc(reorgPlanDocuments.id));
    },

    async document(db: Db, planId: number, id: number) {
      const [row] = await db
        .select()
        .from(reorgPlanDocuments)
        .where(
          and(
            eq(reorgPlanDocuments.id, id),
            eq(reorgPlanDocuments.planId, planId),
            isNull(reorgPlanDocuments.removedAt),
          ),
        );
      return row ?? null;
    },

    async insertDocument(db: Db, values: NewDocument) {
      const [row] = await db
        .insert(reorgPlanDocuments)
        .values(values)
        .returning({ id: reorgPlanDocuments.id });
      if (!row) throw new Error('document insert failed');
      return row.id;
    },

    /** Hides a document; false if it was already removed. */
    async removeDocument(db: Db, id: number, at: Date) {
      const rows = await db
        .update(reorgPlanDocuments)
        .set({ removedAt: at })
        .where(and(eq(reorgPlanDocuments.id, id), isNull(reorgPlanDocuments.removedAt)))
        .returning({ id: reorgPlanDocuments.id });
      return rows.length > 0;
    },

    /** Every plan with its current validated version's content (null before any) and whether a proposal waits. */
    async summaries(db: Db, unitId?: number) {
      const current = alias(reorgPlanVersions, 'current');
      const pending = alias(reorgPlanVersions, 'pending');
      return db
        .select({
          plan: reorgPlans,
          content: current.content,
          pendingNumber: pending.number,
        })
        .from(reorgPlans)
        .leftJoin(
          current,
          and(eq(current.planId, reorgPlans.id), eq(current.number, reorgPlans.currentVersion)),
        )
        .leftJoin(pending, and(eq(pending.planId, reorgPlans.id), eq(pending.state, 'proposta')))
        .where(unitId === undefined ? undefined : eq(reorgPlans.unitId, unitId))
        .orderBy(asc(reorgPlans.unitId));
    },

    /** Every status change of every plan, oldest first. */
    async statusEvents(db: Db) {
      return db
        .select({
          unitId: reorgPlans.unitId,
          from: reorgPlanEvents.fromStatus,
          to: reorgPlanEvents.toStatus,
          at: reorgPlanEvents.at,
        })
        .from(reorgPlanEvents)
        .innerJoin(reorgPlans, eq(reorgPlans.id, reorgPlanEvents.planId))
        .where(eq(reorgPlanEvents.kind, 'status'))
        .orderBy(asc(reorgPlanEvents.at), asc(reorgPlanEvents.id));
    },
  };
}

export type ReorgRepository = ReturnType<typeof createReorgRepository>;
