import type { FastifyBaseLogger } from 'fastify';
import type { EnrolmentNotices } from '../../../../common/enrolment.js';
import { romeDate, romeTime } from '../../../../common/rome-time.js';
import type { Config } from '../../../config.js';
import type { Db } from '../../../db/client.js';
import type { Clock } from '../../../kernel/clock.js';
import { errors, type Lang } from '../../../kernel/errors.js';
import { periodicJob } from '../../../kernel/periodic.js';
import {
  type Principal,
  type RequestContext,
  requireActor,
  unitsWithRole,
} from '../../../kernel/principal.js';
import type { AuditService } from '../../platform/audit/index.js';
import type { MailService } from '../../platform/mail/index.js';
import { approvalRequestMail, digestMail, staffCancellationMail } from './officer-mails.js';
import type { OfficerRepository } from './officer-repository.js';
import type { EnrolmentRepository, EnrolmentRow } from './repository.js';

/** The daily summaries go out from this Rome time on (the first pass of the job after it). */
export const DIGEST_FROM = '07:00';
/**
 * A summary lists the cancellations since the previous one, or since the officer chose summaries
 * (those before were told one by one), and never more than a week back.
 */
const MAX_DIGEST_LOOKBACK_MS = 7 * 24 * 3600 * 1000;
/**
 * A summary lists the cancellations up to this long before its pass, and the next one starts there: a
 * cancellation stamped just before the pass but committed just after it is in the next summary, not lost.
 */
const DIGEST_SETTLE_MS = 60_000;

const langOf = (locale: string): Lang => (locale === 'en' ? 'en' : 'it');

/** Who may choose how they are told: the officers of a Province (those told of its staff). */
export function canChooseEnrolmentNotices(p: Principal | null): boolean {
  return unitsWithRole(p, 'province_officer').length > 0;
}

/**
 * What Province officers are told about their staff's enrolments: each request awaiting their
 * approval and each cancellation, by one e-mail each (queued in the transaction of the change), or
 * in one summary a day (the digest job) if they chose it.
 */
export function createOfficerNotices(deps: {
  db: Db;
  repo: OfficerRepository;
  enrolments: Pick<EnrolmentRepository, 'findEdition' | 'person'>;
  mail: MailService;
  audit: AuditService;
  config: Pick<Config, 'publicUrl'>;
  clock: Clock;
}) {
  const { db, repo } = deps;
  const link = `${deps.config.publicUrl}/provincia/iscrizioni`;

  async function facts(tx: Db, row: EnrolmentRow) {
    const learner = await deps.enrolments.person(tx, row.userId);
    const found = await deps.enrolments.findEdition(tx, row.editionId);
    if (!learner || !found) return null;
    return {
      learnerName: learner.name,
      pathTitle: found.path.title,
      editionTitle: found.edition.title,
      startsOn: found.edition.startsOn,
      endsOn: found.edition.endsOn,
      requestedAt: row.requestedAt,
    };
  }

  /** Officers of the row's unit who want one e-mail per event, leaving out the one who acted. */
  async function immediateRecipients(tx: Db, row: EnrolmentRow, actorId: string | null) {
    if (row.unitId === null) return [];
    return (await repo.officersOf(tx, row.unitId)).filter((o) => o.mode === 'each' && o.id !== actorId);
  }

  return {
    /** A learner's own request now awaits approval (caller's transaction). */
    async requestAwaiting(tx: Db, row: EnrolmentRow) {
      const officers = await immediateRecipients(tx, row, row.userId);
      if (!officers.length) return;
      const f = await facts(tx, row);
      if (!f) return;
      await deps.mail.enqueueMany(
        tx,
        officers.map((o) => ({ to: o.email, mail: approvalRequestMail(langOf(o.locale), o.name, f, link) })),
      );
    },

    /** An enrolment was cancelled by `actorId` (caller's transaction). */
    async cancelled(tx: Db, row: EnrolmentRow, actorId: string | null, reason: string | null) {
      const officers = await immediateRecipients(tx, row, actorId);
      if (!officers.length) return;
      const f = await facts(tx, row);
      if (!f) return;
      const byName = actorId && actorId !== row.userId ? await repo.nameOf(tx, actorId) : null;
      await deps.mail.enqueueMany(
        tx,
        officers.map((o) => ({
          to: o.email,
          mail: staffCancellationMail(langOf(o.locale), o.name, { ...f, reason, byName }, link),
        })),
      );
    },

    async preference(ctx: RequestContext): Promise<EnrolmentNotices> {
      const actor = requireActor(ctx);
      if (!canChooseEnrolmentNotices(actor)) throw errors.forbidden();
      return { mode: await repo.noticeMode(db, actor.id) };
    },

    async setPreference(ctx: RequestContext, body: EnrolmentNotices): Promise<EnrolmentNotices> {
      const actor = requireActor(ctx);
      if (!canChooseEnrolmentNotices(actor)) throw errors.forbidden();
      await db.transaction(async (tx) => {
        await repo.setNoticeMode(tx, actor.id, body.mode, deps.clock.now());
        await deps.audit.record(tx, ctx, {
          action: 'user.enrolmentNotices',
          entityType: 'user',
          entityId: actor.id,
          details: { mode: body.mode },
        });
      });
      return { mode: body.mode };
    },
  };
}

export type OfficerNotices = ReturnType<typeof createOfficerNotices>;

/**
 * Periodic job of every process: from DIGEST_FROM (Rome time), one summary per digest officer and
 * Rome day, listing their Province's requests still awaiting approval and the cancellations since
 * their previous summary; nothing is sent when both lists are empty. Each summary is claimed by a
 * row keyed (officer, day) in the transaction that queues it, so concurrent passes, other processes
 * and restarts never send a second one.
 */
export function createDigestJob(deps: {
  db: Db;
  repo: OfficerRepository;
  mail: MailService;
  config: Pick<Config, 'publicUrl' | 'outboxIntervalMs'>;
  log: FastifyBaseLogger;
  clock: Clock;
}) {
  const { db, repo } = deps;
  const link = `${deps.config.publicUrl}/provincia/iscrizioni`;

  async function pass(now: Date) {
    if (romeTime(now) < DIGEST_FROM) return 0;
    const day = romeDate(now);
    const rows = await repo.digestOfficers(db, day);
    type Officer = { name: string; email: string; locale: string; chosenAt: Date | null; unitIds: number[] };
    const officers = new Map<string, Officer>();
    for (const r of rows) {
      if (r.unitId === null) continue;
      const o = officers.get(r.id) ?? { ...r, unitIds: [] };
      o.unitIds.push(r.unitId);
      officers.set(r.id, o);
    }
    let sent = 0;
    for (const [id, o] of officers) {
      await db.transaction(async (tx) => {
        const last = await repo.lastDigestAt(tx, id);
        const since = new Date(
          Math.max(last?.getTime() ?? 0, o.chosenAt?.getTime() ?? 0, now.getTime() - MAX_DIGEST_LOOKBACK_MS),
        );
        const until = new Date(Math.max(since.getTime(), now.getTime() - DIGEST_SETTLE_MS));
        // The claim records `until`: the instant this summary covers up to, where the next one starts.
        if (!(await repo.claimDigest(tx, id, day, until))) return;
        const pending = await repo.pendingOf(tx, o.unitIds);
        const cancelled = (await repo.cancelledOf(tx, o.unitIds, since, until, id)).map((c) => ({
          ...c,
          byName: c.bySelf ? null : c.byName,
        }));
        if (!pending.length && !cancelled.length) return;
        await deps.mail.enqueue(
          tx,
          o.email,
          digestMail(langOf(o.locale), o.name, day, pending, cancelled, link),
        );
        sent++;
      });
    }
    if (sent) deps.mail.kick();
    return sent;
  }

  return periodicJob({
    name: 'enrolment digest',
    pass: (now = deps.clock.now()) => pass(now),
    intervalMs: Math.max(deps.config.outboxIntervalMs, 60_000),
    log: deps.log,
  });
}

export type DigestJob = ReturnType<typeof createDigestJob>;
