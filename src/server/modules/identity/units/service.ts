import type { z } from 'zod';
import type { Unit, UnitInput, unitListQuery } from '../../../../common/units.js';
import type { Db } from '../../../db/client.js';
import { isUniqueViolation } from '../../../db/sql.js';
import { changedFields } from '../../../kernel/changes.js';
import { errors, type Lang } from '../../../kernel/errors.js';
import type { RequestContext } from '../../../kernel/principal.js';
import type { AuditService } from '../../platform/audit/index.js';
import { canManageUnits } from './policy.js';
import type { UnitRow, UnitsRepository } from './repository.js';

const UNIT = { it: 'Unità territoriale', en: 'Territorial unit' };

export function toUnit(r: UnitRow): Unit {
  return {
    id: r.id,
    istatCode: r.istatCode,
    provinceCode: r.provinceCode,
    name: r.name,
    sigla: r.sigla,
    regionCode: r.regionCode,
    regionName: r.regionName,
    unitType: r.unitType,
    regionStatute: r.regionStatute,
    programmePhase: r.programmePhase,
    inProgramme: r.inProgramme,
    validFrom: r.validFrom,
    validTo: r.validTo,
  };
}

/** A unit is in the national programme when it has a programme phase (1: 76 Provinces, 2: 10 of the islands). */
function withDerived(input: Partial<UnitInput>) {
  return input.programmePhase === undefined
    ? input
    : { ...input, inProgramme: input.programmePhase !== null };
}

function checkDates(from: string | null | undefined, to: string | null | undefined) {
  if (from && to && to < from)
    throw errors.badRequest(
      'INVALID_DATES',
      { it: 'La fine validità precede l’inizio.', en: 'The end of validity is before its start.' },
      ['validTo'],
    );
}

const duplicate = () =>
  errors.conflict('UNIT_EXISTS', {
    it: 'Esiste già un’unità con questo codice ISTAT e questa data di inizio validità.',
    en: 'A unit with this ISTAT code and start of validity already exists.',
  });

export type UnitsService = ReturnType<typeof createUnitsService>;

export function createUnitsService(deps: { db: Db; repo: UnitsRepository; audit: AuditService }) {
  const { db, repo, audit } = deps;
  return {
    async list(q: z.infer<typeof unitListQuery>) {
      const { rows, total } = await repo.list(
        db,
        {
          q: q.q,
          region: q.region,
          inProgramme: q.inProgramme === undefined ? undefined : q.inProgramme === 'true',
          includeExpired: q.includeExpired === 'true',
        },
        q.page,
        q.pageSize,
      );
      return { items: rows.map(toUnit), total, page: q.page, pageSize: q.pageSize };
    },

    async get(id: number) {
      const row = await repo.findById(db, id);
      if (!row) throw errors.notFound(UNIT);
      return toUnit(row);
    },

    async create(ctx: RequestContext, input: UnitInput) {
      if (!canManageUnits(ctx.actor)) throw errors.forbidden();
      checkDates(input.validFrom, input.validTo);
      try {
        return await db.transaction(async (tx) => {
          const row = await repo.insert(tx, { ...input, inProgramme: input.programmePhase !== null });
          await audit.record(tx, ctx, {
            action: 'unit.created',
            entityType: 'unit',
            entityId: row.id,
            unitId: row.id,
            details: input,
          });
          return toUnit(row);
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw duplicate();
        throw err;
      }
    },

    async update(ctx: RequestContext, id: number, patch: Partial<UnitInput>) {
      if (!canManageUnits(ctx.actor)) throw errors.forbidden();
      try {
        return await db.transaction(async (tx) => {
          const before = await repo.findById(tx, id);
          if (!before) throw errors.notFound(UNIT);
          checkDates(
            patch.validFrom === undefined ? before.validFrom : patch.validFrom,
            patch.validTo === undefined ? before.validTo : patch.validTo,
          );
          const row = await repo.update(tx, id, withDerived(patch));
          if (!row) throw errors.notFound(UNIT);
          const changed = changedFields(before, patch);
          await audit.record(tx, ctx, {
            action: 'unit.updated',
            entityType: 'unit',
            entityId: id,
            unitId: id,
            details: changed,
          });
          return toUnit(row);
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw duplicate();
        throw err;
      }
    },

    async reference(lang: Lang) {
      const ref = await repo.reference(db);
      const name = (r: { code: string; nameIt: string; nameEn: string }) => ({
        code: r.code,
        name: lang === 'en' ? r.nameEn : r.nameIt,
      });
      return {
        domains: ref.domains.map(name),
        serviceModels: ref.serviceModels.map(name),
        jobProfiles: ref.jobProfiles.map(name),
      };
    },
  };
}
