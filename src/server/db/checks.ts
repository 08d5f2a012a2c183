import { getTableName, type SQL, sql } from 'drizzle-orm';
import { type AnyPgColumn, check } from 'drizzle-orm/pg-core';

/**
 * CHECK constraints for closed vocabularies, built from the shared constant lists in src/common, so
 * the database refuses what the TypeScript types refuse. The values are written into the SQL as
 * literals (drizzle-kit stores the text of a CHECK; bound parameters would not survive), and the
 * constraint is named like PostgreSQL's own: <table>_<column>_check.
 */
const literals = (values: readonly string[]): SQL =>
  sql.raw(values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', '));

const nameOf = (column: AnyPgColumn) => `${getTableName(column.table)}_${column.name}_check`;

/** The column holds one of the values. */
export function oneOf(column: AnyPgColumn, values: readonly string[]) {
  return check(nameOf(column), sql`${column} in (${literals(values)})`);
}

/** Every element of the text[] column is one of the values. */
export function allOf(column: AnyPgColumn, values: readonly string[]) {
  return check(nameOf(column), sql`${column} <@ array[${literals(values)}]::text[]`);
}

/** The integer column lies between min and max inclusive (NULL passes, as with every CHECK). */
export function inRange(column: AnyPgColumn, min: number, max: number) {
  return check(nameOf(column), sql`${column} between ${sql.raw(String(min))} and ${sql.raw(String(max))}`);
}
