import type { z } from 'zod';
import type { Agreement, agreementInput, agreementQuery } from '../../../../common/catalogue.js';
import type { Db } from '../../../db/client.js';
import { errors } from '../../../kernel/errors.js';
import type { RequestContext } from '../../../kernel/principal.js';
import type { UnitLookup } from '../../identity/units/index.js';
import type { AuditService } from '../../platform/audit/index.js';
import { canManageAgreements } from './policy.js';
import type { AgreementsRepository } from './repository.js';

type Input = z.infer<typeof agreementInput>;
const AGREEMENT = { it: 'Convenzione', en: 'Agreement' };

function toAgreement(r: NonNullable<Awaited<ReturnType<AgreementsRepository['get']>>>): Agreement {
  const a = r.agreement;
  return {
    id: a.id,
    unitId: a.unitId,
    unitName: r.unitName,
    serviceModelCode: a.serviceModelCode,
    serviceModelName: r.serviceModelName,
    signedOn: a.signedOn,
    actReference: a.actReference,
    validFrom: a.validFrom,
    validTo: a.validTo,
    notes: a.notes,
    active: !!r.active,
  };
}

export type AgreementsService = ReturnType<typeof createAgreementsService>;

export function createAgreementsService(deps: {
  db: Db;
  repo: AgreementsRepository;
  units: UnitLookup;
  audit: AuditService;
}) {
  const { db, repo, audit } = deps;

  async function validate(tx: Db, input: Input) {
    if (!(await deps.units.findById(tx, input.unitId)))
      throw errors.badRequest(
        'UNKNOWN_UNIT',
        { it: 'Unità territoriale sconosciuta.', en: 'Unknown territorial unit.' },
        ['unitId'],
      );
    if (!(await repo.serviceModelExists(tx, input.serviceModelCode)))
      throw errors.badRequest(
        'UNKNOWN_SERVICE_MODEL',
        { it: 'Modello di servizio sconosciuto.', en: 'Unknown service model.' },
        ['serviceModelCode'],
      );
    if (input.validTo && input.validTo < input.validFrom)
      throw errors.badRequest(
        'INVALID_DATES',
        { it: 'La fine validità precede l’inizio.', en: 'The end of validity is before its start.' },
        ['validTo'],
      );
  }

  return {
    /** Units with a Convenzione for the service model active today (the paths it opens). */
    unitsWithActiveAgreement(tx: Db, serviceModelCode: string) {
      return deps.repo.unitsWithActiveAgreement(tx, serviceModelCode);
    },

    /** A unit's Convenzioni, for its profile (the caller has already checked who may read the unit). */
    async ofUnit(tx: Db, unitId: number): Promise<Agreement[]> {
      const { rows } = await repo.list(tx, { unitId }, 1, 200);
      return rows.map(toAgreement);
    },

    async list(ctx: RequestContext, q: z.infer<typeof agreementQuery>) {
      if (!canManageAgreements(ctx.actor)) throw errors.forbidden();
      const { rows, total } = await repo.list(
        db,
        { unitId: q.unitId, serviceModel: q.serviceModel },
        q.page,
        q.pageSize,
      );
      return { items: rows.map(toAgreement), total, page: q.page, pageSize: q.pageSize };
    },

    async create(ctx: RequestContext, input: Input) {
      if (!canManageAgreements(ctx.actor)) throw errors.forbidden();
      return db.transaction(async (tx) => {
        await validate(tx, input);
        const row = await repo.insert(tx, { ...input, notes: input.notes ?? null });
        await audit.record(tx, ctx, {
          action: 'agreement.created',
          entityType: 'agreement',
          entityId: row.id,
          unitId: row.unitId,
          details: input,
        });
        return toAgreement(
          (await repo.get(tx, row.id)) as NonNullable<Awaited<ReturnType<AgreementsRepository['get']>>>,
        );
      });
    },

    async update(ctx: RequestContext, id: number, input: Input) {
      if (!canManageAgreements(ctx.actor)) throw errors.forbidden();
      return db.transaction(async (tx) => {
        const before = await repo.get(tx, id);
        if (!before) throw errors.notFound(AGREEMENT);
        await validate(tx, input);
        await repo.update(tx, id, { ...input, notes: input.notes ?? null });
        await audit.record(tx, ctx, {
          action: 'agreement.updated',
          entityType: 'agreement',
          entityId: id,
          unitId: input.unitId,
          details: { before: before.agreement, after: input },
        });
        return toAgreement(
          (await repo.get(tx, id)) as NonNullable<Awaited<ReturnType<AgreementsRepository['get']>>>,
        );
      });
    },
  };
}
