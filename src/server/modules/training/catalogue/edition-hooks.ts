import type { Db } from '../../../db/client.js';
import type { RequestContext } from '../../../kernel/principal.js';

/**
 * What other features do inside the same transaction when an edition changes: enrolment gives new
 * seats to the waitlist, attendance recomputes completion, certificates are issued on completion.
 * Set by the composition root after every service exists.
 */
export type EditionHook = (tx: Db, ctx: RequestContext, editionId: number) => Promise<unknown>;
export type EditionHooks = {
  capacityChanged: EditionHook[];
  /** Sessions added, moved or cancelled, or the completion rules changed. */
  requirementsChanged: EditionHook[];
  completed: EditionHook[];
};

export const editionHooks = (): EditionHooks => ({
  capacityChanged: [],
  requirementsChanged: [],
  completed: [],
});

export async function runHooks(hooks: EditionHook[], tx: Db, ctx: RequestContext, editionId: number) {
  for (const hook of hooks) await hook(tx, ctx, editionId);
}
