import type { z } from 'zod';
import type { auditQuery } from '../../../../common/admin.js';
import type { Db } from '../../../db/client.js';
import { errors } from '../../../kernel/errors.js';
import type { RequestContext } from '../../../kernel/principal.js';
import { canViewAudit } from './policy.js';
import type { AuditRecord, AuditRepository } from './repository.js';

function who(ctx: RequestContext) {
  return {
    actorId: ctx.actor?.id ?? null,
    actorEmail: ctx.actor?.email ?? null,
    ip: ctx.ip,
    requestId: ctx.requestId,
  };
}

export type AuditService = ReturnType<typeof createAuditService>;

export function createAuditService(deps: { db: Db; repo: AuditRepository }) {
  return {
    /** Records a change; pass the transaction that made it. */
    record(tx: Db, ctx: RequestContext, rec: AuditRecord) {
      return deps.repo.insert(tx, who(ctx), rec);
    },

    /** Records several changes, each with its own request, in one statement of the caller's transaction. */
    recordMany(tx: Db, entries: { ctx: RequestContext; rec: AuditRecord }[]) {
      return deps.repo.insertMany(
        tx,
        entries.map((e) => ({ who: who(e.ctx), rec: e.rec })),
      );
    },

    async list(ctx: RequestContext, q: z.infer<typeof auditQuery>) {
      if (!canViewAudit(ctx.actor)) throw errors.forbidden();
      const { rows, total } = await deps.repo.list(deps.db, q);
      return {
        items: rows.map((r) => ({ ...r, at: r.at.toISOString() })),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  };
}
