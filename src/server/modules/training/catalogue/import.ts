import type { z } from 'zod';
import { editionInput, type scheduleImportReport, sessionInput } from '../../../../common/catalogue.js';
import { romeInstant } from '../../../../common/rome-time.js';
import type { Db } from '../../../db/client.js';
import { readCsv } from '../../../kernel/csv.js';
import { AppError, errors, type Lang } from '../../../kernel/errors.js';
import type { RequestContext } from '../../../kernel/principal.js';
import type { UnitLookup } from '../../identity/units/index.js';
import type { EditionsService } from './editions-service.js';
import type { PathsRepository } from './paths-repository.js';
import { canManageCatalogue } from './policy.js';

type Report = z.infer<typeof scheduleImportReport>;
const COLUMNS = [
  'path_slug',
  'edition_title',
  'starts_on',
  'ends_on',
  'capacity',
  'enrolment_opens',
  'enrolment_closes',
  'venue_name',
  'venue_address',
  'venue_unit_istat',
  'session_title',
  'session_start',
  'session_end',
  'mode',
  'room',
];
const MAX_ROWS = 5000;

/** "2026-03-29 09:00" (Europe/Rome) → ISO instant; undefined when it is not such a time. */
function romeTime(value: string | undefined): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})$/.exec(value?.trim() ?? '');
  if (!m) return undefined;
  try {
    return romeInstant(m[1] as string, m[2] as string).toISOString();
  } catch {
    return undefined;
  }
}

function messageOf(err: unknown, lang: Lang): string[] {
  if (err instanceof AppError) return [err.messages[lang].replace(/\.$/, '')];
  const issues = (err as { issues?: { path: PropertyKey[]; message: string }[] }).issues;
  if (issues) return issues.map((i) => `${String(i.path[0] ?? '')}: ${i.message}`);
  throw err;
}

/**
 * Imports editions with their sessions. Rows with the same path and edition title form one edition,
 * created as a draft in one transaction with all its sessions: a bad row stops its edition only, and
 * the report gives each bad row's line and reasons.
 */
export async function importSchedule(
  deps: { db: Db; paths: PathsRepository; units: UnitLookup; editions: EditionsService },
  ctx: RequestContext,
  text: string,
): Promise<Report> {
  if (!canManageCatalogue(ctx.actor)) throw errors.forbidden();
  const lang = ctx.lang;
  const records = readCsv(text);
  const missing = COLUMNS.filter((c) => !Object.keys(records[0] ?? {}).includes(c));
  if (!records.length || missing.length)
    throw errors.badRequest('INVALID_CSV', {
      it: `Intestazione attesa: ${COLUMNS.join(',')}${missing.length ? ` (mancano: ${missing.join(', ')})` : ''}; servono righe di dati.`,
      en: `Expected header: ${COLUMNS.join(',')}${missing.length ? ` (missing: ${missing.join(', ')})` : ''}; data rows are needed.`,
    });
  if (records.length > MAX_ROWS)
    throw errors.badRequest('INVALID_CSV', {
      it: `Al massimo ${MAX_ROWS} righe per file.`,
      en: `At most ${MAX_ROWS} rows per file.`,
    });

  const groups = new Map<string, { row: number; rec: Record<string, string> }[]>();
  records.forEach((rec, i) => {
    const key = `${rec.path_slug}\u0000${rec.edition_title}`;
    groups.set(key, [...(groups.get(key) ?? []), { row: i + 2, rec }]);
  });

  const report: Report = { editionsCreated: 0, sessionsCreated: 0, failed: 0, errors: [] };
  for (const rows of groups.values()) {
    const first = rows[0]?.rec as Record<string, string>;
    const problems = new Map<number, string[]>();
    const note = (row: number, msgs: string[]) => problems.set(row, [...(problems.get(row) ?? []), ...msgs]);
    try {
      await deps.db.transaction(async (tx) => {
        const path = await deps.paths.findBySlug(tx, first.path_slug ?? '');
        if (!path)
          note(rows[0]?.row ?? 0, [
            lang === 'en' ? `unknown path "${first.path_slug}"` : `percorso sconosciuto "${first.path_slug}"`,
          ]);
        const unit = first.venue_unit_istat
          ? await deps.units.findCurrentByIstat(tx, first.venue_unit_istat.padStart(3, '0'))
          : null;
        if (first.venue_unit_istat && !unit)
          note(rows[0]?.row ?? 0, [
            lang === 'en'
              ? `unknown ISTAT unit code "${first.venue_unit_istat}"`
              : `codice ISTAT sconosciuto "${first.venue_unit_istat}"`,
          ]);
        const edition = editionInput.safeParse({
          pathId: path?.id ?? 0,
          title: first.edition_title,
          startsOn: first.starts_on,
          endsOn: first.ends_on,
          capacity: Number(first.capacity),
          enrolmentOpensAt: romeTime(first.enrolment_opens),
          enrolmentClosesAt: romeTime(first.enrolment_closes),
          online: !first.venue_name,
          venueName: first.venue_name || null,
          venueAddress: first.venue_address || null,
          venueUnitId: unit?.id ?? null,
        });
        if (!edition.success) note(rows[0]?.row ?? 0, messageOf(edition.error, lang));
        if (problems.size || !edition.success) throw new Error('skip');
        const created = await deps.editions.createIn(tx, ctx, edition.data).catch((err) => {
          note(rows[0]?.row ?? 0, messageOf(err, lang));
          throw new Error('skip');
        });
        const editionId = created.id;
        for (const { row, rec } of rows) {
          const s = sessionInput.safeParse({
            title: rec.session_title,
            startsAt: romeTime(rec.session_start),
            endsAt: romeTime(rec.session_end),
            mode: rec.mode,
            room: rec.room || null,
          });
          if (!s.success) {
            note(row, messageOf(s.error, lang));
            continue;
          }
          await deps.editions
            .addSession(ctx, editionId, s.data, tx)
            .catch((err) => note(row, messageOf(err, lang)));
        }
        if (problems.size) throw new Error('skip');
      });
      report.editionsCreated++;
      report.sessionsCreated += rows.length;
    } catch (err) {
      if ((err as Error).message !== 'skip') throw err;
      for (const { row } of rows) {
        const msgs = problems.get(row);
        report.failed++;
        report.errors.push({
          row,
          messages: msgs ?? [
            lang === 'en'
              ? 'not imported: another row of the same edition has errors'
              : 'non importata: un’altra riga della stessa edizione ha errori',
          ],
        });
      }
    }
  }
  report.errors.sort((a, b) => a.row - b.row);
  return report;
}

/** The schedule import bound to its dependencies, as routes call it. */
export type ScheduleImport = (ctx: RequestContext, text: string) => Promise<Report>;
