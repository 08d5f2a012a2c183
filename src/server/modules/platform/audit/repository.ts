import { and, count, desc, eq, gte, ilike, like, lte, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { auditQuery } from '../../../../common/admin.js';
import type { Db } from '../../../db/client.js';
import { auditLog } from '../../../db/schema/index.js';
import { escapeLike } from '../../../db/sql.js';

export type AuditRecord = {
  action: string;
  entityType: string;
  entityId?: string | number | null;
  unitId?: number | null;
  details?: Record<string, unknown>;
};

export type AuditWho = {
  actorId: string | null;
  actorEmail: string | null;
  ip: string | null;
  requestId: string | null;
};

export function createAuditRepository() {
  return {
    /** Takes the transaction of the change it records, so both commit or neither does. */
    async insert(db: Db, who: AuditWho, rec: AuditRecord) {
      await db.insert(auditLog).values({
        ...who,
        action: rec.action,
        entityType: rec.entityType,
        entityId: rec.entityId == null ? null : String(rec.entityId),
        unitId: rec.unitId ?? null,
        details: rec.details ?? null,
      });
    },

    async list(db: Db, q: z.infer<typeof auditQuery>) {
      const where: SQL[] = [];
      if (q.actor) where.push(ilike(auditLog.actorEmail, `%${escapeLike(q.actor)}%`));
      // "user." finds every user.* action.
      if (q.action) where.push(like(auditLog.action, `${escapeLike(q.action)}%`));
      if (q.entityType) where.push(eq(auditLog.entityType, q.entityType));
      if (q.entityId) where.push(eq(auditLog.entityId, q.entityId));
      if (q.from) where.push(gte(auditLog.at, new Date(q.from)));
      if (q.to) where.push(lte(auditLog.at, new Date(q.to)));
      const cond = where.length ? and(...where) : undefined;
      const [rows, [total]] = await Promise.all([
        db
          .select()
          .from(auditLog)
          .where(cond)
          .orderBy(desc(auditLog.at), desc(auditLog.id))
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize),
        db.select({ n: count() }).from(auditLog).where(cond),
      ]);
      return { rows, total: total?.n ?? 0 };
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
