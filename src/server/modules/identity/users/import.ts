import type { ImportReport } from '../../../../common/users.js';
import { inviteBody } from '../../../../common/users.js';
import type { Db } from '../../../db/client.js';
import { readCsv } from '../../../kernel/csv.js';
import { AppError, errors, type Lang } from '../../../kernel/errors.js';
import { type RequestContext, requireActor, unitsWithRole } from '../../../kernel/principal.js';
import type { UnitLookup } from '../units/index.js';
import type { UsersService } from './service.js';

export const MAX_IMPORT_ROWS = 2000;
const REQUIRED = ['email', 'name'] as const;
const KNOWN = ['email', 'name', 'unit_istat_code', 'job_profile_code'];

const badFile = (it: string, en: string) => errors.badRequest('INVALID_CSV', { it, en });

/** Reads the upload and checks its header and size. */
export function parseUsersCsv(text: string): Record<string, string>[] {
  const records = readCsv(text);
  const header = records.length ? Object.keys(records[0] as object) : [];
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (records.length && missing.length)
    throw badFile(
      `Mancano le colonne obbligatorie: ${missing.join(', ')}. Intestazione attesa: ${KNOWN.join(',')}`,
      `Missing required columns: ${missing.join(', ')}. Expected header: ${KNOWN.join(',')}`,
    );
  if (!records.length) throw badFile('Il file non contiene righe di dati.', 'The file has no data rows.');
  if (records.length > MAX_IMPORT_ROWS)
    throw badFile(
      `Il file ha più di ${MAX_IMPORT_ROWS} righe: dividilo in più file.`,
      `The file has more than ${MAX_IMPORT_ROWS} rows: split it.`,
    );
  return records;
}

/**
 * Invites every valid row; each row commits on its own, so one bad row never blocks the others,
 * and the report says, per line, what was wrong.
 */
export async function importUsers(
  deps: { db: Db; units: UnitLookup; users: UsersService },
  ctx: RequestContext,
  text: string,
  defaultUnitId: number | null,
): Promise<ImportReport> {
  const actor = requireActor(ctx);
  const lang: Lang = ctx.lang;
  const records = parseUsersCsv(text);
  // An officer of exactly one Province may leave the unit column empty.
  const officerUnits = unitsWithRole(actor, 'province_officer');
  const fallbackUnit = defaultUnitId ?? (officerUnits.length === 1 ? (officerUnits[0] ?? null) : null);
  const seen = new Set<string>();
  const report: ImportReport = { created: 0, failed: 0, errors: [] };

  for (const [i, rec] of records.entries()) {
    const row = i + 2;
    const messages: string[] = [];
    const email = rec.email?.toLowerCase() || null;
    let unitId = fallbackUnit;
    const code = rec.unit_istat_code ? rec.unit_istat_code.padStart(3, '0') : null;
    if (code) {
      const unit = await deps.units.findCurrentByIstat(deps.db, code);
      if (unit) unitId = unit.id;
      else
        messages.push(
          lang === 'en'
            ? `unknown ISTAT unit code "${rec.unit_istat_code}"`
            : `codice ISTAT di unità sconosciuto "${rec.unit_istat_code}"`,
        );
    }
    const parsed = inviteBody.safeParse({
      email: rec.email ?? '',
      name: rec.name ?? '',
      unitId,
      jobProfileCode: rec.job_profile_code || null,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) messages.push(fieldMessage(String(issue.path[0]), lang));
    } else if (seen.has(parsed.data.email)) {
      messages.push(
        lang === 'en'
          ? 'e-mail repeated earlier in the file'
          : 'e-mail già presente in una riga precedente del file',
      );
    }
    if (email) seen.add(email);
    if (!messages.length && parsed.success) {
      try {
        await deps.users.createInvited(ctx, parsed.data, 'csv');
        report.created++;
        continue;
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        messages.push(err.messages[lang].replace(/\.$/, ''));
      }
    }
    report.failed++;
    report.errors.push({ row, email, messages });
  }
  return report;
}

function fieldMessage(field: string, lang: Lang): string {
  const it: Record<string, string> = {
    email: 'indirizzo e-mail non valido',
    name: 'nome mancante o troppo corto',
    unitId: 'unità territoriale mancante',
    jobProfileCode: 'codice del profilo professionale non valido',
  };
  const en: Record<string, string> = {
    email: 'invalid e-mail address',
    name: 'name missing or too short',
    unitId: 'territorial unit missing',
    jobProfileCode: 'invalid job profile code',
  };
  return (
    (lang === 'en' ? en : it)[field] ?? (lang === 'en' ? `invalid ${field}` : `campo ${field} non valido`)
  );
}

/** The CSV import bound to its dependencies, as routes call it. */
export type UsersImport = (ctx: RequestContext, text: string, unitId: number | null) => Promise<ImportReport>;
