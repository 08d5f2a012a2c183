import { type AnyColumn, and, eq, gte, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { agreements, editionSessions, editions, editionTrainers, trainingPaths } from './schema/index.js';

/**
 * SQL conditions that the queries of several modules share (the catalogue and the calendar, the
 * agreements and the calendar, the catalogue and enrolment), kept here so one module's repository is never imported by another.
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

/**
 * The person trains the edition: named among its trainers or as the trainer of one of its sessions.
 * Every module that scopes a trainer to "their" editions (catalogue, enrolment, attendance) asks the
 * same question.
 */
export function trainedBy(editionId: SQL | AnyColumn, userId: string) {
  return or(
    sql`exists (select 1 from ${editionTrainers} where ${editionTrainers.editionId} = ${editionId} and ${editionTrainers.userId} = ${userId})`,
    sql`exists (select 1 from ${editionSessions} where ${editionSessions.editionId} = ${editionId} and ${editionSessions.trainerId} = ${userId})`,
  ) as SQL;
}

/** Whether the person trains the edition (`trainedBy`), read on its own. */
export async function trainsEdition(db: Db, editionId: number, userId: string) {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(editions)
    .where(and(eq(editions.id, editionId), trainedBy(editions.id, userId)));
  return !!row;
}
