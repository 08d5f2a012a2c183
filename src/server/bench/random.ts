import { type SQL, sql } from 'drizzle-orm';

/**
 * Deterministic pseudo-random numbers in SQL: an md5 of the seed, a tag naming the draw and the row's
 * keys. md5 is the same on every PostgreSQL (and in PGlite), so a seed gives the same data everywhere,
 * and each draw is independent of the others (a new tag is a new stream).
 */
export type Draw = {
  /** A number in [0, 1). */
  u: (tag: string, ...keys: SQL[]) => SQL<number>;
  /** A whole number in [0, n). */
  int: (tag: string, n: number | SQL, ...keys: SQL[]) => SQL<number>;
  /** A stable UUID for a row. */
  uuid: (tag: string, ...keys: SQL[]) => SQL<string>;
  /** A stable hex string (32 characters) for a row. */
  hex: (tag: string, ...keys: SQL[]) => SQL<string>;
};

const TAG = /^[a-z0-9-]+$/;

export function draws(seed: number): Draw {
  if (!Number.isSafeInteger(seed)) throw new RangeError('seed must be an integer');
  const hex = (tag: string, ...keys: SQL[]) => {
    // Tags are names written in this code, never input: inlined so every row does not carry parameters.
    if (!TAG.test(tag)) throw new RangeError(`bad draw tag ${tag}`);
    const key = keys.length
      ? sql.join(
          keys.map((k) => sql`(${k})::text`),
          sql.raw(` || ':' || `),
        )
      : sql`''`;
    return sql<string>`md5(${sql.raw(`'${seed}:${tag}:'`)} || ${key})`;
  };
  const u = (tag: string, ...keys: SQL[]) =>
    sql<number>`((('x' || substr(${hex(tag, ...keys)}, 1, 7))::bit(28)::int)::float8 / 268435456)`;
  return {
    u,
    int: (tag, n, ...keys) => sql<number>`floor(${u(tag, ...keys)} * (${n}))::int`,
    // Shaped as a version-4 UUID (version and variant digits set), as validators of UUIDs expect.
    uuid: (tag, ...keys) =>
      sql<string>`(select (substr(h, 1, 12) || '4' || substr(h, 14, 3) || substr('89ab', 1 + ('x' || substr(h, 17, 1))::bit(4)::int % 4, 1) || substr(h, 18))::uuid
        from (select ${hex(tag, ...keys)} as h) as x)`,
    hex,
  };
}

/** A SQL text array literal from a list of words (for `(array)[i]` picks). */
export function textArray(words: readonly string[]): SQL {
  return sql`string_to_array(${words.join('|')}, '|')`;
}
