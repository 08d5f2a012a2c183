import {
  type AnyColumn,
  and,
  count,
  desc,
  eq,
  getTableColumns,
  gte,
  ilike,
  inArray,
  like,
  lte,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { auditQuery } from '../../../../common/admin.js';
import type { AuditAction, AuditEntityType } from '../../../../common/audit.js';
import type { Db } from '../../../db/client.js';
import { auditLog, editions, territorialUnits, trainingPaths, users } from '../../../db/schema/index.js';
import { escapeLike } from '../../../db/sql.js';

export type AuditRecord = {
  action: AuditAction;
  entityType: AuditEntityType;
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

function auditRow(who: AuditWho, rec: AuditRecord) {
  return {
    ...who,
    action: rec.action,
    entityType: rec.entityType,
    entityId: rec.entityId == null ? null : String(rec.entityId),
    unitId: rec.unitId ?? null,
    details: rec.details ?? null,
  };
}

export function createAuditRepository() {
  return {
    /** Takes the transaction of the change it records, so both commit or neither does. */
    async insert(db: Db, who: AuditWho, rec: AuditRecord) {
      await db.insert(auditLog).values(auditRow(who, rec));
    },

    /** Several records in one statement, in the transaction of the changes they record. */
    async insertMany(db: Db, entries: { who: AuditWho; rec: AuditRecord }[]) {
      if (entries.length) await db.insert(auditLog).values(entries.map((e) => auditRow(e.who, e.rec)));
    },

    /**
     * A page of the log with the actor's name and, for people, units, paths and editions, the object's
     * name (joined by primary key; the count reads the log alone). An actor is found by name or e-mail.
     */
    async list(db: Db, q: z.infer<typeof auditQuery>) {
      const where: SQL[] = [];
      if (q.actor) {
        const pattern = `%${escapeLike(q.actor)}%`;
        const byName = db.select({ id: users.id }).from(users).where(ilike(users.name, pattern));
        const match = or(ilike(auditLog.actorEmail, pattern), inArray(auditLog.actorId, byName));
        if (match) where.push(match);
      }
      // "user." finds every user.* action; anything else is one action exactly.
      if (q.action)
        where.push(
          q.action.endsWith('.')
            ? like(auditLog.action, `${escapeLike(q.action)}%`)
            : sql`${auditLog.action} = ${q.action}`,
        );
      if (q.entityType) where.push(eq(auditLog.entityType, q.entityType));
      if (q.entityId) where.push(eq(auditLog.entityId, q.entityId));
      if (q.from) where.push(gte(auditLog.at, new Date(q.from)));
      if (q.to) where.push(lte(auditLog.at, new Date(q.to)));
      const cond = where.length ? and(...where) : undefined;
      const actor = alias(users, 'actor');
      const person = alias(users, 'person');
      const idOf = (entityType: AuditEntityType, id: SQL | AnyColumn) =>
        and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, sql`${id}::text`));
      const [rows, [total]] = await Promise.all([
        db
          .select({
            ...getTableColumns(auditLog),
            actorName: actor.name,
            entityName: sql<
              string | null
            >`coalesce(${person.name}, ${territorialUnits.name}, ${trainingPaths.title}, ${editions.title})`,
          })
          .from(auditLog)
          .leftJoin(actor, eq(actor.id, auditLog.actorId))
          .leftJoin(person, idOf('user', person.id))
          .leftJoin(territorialUnits, idOf('unit', territorialUnits.id))
          .leftJoin(trainingPaths, idOf('training_path', trainingPaths.id))
          .leftJoin(editions, idOf('edition', editions.id))
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
