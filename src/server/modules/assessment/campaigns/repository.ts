import { and, asc, desc, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import {
  campaignJobProfiles,
  campaignParticipants,
  campaignPeople,
  campaignQuestions,
  campaigns,
  campaignUnits,
  competencyFrameworks,
  jobProfiles,
  territorialUnits,
  users,
} from '../../../db/schema/index.js';

export type CampaignRow = typeof campaigns.$inferSelect;
export type NewCampaign = typeof campaigns.$inferInsert;
export type QuestionRow = typeof campaignQuestions.$inferSelect;
export type ParticipantRow = typeof campaignParticipants.$inferSelect;

/** Rows of a raw query, on both drivers. */
const rowsOf = <T>(res: unknown) => (res as { rows: T[] }).rows;

/** Campaigns, their target, their questions and their participants (answers: responses-repository.ts). */
export function createCampaignsRepository() {
  return {
    async get(db: Db, id: number, lock?: 'update' | 'share') {
      const q = db.select().from(campaigns).where(eq(campaigns.id, id));
      const [row] =
        lock === 'update' ? await q.for('update') : lock === 'share' ? await q.for('share') : await q;
      return row;
    },

    async list(db: Db) {
      return db.select().from(campaigns).orderBy(desc(campaigns.opensOn), desc(campaigns.id));
    },

    async insert(db: Db, values: NewCampaign) {
      const [row] = await db.insert(campaigns).values(values).returning();
      if (!row) throw new Error('campaign insert returned nothing');
      return row;
    },

    async update(db: Db, id: number, values: Partial<NewCampaign>) {
      const [row] = await db.update(campaigns).set(values).where(eq(campaigns.id, id)).returning();
      return row;
    },

    async remove(db: Db, id: number) {
      await db.delete(campaigns).where(eq(campaigns.id, id));
    },

    /** The units of each campaign, with their names. */
    async unitsOf(db: Db, ids: number[]) {
      if (!ids.length) return [];
      return db
        .select({
          campaignId: campaignUnits.campaignId,
          id: territorialUnits.id,
          name: territorialUnits.name,
        })
        .from(campaignUnits)
        .innerJoin(territorialUnits, eq(territorialUnits.id, campaignUnits.unitId))
        .where(inArray(campaignUnits.campaignId, ids))
        .orderBy(asc(territorialUnits.name));
    },

    async profilesOf(db: Db, id: number) {
      const rows = await db
        .select({ code: campaignJobProfiles.jobProfileCode })
        .from(campaignJobProfiles)
        .where(eq(campaignJobProfiles.campaignId, id))
        .orderBy(asc(campaignJobProfiles.jobProfileCode));
      return rows.map((r) => r.code);
    },

    async peopleOf(db: Db, id: number) {
      return db
        .select({ id: users.id, name: users.name, email: users.email, unitId: users.unitId })
        .from(campaignPeople)
        .innerJoin(users, eq(users.id, campaignPeople.userId))
        .where(eq(campaignPeople.campaignId, id))
        .orderBy(asc(users.name));
    },

    /** Replaces the target (units, profiles, people) of a draft. */
    async setTarget(
      db: Db,
      id: number,
      t: { unitIds: number[]; jobProfileCodes: string[]; userIds: string[] },
    ) {
      await db.delete(campaignUnits).where(eq(campaignUnits.campaignId, id));
      await db.delete(campaignJobProfiles).where(eq(campaignJobProfiles.campaignId, id));
      await db.delete(campaignPeople).where(eq(campaignPeople.campaignId, id));
      if (t.unitIds.length)
        await db.insert(campaignUnits).values(t.unitIds.map((unitId) => ({ campaignId: id, unitId })));
      if (t.jobProfileCodes.length)
        await db
          .insert(campaignJobProfiles)
          .values(t.jobProfileCodes.map((jobProfileCode) => ({ campaignId: id, jobProfileCode })));
      if (t.userIds.length)
        await db.insert(campaignPeople).values(t.userIds.map((userId) => ({ campaignId: id, userId })));
    },

    async questions(db: Db, id: number) {
      return db
        .select()
        .from(campaignQuestions)
        .where(eq(campaignQuestions.campaignId, id))
        .orderBy(asc(campaignQuestions.position), asc(campaignQuestions.id));
    },

    async setQuestions(
      db: Db,
      id: number,
      rows: Omit<typeof campaignQuestions.$inferInsert, 'campaignId'>[],
    ) {
      await db.delete(campaignQuestions).where(eq(campaignQuestions.campaignId, id));
      if (rows.length) await db.insert(campaignQuestions).values(rows.map((r) => ({ ...r, campaignId: id })));
    },

    async frameworkVersion(db: Db, frameworkId: number) {
      const [row] = await db
        .select({ version: competencyFrameworks.version })
        .from(competencyFrameworks)
        .where(eq(competencyFrameworks.id, frameworkId));
      return row?.version;
    },

    // ---- Reference checks ----------------------------------------------------------------------

    async existingUnits(db: Db, ids: number[]) {
      if (!ids.length) return [];
      const rows = await db
        .select({ id: territorialUnits.id })
        .from(territorialUnits)
        .where(inArray(territorialUnits.id, ids));
      return rows.map((r) => r.id);
    },

    async existingProfiles(db: Db, codes: string[]) {
      if (!codes.length) return [];
      const rows = await db
        .select({ code: jobProfiles.code })
        .from(jobProfiles)
        .where(inArray(jobProfiles.code, codes));
      return rows.map((r) => r.code);
    },

    async existingPeople(db: Db, ids: string[]) {
      if (!ids.length) return [];
      return db.select({ id: users.id, unitId: users.unitId }).from(users).where(inArray(users.id, ids));
    },

    // ---- Participants --------------------------------------------------------------------------

    /**
     * Invites the target in one statement: the active people of the campaign's units (every unit when
     * national) with one of its job profiles (any when none), plus the people chosen by name, each
     * with the unit and profile they have now. Returns how many were invited.
     */
    async materialise(db: Db, c: CampaignRow, now: Date) {
      const res = await db.execute<{ n: number }>(sql`
        with invited as (
          insert into ${campaignParticipants} (campaign_id, user_id, unit_id, job_profile_code, invited_at)
          select ${c.id}::int, u.id, u.unit_id, u.job_profile_code, ${now.toISOString()}::timestamptz
          from ${users} u
          where u.active and (
            (
              u.unit_id is not null
              and (${c.national}::boolean or u.unit_id in (select unit_id from ${campaignUnits} where campaign_id = ${c.id}))
              and (
                not exists (select 1 from ${campaignJobProfiles} where campaign_id = ${c.id})
                or u.job_profile_code in (select job_profile_code from ${campaignJobProfiles} where campaign_id = ${c.id})
              )
            )
            or u.id in (select user_id from ${campaignPeople} where campaign_id = ${c.id})
          )
          on conflict do nothing
          returning 1
        )
        select count(*)::int as n from invited`);
      return Number(rowsOf<{ n: number }>(res)[0]?.n ?? 0);
    },

    /** Participants with their address, in pages by id (for the invitations of a large campaign). */
    async recipients(db: Db, campaignId: number, afterId: number, limit: number, ids?: number[]) {
      const where: SQL[] = [
        eq(campaignParticipants.campaignId, campaignId),
        sql`${campaignParticipants.id} > ${afterId}`,
      ];
      if (ids) where.push(inArray(campaignParticipants.id, ids));
      return db
        .select({ id: campaignParticipants.id, name: users.name, email: users.email, locale: users.locale })
        .from(campaignParticipants)
        .innerJoin(users, eq(users.id, campaignParticipants.userId))
        .where(and(...where))
        .orderBy(asc(campaignParticipants.id))
        .limit(limit);
    },

    async participant(db: Db, campaignId: number, userId: string, lock = false) {
      const q = db
        .select()
        .from(campaignParticipants)
        .where(and(eq(campaignParticipants.campaignId, campaignId), eq(campaignParticipants.userId, userId)));
      const [row] = lock ? await q.for('update') : await q;
      return row;
    },

    async participantById(db: Db, campaignId: number, id: number) {
      const [row] = await db
        .select({ participant: campaignParticipants, name: users.name, email: users.email })
        .from(campaignParticipants)
        .innerJoin(users, eq(users.id, campaignParticipants.userId))
        .where(and(eq(campaignParticipants.campaignId, campaignId), eq(campaignParticipants.id, id)));
      return row;
    },

    async saveDraft(db: Db, id: number, draft: Record<string, unknown>, now: Date) {
      await db
        .update(campaignParticipants)
        .set({ draft, draftSavedAt: now, status: 'in_progress' })
        .where(eq(campaignParticipants.id, id));
    },

    /** Marks a participant submitted; `at` is null for an anonymous campaign (no time is kept). */
    async markSubmitted(db: Db, id: number, at: Date | null) {
      await db
        .update(campaignParticipants)
        .set({ status: 'submitted', submittedAt: at, draft: null, draftSavedAt: null })
        .where(eq(campaignParticipants.id, id));
    },

    /** The campaigns a person is invited to (drafts never have participants). */
    async mine(db: Db, userId: string) {
      return db
        .select({ campaign: campaigns, participant: campaignParticipants })
        .from(campaignParticipants)
        .innerJoin(campaigns, eq(campaigns.id, campaignParticipants.campaignId))
        .where(eq(campaignParticipants.userId, userId))
        .orderBy(desc(campaigns.closesOn), desc(campaigns.id));
    },

    // ---- Progress and reminders ----------------------------------------------------------------

    /** Invited / in progress / submitted per unit (units null = every unit). */
    async progress(db: Db, campaignId: number, unitIds: number[] | null) {
      const where: SQL[] = [eq(campaignParticipants.campaignId, campaignId)];
      if (unitIds) where.push(unitIds.length ? inArray(campaignParticipants.unitId, unitIds) : sql`false`);
      return db
        .select({
          unitId: campaignParticipants.unitId,
          unitName: territorialUnits.name,
          invited: sql<number>`count(*)::int`,
          inProgress: sql<number>`(count(*) filter (where ${campaignParticipants.status} = 'in_progress'))::int`,
          submitted: sql<number>`(count(*) filter (where ${campaignParticipants.status} = 'submitted'))::int`,
        })
        .from(campaignParticipants)
        .leftJoin(territorialUnits, eq(territorialUnits.id, campaignParticipants.unitId))
        .where(and(...where))
        .groupBy(campaignParticipants.unitId, territorialUnits.name)
        .orderBy(asc(territorialUnits.name));
    },

    /** Counts per campaign in a scope (units null = all), for the list. */
    async counts(db: Db, ids: number[], unitIds: number[] | null) {
      if (!ids.length) return [];
      const where: SQL[] = [inArray(campaignParticipants.campaignId, ids)];
      if (unitIds) where.push(unitIds.length ? inArray(campaignParticipants.unitId, unitIds) : sql`false`);
      return db
        .select({
          campaignId: campaignParticipants.campaignId,
          invited: sql<number>`count(*)::int`,
          submitted: sql<number>`(count(*) filter (where ${campaignParticipants.status} = 'submitted'))::int`,
        })
        .from(campaignParticipants)
        .where(and(...where))
        .groupBy(campaignParticipants.campaignId);
    },

    /** Who has not answered in one unit (named campaigns only: the service checks). */
    async pending(db: Db, campaignId: number, unitId: number) {
      return db
        .select({
          userId: users.id,
          name: users.name,
          email: users.email,
          unitId: campaignParticipants.unitId,
          status: campaignParticipants.status,
          reminders: campaignParticipants.reminders,
          lastRemindedAt: campaignParticipants.lastRemindedAt,
        })
        .from(campaignParticipants)
        .innerJoin(users, eq(users.id, campaignParticipants.userId))
        .where(
          and(
            eq(campaignParticipants.campaignId, campaignId),
            eq(campaignParticipants.unitId, unitId),
            ne(campaignParticipants.status, 'submitted'),
          ),
        )
        .orderBy(asc(users.name));
    },

    /**
     * Marks as reminded, in one statement, everyone not yet submitted in the scope who was not
     * reminded in the last `gapHours`; returns their ids and how many in the scope were skipped.
     * Two reminders at the same moment cannot both take a person: the row is re-checked under its lock.
     */
    async claimReminders(db: Db, campaignId: number, unitIds: number[] | null, now: Date, gapHours: number) {
      const scope = unitIds
        ? unitIds.length
          ? inArray(campaignParticipants.unitId, unitIds)
          : sql`false`
        : sql`true`;
      const base = and(
        eq(campaignParticipants.campaignId, campaignId),
        ne(campaignParticipants.status, 'submitted'),
        scope,
      );
      const since = new Date(now.getTime() - gapHours * 3600_000);
      const claimed = await db
        .update(campaignParticipants)
        .set({ reminders: sql`${campaignParticipants.reminders} + 1`, lastRemindedAt: now })
        .where(
          and(
            base,
            sql`(${campaignParticipants.lastRemindedAt} is null or ${campaignParticipants.lastRemindedAt} <= ${since.toISOString()}::timestamptz)`,
          ),
        )
        .returning({ id: campaignParticipants.id });
      const [all] = await db.select({ n: sql<number>`count(*)::int` }).from(campaignParticipants).where(base);
      return { ids: claimed.map((r) => r.id), pending: Number(all?.n ?? 0) };
    },

    /** Open campaigns whose last day (Rome) is before `today`. */
    async closeDue(db: Db, today: string, now: Date) {
      return db
        .update(campaigns)
        .set({ status: 'closed', closedAt: now, updatedAt: now })
        .where(and(eq(campaigns.status, 'open'), sql`${campaigns.closesOn} < ${today}::date`))
        .returning({ id: campaigns.id, anonymous: campaigns.anonymous });
    },

    /** On closing: the drafts of who never submitted are dropped. */
    async dropDrafts(db: Db, campaignIds: number[]) {
      await db
        .update(campaignParticipants)
        .set({ draft: null, draftSavedAt: null })
        .where(
          and(
            inArray(campaignParticipants.campaignId, campaignIds),
            ne(campaignParticipants.status, 'submitted'),
          ),
        );
    },

    /**
     * On closing an anonymous campaign: every participant row is written again (no time of submission),
     * so none keeps the transaction id of the submission that also wrote a response.
     */
    async rewriteAnonymous(db: Db, campaignIds: number[]) {
      await db
        .update(campaignParticipants)
        .set({ submittedAt: null, draftSavedAt: null, draft: null })
        .where(inArray(campaignParticipants.campaignId, campaignIds));
    },
  };
}

export type CampaignsRepository = ReturnType<typeof createCampaignsRepository>;
