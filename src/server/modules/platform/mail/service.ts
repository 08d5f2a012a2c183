import type { z } from 'zod';
import type { outboxQuery } from '../../../../common/admin.js';
import type { Db } from '../../../db/client.js';
import { errors } from '../../../kernel/errors.js';
import type { RequestContext } from '../../../kernel/principal.js';
import { canViewOutbox } from './policy.js';
import type { OutboxRepository } from './repository.js';
import type { Mail } from './templates.js';
import type { OutboxWorker } from './worker.js';

export type MailService = ReturnType<typeof createMailService>;

export function createMailService(deps: { db: Db; repo: OutboxRepository; worker: OutboxWorker }) {
  return {
    /** Queues a message in the caller's transaction; it is delivered after commit by the worker. */
    async enqueue(tx: Db, to: string, mail: Mail) {
      await deps.repo.insert(tx, { toAddress: to, subject: mail.subject, textBody: mail.text });
    },

    /** Queues several messages in the caller's transaction, in batches (one per person invited). */
    async enqueueMany(tx: Db, items: { to: string; mail: Mail }[]) {
      await deps.repo.insertMany(
        tx,
        items.map((i) => ({ toAddress: i.to, subject: i.mail.subject, textBody: i.mail.text })),
      );
    },

    /** Nudges the worker after a commit so users do not wait for the next poll. */
    kick() {
      void deps.worker.runOnce().catch(() => undefined);
    },

    async list(ctx: RequestContext, q: z.infer<typeof outboxQuery>) {
      if (!canViewOutbox(ctx.actor)) throw errors.forbidden();
      const { rows, total } = await deps.repo.list(deps.db, q);
      return {
        items: rows.map((r) => ({
          id: r.id,
          toAddress: r.toAddress,
          subject: r.subject,
          textBody: r.textBody,
          status: r.status,
          attempts: r.attempts,
          lastError: r.lastError,
          createdAt: r.createdAt.toISOString(),
          sentAt: r.sentAt?.toISOString() ?? null,
        })),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  };
}
