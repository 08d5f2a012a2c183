import { parse } from 'csv-parse/sync';
import { type Bilingual, errors } from './errors.js';
import { cleanText, invalidText, TEXT_PROBLEMS } from './text.js';

/**
 * Reads an uploaded CSV into records keyed by lower-case header. Comma or semicolon (Italian
 * spreadsheets export with ';'), with or without a BOM. An unreadable file is a 400 INVALID_CSV; a
 * cell the text rule refuses (kernel/text.ts) is a 400 INVALID_TEXT naming its row and column, and
 * every cell is normalised by it like any other text.
 */
export function readCsv(text: string): Record<string, string>[] {
  const records = parseCsv(text);
  const problems: FileProblem[] = [];
  for (const column of Object.keys(records[0] ?? {})) {
    const clean = cleanText(column);
    if (!clean.ok)
      problems.push({
        path: 'header',
        messages: {
          it: `Intestazione: ${TEXT_PROBLEMS[clean.problem].it}`,
          en: `Header: ${TEXT_PROBLEMS[clean.problem].en}`,
        },
      });
  }
  records.forEach((record, i) => {
    for (const [column, cell] of Object.entries(record)) {
      const clean = cleanText(cell);
      if (clean.ok) record[column] = clean.value;
      else if (problems.length < 20) problems.push(rowProblem(i + 2, column, TEXT_PROBLEMS[clean.problem]));
    }
  });
  if (problems.length)
    throw invalidText(
      problems,
      problems.map((p) => p.path),
    );
  return records;
}

function parseCsv(text: string): Record<string, string>[] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  try {
    return parse(text, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase().normalize('NFC')),
      delimiter,
      bom: true,
      trim: true,
      skip_empty_lines: true,
    });
  } catch (err) {
    throw errors.badRequest('INVALID_CSV', {
      it: `Il file CSV non è leggibile: ${(err as Error).message}`,
      en: `The CSV file cannot be read: ${(err as Error).message}`,
    });
  }
}

const needsQuotes = /[",;\r\n]|^\s|\s$/;

/**
 * Writes records as CSV: comma-separated, every cell that needs it quoted (RFC 4180), CRLF line
 * ends, with a BOM so spreadsheets read the file as UTF-8. readCsv reads it back unchanged.
 * Reports of figures pass `delimiter: ';'`: Excel in Italian reads ';' files into columns and takes
 * the comma as the decimal separator.
 */
export function writeCsv(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  opts: { delimiter?: ',' | ';' } = {},
): string {
  const cell = (v: string) => (needsQuotes.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const sep = opts.delimiter ?? ',';
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(sep)).join('\r\n')}\r\n`;
}

/** A problem of an uploaded file, with its place (`header`, `rows`, `rows.<n>.<column>`). */
export type FileProblem = { path: string; messages: Bilingual };

/** A problem of one row (numbered as a spreadsheet shows it) and, when known, one column. */
export function rowProblem(row: number, column: string | null, m: Bilingual): FileProblem {
  return column
    ? {
        path: `rows.${row}.${column}`,
        messages: {
          it: `Riga ${row}, colonna ${column}: ${m.it}`,
          en: `Row ${row}, column ${column}: ${m.en}`,
        },
      }
    : { path: `rows.${row}`, messages: { it: `Riga ${row}: ${m.it}`, en: `Row ${row}: ${m.en}` } };
}

/** What is wrong with a file's shape before its rows are read: missing columns, no rows, too many rows. */
export function shapeProblems(
  records: readonly Record<string, string>[],
  columns: readonly string[],
  maxRows: number,
): FileProblem[] {
  const header = Object.keys(records[0] ?? {});
  const missing = columns.filter((c) => !header.includes(c));
  if (!records.length || missing.length)
    return [
      {
        path: 'header',
        messages: {
          it: `Intestazione attesa: ${columns.join(',')}${missing.length ? ` (mancano: ${missing.join(', ')})` : ''}; servono righe di dati.`,
          en: `Expected header: ${columns.join(',')}${missing.length ? ` (missing: ${missing.join(', ')})` : ''}; data rows are needed.`,
        },
      },
    ];
  if (records.length > maxRows)
    return [
      {
        path: 'rows',
        messages: { it: `Al massimo ${maxRows} righe per file.`, en: `At most ${maxRows} rows per file.` },
      },
    ];
  return [];
}

/** A line of a CSV file as written, with its number in the file (the first line is 1). */
export type CsvRow = { line: number; cells: string[] };

/**
 * Reads a CSV file as plain rows, for files that are not one table: reports with a summary block or
 * several sections before and after the table wanted. Any number of cells per row, blank lines kept
 * (as rows of empty cells), cells trimmed and put under the text rule like readCsv's. Throws 400
 * INVALID_CSV when the text cannot be split with this delimiter.
 */
export function readCsvRows(text: string, delimiter: string): CsvRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, each record comes with where it was read; the types of csv-parse do not say so.
    records = parse(text, {
      delimiter,
      bom: true,
      trim: true,
      relax_column_count: true,
      skip_empty_lines: false,
      info: true,
    }) as unknown as typeof records;
  } catch (err) {
    throw errors.badRequest('INVALID_CSV', {
      it: `Il file CSV non è leggibile: ${(err as Error).message}`,
      en: `The CSV file cannot be read: ${(err as Error).message}`,
    });
  }
  const problems: FileProblem[] = [];
  const rows = records.map(({ record, info }) => ({
    line: info.lines,
    cells: record.map((cell, i) => {
      const clean = cleanText(cell);
      if (clean.ok) return clean.value;
      if (problems.length < 20)
        problems.push(rowProblem(info.lines, String(i + 1), TEXT_PROBLEMS[clean.problem]));
      return '';
    }),
  }));
  if (problems.length)
    throw invalidText(
      problems,
      problems.map((p) => p.path),
    );
  return rows;
}
