import type { WebinarReport } from '../../../../common/attendance.js';
import { romeInstant } from '../../../../common/rome-time.js';
import type { Db } from '../../../db/client.js';
import type { Clock } from '../../../kernel/clock.js';
import { readCsv } from '../../../kernel/csv.js';
import { AppError, errors, type Lang } from '../../../kernel/errors.js';
import type { RequestContext } from '../../../kernel/principal.js';
import { sessionToRun } from './access.js';
import { attendedMinutes, type Interval } from './intervals.js';
import { assertRecordable, type Ledger } from './ledger.js';
import { notStarted } from './messages.js';
import type { AttendanceRepository } from './repository.js';

/** Header names as video platforms export them, in Italian and English, compared without case or accents. */
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
  ],
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
    'oradiaccesso',
    'accesso',
    'entrata',
    'oradientrata',
    'oradipartecipazione',
  ],
  leave: [
    'leavetime',
    'leave',
    'left',
    'leftat',
    'timeleft',
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
} as const;
type Column = keyof typeof HEADERS;

const MAX_ROWS = 20_000;

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

/**
 * A time as platforms export it: ISO 8601 with an offset, or "YYYY-MM-DD HH:mm[:ss]" and
 * "DD/MM/YYYY HH:mm[:ss]" read as Rome wall-clock time. Null when unreadable or non-existent.
 */
export function parseTime(value: string): Date | null {
  const v = value.trim();
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(v)) {
    const d = new Date(v);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(v);
  const it = /^(\d{1,2})\/(\d{1,2})\/(\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(v);
  const parts = iso
    ? [iso[1], iso[2], iso[3], iso[4], iso[5], iso[6]]
    : it
      ? [it[3], it[2], it[1], it[4], it[5], it[6]]
      : null;
  if (!parts) return null;
  const [y = 0, m = 0, d = 0, hh = 0, mm = 0, ss = 0] = parts.map((x) => Number(x ?? 0));
  if (m < 1 || m > 12 || d < 1 || d > 31 || hh > 23 || mm > 59 || ss > 59) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  try {
    const at = romeInstant(`${y}-${pad(m)}-${pad(d)}`, `${pad(hh)}:${pad(mm)}`);
    return new Date(at.getTime() + ss * 1000);
  } catch {
    return null;
  }
}

export type WebinarPerson = { email: string; rows: { row: number; name: string }[]; intervals: Interval[] };

/** Reads the rows into people (by e-mail, case-insensitively) with their connections; bad rows are errors. */
export function parseRows(
  records: Record<string, string>[],
  cols: Partial<Record<Column, string>>,
  lang: Lang,
) {
  const people = new Map<string, WebinarPerson>();
  const rowErrors: { row: number; messages: string[] }[] = [];
  const en = lang === 'en';
  records.forEach((rec, i) => {
    const row = i + 2;
    const name = (cols.name ? rec[cols.name] : '') ?? '';
    const email = (rec[cols.email ?? ''] ?? '').trim().toLowerCase();
    const rawJoin = rec[cols.join ?? ''] ?? '';
    const rawLeave = rec[cols.leave ?? ''] ?? '';
    const join = parseTime(rawJoin);
    const leave = parseTime(rawLeave);
    const messages: string[] = [];
    if (!email) messages.push(en ? 'the e-mail address is missing' : 'manca l’indirizzo e-mail');
    else if (!/^[^\s@]+@[^\s@]+$/.test(email))
      messages.push(en ? `"${email}" is not an e-mail address` : `"${email}" non è un indirizzo e-mail`);
    if (!join)
      messages.push(en ? `unreadable join time "${rawJoin}"` : `ora di ingresso illeggibile "${rawJoin}"`);
    if (!leave)
      messages.push(en ? `unreadable leave time "${rawLeave}"` : `ora di uscita illeggibile "${rawLeave}"`);
    if (join && leave && leave < join)
      messages.push(
        en ? 'the leave time is before the join time' : 'l’ora di uscita precede quella di ingresso',
      );
    if (messages.length || !join || !leave) {
      rowErrors.push({ row, messages });
      return;
    }
    const p = people.get(email) ?? { email, rows: [], intervals: [] };
    p.rows.push({ row, name });
    p.intervals.push({ start: join.getTime(), end: leave.getTime() });
    people.set(email, p);
  });
  return { people, errors: rowErrors };
}

function readReport(text: string) {
  const records = readCsv(text);
  const cols = findColumns(Object.keys(records[0] ?? {}));
  const missing = (['email', 'join', 'leave'] as const).filter((c) => !cols[c]);
  if (!records.length || missing.length)
    throw errors.badRequest('INVALID_CSV', {
      it: 'Servono le colonne e-mail, ora di ingresso e ora di uscita (per esempio “Email”, “Join time”, “Leave time” o “Indirizzo e-mail”, “Ora di ingresso”, “Ora di uscita”) e almeno una riga.',
      en: 'The columns e-mail, join time and leave time are needed (for example “Email”, “Join time”, “Leave time” or “Indirizzo e-mail”, “Ora di ingresso”, “Ora di uscita”) and at least one row.',
    });
  if (records.length > MAX_ROWS)
    throw errors.badRequest('INVALID_CSV', {
      it: `Al massimo ${MAX_ROWS} righe per file.`,
      en: `At most ${MAX_ROWS} rows per file.`,
    });
  return { records, cols };
}

/**
 * Loads a video platform's participants report into the ledger. Each person's connections are clipped to
 * the session and merged before counting; people not found or not enrolled are reported, never dropped.
 */
export async function importWebinarReport(
  deps: { db: Db; repo: AttendanceRepository; ledger: Ledger; clock: Clock },
  ctx: RequestContext,
  sessionId: number,
  text: string,
): Promise<WebinarReport> {
  const { db, repo, ledger } = deps;
  const en = ctx.lang === 'en';
  const s = await sessionToRun(repo, db, ctx, sessionId);
  assertRecordable(s);
  if (s.session.startsAt > deps.clock.now()) throw notStarted(s.session.startsAt);
  const { records, cols } = readReport(text);
  const { people, errors: rowErrors } = parseRows(records, cols, ctx.lang);
  const accounts = await repo.usersByEmail(db, [...people.keys()]);
  const enrolled = new Set((await repo.confirmedPeople(db, s.edition.id)).map((p) => p.userId));
  const window = { start: s.session.startsAt.getTime(), end: s.session.endsAt.getTime() };

  const report: WebinarReport = { recorded: 0, unmatched: [], errors: rowErrors };
  for (const p of people.values()) {
    const account = accounts.get(p.email);
    if (!account || !enrolled.has(account.id)) {
      const reason = account ? 'not_enrolled' : 'unknown_email';
      const message = account
        ? en
          ? `${account.name} has no confirmed enrolment in this edition`
          : `${account.name} non ha un’iscrizione confermata a questa edizione`
        : en
          ? 'no account has this e-mail address'
          : 'nessun account ha questo indirizzo e-mail';
      for (const r of p.rows)
        report.unmatched.push({ row: r.row, name: r.name, email: p.email, reason, message });
      continue;
    }
    const { intervals, minutes } = attendedMinutes(p.intervals, window);
    try {
      await db.transaction((tx) =>
        ledger.record(tx, ctx, {
          sessionId,
          userId: account.id,
          minutes,
          source: 'webinar',
          detail: {
            intervals: intervals.map((i) => ({
              from: new Date(i.start).toISOString(),
              to: new Date(i.end).toISOString(),
            })),
          },
          session: s,
        }),
      );
      report.recorded++;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      for (const r of p.rows) report.errors.push({ row: r.row, messages: [err.messages[ctx.lang]] });
    }
  }
  report.unmatched.sort((a, b) => a.row - b.row);
  report.errors.sort((a, b) => a.row - b.row);
  return report;
}
