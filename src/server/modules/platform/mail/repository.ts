import { and, count, desc, eq, ilike, lte, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { outboxQuery } from '../../../../common/admin.js';
import type { Db } from '../../../db/client.js';
import { outbox } from '../../../db/schema/index.js';
import { escapeLike } from '../../../db/sql.js';
import type { Clock } from '../../../kernel/clock.js';

export type NewMessage = { toAddress: string; subject: string; textBody: string; htmlBody?: string | null };

/** `clock` decides when a message is due: queued now, retried later, claimed for a lease. */
export function createOutboxRepository(clock: Clock) {
  return {
    async insert(db: Db, msg: NewMessage) {
      const [row] = await db
        .insert(outbox)
        .values({ ...msg, nextAttemptAt: clock.now() })
        .returning({ id: outbox.id });
      return row?.id;
    },

    /** Queues many messages in as few statements as possible (invitations of a large campaign). */
    async insertMany(db: Db, msgs: NewMessage[]) {
      const at = clock.now();
      for (let i = 0; i < msgs.length; i += 500)
        await db.insert(outbox).values(msgs.slice(i, i + 500).map((m) => ({ ...m, nextAttemptAt: at })));
    },

    /**
     * Claims due messages by pushing their next attempt into the future, so that another app
     * instance polling at the same time skips them (SKIP LOCKED) and never sends twice.
     */
    async claimDue(db: Db, limit: number, leaseSeconds: number) {
      const now = clock.now();
      const leaseEnd = new Date(now.getTime() + leaseSeconds * 1000);
      const res = await db.execute<{ id: number }>(sql`
        update ${outbox} set next_attempt_at = ${leaseEnd.toISOString()}::timestamptz
        where id in (
          select id from ${outbox}
          where status = 'pending' and next_attempt_at <= ${now.toISOString()}::timestamptz
          order by next_attempt_at, id
          limit ${limit}
          for update skip locked
        )
        returning id`);
      const ids = (res as unknown as { rows: { id: number | string }[] }).rows.map((r) => Number(r.id));
      if (!ids.length) return [];
      return db.query.outbox.findMany({
        where: (o, { inArray }) => inArray(o.id, ids),
        orderBy: (o) => o.id,
      });
    },

    async markSent(db: Db, id: number) {
      await db
        .update(outbox)
        .set({ status: 'sent', sentAt: clock.now(), attempts: sql`${outbox.attempts} + 1`, lastError: null })
        .where(eq(outbox.id, id));
    },

    async markFailed(db: Db, id: number, error: string, retryAt: Date | null) {
      await db
        .update(outbox)
        .set({
          status: retryAt ? 'pending' : 'failed',
          attempts: sql`${outbox.attempts} + 1`,
          lastError: error.slice(0, 1000),
          ...(retryAt ? { nextAttemptAt: retryAt } : {}),
        })
        .where(eq(outbox.id, id));
    },

    async list(db: Db, q: z.infer<typeof outboxQuery>) {
      const where: SQL[] = [];
      if (q.status) where.push(eq(outbox.status, q.status));
      if (q.to) where.push(ilike(outbox.toAddress, `%${escapeLike(q.to)}%`));
      const cond = where.length ? and(...where) : undefined;
      const [rows, [total]] = await Promise.all([
        db
          .select()
          .from(outbox)
          .where(cond)
          .orderBy(desc(outbox.createdAt), desc(outbox.id))
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize),
        db.select({ n: count() }).from(outbox).where(cond),
      ]);
      return { rows, total: total?.n ?? 0 };
    },

    async countDue(db: Db) {
      const [row] = await db
        .select({ n: count() })
        .from(outbox)
        .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, clock.now())));
      return row?.n ?? 0;
    },
  };
}

export type OutboxRepository = ReturnType<typeof createOutboxRepository>;
