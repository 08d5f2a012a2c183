import { and, gte, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import { agreements, trainingPaths } from './schema/index.js';

/**
 * SQL conditions that the queries of several modules share (the catalogue and the calendar, the
 * agreements and the calendar), kept here so one module's repository is never imported by another.
 */

/** A Convenzione active on a day: started, and not ended. */
export function agreementActiveOn(day: SQL | string) {
  return and(
    lte(agreements.validFrom, sql`${day}`),
    or(isNull(agreements.validTo), gte(agreements.validTo, sql`${day}`)),
  );
}

/** The Italian full-text match of a training path, used by the catalogue and the calendar. */
export function pathMatches(q: string) {
  return sql`to_tsvector('italian', ${trainingPaths.title} || ' ' || ${trainingPaths.summary} || ' ' || ${trainingPaths.objectives}) @@ websearch_to_tsquery('italian', ${q})`;
}
