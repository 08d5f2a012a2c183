import {
  and,
  asc,
  type Column,
  count,
  desc,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  lte,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { CapacityThreshold } from '../../../../common/capacity.js';
import type { DeadlineMove, DeadlineRule } from '../../../../common/deadlines.js';
import type { Db } from '../../../db/client.js';
import {
  capacityThresholds,
  deadlineMoves,
  deadlineRules,
  hiringCapacity,
  interventions,
  programmingDocuments,
  reorgPlanEvents,
  reorgPlans,
  reorgPlanVersions,
  taskforceAssignments,
  taskforceIssues,
  territorialUnits,
  unitPopulations,
  users,
} from '../../../db/schema/index.js';

/**
 * Read-only queries of the national view over the restructuring tables. Each query covers every unit
 * in scope at once (never one query per unit); the caller merges the answers by unit id.
 */

/** Units of the scope, valid on `today`; `scope` 'all' or the unit ids an officer may see. */
function unitFilter(scope: 'all' | number[], today: string): SQL | undefined {
  const valid = and(
    or(isNull(territorialUnits.validFrom), lte(territorialUnits.validFrom, today)),
    or(isNull(territorialUnits.validTo), gte(territorialUnits.validTo, today)),
  );
  return scope === 'all' ? valid : and(valid, inArray(territorialUnits.id, scope.length ? scope : [-1]));
}

const inScope = (column: Column, scope: 'all' | number[]) =>
  scope === 'all' ? undefined : inArray(column, scope.length ? scope : [-1]);

export function createOverviewRepository() {
  return {
    units(db: Db, scope: 'all' | number[], today: string) {
      return db
        .select({
          id: territorialUnits.id,
          istatCode: territorialUnits.istatCode,
          sigla: territorialUnits.sigla,
          name: territorialUnits.name,
          regionCode: territorialUnits.regionCode,
          regionName: territorialUnits.regionName,
          unitType: territorialUnits.unitType,
          programmePhase: territorialUnits.programmePhase,
        })
        .from(territorialUnits)
        .where(unitFilter(scope, today))
        .orderBy(asc(territorialUnits.regionCode), asc(territorialUnits.name));
    },

    plans(db: Db, scope: 'all' | number[]) {
      const pending = alias(reorgPlanVersions, 'pending');
      return db
        .select({
          id: reorgPlans.id,
          unitId: reorgPlans.unitId,
          status: reorgPlans.status,
          currentVersion: reorgPlans.currentVersion,
          updatedAt: reorgPlans.updatedAt,
          // A proposed version waiting for the task force's validation (at most one per plan).
          pendingNumber: pending.number,
        })
        .from(reorgPlans)
        .leftJoin(pending, and(eq(pending.planId, reorgPlans.id), eq(pending.state, 'proposta')))
        .where(inScope(reorgPlans.unitId, scope));
    },

    /** Each unit's latest population at or before `year`. */
    populations(db: Db, scope: 'all' | number[], year: number) {
      return db
        .selectDistinctOn([unitPopulations.unitId], {
          unitId: unitPopulations.unitId,
          year: unitPopulations.year,
          population: unitPopulations.population,
        })
        .from(unitPopulations)
        .where(and(lte(unitPopulations.year, year), inScope(unitPopulations.unitId, scope)))
        .orderBy(asc(unitPopulations.unitId), desc(unitPopulations.year));
    },

    /** Each unit's latest capacity figures at or before `year`. */
    capacity(db: Db, scope: 'all' | number[], year: number) {
      return db
        .selectDistinctOn([hiringCapacity.unitId], {
          unitId: hiringCapacity.unitId,
          year: hiringCapacity.year,
          personnelSpendingCents: hiringCapacity.personnelSpendingCents,
          revenue1Cents: hiringCapacity.revenue1Cents,
          revenue2Cents: hiringCapacity.revenue2Cents,
          revenue3Cents: hiringCapacity.revenue3Cents,
          fcdeCents: hiringCapacity.fcdeCents,
        })
        .from(hiringCapacity)
        .where(and(lte(hiringCapacity.year, year), inScope(hiringCapacity.unitId, scope)))
        .orderBy(asc(hiringCapacity.unitId), desc(hiringCapacity.year));
    },

    thresholds(db: Db): Promise<CapacityThreshold[]> {
      return db
        .select({
          unitType: capacityThresholds.unitType,
          minPopulation: capacityThresholds.minPopulation,
          maxPopulation: capacityThresholds.maxPopulation,
          thresholdBp: capacityThresholds.thresholdBp,
          validFromYear: capacityThresholds.validFromYear,
          validToYear: capacityThresholds.validToYear,
          source: capacityThresholds.source,
        })
        .from(capacityThresholds);
    },

    deadlineRules(db: Db): Promise<DeadlineRule[]> {
      return db
        .select({
          kind: deadlineRules.kind,
          month: deadlineRules.month,
          day: deadlineRules.day,
          yearOffset: deadlineRules.yearOffset,
          afterBudgetDays: deadlineRules.afterBudgetDays,
          validFromYear: deadlineRules.validFromYear,
          validToYear: deadlineRules.validToYear,
          source: deadlineRules.source,
        })
        .from(deadlineRules);
    },

    async deadlineMoves(db: Db): Promise<DeadlineMove[]> {
      return db
        .select({
          kind: deadlineMoves.kind,
          year: deadlineMoves.year,
          due: deadlineMoves.due,
          source: deadlineMoves.source,
        })
        .from(deadlineMoves);
    },

    /** Programming documents of the given years, adopted or not. */
    documents(db: Db, scope: 'all' | number[], years: number[]) {
      return db
        .select({
          unitId: programmingDocuments.unitId,
          year: programmingDocuments.year,
          kind: programmingDocuments.kind,
          adoptedOn: programmingDocuments.adoptedOn,
        })
        .from(programmingDocuments)
        .where(
          and(
            inArray(programmingDocuments.year, years),
            isNotNull(programmingDocuments.adoptedOn),
            inScope(programmingDocuments.unitId, scope),
          ),
        );
    },

    leads(db: Db, scope: 'all' | number[]) {
      return db
        .select({ unitId: taskforceAssignments.unitId, id: users.id, name: users.name })
        .from(taskforceAssignments)
        .innerJoin(users, eq(users.id, taskforceAssignments.userId))
        .where(and(eq(taskforceAssignments.lead, true), inScope(taskforceAssignments.unitId, scope)));
    },

    openIssues(db: Db, scope: 'all' | number[]) {
      return db
        .select({ unitId: taskforceIssues.unitId, n: count() })
        .from(taskforceIssues)
        .where(and(eq(taskforceIssues.state, 'aperta'), inScope(taskforceIssues.unitId, scope)))
        .groupBy(taskforceIssues.unitId);
    },

    /** Status changes of the plans in scope, oldest first. */
    statusEvents(db: Db, scope: 'all' | number[]) {
      return db
        .select({ unitId: reorgPlans.unitId, toStatus: reorgPlanEvents.toStatus, at: reorgPlanEvents.at })
        .from(reorgPlanEvents)
        .innerJoin(reorgPlans, eq(reorgPlans.id, reorgPlanEvents.planId))
        .where(
          and(
            eq(reorgPlanEvents.kind, 'status'),
            isNotNull(reorgPlanEvents.toStatus),
            inScope(reorgPlans.unitId, scope),
          ),
        )
        .orderBy(asc(reorgPlanEvents.at), asc(reorgPlanEvents.id));
    },

    /** Interventions held from `from` on, counted per month and kind. */
    interventionsByMonth(db: Db, scope: 'all' | number[], from: string) {
      const month = sql<string>`to_char(${interventions.heldOn}, 'YYYY-MM')`;
      return db
        .select({ month, kind: interventions.kind, n: count() })
        .from(interventions)
        .where(and(gte(interventions.heldOn, from), inScope(interventions.unitId, scope)))
        .groupBy(month, interventions.kind);
    },

    /** The plan's current (validated) version content, or null before any. */
    async currentContent(db: Db, planId: number, version: number) {
      if (version < 1) return null;
      const [row] = await db
        .select({ content: reorgPlanVersions.content, decidedAt: reorgPlanVersions.decidedAt })
        .from(reorgPlanVersions)
        .where(and(eq(reorgPlanVersions.planId, planId), eq(reorgPlanVersions.number, version)));
      return row ?? null;
    },

    async lastIntervention(db: Db, unitId: number) {
      const [row] = await db
        .select({ kind: interventions.kind, heldOn: interventions.heldOn, outcome: interventions.outcome })
        .from(interventions)
        .where(eq(interventions.unitId, unitId))
        .orderBy(desc(interventions.heldOn), desc(interventions.id))
        .limit(1);
      return row ?? null;
    },

    /** The unit's programming documents of the given years (adopted or not), for the brief. */
    unitDocuments(db: Db, unitId: number, years: number[]) {
      return db
        .select({
          year: programmingDocuments.year,
          kind: programmingDocuments.kind,
          adoptedOn: programmingDocuments.adoptedOn,
        })
        .from(programmingDocuments)
        .where(and(eq(programmingDocuments.unitId, unitId), inArray(programmingDocuments.year, years)));
    },
  };
}

export type OverviewRepository = ReturnType<typeof createOverviewRepository>;
