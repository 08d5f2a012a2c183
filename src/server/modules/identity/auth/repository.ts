import { and, eq, gt, isNull, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import {
  roleGrants,
  sessions,
  settings,
  territorialUnits,
  users,
  userTokens,
} from '../../../db/schema/index.js';
import type { Clock } from '../../../kernel/clock.js';
import type { Grant } from '../../../kernel/principal.js';

export type TokenPurpose = 'password_reset' | 'invitation';

export function createAuthRepository(clock: Clock) {
  return {
    async insertSession(db: Db, s: typeof sessions.$inferInsert) {
      await db.insert(sessions).values(s);
    },

    /**
     * The live session for a token hash, with its active user and the user's role grants: what every
     * signed-in request needs, in one round trip.
     */
    async findSession(db: Db, tokenHash: string) {
      const [row] = await db
        .select({
          lastSeenAt: sessions.lastSeenAt,
          user: { id: users.id, email: users.email, name: users.name, unitId: users.unitId },
          grants: sql<Grant[]>`coalesce((
            select json_agg(json_build_object('id', g.id, 'role', g.role, 'unitId', g.unit_id, 'unitName', u.name) order by g.id)
            from ${roleGrants} g left join ${territorialUnits} u on u.id = g.unit_id
            where g.user_id = ${users.id}), '[]')`,
        })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(
          and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, clock.now()), eq(users.active, true)),
        );
      if (!row) return undefined;
      // PGlite answers json as parsed values, node-postgres too; a string would mean a driver that does not.
      const grants = typeof row.grants === 'string' ? (JSON.parse(row.grants) as Grant[]) : row.grants;
      return { ...row, grants };
    },

    async touchSession(db: Db, tokenHash: string, expiresAt: Date) {
      await db
        .update(sessions)
        .set({ lastSeenAt: clock.now(), expiresAt })
        .where(eq(sessions.tokenHash, tokenHash));
    },

    async deleteSession(db: Db, tokenHash: string) {
      await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    },

    /** Revokes every session of a user, except optionally the one in use. */
    async deleteUserSessions(db: Db, userId: string, exceptHash?: string) {
      await db
        .delete(sessions)
        .where(and(eq(sessions.userId, userId), exceptHash ? ne(sessions.tokenHash, exceptHash) : undefined));
    },

    async deleteExpiredSessions(db: Db) {
      await db.delete(sessions).where(lt(sessions.expiresAt, clock.now()));
    },

    async insertToken(db: Db, t: typeof userTokens.$inferInsert) {
      await db.insert(userTokens).values(t);
    },

    /**
     * Marks a token used, atomically: of two concurrent uses only one gets the row back.
     */
    async consumeToken(db: Db, tokenHash: string) {
      const [row] = await db
        .update(userTokens)
        .set({ usedAt: clock.now() })
        .where(
          and(
            eq(userTokens.tokenHash, tokenHash),
            isNull(userTokens.usedAt),
            gt(userTokens.expiresAt, clock.now()),
          ),
        )
        .returning();
      return row;
    },

    /** Older unused links of the same kind stop working when a new one is sent. */
    async expireTokens(db: Db, userId: string, purpose: TokenPurpose) {
      await db
        .update(userTokens)
        .set({ usedAt: clock.now() })
        .where(
          and(eq(userTokens.userId, userId), eq(userTokens.purpose, purpose), isNull(userTokens.usedAt)),
        );
    },

    async getSetting(db: Db, key: string) {
      const [row] = await db.select().from(settings).where(eq(settings.key, key));
      return row?.value;
    },

    /** Inserts the value unless another process did first; returns the stored one. */
    async initSetting(db: Db, key: string, value: string) {
      await db.insert(settings).values({ key, value }).onConflictDoNothing();
      const [row] = await db.select().from(settings).where(eq(settings.key, key));
      return row?.value ?? value;
    },
  };
}

export type AuthRepository = ReturnType<typeof createAuthRepository>;
