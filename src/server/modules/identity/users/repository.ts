import { and, asc, count, eq, ilike, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Role } from '../../../../common/roles.js';
import type { Db } from '../../../db/client.js';
import { jobProfiles, roleGrants, territorialUnits, users } from '../../../db/schema/index.js';
import { escapeLike } from '../../../db/sql.js';
import type { Grant, PeopleScope } from '../../../kernel/principal.js';

export type UserRow = typeof users.$inferSelect;
export type UserFilter = {
  q?: string | undefined;
  unitId?: number | undefined;
  role?: Role | undefined;
  active?: boolean | undefined;
};

export function createUsersRepository() {
  return {
    async findByEmail(db: Db, email: string): Promise<UserRow | undefined> {
      const [row] = await db.select().from(users).where(sql`lower(${users.email}) = lower(${email})`);
      return row;
    },

    async findById(db: Db, id: string): Promise<UserRow | undefined> {
      const [row] = await db.select().from(users).where(eq(users.id, id));
      return row;
    },

    /** The active people holding a role (for any unit or nationally), by name. */
    async holdersOf(db: Db, role: Role): Promise<{ id: string; name: string; email: string }[]> {
      return db
        .selectDistinct({ id: users.id, name: users.name, email: users.email })
        .from(users)
        .innerJoin(roleGrants, eq(roleGrants.userId, users.id))
        .where(and(eq(roleGrants.role, role), eq(users.active, true)))
        .orderBy(asc(users.name), asc(users.id));
    },

    async grantsOf(db: Db, userIds: string[]): Promise<Map<string, Grant[]>> {
      const map = new Map<string, Grant[]>();
      if (!userIds.length) return map;
      const rows = await db
        .select({
          id: roleGrants.id,
          userId: roleGrants.userId,
          role: roleGrants.role,
          unitId: roleGrants.unitId,
          unitName: territorialUnits.name,
        })
        .from(roleGrants)
        .leftJoin(territorialUnits, eq(territorialUnits.id, roleGrants.unitId))
        .where(inArray(roleGrants.userId, userIds))
        .orderBy(asc(roleGrants.id));
      for (const r of rows) {
        const list = map.get(r.userId) ?? [];
        list.push({ id: r.id, role: r.role, unitId: r.unitId, unitName: r.unitName });
        map.set(r.userId, list);
      }
      return map;
    },

    /** The active people holding the province_officer role for the unit: name and e-mail. */
    async officersOf(db: Db, unitId: number) {
      return db
        .selectDistinct({ name: users.name, email: users.email })
        .from(roleGrants)
        .innerJoin(users, eq(users.id, roleGrants.userId))
        .where(
          and(eq(roleGrants.role, 'province_officer'), eq(roleGrants.unitId, unitId), eq(users.active, true)),
        )
        .orderBy(asc(users.name), asc(users.email));
    },

    async list(db: Db, scope: PeopleScope, f: UserFilter, page: number, pageSize: number) {
      const where: SQL[] = [];
      if (!scope.all) {
        if (!scope.unitIds.length) return { rows: [], total: 0 };
        where.push(inArray(users.unitId, scope.unitIds));
      }
      if (f.q) {
        const like = `%${escapeLike(f.q)}%`;
        where.push(or(ilike(users.name, like), ilike(users.email, like)) as SQL);
      }
      if (f.unitId !== undefined) where.push(eq(users.unitId, f.unitId));
      if (f.active !== undefined) where.push(eq(users.active, f.active));
      if (f.role)
        where.push(
          sql`exists (select 1 from ${roleGrants} g where g.user_id = ${users.id} and g.role = ${f.role})`,
        );
      const cond = where.length ? and(...where) : undefined;
      const [rows, [total]] = await Promise.all([
        db
          .select({ user: users, unitName: territorialUnits.name })
          .from(users)
          .leftJoin(territorialUnits, eq(territorialUnits.id, users.unitId))
          .where(cond)
          .orderBy(asc(users.name), asc(users.id))
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        db.select({ n: count() }).from(users).where(cond),
      ]);
      return { rows, total: total?.n ?? 0 };
    },

    async unitBrief(db: Db, unitId: number | null) {
      if (unitId === null) return null;
      const [row] = await db
        .select({ id: territorialUnits.id, name: territorialUnits.name, unitType: territorialUnits.unitType })
        .from(territorialUnits)
        .where(eq(territorialUnits.id, unitId));
      return row ?? null;
    },

    async jobProfileBrief(db: Db, code: string | null, lang: 'it' | 'en') {
      if (code === null) return null;
      const [row] = await db.select().from(jobProfiles).where(eq(jobProfiles.code, code));
      return row ? { code: row.code, name: lang === 'en' ? row.nameEn : row.nameIt } : null;
    },

    async insert(db: Db, values: typeof users.$inferInsert): Promise<UserRow> {
      const [row] = await db.insert(users).values(values).returning();
      if (!row) throw new Error('insert returned no row');
      return row;
    },

    async update(db: Db, id: string, patch: Partial<typeof users.$inferInsert>) {
      const [row] = await db
        .update(users)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(users.id, id))
        .returning();
      return row;
    },

    /**
     * Counts a failed sign-in atomically and locks the account once the limit is reached; `now` is
     * the caller's clock, so an expired lock restarts the count.
     */
    async recordFailedLogin(db: Db, id: string, maxFailures: number, lockSeconds: number, now: Date) {
      const at = sql`${now.toISOString()}::timestamptz`;
      const until = sql`${new Date(now.getTime() + lockSeconds * 1000).toISOString()}::timestamptz`;
      const [row] = await db
        .update(users)
        .set({
          failedLogins: sql`case when ${users.lockedUntil} is not null and ${users.lockedUntil} <= ${at} then 1 else ${users.failedLogins} + 1 end`,
          lockedUntil: sql`case when (case when ${users.lockedUntil} is not null and ${users.lockedUntil} <= ${at} then 1 else ${users.failedLogins} + 1 end) >= ${maxFailures} then ${until} else null end`,
        })
        .where(eq(users.id, id))
        .returning({ failedLogins: users.failedLogins, lockedUntil: users.lockedUntil });
      return row;
    },

    async recordLogin(db: Db, id: string, now: Date) {
      await db
        .update(users)
        .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now })
        .where(eq(users.id, id));
    },

    async insertGrant(db: Db, userId: string, role: Role, unitId: number | null, grantedBy: string | null) {
      const [row] = await db.insert(roleGrants).values({ userId, role, unitId, grantedBy }).returning();
      return row;
    },

    async findGrant(db: Db, userId: string, grantId: number) {
      const [row] = await db
        .select()
        .from(roleGrants)
        .where(and(eq(roleGrants.userId, userId), eq(roleGrants.id, grantId)));
      return row;
    },

    async deleteGrant(db: Db, grantId: number) {
      await db.delete(roleGrants).where(eq(roleGrants.id, grantId));
    },

    /**
     * The active national admins, locked until the transaction ends, so that two admins removing
     * each other at the same moment cannot leave the platform with none.
     */
    async lockActiveAdmins(db: Db) {
      return db
        .select({ grantId: roleGrants.id, userId: roleGrants.userId })
        .from(roleGrants)
        .innerJoin(users, eq(users.id, roleGrants.userId))
        .where(and(eq(roleGrants.role, 'national_admin'), isNull(roleGrants.unitId), eq(users.active, true)))
        .for('update');
    },
  };
}

export type UsersRepository = ReturnType<typeof createUsersRepository>;
