import type { Bilingual } from '../../../kernel/errors.js';
import { errors } from '../../../kernel/errors.js';

/**
 * Reading ISTAT's "Popolazione residente al 1° gennaio" by province as it is really exported: title
 * lines before the header, ';' or ',' separated, quoted cells, a BOM, thousands written "1.234.567",
 * one row per age (keep the total, "999" or "Totale") and summary rows (Italy, regions) to leave out.
 */

/** Header names (lower case) that hold the territory code, best first. */
const CODE_COLUMNS = [
  'codice provincia',
  'cod. provincia',
  'codice istat',
  'codice uts',
  'itter107',
  'codice',
];
/** Header names that hold the total population, best first. */
const TOTAL_COLUMNS = [
  'totale',
  'popolazione',
  'popolazione residente',
  'value',
  'valore',
  'totale maschi e femmine',
];
const AGE_COLUMNS = ['età', 'eta', 'classe di età'];

const normal = (h: string) => h.trim().toLowerCase().normalize('NFC');

/** Where the header is: the first line naming both a code and a total column. */
export function headerAt(lines: readonly string[]): number {
  return lines.findIndex((line) => {
    const cells = line.split(/[;,]/).map((c) => normal(c.replaceAll('"', '')));
    return cells.some((c) => CODE_COLUMNS.includes(c)) && cells.some((c) => TOTAL_COLUMNS.includes(c));
  });
}

/**
 * The text from the header on, without title lines above it nor note lines (no separator) below it,
 * and the header's line number in the file, so that rows are reported by the file's own numbering.
 */
export function istatTable(text: string): { table: string; headerLine: number } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const at = headerAt(lines);
  if (at < 0)
    throw errors.badRequest('INVALID_CSV', {
      it: `Intestazione non trovata: servono una colonna del codice territoriale (${CODE_COLUMNS.join(', ')}) e una della popolazione totale (${TOTAL_COLUMNS.join(', ')}).`,
      en: `Header not found: a territory code column (${CODE_COLUMNS.join(', ')}) and a total population column (${TOTAL_COLUMNS.join(', ')}) are needed.`,
    });
  const header = lines[at] as string;
  // The same choice of separator as the kernel's reader makes on the header line.
  const sep = (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ';' : ',';
  const table = lines
    .slice(at)
    .filter((l, i) => i === 0 || l.includes(sep))
    .join('\n');
  return { table, headerLine: at + 1 };
}

/** The columns to read, from a parsed record's keys. */
export function columnsOf(header: readonly string[]) {
  const find = (names: readonly string[]) => names.find((n) => header.includes(n)) ?? null;
  return { code: find(CODE_COLUMNS), total: find(TOTAL_COLUMNS), age: find(AGE_COLUMNS) };
}

/** A row of ages other than the total is not a figure of the unit's population. */
export function isTotalAge(age: string | undefined): boolean {
  if (age === undefined) return true;
  const a = normal(age);
  return a === '' || a === '999' || a.startsWith('totale') || a === 'total';
}

/**
 * A province code, 3 digits ("1" → "001"); null for the codes of Italy, its areas and regions
 * ("IT", "ITC", "ITC1") and the totals, which are summary rows. Codes like ITTER107's NUTS ("ITC11")
 * cannot be matched to a Province without a table of their own and are answered as unknown.
 */
export type CodeReading = { kind: 'code'; code: string } | { kind: 'summary' } | { kind: 'unknown' };
export function readCode(raw: string | undefined): CodeReading {
  const v = (raw ?? '').trim().replace(/^'/, '');
  if (/^\d{1,3}$/.test(v)) return { kind: 'code', code: v.padStart(3, '0') };
  if (v === '' || /^it[a-z]?\d?$/i.test(v) || /^(totale|italia|total)/i.test(v)) return { kind: 'summary' };
  return { kind: 'unknown' };
}

/** "1.234.567", "1 234 567", "1234567" → 1234567; anything else (decimals, letters) → a message. */
export function readPopulation(raw: string | undefined): number | Bilingual {
  const v = (raw ?? '').trim().replace(/[\s\u00a0\u202f]/g, '');
  if (!/^(\d{1,3}(\.\d{3})+|\d+)$/.test(v))
    return { it: `popolazione non valida "${raw ?? ''}"`, en: `invalid population "${raw ?? ''}"` };
  const n = Number(v.replaceAll('.', ''));
  if (n > 100_000_000) return { it: 'popolazione fuori scala', en: 'population out of range' };
  return n;
}

/** The year of "al 1° gennaio 2025" in the lines above the header, when the form gives none. */
export function yearInTitle(text: string): string | undefined {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const above = lines.slice(0, Math.max(0, headerAt(lines))).join(' ');
  return above.match(/1\s*°?\s*gennaio\s+(\d{4})/i)?.[1];
}
