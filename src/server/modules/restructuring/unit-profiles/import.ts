import { z } from 'zod';
import { text as textField } from '../../../../common/primitives.js';
import { defaultPopulationSource, type PopulationImportReport } from '../../../../common/unit-profiles.js';
import type { Db } from '../../../db/client.js';
import { readCsv } from '../../../kernel/csv.js';
import { errors } from '../../../kernel/errors.js';
import { type RequestContext, requireActor } from '../../../kernel/principal.js';
import type { AuditService } from '../../platform/audit/index.js';
import { isTaskForce } from '../reorg/index.js';
import { columnsOf, isTotalAge, istatTable, readCode, readPopulation, yearInTitle } from './istat-csv.js';
import type { UnitProfilesRepository } from './repository.js';

export const MAX_POPULATION_ROWS = 5000;
const importYear = z.coerce.number().int().min(1900).max(2999);
const importSource = textField(300).min(2);

/**
 * Imports ISTAT's resident population by province for one year: each row is matched by its province
 * code (a Città metropolitana's code is its province code + 200: both are matched) and written per
 * (unit, year), replacing that year's figure. All the rows go in one transaction with one audit record;
 * the report says, per row, what was not imported and why.
 */
export async function importPopulations(
  deps: { db: Db; repo: UnitProfilesRepository; audit: AuditService },
  ctx: RequestContext,
  text: string,
  form: { year: string | undefined; source: string | undefined },
): Promise<PopulationImportReport> {
  const actor = requireActor(ctx);
  if (!isTaskForce(actor)) throw errors.forbidden();
  const year = importYear.safeParse(form.year?.trim() ? form.year : yearInTitle(text));
  if (!year.success)
    throw errors.badRequest(
      'VALIDATION_ERROR',
      {
        it: 'Indica l’anno a cui si riferisce la popolazione (1900–2999).',
        en: 'Give the year the population refers to (1900–2999).',
      },
      ['year'],
    );
  const source = importSource.safeParse(
    form.source?.trim() ? form.source : defaultPopulationSource(year.data),
  );
  if (!source.success)
    throw errors.badRequest(
      'VALIDATION_ERROR',
      { it: 'Fonte non valida (2–300 caratteri).', en: 'Invalid source (2–300 characters).' },
      ['source'],
    );
  return importRows(deps, ctx, actor.id, text, year.data, source.data);
}

async function importRows(
  deps: { db: Db; repo: UnitProfilesRepository; audit: AuditService },
  ctx: RequestContext,
  actorId: string,
  text: string,
  year: number,
  source: string,
): Promise<PopulationImportReport> {
  const { table, headerLine } = istatTable(text);
  const records = readCsv(table);
  if (!records.length)
    throw errors.badRequest('INVALID_CSV', {
      it: 'Il file non ha righe di dati.',
      en: 'The file has no data rows.',
    });
  if (records.length > MAX_POPULATION_ROWS)
    throw errors.badRequest('INVALID_CSV', {
      it: `Al massimo ${MAX_POPULATION_ROWS} righe per file.`,
      en: `At most ${MAX_POPULATION_ROWS} rows per file.`,
    });
  const cols = columnsOf(Object.keys(records[0] as object));
  const lang = ctx.lang;
  const report: PopulationImportReport = { year, source, imported: 0, skipped: 0, failed: 0, errors: [] };

  return deps.db.transaction(async (tx) => {
    const units = await deps.repo.unitsByCode(tx);
    const byCode = new Map<string, number>();
    // Current units first, so that an expired unit never takes a code from its successor.
    for (const u of [...units].sort((a, b) => Number(a.validTo === null) - Number(b.validTo === null))) {
      byCode.set(u.istatCode, u.id);
      byCode.set(u.provinceCode, u.id);
    }
    const seen = new Map<number, number>();
    for (const [i, rec] of records.entries()) {
      const row = headerLine + i + 1;
      if (cols.age && !isTotalAge(rec[cols.age])) continue;
      const raw = cols.code ? rec[cols.code] : undefined;
      const code = readCode(raw);
      if (code.kind === 'summary') {
        report.skipped++;
        continue;
      }
      const fail = (it: string, en: string) => {
        report.failed++;
        report.errors.push({ row, code: raw ?? null, messages: [lang === 'en' ? en : it] });
      };
      if (code.kind === 'unknown') {
        fail(`codice territoriale non riconosciuto "${raw}"`, `territory code not recognised "${raw}"`);
        continue;
      }
      const unitId = byCode.get(code.code);
      if (!unitId) {
        fail(`nessun ente con il codice ISTAT ${code.code}`, `no unit has ISTAT code ${code.code}`);
        continue;
      }
      const population = readPopulation(cols.total ? rec[cols.total] : undefined);
      if (typeof population !== 'number') {
        fail(population.it, population.en);
        continue;
      }
      const earlier = seen.get(unitId);
      if (earlier !== undefined) {
        fail(
          `ente già presente alla riga ${earlier}: la riga è ignorata`,
          `unit already on row ${earlier}: the row is ignored`,
        );
        continue;
      }
      seen.set(unitId, row);
      await deps.repo.upsertPopulation(tx, { unitId, year, population, source, enteredBy: actorId });
      report.imported++;
    }
    await deps.audit.record(tx, ctx, {
      action: 'unit_population.imported',
      entityType: 'unit_population',
      details: { year, source, imported: report.imported, failed: report.failed, skipped: report.skipped },
    });
    return report;
  });
}

/** The import bound to its dependencies, as routes call it. */
export type PopulationImport = (
  ctx: RequestContext,
  text: string,
  form: { year: string | undefined; source: string | undefined },
) => Promise<PopulationImportReport>;
