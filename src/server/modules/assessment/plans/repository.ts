import { and, asc, count, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { PlanStatus } from '../../../../common/assessment.js';
import type { Db } from '../../../db/client.js';
import {
  campaignExpectations,
  campaignParticipants,
  campaignResponseLevels,
  campaignResponses,
  campaigns,
  campaignUnits,
  competencyFrameworks,
  editions,
  frameworkCompetencies,
  pathCompetencies,
  profileExpectations,
  territorialUnits,
  trainingPaths,
  trainingPlanItems,
  trainingPlans,
  users,
} from '../../../db/schema/index.js';
import { escapeLike } from '../../../db/sql.js';

export type PlanRow = typeof trainingPlans.$inferSelect;
export type ItemRow = typeof trainingPlanItems.$inferSelect;
export type NewItem = typeof trainingPlanItems.$inferInsert;
export type ItemChanges = Partial<
  Pick<NewItem, 'participants' | 'hoursPerParticipant' | 'deliveryMode' | 'quarter' | 'notes'>
>;

const like = (q: string) => `%${escapeLike(q.toLowerCase())}%`;
const approver = alias(users, 'approver');
const editor = alias(users, 'editor');
const liveNational = alias(profileExpectations, 'live_national');
const liveLocal = alias(profileExpectations, 'live_local');
const keptNational = alias(campaignExpectations, 'kept_national');
const keptLocal = alias(campaignExpectations, 'kept_local');

/** Training plans and their lines; the campaign, catalogue and framework rows they are drawn from. */
export function createPlansRepository() {
  return {
    async campaign(db: Db, id: number) {
      const [row] = await db
        .select({
          id: campaigns.id,
          titleIt: campaigns.titleIt,
          titleEn: campaigns.titleEn,
          frameworkId: campaigns.frameworkId,
          status: campaigns.status,
          anonymous: campaigns.anonymous,
          national: campaigns.national,
          minGroupSize: campaigns.minGroupSize,
          closesOn: campaigns.closesOn,
        })
        .from(campaigns)
        .where(eq(campaigns.id, id));
      return row ?? null;
    },

    async closedCampaigns(db: Db) {
      return db
        .select({
          id: campaigns.id,
          titleIt: campaigns.titleIt,
          titleEn: campaigns.titleEn,
          closesOn: campaigns.closesOn,
          national: campaigns.national,
          minGroupSize: campaigns.minGroupSize,
        })
        .from(campaigns)
        .where(eq(campaigns.status, 'closed'))
        .orderBy(desc(campaigns.closesOn), desc(campaigns.id));
    },

    async unit(db: Db, id: number) {
      const [row] = await db
        .select({ id: territorialUnits.id, name: territorialUnits.name })
        .from(territorialUnits)
        .where(eq(territorialUnits.id, id));
      return row ?? null;
    },

    /** The units a non-national campaign is for. */
    async campaignUnitIds(db: Db, campaignId: number) {
      const rows = await db
        .select({ unitId: campaignUnits.unitId })
        .from(campaignUnits)
        .where(eq(campaignUnits.campaignId, campaignId));
      return rows.map((r) => r.unitId);
    },

    /** Submitted questionnaires per unit of a campaign. */
    async respondents(db: Db, campaignId: number) {
      const rows = await db
        .select({ unitId: campaignResponses.unitId, n: count() })
        .from(campaignResponses)
        .where(and(eq(campaignResponses.campaignId, campaignId), isNotNull(campaignResponses.unitId)))
        .groupBy(campaignResponses.unitId);
      return new Map(rows.map((r) => [r.unitId as number, Number(r.n)]));
    },

    async unitNames(db: Db, ids: number[]) {
      if (!ids.length) return new Map<number, string>();
      const rows = await db
        .select({ id: territorialUnits.id, name: territorialUnits.name })
        .from(territorialUnits)
        .where(inArray(territorialUnits.id, ids));
      return new Map(rows.map((r) => [r.id, r.name]));
    },

    /** The names of a framework version's competencies, by code. */
    async competencyNames(db: Db, frameworkId: number) {
      const rows = await db
        .select({
          code: frameworkCompetencies.code,
          it: frameworkCompetencies.nameIt,
          en: frameworkCompetencies.nameEn,
        })
        .from(frameworkCompetencies)
        .where(eq(frameworkCompetencies.frameworkId, frameworkId));
      return new Map(rows.map((r) => [r.code, { it: r.it, en: r.en }]));
    },

    /**
     * Published paths with the codes of the published framework's competencies they are linked to
     * (`path_competencies`); a campaign's competencies are matched to them by code. With `codes`,
     * only the paths linked to at least one of them.
     */
    async pathOffers(db: Db, f: { id?: number; codes?: string[]; q?: string } = {}) {
      const codes = sql<
        string[]
      >`coalesce(array_agg(distinct ${frameworkCompetencies.code}) filter (where ${frameworkCompetencies.code} is not null), '{}')`;
      const rows = await db
        .select({
          id: trainingPaths.id,
          slug: trainingPaths.slug,
          title: trainingPaths.title,
          hours: trainingPaths.totalHours,
          deliveryModes: trainingPaths.deliveryModes,
          codes,
        })
        .from(trainingPaths)
        .leftJoin(pathCompetencies, eq(pathCompetencies.pathId, trainingPaths.id))
        .leftJoin(
          frameworkCompetencies,
          and(
            eq(frameworkCompetencies.id, pathCompetencies.competencyId),
            sql`exists (select 1 from ${competencyFrameworks} f where f.id = ${frameworkCompetencies.frameworkId} and f.status = 'published')`,
          ),
        )
        .where(
          and(
            eq(trainingPaths.status, 'published'),
            f.id === undefined ? undefined : eq(trainingPaths.id, f.id),
            f.q
              ? sql`(lower(${trainingPaths.title}) like ${like(f.q)} or lower(${trainingPaths.slug}) like ${like(f.q)})`
              : undefined,
          ),
        )
        .groupBy(trainingPaths.id)
        .orderBy(asc(trainingPaths.title), asc(trainingPaths.id));
      return rows
        .map((r) => ({ ...r, hours: Number(r.hours), codes: [...(r.codes ?? [])].sort() }))
        .filter((r) => !f.codes || r.codes.some((c) => f.codes?.includes(c)));
    },

    /** The next editions of paths not yet started (published, or closed to enrolment), earliest first. */
    async nextEditions(db: Db, pathIds: number[], today: string, now: Date) {
      if (!pathIds.length) return [];
      return db
        .select({
          id: editions.id,
          pathId: editions.pathId,
          title: editions.title,
          startsOn: editions.startsOn,
          endsOn: editions.endsOn,
          online: editions.online,
          enrolmentOpen: sql<boolean>`(${editions.status} = 'published' and ${editions.enrolmentOpensAt} <= ${now.toISOString()}::timestamptz and ${editions.enrolmentClosesAt} > ${now.toISOString()}::timestamptz)`,
        })
        .from(editions)
        .where(
          and(
            inArray(editions.pathId, pathIds),
            eq(editions.status, 'published'),
            sql`${editions.startsOn} >= ${today}::date`,
          ),
        )
        .orderBy(asc(editions.startsOn), asc(editions.id));
    },

    /** The learner's latest answered named campaign: its response, unit and campaign. */
    async latestNamedResponse(db: Db, userId: string) {
      const [row] = await db
        .select({
          responseId: campaignResponses.id,
          unitId: campaignResponses.unitId,
          jobProfile: campaignResponses.jobProfileCode,
          campaignId: campaigns.id,
          titleIt: campaigns.titleIt,
          titleEn: campaigns.titleEn,
          closesOn: campaigns.closesOn,
          frameworkId: campaigns.frameworkId,
          status: campaigns.status,
        })
        .from(campaignResponses)
        .innerJoin(campaignParticipants, eq(campaignParticipants.id, campaignResponses.participantId))
        .innerJoin(campaigns, eq(campaigns.id, campaignResponses.campaignId))
        .where(and(eq(campaignParticipants.userId, userId), eq(campaigns.anonymous, false)))
        .orderBy(desc(campaigns.closesOn), desc(campaignParticipants.submittedAt), desc(campaigns.id))
        .limit(1);
      return row ?? null;
    },

    /**
     * One response's levels with the level its job profile is expected to hold (the unit's override
     * first, else the national level): a closed campaign's from the levels kept when it closed
     * (`campaign_expectations`, unit 0 = national), any other's from today's `profile_expectations`.
     * Competencies with no expected level are left out.
     */
    async responseLevels(
      db: Db,
      r: { responseId: string; campaignId: number; unitId: number; jobProfile: string; closed: boolean },
    ) {
      const expected = r.closed
        ? sql<number>`coalesce(${keptLocal.level}, ${keptNational.level})`
        : sql<number>`coalesce(${liveLocal.level}, ${liveNational.level})`;
      const code = frameworkCompetencies.code;
      let q = db
        .select({
          competency: code,
          expected,
          assessed: sql<number>`coalesce(${campaignResponseLevels.managerLevel}, ${campaignResponseLevels.selfLevel})`,
        })
        .from(campaignResponseLevels)
        .innerJoin(frameworkCompetencies, eq(frameworkCompetencies.id, campaignResponseLevels.competencyId))
        .$dynamic();
      q = r.closed
        ? q
            .leftJoin(
              keptNational,
              and(
                eq(keptNational.campaignId, r.campaignId),
                eq(keptNational.jobProfileCode, r.jobProfile),
                eq(keptNational.competencyCode, code),
                eq(keptNational.unitId, 0),
              ),
            )
            .leftJoin(
              keptLocal,
              and(
                eq(keptLocal.campaignId, r.campaignId),
                eq(keptLocal.jobProfileCode, r.jobProfile),
                eq(keptLocal.competencyCode, code),
                eq(keptLocal.unitId, r.unitId),
              ),
            )
        : q
            .leftJoin(
              liveNational,
              and(
                eq(liveNational.jobProfileCode, r.jobProfile),
                eq(liveNational.competencyCode, code),
                isNull(liveNational.unitId),
              ),
            )
            .leftJoin(
              liveLocal,
              and(
                eq(liveLocal.jobProfileCode, r.jobProfile),
                eq(liveLocal.competencyCode, code),
                eq(liveLocal.unitId, r.unitId),
              ),
            );
      const rows = await q.where(
        and(eq(campaignResponseLevels.responseId, r.responseId), sql`${expected} is not null`),
      );
      return rows.map((x) => ({
        competency: x.competency,
        expected: Number(x.expected),
        assessed: Number(x.assessed),
      }));
    },

    // ---- plans ----

    async insertPlan(tx: Db, values: typeof trainingPlans.$inferInsert) {
      const [row] = await tx.insert(trainingPlans).values(values).returning();
      if (!row) throw new Error('training plan insert returned nothing');
      return row;
    },

    async insertItems(tx: Db, values: NewItem[]) {
      if (values.length) await tx.insert(trainingPlanItems).values(values);
    },

    async plan(db: Db, id: number) {
      const [row] = await db
        .select({
          plan: trainingPlans,
          unitName: territorialUnits.name,
          approvedByName: approver.name,
          updatedByName: editor.name,
        })
        .from(trainingPlans)
        .innerJoin(territorialUnits, eq(territorialUnits.id, trainingPlans.unitId))
        .leftJoin(approver, eq(approver.id, trainingPlans.approvedBy))
        .leftJoin(editor, eq(editor.id, trainingPlans.updatedBy))
        .where(eq(trainingPlans.id, id));
      return row ?? null;
    },

    async planOf(db: Db, campaignId: number, unitId: number) {
      const [row] = await db
        .select({ id: trainingPlans.id })
        .from(trainingPlans)
        .where(and(eq(trainingPlans.campaignId, campaignId), eq(trainingPlans.unitId, unitId)));
      return row?.id ?? null;
    },

    async items(db: Db, planIds: number[]) {
      if (!planIds.length) return [];
      return db
        .select({ item: trainingPlanItems, pathSlug: trainingPaths.slug })
        .from(trainingPlanItems)
        .leftJoin(trainingPaths, eq(trainingPaths.id, trainingPlanItems.pathId))
        .where(inArray(trainingPlanItems.planId, planIds))
        .orderBy(asc(trainingPlanItems.planId), asc(trainingPlanItems.position), asc(trainingPlanItems.id));
    },

    /**
     * The one door to every change of a plan: moves it from `version` to the next, in `from` status,
     * optionally to another status. No row back means the plan changed meanwhile (or is not in
     * `from`): the caller answers 409. The row lock it takes makes concurrent changes queue, and the
     * loser then finds the version moved on.
     */
    async bump(
      tx: Db,
      id: number,
      version: number,
      from: PlanStatus,
      set: { actorId: string; now: Date; status?: PlanStatus; notes?: string; approve?: boolean },
    ) {
      const [row] = await tx
        .update(trainingPlans)
        .set({
          version: sql`${trainingPlans.version} + 1`,
          updatedAt: set.now,
          updatedBy: set.actorId,
          ...(set.status ? { status: set.status } : {}),
          ...(set.notes !== undefined ? { notes: set.notes } : {}),
          ...(set.approve === true ? { approvedAt: set.now, approvedBy: set.actorId } : {}),
          ...(set.approve === false ? { approvedAt: null, approvedBy: null } : {}),
        })
        .where(
          and(eq(trainingPlans.id, id), eq(trainingPlans.version, version), eq(trainingPlans.status, from)),
        )
        .returning();
      return row ?? null;
    },

    async item(tx: Db, planId: number, itemId: number) {
      const [row] = await tx
        .select()
        .from(trainingPlanItems)
        .where(and(eq(trainingPlanItems.planId, planId), eq(trainingPlanItems.id, itemId)));
      return row ?? null;
    },

    async updateItem(tx: Db, itemId: number, changes: ItemChanges) {
      if (Object.keys(changes).length)
        await tx.update(trainingPlanItems).set(changes).where(eq(trainingPlanItems.id, itemId));
    },

    async deleteItem(tx: Db, itemId: number) {
      await tx.delete(trainingPlanItems).where(eq(trainingPlanItems.id, itemId));
    },

    async itemIds(tx: Db, planId: number) {
      const rows = await tx
        .select({ id: trainingPlanItems.id, position: trainingPlanItems.position })
        .from(trainingPlanItems)
        .where(eq(trainingPlanItems.planId, planId))
        .orderBy(asc(trainingPlanItems.position), asc(trainingPlanItems.id));
      return rows;
    },

    async setPositions(tx: Db, ids: number[]) {
      for (const [i, id] of ids.entries())
        await tx
          .update(trainingPlanItems)
          .set({ position: i + 1 })
          .where(eq(trainingPlanItems.id, id));
    },

    /** Plans with their unit and campaign; `unitIds` limits them to those units. */
    async listPlans(db: Db, f: { unitIds?: number[]; campaignId?: number; unitId?: number }) {
      if (f.unitIds && !f.unitIds.length) return [];
      return db
        .select({
          plan: trainingPlans,
          unitName: territorialUnits.name,
          titleIt: campaigns.titleIt,
          titleEn: campaigns.titleEn,
          lines: sql<number>`(select count(*) from ${trainingPlanItems} i where i.plan_id = ${trainingPlans.id})`,
          totalHours: sql<string>`(select coalesce(sum(i.participants * i.hours_per_participant), 0) from ${trainingPlanItems} i where i.plan_id = ${trainingPlans.id})`,
        })
        .from(trainingPlans)
        .innerJoin(territorialUnits, eq(territorialUnits.id, trainingPlans.unitId))
        .innerJoin(campaigns, eq(campaigns.id, trainingPlans.campaignId))
        .where(
          and(
            f.unitIds ? inArray(trainingPlans.unitId, f.unitIds) : undefined,
            f.campaignId === undefined ? undefined : eq(trainingPlans.campaignId, f.campaignId),
            f.unitId === undefined ? undefined : eq(trainingPlans.unitId, f.unitId),
          ),
        )
        .orderBy(desc(campaigns.closesOn), asc(territorialUnits.name), asc(trainingPlans.id));
    },
  };
}

export type PlansRepository = ReturnType<typeof createPlansRepository>;
