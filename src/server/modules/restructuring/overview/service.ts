import type { OverviewQuery, OverviewRow, OverviewView, TrendsView } from '../../../../common/overview.js';
import type { PlanContent, ReorgStatus } from '../../../../common/restructuring.js';
import { romeToday } from '../../../../common/rome-time.js';
import type { Db } from '../../../db/client.js';
import type { Clock } from '../../../kernel/clock.js';
import { errors } from '../../../kernel/errors.js';
import type { RequestContext } from '../../../kernel/principal.js';
import { trainingPlanLookup } from '../../assessment/plans/index.js';
import { unitTrainingLookup } from '../../training/attendance/index.js';
import { canReadUnit, canUseRestructuring, unitScope } from '../reorg/index.js';
import {
  type DeadlineState,
  deadlineStates,
  deadlineSummary,
  followedDeadlines,
  followedYears,
  type UnitCapacity,
  unitCapacity,
} from './figures.js';
import * as m from './messages.js';
import type { OverviewRepository } from './repository.js';
import { interventionsByMonth, lastMonths, planStatusByMonth } from './trends.js';

/** How many months the trends cover. */
export const TREND_MONTHS = 24;

export type UnitBrief = {
  row: OverviewRow;
  today: string;
  capacity: UnitCapacity;
  plan: { content: PlanContent | null; validatedAt: Date | null; version: number };
  deadlines: DeadlineState[];
  lastIntervention: { kind: string; heldOn: string; outcome: string } | null;
  /** The unit's latest training plan (drawn from its needs survey) with its first lines, or null. */
  trainingPlan: Awaited<ReturnType<typeof trainingPlanLookup.latestOf>>;
  /** Training its staff received this Rome year. */
  training: Awaited<ReturnType<typeof unitTrainingLookup.yearOf>> & { year: number };
};

export function createOverviewService(deps: { db: Db; repo: OverviewRepository; clock: Clock }) {
  const { db, repo, clock } = deps;

  const scopeOf = (ctx: RequestContext) => {
    if (!canUseRestructuring(ctx.actor)) throw errors.forbidden();
    return unitScope(ctx.actor);
  };

  /** Every row of the scope, figures computed; a handful of queries whatever the number of units. */
  async function rows(scope: 'all' | number[], today: string) {
    const currentYear = Number(today.slice(0, 4));
    const [units, plans, pops, caps, thresholds, rules, moves, docs, leads, issues] = await Promise.all([
      repo.units(db, scope, today),
      repo.plans(db, scope),
      repo.populations(db, scope, currentYear),
      repo.capacity(db, scope, currentYear),
      repo.thresholds(db),
      repo.deadlineRules(db),
      repo.deadlineMoves(db),
      repo.documents(db, scope, followedYears(currentYear)),
      repo.leads(db, scope),
      repo.openIssues(db, scope),
    ]);
    const planOf = new Map(plans.map((p) => [p.unitId, p]));
    const popOf = new Map(pops.map((p) => [p.unitId, p]));
    const capOf = new Map(caps.map((c) => [c.unitId, c]));
    const leadOf = new Map(leads.map((l) => [l.unitId, { id: l.id, name: l.name }]));
    const issuesOf = new Map(issues.map((i) => [i.unitId, Number(i.n)]));
    const adoptedOf = new Map<number, Map<string, string>>();
    for (const d of docs) {
      const a = adoptedOf.get(d.unitId) ?? new Map<string, string>();
      if (d.adoptedOn) a.set(`${d.kind}/${d.year}`, d.adoptedOn);
      adoptedOf.set(d.unitId, a);
    }
    const deadlines = followedDeadlines(currentYear, rules, moves);
    const out = units.map((u) => {
      const plan = planOf.get(u.id);
      const status: ReorgStatus = plan?.status ?? 'non_avviato';
      const pop = popOf.get(u.id) ?? null;
      const capacity = unitCapacity(
        u.unitType,
        status,
        pop?.population ?? null,
        capOf.get(u.id) ?? null,
        thresholds,
        currentYear,
      );
      const states = deadlineStates(deadlines, adoptedOf.get(u.id) ?? new Map(), today);
      const row: OverviewRow = {
        unitId: u.id,
        istatCode: u.istatCode,
        sigla: u.sigla,
        name: u.name,
        regionCode: u.regionCode,
        regionName: u.regionName,
        unitType: u.unitType,
        programmePhase: u.programmePhase,
        planStatus: status,
        planUpdatedAt: plan ? plan.updatedAt.toISOString() : null,
        pendingProposal: plan?.pendingNumber != null,
        population: pop?.population ?? null,
        populationYear: pop?.year ?? null,
        capacityYear: capacity.year,
        capacityStale: capacity.stale,
        ratioPercent: capacity.ratioPercent,
        thresholdPercent: capacity.thresholdPercent,
        headroomCents: capacity.headroomCents,
        hiringStatus: capacity.state,
        hiringReasons: capacity.reasons,
        ...deadlineSummary(states),
        lead: leadOf.get(u.id) ?? null,
        openRisks: issuesOf.get(u.id) ?? 0,
      };
      return { row, capacity, states, plan };
    });
    return { currentYear, out };
  }

  const matches = (r: OverviewRow, q: OverviewQuery) =>
    (!q.region || r.regionCode === q.region) &&
    (!q.type || r.unitType === q.type) &&
    (!q.phase || (q.phase === 'none' ? r.programmePhase === null : String(r.programmePhase) === q.phase)) &&
    (!q.plan || r.planStatus === q.plan) &&
    (!q.hiring || r.hiringStatus === q.hiring);

  return {
    async list(ctx: RequestContext, q: OverviewQuery): Promise<OverviewView> {
      const scope = scopeOf(ctx);
      const today = romeToday(clock.now());
      const { currentYear, out } = await rows(scope, today);
      return { today, currentYear, rows: out.map((o) => o.row).filter((r) => matches(r, q)) };
    },

    async trends(ctx: RequestContext): Promise<TrendsView> {
      const scope = scopeOf(ctx);
      const today = romeToday(clock.now());
      const months = lastMonths(today, TREND_MONTHS);
      const [units, events, held] = await Promise.all([
        repo.units(db, scope, today),
        repo.statusEvents(db, scope),
        repo.interventionsByMonth(db, scope, `${months[0]}-01`),
      ]);
      return {
        months,
        planStatus: planStatusByMonth(
          months,
          units.map((u) => u.id),
          events,
        ),
        interventions: interventionsByMonth(months, held),
      };
    },

    /** What the one-page brief of a unit shows; another unit is 404 to an officer, as if absent. */
    async brief(ctx: RequestContext, unitId: number): Promise<UnitBrief> {
      if (!canUseRestructuring(ctx.actor)) throw errors.forbidden();
      if (!canReadUnit(ctx.actor, unitId)) throw errors.notFound(m.UNIT);
      const today = romeToday(clock.now());
      const { out } = await rows([unitId], today);
      const found = out[0];
      if (!found) throw errors.notFound(m.UNIT);
      const version = found.plan?.currentVersion ?? 0;
      const year = Number(today.slice(0, 4));
      const [current, lastIntervention, trainingPlan, training] = await Promise.all([
        found.plan ? repo.currentContent(db, found.plan.id, version) : null,
        repo.lastIntervention(db, unitId),
        trainingPlanLookup.latestOf(db, unitId),
        unitTrainingLookup.yearOf(db, unitId, year),
      ]);
      return {
        row: found.row,
        today,
        capacity: found.capacity,
        plan: { content: current?.content ?? null, validatedAt: current?.decidedAt ?? null, version },
        deadlines: found.states,
        lastIntervention,
        trainingPlan,
        training: { ...training, year },
      };
    },
  };
}

export type OverviewService = ReturnType<typeof createOverviewService>;
