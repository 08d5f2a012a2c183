import { type SQL, sql } from 'drizzle-orm';
import type { Db } from './client.js';

/**
 * Seats left in an edition: capacity minus confirmed enrolments. Raw SQL names (not the Drizzle
 * tables) keep this module free of the schema, so any repository can select it next to `editions`.
 */
export const seatsLeftOf = () =>
  sql<number>`(editions.capacity - (select count(*) from enrolments where enrolments.edition_id = editions.id and enrolments.status = 'confirmed'))::int`;

/** Escapes % and _ so user text is matched literally by LIKE. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** An error as the driver (pg or PGlite) or the system raised it: SQLSTATE or system code, and its fields. */
export type DriverError = { code: string; message?: unknown; [field: string]: unknown };

/**
 * The driver's own error behind a failure: the innermost of the `cause` chain that carries a code.
 * Drizzle wraps pg's and PGlite's errors ("Failed query: …") and keeps them in `cause`.
 */
export function driverErrorOf(err: unknown): DriverError | undefined {
  let found: DriverError | undefined;
  for (
    let e = err, depth = 0;
    e !== null && typeof e === 'object' && depth < 10;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code) found = e as DriverError;
  }
  return found;
}

/** The SQLSTATE (or system code, such as `ECONNREFUSED`) behind a failure, from either driver. */
export const sqlstateOf = (err: unknown): string | undefined => driverErrorOf(err)?.code;

const PG_UNIQUE_VIOLATION = '23505';

/** True for a unique-index violation, from either driver (pg raises it, Drizzle may wrap it). */
export function isUniqueViolation(err: unknown): boolean {
  return sqlstateOf(err) === PG_UNIQUE_VIOLATION;
}

/** The rows of a raw query, whichever driver ran it (both answer `{ rows }`). */
export async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  const res = await db.execute(query);
  return (res as unknown as { rows: T[] }).rows;
}
