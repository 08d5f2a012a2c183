import type { SessionInfo } from '../../../../common/attendance.js';
import type { Db } from '../../../db/client.js';
import { errors } from '../../../kernel/errors.js';
import type { RequestContext } from '../../../kernel/principal.js';
import { lengthMinutes } from './completion.js';
import { SESSION } from './messages.js';
import { canRunSession } from './policy.js';
import type { AttendanceRepository, SessionContext } from './repository.js';

/** A session the actor runs (trainer or catalogue manager): 404 when it does not exist, else 403. */
export async function sessionToRun(
  repo: AttendanceRepository,
  db: Db,
  ctx: RequestContext,
  sessionId: number,
) {
  const s = await repo.sessionContext(db, sessionId);
  if (!s) throw errors.notFound(SESSION);
  const allowed = canRunSession(ctx.actor, {
    editionTrainerIds: s.editionTrainers.map((t) => t.id),
    sessionTrainerId: s.session.trainerId,
    trainsEdition: await trainsEdition(repo, db, ctx, s.edition.id),
  });
  if (!allowed) throw errors.forbidden();
  return s;
}

/** Whether the actor trains the edition: as its trainer or the trainer of any of its sessions. */
export async function trainsEdition(
  repo: AttendanceRepository,
  db: Db,
  ctx: RequestContext,
  editionId: number,
) {
  return !!ctx.actor && (await repo.trains(db, editionId, ctx.actor.id));
}

export function toSessionInfo(s: SessionContext): SessionInfo {
  return {
    id: s.session.id,
    title: s.session.title,
    startsAt: s.session.startsAt.toISOString(),
    endsAt: s.session.endsAt.toISOString(),
    mode: s.session.mode,
    status: s.session.status,
    room: s.session.room,
    lengthMinutes: lengthMinutes(s.session),
    editionId: s.edition.id,
    editionTitle: s.edition.title,
    editionStatus: s.edition.status,
    pathTitle: s.pathTitle,
  };
}

/** Italian names sort with accents and case folded, as people expect on a list. */
export const byName = <T extends { name: string }>(a: T, b: T) =>
  a.name.localeCompare(b.name, 'it', { sensitivity: 'base' });
