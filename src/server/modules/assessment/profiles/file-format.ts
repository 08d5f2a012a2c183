import { PROFILE_CSV_COLUMNS } from '../../../../common/profiles.js';
import { readCsv, rowProblem, shapeProblems, writeCsv } from '../../../kernel/csv.js';
import { errors } from '../../../kernel/errors.js';
import type { Problem } from './messages.js';

/**
 * The CSV of a job profile's levels (national, or one unit's overrides): columns job_profile,
 * competency_code, level (0..3; empty removes the level). Reading gives every row's problem with its
 * row number, so the whole file can be fixed at once; the service applies a file only when it has none.
 */

const MAX_ROWS = 5000;
const CODE = /^[A-Za-z0-9]+([._-][A-Za-z0-9]+)*$/;

export type ProfileRow = { row: number; competencyCode: string; level: number | null };

/** The upload as text: UTF-8 CSV named .csv; anything else (binary, another encoding) is refused. */
export function readUpload(buffer: Buffer, filename: string): string {
  const refused = (it: string, en: string) => errors.badRequest('UNSUPPORTED_FILE', { it, en }, ['file']);
  if (!/\.csv$/i.test(filename))
    throw refused(
      `Formato non ammesso "${filename}": carica un file .csv.`,
      `Format not allowed "${filename}": upload a .csv file.`,
    );
  try {
    if (buffer.includes(0)) throw new Error('binary');
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer).replace(/^\uFEFF/, '');
  } catch {
    throw refused(
      `Il file "${filename}" non è un testo CSV: salvalo come CSV in UTF-8.`,
      `The file "${filename}" is not CSV text: save it as UTF-8 CSV.`,
    );
  }
}

/**
 * Reads the rows of one job profile's file. `known(code, level)` says whether a competency may take
 * that level (a published competency; a code kept from an older version only to be removed).
 */
export function readProfileCsv(
  text: string,
  jobProfileCode: string,
  known: (code: string, level: number | null) => boolean,
): { ok: true; rows: ProfileRow[] } | { ok: false; problems: Problem[] } {
  const records = readCsv(text);
  const shape = shapeProblems(records, PROFILE_CSV_COLUMNS, MAX_ROWS);
  if (shape.length) return { ok: false, problems: shape };

  const problems: Problem[] = [];
  const rows: ProfileRow[] = [];
  const seen = new Map<string, number>();
  records.forEach((rec, i) => {
    const row = i + 2;
    const before = problems.length;
    const profile = rec.job_profile ?? '';
    const code = rec.competency_code ?? '';
    const levelText = rec.level ?? '';
    if (profile !== jobProfileCode)
      problems.push(
        rowProblem(row, 'job_profile', {
          it: `"${profile}" non è il profilo di questa pagina (${jobProfileCode})`,
          en: `"${profile}" is not this page's profile (${jobProfileCode})`,
        }),
      );
    const level = levelText === '' ? null : /^[0-3]$/.test(levelText) ? Number(levelText) : undefined;
    if (level === undefined)
      problems.push(
        rowProblem(row, 'level', {
          it: `"${levelText}" non è un livello: 0, 1, 2 o 3 (vuoto toglie il livello)`,
          en: `"${levelText}" is not a level: 0, 1, 2 or 3 (empty removes the level)`,
        }),
      );
    if (!code) problems.push(rowProblem(row, 'competency_code', { it: 'obbligatorio', en: 'required' }));
    else if (!CODE.test(code) || code.length > 40 || (level !== undefined && !known(code, level)))
      problems.push(
        rowProblem(row, 'competency_code', {
          it: `"${code}" non è una competenza del quadro pubblicato`,
          en: `"${code}" is not a competency of the published framework`,
        }),
      );
    else if (seen.has(code))
      problems.push(
        rowProblem(row, 'competency_code', {
          it: `"${code}" compare già alla riga ${seen.get(code)}`,
          en: `"${code}" is already on row ${seen.get(code)}`,
        }),
      );
    if (code) seen.set(code, seen.get(code) ?? row);
    if (problems.length === before && level !== undefined) rows.push({ row, competencyCode: code, level });
  });
  return problems.length ? { ok: false, problems } : { ok: true, rows };
}

/** A profile's levels as CSV (readCsv reads it back unchanged). */
export function writeProfileCsv(
  jobProfileCode: string,
  levels: readonly { competencyCode: string; level: number }[],
): string {
  return writeCsv(
    PROFILE_CSV_COLUMNS,
    levels.map((l) => [jobProfileCode, l.competencyCode, String(l.level)]),
  );
}
