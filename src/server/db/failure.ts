import { driverErrorOf } from './sql.js';

/**
 * What a failed database step says, with the reason PostgreSQL gave. Drizzle wraps the driver's error
 * ("Failed query: CREATE TABLE …") and keeps PostgreSQL's own words in `cause`; without them an
 * operator sees the query but not why it failed.
 */
export type Failure = {
  /** SQLSTATE (`42P07`) or the system's code (`ECONNREFUSED`). */
  code?: string;
  /** The database's or the system's own message. */
  reason?: string;
  detail?: string;
  hint?: string;
  table?: string;
  constraint?: string;
};

const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

export function describeFailure(err: unknown): Failure {
  const found = driverErrorOf(err);
  if (!found) return {};
  const fields = {
    code: text(found.code),
    reason: found === err ? undefined : text(found.message),
    detail: text(found.detail),
    hint: text(found.hint),
    table: text(found.table),
    constraint: text(found.constraint),
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

/** One line: the failed step (without Drizzle's parameters, shortened) and the reason with its code. */
export function failureText(err: unknown): string {
  const f = describeFailure(err);
  const message = err instanceof Error ? err.message : String(err);
  const step = (message.split(/\nparams:/)[0] ?? '').replace(/\s+/g, ' ').trim();
  const head = step.length > 200 ? `${step.slice(0, 200)}…` : step;
  const why = [f.code, f.reason].filter(Boolean).join(' ');
  const more = [f.detail && `detail: ${f.detail}`, f.hint && `hint: ${f.hint}`].filter(Boolean).join('; ');
  return [head, why && `— ${why}`, more && `(${more})`].filter(Boolean).join(' ');
}
