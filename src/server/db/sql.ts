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

const PG_UNIQUE_VIOLATION = '23505';

/** True for a unique-index violation, from either driver (pg raises it, Drizzle may wrap it). */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === PG_UNIQUE_VIOLATION || e?.cause?.code === PG_UNIQUE_VIOLATION;
}

/** The rows of a raw query, whichever driver ran it (both answer `{ rows }`). */
export async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  const res = await db.execute(query);
  return (res as unknown as { rows: T[] }).rows;
}
