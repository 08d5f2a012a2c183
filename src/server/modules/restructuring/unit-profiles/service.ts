import type { z } from 'zod';
import { thresholdFor } from '../../../../common/capacity.js';
import { romeToday } from '../../../../common/rome-time.js';
import {
  type Contact,
  type contactInput,
  type populationInput,
  type profileDetailsInput,
  STALE_AFTER_YEARS,
  type UnitProfile,
} from '../../../../common/unit-profiles.js';
import type { Db } from '../../../db/client.js';
import type { Clock } from '../../../kernel/clock.js';
import { errors } from '../../../kernel/errors.js';
import { type RequestContext, requireActor } from '../../../kernel/principal.js';
import { trainingPlanLookup } from '../../assessment/plans/index.js';
import type { UnitOfficers } from '../../identity/users/index.js';
import type { AuditService } from '../../platform/audit/index.js';
import type { AgreementsService } from '../../training/agreements/index.js';
import { unitTrainingLookup } from '../../training/attendance/index.js';
import { canProposeFor, canReadUnit, canUseRestructuring } from '../reorg/index.js';
import * as m from './messages.js';
import type { PopulationRow, UnitProfilesRepository } from './repository.js';

export const currentYearOf = (clock: Clock) => Number(romeToday(clock.now()).slice(0, 4));
export const isStale = (year: number, currentYear: number) => currentYear - year > STALE_AFTER_YEARS;

const toContact = (c: Contact & Record<string, unknown>): Contact => ({
  id: c.id,
  name: c.name,
  role: c.role,
  email: c.email,
  phone: c.phone,
});
const toPopulation = (p: PopulationRow) => ({
  year: p.year,
  population: p.population,
  source: p.source,
  updatedAt: p.updatedAt.toISOString(),
});

/**
 * A unit's profile: its ISTAT identity, resident population by year and its band, contacts, staff
 * size, its officers and Convenzioni. Read by whoever may read the unit (another unit is 404 to an
 * officer); kept by its officers and the task force.
 */
export function createUnitProfilesService(deps: {
  db: Db;
  repo: UnitProfilesRepository;
  clock: Clock;
  audit: AuditService;
  officers: UnitOfficers;
  agreements: Pick<AgreementsService, 'ofUnit'>;
}) {
  const { db, repo, clock, audit } = deps;

  /** The unit, when the caller may see it: 403 outside the restructuring pages, 404 outside scope. */
  async function readable(tx: Db, ctx: RequestContext, unitId: number) {
    if (!canUseRestructuring(ctx.actor)) throw errors.forbidden();
    const unit = canReadUnit(ctx.actor, unitId) ? await repo.unit(tx, unitId) : undefined;
    if (!unit) throw errors.notFound(m.UNIT);
    return unit;
  }
  async function editable(tx: Db, ctx: RequestContext, unitId: number) {
    const unit = await readable(tx, ctx, unitId);
    if (!canProposeFor(ctx.actor, unitId)) throw errors.forbidden();
    return unit;
  }

  async function get(ctx: RequestContext, unitId: number): Promise<UnitProfile> {
    const unit = await readable(db, ctx, unitId);
    const currentYear = currentYearOf(clock);
    const [pops, details, contacts, officers, agreements, thresholds, training, plan] = await Promise.all([
      repo.populations(db, unitId),
      repo.details(db, unitId),
      repo.contacts(db, unitId),
      deps.officers.officersOf(db, unitId),
      deps.agreements.ofUnit(db, unitId),
      repo.thresholds(db),
      unitTrainingLookup.yearOf(db, unitId, currentYear),
      trainingPlanLookup.latestOf(db, unitId, 0),
    ]);
    const latest = pops[0];
    const stale = latest ? isStale(latest.year, currentYear) : false;
    const band = latest ? thresholdFor(thresholds, unit.unitType, latest.population, currentYear) : null;
    return {
      unit,
      currentYear,
      population: latest ? { ...toPopulation(latest), stale } : null,
      populations: pops.map(toPopulation),
      band:
        band && latest
          ? {
              minPopulation: band.minPopulation,
              maxPopulation: band.maxPopulation,
              thresholdBp: band.thresholdBp,
              source: band.source,
              populationYear: latest.year,
              stale,
            }
          : null,
      details: {
        staffCount: details?.staffCount ?? null,
        staffCountYear: details?.staffCountYear ?? null,
        pec: details?.pec ?? null,
        phone: details?.phone ?? null,
        website: details?.website ?? null,
        address: details?.address ?? null,
        notes: details?.notes ?? '',
        updatedAt: details?.updatedAt.toISOString() ?? null,
      },
      contacts: contacts.map(toContact),
      officers,
      agreements: agreements.map((a) => ({
        id: a.id,
        serviceModelCode: a.serviceModelCode,
        serviceModelName: a.serviceModelName,
        signedOn: a.signedOn,
        validFrom: a.validFrom,
        validTo: a.validTo,
        active: a.active,
      })),
      training: { year: currentYear, ...training },
      trainingPlan: plan
        ? { id: plan.id, year: plan.year, status: plan.status, lineCount: plan.lineCount }
        : null,
      canEdit: canProposeFor(ctx.actor, unitId),
    };
  }

  return {
    get,

    async saveDetails(ctx: RequestContext, unitId: number, input: z.infer<typeof profileDetailsInput>) {
      const actor = requireActor(ctx);
      await db.transaction(async (tx) => {
        await editable(tx, ctx, unitId);
        await repo.saveDetails(tx, { unitId, ...input, updatedBy: actor.id });
        await audit.record(tx, ctx, {
          action: 'unit_profile.updated',
          entityType: 'unit_profile',
          entityId: unitId,
          unitId,
          details: input,
        });
      });
      return get(ctx, unitId);
    },

    async savePopulation(
      ctx: RequestContext,
      unitId: number,
      year: number,
      input: z.infer<typeof populationInput>,
    ) {
      const actor = requireActor(ctx);
      await db.transaction(async (tx) => {
        await editable(tx, ctx, unitId);
        await repo.upsertPopulation(tx, { unitId, year, ...input, enteredBy: actor.id });
        await audit.record(tx, ctx, {
          action: 'unit_population.saved',
          entityType: 'unit_population',
          entityId: `${unitId}/${year}`,
          unitId,
          details: { year, ...input },
        });
      });
      return get(ctx, unitId);
    },

    async deletePopulation(ctx: RequestContext, unitId: number, year: number) {
      await db.transaction(async (tx) => {
        await editable(tx, ctx, unitId);
        if (!(await repo.deletePopulation(tx, unitId, year))) throw errors.notFound(m.POPULATION);
        await audit.record(tx, ctx, {
          action: 'unit_population.deleted',
          entityType: 'unit_population',
          entityId: `${unitId}/${year}`,
          unitId,
        });
      });
      return get(ctx, unitId);
    },

    async addContact(ctx: RequestContext, unitId: number, input: z.infer<typeof contactInput>) {
      return db.transaction(async (tx) => {
        await editable(tx, ctx, unitId);
        const row = await repo.insertContact(tx, { unitId, ...input });
        await audit.record(tx, ctx, {
          action: 'unit_contact.created',
          entityType: 'unit_contact',
          entityId: row.id,
          unitId,
          details: input,
        });
        return toContact(row);
      });
    },

    async updateContact(
      ctx: RequestContext,
      unitId: number,
      id: number,
      input: z.infer<typeof contactInput>,
    ) {
      return db.transaction(async (tx) => {
        await editable(tx, ctx, unitId);
        const row = await repo.updateContact(tx, unitId, id, input);
        if (!row) throw errors.notFound(m.CONTACT);
        await audit.record(tx, ctx, {
          action: 'unit_contact.updated',
          entityType: 'unit_contact',
          entityId: id,
          unitId,
          details: input,
        });
        return toContact(row);
      });
    },

    async deleteContact(ctx: RequestContext, unitId: number, id: number) {
      await db.transaction(async (tx) => {
        await editable(tx, ctx, unitId);
        const row = await repo.deleteContact(tx, unitId, id);
        if (!row) throw errors.notFound(m.CONTACT);
        await audit.record(tx, ctx, {
          action: 'unit_contact.deleted',
          entityType: 'unit_contact',
          entityId: id,
          unitId,
          details: { name: row.name },
        });
      });
      return { ok: true as const };
    },
  };
}

export type UnitProfilesService = ReturnType<typeof createUnitProfilesService>;
