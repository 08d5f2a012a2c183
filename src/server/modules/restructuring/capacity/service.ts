import type { CapacityInput, CapacityView, CapacityYears } from '../../../../common/capacity-api.js';
import type { Db } from '../../../db/client.js';
import type { Clock } from '../../../kernel/clock.js';
import { errors } from '../../../kernel/errors.js';
import { type RequestContext, requireActor } from '../../../kernel/principal.js';
import type { AuditService } from '../../platform/audit/index.js';
import { canProposeFor, canReadUnit, canUseRestructuring, type ReorgLookup } from '../reorg/index.js';
import { currentYearOf, type PopulationLookup } from '../unit-profiles/index.js';
import * as m from './messages.js';
import type { CapacityRepository, CapacityValues } from './repository.js';
import { capacityViewOf } from './view.js';

const values = (input: CapacityInput, actorId: string): CapacityValues => ({
  personnelSpendingCents: input.personnelSpendingCents,
  revenue1Cents: input.revenueCents[0],
  revenue2Cents: input.revenueCents[1],
  revenue3Cents: input.revenueCents[2],
  rendicontoYear: input.rendicontoYear,
  fcdeCents: input.fcdeCents,
  plannedHires: input.plannedHires,
  actualHires: input.actualHires,
  plannedHiresCostCents: input.plannedHiresCostCents,
  source: input.source,
  updatedBy: actorId,
});

/**
 * Hiring capacity per unit and year: figures kept by the unit's officers and the task force, with an
 * optimistic revision (a stale save is a 409), and the computed view the national pages also use.
 */
export function createCapacityService(deps: {
  db: Db;
  repo: CapacityRepository;
  clock: Clock;
  audit: AuditService;
  reorg: ReorgLookup;
  populations: PopulationLookup;
}) {
  const { db, repo, clock, audit } = deps;

  async function readableUnit(tx: Db, ctx: RequestContext, unitId: number) {
    if (!canUseRestructuring(ctx.actor)) throw errors.forbidden();
    const unit = canReadUnit(ctx.actor, unitId) ? await repo.unit(tx, unitId) : undefined;
    if (!unit) throw errors.notFound(m.UNIT);
    return unit;
  }

  /** A unit's capacity view for a year, inside the caller's transaction (no authorisation: callers check). */
  async function capacityView(
    tx: Db,
    unitId: number,
    year: number,
    canEdit = false,
  ): Promise<CapacityView | null> {
    const unit = await repo.unit(tx, unitId);
    if (!unit) return null;
    const [row, pops, thresholds, planStatus] = await Promise.all([
      repo.find(tx, unitId, year),
      deps.populations.latestByUnit(tx, year, unitId),
      repo.thresholds(tx),
      deps.reorg.statusOf(tx, unitId),
    ]);
    return capacityViewOf({
      unit,
      year,
      currentYear: currentYearOf(clock),
      row: row ?? null,
      population: pops.get(unitId) ?? null,
      thresholds,
      planStatus,
      canEdit,
    });
  }

  /** Every unit's capacity view for a year, in a fixed number of queries (not one per unit). */
  async function capacityViews(tx: Db, year: number): Promise<CapacityView[]> {
    const [rows, pops, thresholds, plans] = await Promise.all([
      repo.unitsWithYear(tx, year),
      deps.populations.latestByUnit(tx, year),
      repo.thresholds(tx),
      deps.reorg.statusByUnit(tx),
    ]);
    const currentYear = currentYearOf(clock);
    return rows.map(({ unit, capacity }) =>
      capacityViewOf({
        unit,
        year,
        currentYear,
        row: capacity,
        population: pops.get(unit.id) ?? null,
        thresholds,
        planStatus: plans.get(unit.id)?.status ?? 'non_avviato',
        canEdit: false,
      }),
    );
  }

  return {
    capacityView,
    capacityViews,

    async get(ctx: RequestContext, unitId: number, year: number) {
      await readableUnit(db, ctx, unitId);
      return (await capacityView(db, unitId, year, canProposeFor(ctx.actor, unitId))) as CapacityView;
    },

    async years(ctx: RequestContext, unitId: number): Promise<CapacityYears> {
      const unit = await readableUnit(db, ctx, unitId);
      const rows = await repo.years(db, unitId);
      const views = await Promise.all(rows.map((r) => capacityView(db, unitId, r.year)));
      return {
        unit: { id: unit.id, name: unit.name },
        currentYear: currentYearOf(clock),
        canEdit: canProposeFor(ctx.actor, unitId),
        items: rows.map((r, i) => ({
          year: r.year,
          ratioPercent: views[i]?.result.ratioPercent ?? null,
          state: views[i]?.hiring.state ?? 'da_verificare',
          updatedAt: r.updatedAt.toISOString(),
        })),
      };
    },

    /** Saves the year at the revision the editor saw (0 to create it); a stale revision is a 409. */
    async save(ctx: RequestContext, unitId: number, year: number, input: CapacityInput) {
      const actor = requireActor(ctx);
      await db.transaction(async (tx) => {
        await readableUnit(tx, ctx, unitId);
        if (!canProposeFor(actor, unitId)) throw errors.forbidden();
        const v = values(input, actor.id);
        const row =
          input.revision === 0
            ? await repo.insert(tx, unitId, year, v)
            : await repo.update(tx, unitId, year, input.revision, v);
        if (!row) throw m.stale();
        await audit.record(tx, ctx, {
          action: input.revision === 0 ? 'hiring_capacity.created' : 'hiring_capacity.updated',
          entityType: 'hiring_capacity',
          entityId: row.id,
          unitId,
          details: { year, ...input, newRevision: row.revision },
        });
      });
      return (await capacityView(db, unitId, year, true)) as CapacityView;
    },
  };
}

export type CapacityService = ReturnType<typeof createCapacityService>;
