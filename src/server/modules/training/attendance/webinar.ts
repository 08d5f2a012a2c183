import type { WebinarReport } from '../../../../common/attendance.js';
import { romeDate } from '../../../../common/rome-time.js';
import type { Db } from '../../../db/client.js';
import type { Clock } from '../../../kernel/clock.js';
import { AppError, type Lang } from '../../../kernel/errors.js';
import type { RequestContext } from '../../../kernel/principal.js';
import { sessionToRun } from './access.js';
import type { Interval } from './intervals.js';
import { assertRecordable, type Ledger } from './ledger.js';
import { notStarted } from './messages.js';
import type { AttendanceRepository } from './repository.js';
import { decodeReport, personKey, readConnections } from './webinar-formats.js';
import { webinarRecord } from './webinar-ledger.js';

/** A person of the report: by e-mail address, or by name when the report gives none. */
export type WebinarPerson = {
  email: string;
  name: string;
  rows: { row: number; name: string }[];
  intervals: Interval[];
};

/**
 * The one way a report is read: its bytes (or text) into people with their connections, and the rows
 * that cannot be read. People are grouped by e-mail address (whatever the case) or, on rows without
 * one, by name (whatever the case and accents). `day` is the session's day, for times of day alone.
 */
export function parseReport(input: Uint8Array | string, lang: Lang, day?: string) {
  const text = typeof input === 'string' ? input : decodeReport(input);
  const { connections, errors: rowErrors } = readConnections(text, lang, day);
  const people = new Map<string, WebinarPerson>();
  for (const c of connections) {
    const key = c.email || `name:${personKey(c.name)}`;
    const p = people.get(key) ?? { email: c.email, name: c.name, rows: [], intervals: [] };
    p.rows.push({ row: c.row, name: c.name });
    p.intervals.push({ start: c.join.getTime(), end: c.leave.getTime() });
    people.set(key, p);
  }
  rowErrors.sort((a, b) => a.row - b.row);
  return { people, errors: rowErrors };
}

type Account = { id: string; name: string };
type UnmatchedReason = WebinarReport['unmatched'][number]['reason'];
type NameMatch = { account: Account } | { reason: UnmatchedReason };

/**
 * The confirmed person a name on the report is: the full name exactly, without case or accents, then
 * the name outside brackets ("Carlo Rossi (Ospite)") and the one inside ("Carlo R. (Carlo Rossi)", as
 * Zoom writes a renamed participant). Only a name that one confirmed person has is a match.
 */
export function matchName(name: string, roster: readonly Account[]): NameMatch {
  const outside = name.replace(/\(.*?\)/g, ' ');
  const inside = [...name.matchAll(/\((.*?)\)/g)].map((m) => m[1] ?? '');
  for (const candidate of [name, outside, ...inside]) {
    const key = personKey(candidate);
    if (!key) continue;
    const found = roster.filter((a) => personKey(a.name) === key);
    if (found.length === 1) return { account: found[0] as Account };
    if (found.length > 1) return { reason: 'ambiguous_name' };
  }
  return { reason: 'unknown_name' };
}

function unmatchedMessage(reason: UnmatchedReason, account: Account | undefined, en: boolean) {
  switch (reason) {
    case 'not_enrolled':
      return en
        ? `${account?.name} has no confirmed enrolment in this edition`
        : `${account?.name} non ha un’iscrizione confermata a questa edizione`;
    case 'unknown_email':
      return en ? 'no account has this e-mail address' : 'nessun account ha questo indirizzo e-mail';
    case 'unknown_name':
      return en
        ? 'no one confirmed in this edition has this name (the report gives no e-mail address)'
        : 'nessuna persona con iscrizione confermata a questa edizione ha questo nome (il report non indica l’indirizzo e-mail)';
    case 'ambiguous_name':
      return en
        ? 'more than one person confirmed in this edition has this name: record them in the register'
        : 'più persone con iscrizione confermata a questa edizione hanno questo nome: registra la presenza dal registro';
  }
}

/**
 * Loads a video platform's participants report into the ledger. Each person's connections are clipped to
 * the session and merged before counting; people not found or not enrolled are reported, never dropped.
 */
export async function importWebinarReport(
  deps: { db: Db; repo: AttendanceRepository; ledger: Ledger; clock: Clock },
  ctx: RequestContext,
  sessionId: number,
  file: Uint8Array | string,
): Promise<WebinarReport> {
  const { db, repo, ledger } = deps;
  const en = ctx.lang === 'en';
  const s = await sessionToRun(repo, db, ctx, sessionId);
  assertRecordable(s);
  if (s.session.startsAt > deps.clock.now()) throw notStarted(s.session.startsAt);
  const { people, errors: rowErrors } = parseReport(file, ctx.lang, romeDate(s.session.startsAt));
  const emails = [...people.values()].map((p) => p.email).filter(Boolean);
  const accounts = await repo.usersByEmail(db, emails);
  const roster = (await repo.confirmedPeople(db, s.edition.id)).map((p) => ({ id: p.userId, name: p.name }));
  const enrolled = new Set(roster.map((p) => p.id));
  const report: WebinarReport = { recorded: 0, unmatched: [], errors: rowErrors };
  // The same person may come by e-mail on some rows and by name on others: one figure each.
  const attendees = new Map<string, { rows: WebinarPerson['rows']; intervals: Interval[] }>();
  for (const p of people.values()) {
    const account = p.email ? accounts.get(p.email) : undefined;
    const match: NameMatch = p.email
      ? account && enrolled.has(account.id)
        ? { account }
        : { reason: account ? 'not_enrolled' : 'unknown_email' }
      : matchName(p.name, roster);
    if ('reason' in match) {
      const message = unmatchedMessage(match.reason, account, en);
      for (const r of p.rows)
        report.unmatched.push({ row: r.row, name: r.name, email: p.email, reason: match.reason, message });
      continue;
    }
    const a = attendees.get(match.account.id) ?? { rows: [], intervals: [] };
    a.rows.push(...p.rows);
    a.intervals.push(...p.intervals);
    attendees.set(match.account.id, a);
  }
  for (const [userId, p] of attendees) {
    try {
      await db.transaction((tx) => ledger.record(tx, ctx, webinarRecord(s, userId, p.intervals)));
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
