import { bigint, integer, pgTable, varchar } from 'drizzle-orm/pg-core';

/**
 * Per-address request counters shared by every instance on PostgreSQL (sign-in, password reset,
 * certificate checks). The layout is the one rate-limiter-flexible's RateLimiterPostgres reads and
 * writes; the table is created here so that the library never runs DDL itself.
 */
export const rateLimits = pgTable('rate_limits', {
  key: varchar('key', { length: 255 }).primaryKey(),
  points: integer('points').notNull().default(0),
  /** When the window ends, in milliseconds since the epoch. */
  expire: bigint('expire', { mode: 'number' }),
});
