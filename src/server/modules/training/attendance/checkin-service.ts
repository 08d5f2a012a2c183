import type { Db } from '../../../db/client.js';
import type { Clock } from '../../../kernel/clock.js';
import { AppError, errors } from '../../../kernel/errors.js';
import { qrCode } from '../../../kernel/lazy.js';
import { type RequestContext, requireActor } from '../../../kernel/principal.js';
import { newToken } from '../../../kernel/tokens.js';
import type { AuditService } from '../../platform/audit/index.js';
import { sessionToRun } from './access.js';
import { assertRecordable, type Ledger } from './ledger.js';
import { notEnrolled, romeSpan } from './messages.js';
import type { AttendanceRepository, SessionContext } from './repository.js';

/** Check-in opens this long before the session starts, so people arriving early can scan. */
const OPENS_BEFORE_MS = 30 * 60_000;

const CHECKIN = { it: 'Codice di presenza', en: 'Check-in code' };

export function checkinWindow(s: { startsAt: Date; endsAt: Date }) {
  return { opensAt: new Date(s.startsAt.getTime() - OPENS_BEFORE_MS), closesAt: s.endsAt };
}

export type CheckinService = ReturnType<typeof createCheckinService>;

export function createCheckinService(deps: {
  db: Db;
  repo: AttendanceRepository;
  audit: AuditService;
  ledger: Ledger;
  publicUrl: string;
  clock: Clock;
}) {
  const { db, repo, audit, ledger, clock } = deps;

  async function byToken(tx: Db, token: string): Promise<SessionContext> {
    const c = await repo.findCheckinByToken(tx, token);
    const s = c && (await repo.sessionContext(tx, c.sessionId));
    if (!s) throw errors.notFound(CHECKIN);
    return s;
  }

  return {
    /** The session's check-in code (made on first request) with its address and QR code. */
    async code(ctx: RequestContext, sessionId: number) {
      const { row, s } = await db.transaction(async (tx) => {
        const s = await sessionToRun(repo, tx, ctx, sessionId);
        assertRecordable(s);
        const { row, created } = await repo.ensureCheckin(tx, sessionId, newToken());
        if (created)
          await audit.record(tx, ctx, {
            action: 'checkin.code_created',
            entityType: 'session',
            entityId: sessionId,
            details: { editionId: s.edition.id },
          });
        return { row, s };
      });
      const url = `${deps.publicUrl}/presenze/${row.token}`;
      const w = checkinWindow(s.session);
      return {
        token: row.token,
        url,
        opensAt: w.opensAt.toISOString(),
        closesAt: w.closesAt.toISOString(),
        svg: await (await qrCode()).toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }),
      };
    },

    /** What the check-in page shows before the person confirms. */
    async info(ctx: RequestContext, token: string) {
      const actor = requireActor(ctx);
      const s = await byToken(db, token);
      const w = checkinWindow(s.session);
      const now = clock.now().getTime();
      const enrolled = !!(await repo.findConfirmed(db, s.edition.id, actor.id));
      const row = enrolled ? await repo.findRow(db, s.session.id, actor.id) : undefined;
      return {
        sessionTitle: s.session.title,
        editionTitle: s.edition.title,
        pathTitle: s.pathTitle,
        startsAt: s.session.startsAt.toISOString(),
        endsAt: s.session.endsAt.toISOString(),
        opensAt: w.opensAt.toISOString(),
        closesAt: w.closesAt.toISOString(),
        open:
          s.session.status === 'scheduled' &&
          s.edition.status !== 'cancelled' &&
          now >= w.opensAt.getTime() &&
          now <= w.closesAt.getTime(),
        enrolled,
        minutes: row?.minutes ?? null,
      };
    },

    /**
     * The signed-in learner checks in: from now (or from the start, when early) to the end of the
     * session. A higher figure already in the ledger is kept.
     */
    async checkIn(ctx: RequestContext, token: string) {
      const actor = requireActor(ctx);
      const now = clock.now();
      return db.transaction(async (tx) => {
        const s = await byToken(tx, token);
        assertRecordable(s);
        if (!(await repo.findConfirmed(tx, s.edition.id, actor.id))) throw notEnrolled(403);
        const w = checkinWindow(s.session);
        if (now < w.opensAt || now > w.closesAt)
          throw new AppError(409, 'CHECKIN_CLOSED', {
            it: `La registrazione della presenza è aperta ${romeSpan(w.opensAt, w.closesAt, 'it')}.`,
            en: `Check-in is open ${romeSpan(w.opensAt, w.closesAt, 'en')}.`,
          });
        const from = Math.max(now.getTime(), s.session.startsAt.getTime());
        const minutes = Math.floor((s.session.endsAt.getTime() - from) / 60_000);
        const { row } = await ledger.record(tx, ctx, {
          sessionId: s.session.id,
          userId: actor.id,
          minutes,
          source: 'qr',
          detail: { checkedInAt: now.toISOString() },
          keepHigher: true,
          session: s,
        });
        return { sessionTitle: s.session.title, checkedInAt: now.toISOString(), minutes: row.minutes };
      });
    },
  };
}
