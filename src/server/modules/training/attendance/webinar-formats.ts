import { type CsvRow, readCsvRows } from '../../../kernel/csv.js';
import { AppError, errors, type Lang } from '../../../kernel/errors.js';
import { dateOrder, parseTime, type TimeReading } from './webinar-times.js';

/**
 * How the participants reports of video platforms are read: the bytes decoded by their BOM, the
 * delimiter and the table of participants found among summary blocks and other sections, and times
 * in the formats and locales the platforms write. What each platform exports (docs/operations.md):
 * - Microsoft Teams attendance report: UTF-16 LE with BOM, tab-separated, "1. Summary", "2. Participants"
 *   (First Join, Last Leave) and "3. In-Meeting Activities" (one row per connection, preferred);
 *   the older attendance list has one row per event (Full Name, User Action, Timestamp);
 * - Zoom participants: UTF-8 CSV, sometimes with the meeting's summary above the participants' header;
 * - Google Meet attendance: First name, Last name, Email, Time joined, Time exited, times of day only;
 * - BigBlueButton learning dashboard: Name, Join, Left, no e-mail.
 */

/** Header names as platforms export them, in Italian and English, compared without case or accents. */
const HEADERS = {
  name: [
    'name',
    'nome',
    'nomecompleto',
    'fullname',
    'displayname',
    'nomevisualizzato',
    'partecipante',
    'participant',
    'nominativo',
    'firstname',
    'nomeproprio',
  ],
  surname: ['lastname', 'surname', 'familyname', 'cognome'],
  email: [
    'email',
    'mail',
    'emailaddress',
    'indirizzoemail',
    'indirizzodipostaelettronica',
    'postaelettronica',
    'useremail',
    'emailutente',
    'participantemail',
    'attendeeemail',
  ],
  join: [
    'jointime',
    'join',
    'joined',
    'joinedat',
    'timejoined',
    'firstjoin',
    'firstseen',
    'ingresso',
    'oradiingresso',
    'oraingresso',
    'orariodiingresso',
    'orarioingresso',
    'primoingresso',
    'primoaccesso',
    'primapartecipazione',
    'oradiaccesso',
    'accesso',
    'entrata',
    'oradientrata',
    'oradipartecipazione',
    'orariodipartecipazione',
  ],
  leave: [
    'leavetime',
    'leave',
    'left',
    'leftat',
    'timeleft',
    'timeexited',
    'exited',
    'exittime',
    'lastleave',
    'lastseen',
    'uscita',
    'oradiuscita',
    'orauscita',
    'orariodiuscita',
    'orariouscita',
    'ultimauscita',
    'oradiabbandono',
  ],
  /** The older Teams attendance list: one row per event, "Joined" or "Left" at a timestamp. */
  action: ['useraction', 'action', 'azioneutente', 'azione'],
  timestamp: ['timestamp', 'dataeora', 'dataeoradellazione'],
} as const;
export type Column = keyof typeof HEADERS;

/** Join columns that hold only a person's first connection (a summary): a table of connections wins. */
const FIRST_ONLY = new Set([
  'firstjoin',
  'firstseen',
  'primoingresso',
  'primoaccesso',
  'primapartecipazione',
]);

const JOINED = new Set([
  'joined',
  'joinedbefore',
  'join',
  'partecipato',
  'hapartecipato',
  'partecipatoprima',
  'entrato',
  'entrata',
  'ingresso',
  'accesso',
]);
const LEFT = new Set(['left', 'leave', 'uscito', 'uscita', 'abbandonato', 'haabbandonato', 'halasciato']);

export const MAX_ROWS = 20_000;

/** "Indirizzo e-mail" → "indirizzoemail"; "Name (Original Name)" → "name". */
export function headerKey(h: string): string {
  return h
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\(.*?\)/g, '')
    .replace(/[^a-z0-9]/g, '');
}

/** Which header of the file holds each column. */
export function findColumns(headers: string[]): Partial<Record<Column, string>> {
  const found: Partial<Record<Column, string>> = {};
  for (const col of Object.keys(HEADERS) as Column[]) {
    const h = headers.find((x) => (HEADERS[col] as readonly string[]).includes(headerKey(x)));
    if (h !== undefined) found[col] = h;
  }
  return found;
}

// ---- Bytes and delimiter ---------------------------------------------------------------------

/**
 * The text of an uploaded report. A BOM says the encoding (UTF-8, UTF-16 LE as Teams writes, UTF-16
 * BE); without one, UTF-16 is recognised by its zero bytes, then UTF-8 is tried and, when the bytes are
 * not UTF-8, Windows-1252 (what Excel writes for "CSV" on Italian Windows).
 */
export function decodeReport(bytes: Uint8Array): string {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return new TextDecoder('utf-8').decode(bytes);
  if (b0 === 0xff && b1 === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (b0 === 0xfe && b1 === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  const head = bytes.subarray(0, 400);
  let evenZeros = 0;
  let oddZeros = 0;
  head.forEach((b, i) => {
    if (b === 0) i % 2 ? oddZeros++ : evenZeros++;
  });
  if (oddZeros > head.length / 4) return new TextDecoder('utf-16le').decode(bytes);
  if (evenZeros > head.length / 4) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

// ---- The participants table ------------------------------------------------------------------

type Columns = Partial<Record<Column, number>>;
type Table = { header: CsvRow; cols: Columns; rows: CsvRow[] };

const HEADER_SETS = Object.entries(HEADERS).map(
  ([col, names]) => [col as Column, new Set<string>(names)] as const,
);

/** Where each column is in a row, if the row is a header; every row is asked, so it is kept cheap. */
function columnsOf(cells: string[]): Columns {
  const keys = cells.map((c) => (c.length > 60 ? '' : headerKey(c)));
  const cols: Columns = {};
  for (const [col, names] of HEADER_SETS) {
    const i = keys.findIndex((k) => names.has(k));
    if (i >= 0) cols[col] = i;
  }
  return cols;
}

const isTable = (c: Columns) =>
  (c.join !== undefined && c.leave !== undefined) || (c.action !== undefined && c.timestamp !== undefined);
const isBlank = (cells: string[]) => cells.every((c) => c === '');
/** "2. Participants", "3. Attività durante la riunione": a Teams section's title, alone on its line. */
const isSectionTitle = (cells: string[]) =>
  cells.filter((c) => c !== '').length === 1 && /^\d+\.\s*\S/.test(cells[0] ?? '');

/** The tables of a file: each from a header naming the times to the next section, header or the end. */
function tablesOf(rows: CsvRow[]): Table[] {
  const tables: Table[] = [];
  let current: Table | null = null;
  for (const r of rows) {
    const cols = columnsOf(r.cells);
    if (isTable(cols)) {
      current = { header: r, cols, rows: [] };
      tables.push(current);
    } else if (isSectionTitle(r.cells)) current = null;
    else if (current && !isBlank(r.cells)) current.rows.push(r);
  }
  return tables;
}

/** The table of connections: one row per connection when the file has it, else the first one. */
function participantsTable(tables: Table[]): Table | undefined {
  const perConnection = tables.find(
    (t) => t.cols.join !== undefined && !FIRST_ONLY.has(headerKey(t.header.cells[t.cols.join] ?? '')),
  );
  return perConnection ?? tables[0];
}

const DELIMITERS = ['\t', ';', ','] as const;

/**
 * The participants table of a report's text. The delimiter is the first of tab, semicolon and comma
 * with which a header naming the join and leave times (or the action and its timestamp) is found.
 */
export function readTable(text: string): Table {
  let failure: AppError | undefined;
  let read = false;
  for (const delimiter of DELIMITERS) {
    if (delimiter !== ',' && !text.includes(delimiter)) continue;
    let rows: CsvRow[];
    try {
      rows = readCsvRows(text, delimiter);
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'INVALID_CSV') throw err;
      failure ??= err;
      continue;
    }
    read = true;
    const table = participantsTable(tablesOf(rows));
    if (!table || (table.cols.email === undefined && table.cols.name === undefined)) continue;
    if (!table.rows.length) break;
    if (table.rows.length > MAX_ROWS)
      throw errors.badRequest('INVALID_CSV', {
        it: `Al massimo ${MAX_ROWS} righe per file.`,
        en: `At most ${MAX_ROWS} rows per file.`,
      });
    return table;
  }
  if (!read && failure) throw failure;
  throw errors.badRequest('INVALID_CSV', {
    it: 'Servono le colonne dell’ora di ingresso e dell’ora di uscita e quella dell’e-mail o del nome (per esempio “Email”, “Join time”, “Leave time” o “Indirizzo e-mail”, “Ora di ingresso”, “Ora di uscita”) e almeno una riga.',
    en: 'The columns join time and leave time are needed, with the e-mail or the name (for example “Email”, “Join time”, “Leave time” or “Indirizzo e-mail”, “Ora di ingresso”, “Ora di uscita”), and at least one row.',
  });
}

// ---- Connections ----------------------------------------------------------------------------

/** One connection of a person, with the line of the file it comes from. */
export type Connection = { row: number; name: string; email: string; join: Date; leave: Date };
export type RowError = { row: number; messages: string[] };

const cell = (r: CsvRow, i: number | undefined) => (i === undefined ? '' : (r.cells[i] ?? ''));

function nameOf(t: Table, r: CsvRow) {
  return [cell(r, t.cols.name), cell(r, t.cols.surname)].filter(Boolean).join(' ');
}

function emailProblem(email: string, name: string, en: boolean): string | null {
  if (!email)
    return name
      ? null
      : en
        ? 'the e-mail address and the name are missing'
        : 'mancano l’indirizzo e-mail e il nome';
  return /^[^\s@]+@[^\s@]+$/.test(email)
    ? null
    : en
      ? `"${email}" is not an e-mail address`
      : `"${email}" non è un indirizzo e-mail`;
}

/**
 * The connections of a participants table, one per row, with the rows that cannot be read. A row with
 * no e-mail address is kept with its name (matched by name later); a row with neither, or with no
 * times at all and no e-mail (the "Anonymous" line of poll answers), carries no attendance.
 */
function connectionsOfRows(t: Table, reading: TimeReading, en: boolean) {
  const connections: Connection[] = [];
  const rowErrors: RowError[] = [];
  for (const r of t.rows) {
    const name = nameOf(t, r);
    const email = cell(r, t.cols.email).toLowerCase();
    const rawJoin = cell(r, t.cols.join);
    const rawLeave = cell(r, t.cols.leave);
    if (!email && !rawJoin && !rawLeave) continue;
    const join = parseTime(rawJoin, reading);
    const leave = parseTime(rawLeave, reading);
    const messages: string[] = [];
    const problem = emailProblem(email, name, en);
    if (problem) messages.push(problem);
    if (!join)
      messages.push(en ? `unreadable join time "${rawJoin}"` : `ora di ingresso illeggibile "${rawJoin}"`);
    if (!leave)
      messages.push(en ? `unreadable leave time "${rawLeave}"` : `ora di uscita illeggibile "${rawLeave}"`);
    if (join && leave && leave < join)
      messages.push(
        en ? 'the leave time is before the join time' : 'l’ora di uscita precede quella di ingresso',
      );
    if (messages.length || !join || !leave) rowErrors.push({ row: r.line, messages });
    else connections.push({ row: r.line, name, email, join, leave });
  }
  return { connections, errors: rowErrors };
}

/**
 * The connections of a list of events (the older Teams attendance list): each person's "Joined" is
 * paired with their next "Left". A leave with no join before it, a join never followed by a leave, an
 * unknown action or an unreadable time is an error of its row.
 */
function connectionsOfEvents(t: Table, reading: TimeReading, en: boolean) {
  const connections: Connection[] = [];
  const rowErrors: RowError[] = [];
  type Event = { row: number; name: string; email: string; at: Date; joins: boolean };
  const byPerson = new Map<string, Event[]>();
  for (const r of t.rows) {
    const name = nameOf(t, r);
    const email = cell(r, t.cols.email).toLowerCase();
    const action = headerKey(cell(r, t.cols.action));
    const raw = cell(r, t.cols.timestamp);
    const at = parseTime(raw, reading);
    const messages: string[] = [];
    const problem = emailProblem(email, name, en);
    if (problem) messages.push(problem);
    if (!JOINED.has(action) && !LEFT.has(action))
      messages.push(
        en
          ? `unknown action "${cell(r, t.cols.action)}" (Joined or Left)`
          : `azione sconosciuta "${cell(r, t.cols.action)}" (Joined o Left)`,
      );
    if (!at) messages.push(en ? `unreadable time "${raw}"` : `orario illeggibile "${raw}"`);
    if (messages.length || !at) {
      rowErrors.push({ row: r.line, messages });
      continue;
    }
    const key = email || `name:${personKey(name)}`;
    const list = byPerson.get(key) ?? [];
    list.push({ row: r.line, name, email, at, joins: JOINED.has(action) });
    byPerson.set(key, list);
  }
  for (const events of byPerson.values()) {
    events.sort((a, b) => a.at.getTime() - b.at.getTime() || a.row - b.row);
    let open: Event | null = null;
    for (const e of events) {
      if (e.joins) open ??= e;
      else if (open) {
        connections.push({ row: open.row, name: open.name, email: open.email, join: open.at, leave: e.at });
        open = null;
      } else
        rowErrors.push({
          row: e.row,
          messages: [en ? 'a leave with no join before it' : 'un’uscita senza un ingresso che la preceda'],
        });
    }
    if (open)
      rowErrors.push({
        row: open.row,
        messages: [en ? 'a join with no leave after it' : 'un ingresso senza un’uscita che lo segua'],
      });
  }
  connections.sort((a, b) => a.row - b.row);
  return { connections, errors: rowErrors };
}

/** A person's name as compared: no case, no accents, one space between words, one kind of apostrophe. */
export function personKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`´]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The connections in a report's text, and its rows that cannot be read. `day` is the session's day
 * (Rome), for reports that give the time of day alone.
 */
export function readConnections(text: string, lang: Lang, day?: string) {
  const table = readTable(text);
  const timeCells = table.rows.flatMap((r) => [
    cell(r, table.cols.join),
    cell(r, table.cols.leave),
    cell(r, table.cols.timestamp),
  ]);
  const reading: TimeReading = { order: dateOrder(timeCells), day };
  const en = lang === 'en';
  return table.cols.join !== undefined && table.cols.leave !== undefined
    ? connectionsOfRows(table, reading, en)
    : connectionsOfEvents(table, reading, en);
}
