import type { Config } from '../../../config.js';
import type { Db } from '../../../db/client.js';
import type { Clock } from '../../../kernel/clock.js';
import type { Lang } from '../../../kernel/errors.js';
import type { RequestContext } from '../../../kernel/principal.js';
import type { AuditService } from '../../platform/audit/index.js';
import type { MailService } from '../../platform/mail/index.js';
import { type EnrolmentEvent, enrolmentMail } from './mails.js';
import type { EditionRow, EnrolmentRepository, EnrolmentRow } from './repository.js';
import { confirmedTotal, type SeatState, seatAvailableFor, takeSeat } from './seats.js';

/** Who is told of which enrolment event, about which edition. */
type Notice = {
  person: { name: string; email: string; locale: string };
  found: { edition: EditionRow; path: { title: string } };
  event: EnrolmentEvent;
};

/** Editions whose waitlist moves: people can still be given a seat. */
const SEATS_MOVE = ['published', 'closed'];

/**
 * Seat decisions, always made while the caller holds the edition's row lock (repo.lockEdition), so
 * concurrent requests for one edition are decided one at a time and never overbook.
 */
export function createPlacement(deps: {
  repo: EnrolmentRepository;
  audit: AuditService;
  mail: MailService;
  config: Pick<Config, 'publicUrl'>;
  clock: Clock;
}) {
  const { repo, clock } = deps;

  async function position(tx: Db, row: EnrolmentRow) {
    const list = await repo.waitlist(tx, row.editionId);
    return list.findIndex((w) => w.id === row.id) + 1;
  }

  async function notify(tx: Db, row: EnrolmentRow, event: EnrolmentEvent) {
    const person = await repo.person(tx, row.userId);
    const found = await repo.findEdition(tx, row.editionId);
    if (!person || !found) return;
    const { to, mail } = mailOf({ person, found, event });
    await deps.mail.enqueue(tx, to, mail);
  }

  /** The e-mail telling a person of an enrolment event, in their language. */
  function mailOf({ person, found, event }: Notice) {
    const lang: Lang = person.locale === 'en' ? 'en' : 'it';
    return {
      to: person.email,
      mail: enrolmentMail(
        lang,
        {
          name: person.name,
          pathTitle: found.path.title,
          editionTitle: found.edition.title,
          startsOn: found.edition.startsOn,
          endsOn: found.edition.endsOn,
          link: `${deps.config.publicUrl}/formazione/iscrizioni`,
        },
        event,
      ),
    };
  }

  /** Gives free seats to the waitlist in order; a reserved seat goes to the first of its unit. */
  async function promote(tx: Db, ctx: RequestContext, edition: EditionRow) {
    if (!SEATS_MOVE.includes(edition.status)) return 0;
    return promoteFrom(tx, ctx, edition, await repo.seatState(tx, edition));
  }

  /** `promote` from a seat state already read under the lock; the state is updated with the seats given. */
  async function promoteFrom(tx: Db, ctx: RequestContext, edition: EditionRow, state: SeatState) {
    if (confirmedTotal(state) >= edition.capacity) return 0;
    let promoted = 0;
    for (const w of await repo.waitlist(tx, edition.id)) {
      if (confirmedTotal(state) >= edition.capacity) break;
      if (!seatAvailableFor(state, w.unitId)) continue;
      takeSeat(state, w.unitId);
      const row = await repo.update(tx, w.id, { status: 'confirmed', confirmedAt: clock.now() });
      await deps.audit.record(tx, ctx, {
        action: 'enrolment.promoted',
        entityType: 'enrolment',
        entityId: row.id,
        details: { editionId: edition.id, userId: row.userId, queueNo: w.queueNo },
      });
      await notify(tx, row, { kind: 'promoted' });
      promoted++;
    }
    return promoted;
  }

  /**
   * Where a newcomer goes: a seat if one is free for their unit, else the end of the waitlist, at the
   * queue number of the caller's `repo.stamp` (taken under the same lock). The waitlist is served
   * first, so nobody arriving later takes a seat someone is waiting for.
   */
  async function place(
    tx: Db,
    ctx: RequestContext,
    edition: EditionRow,
    unitId: number | null,
  ): Promise<{ status: 'confirmed'; confirmedAt: Date } | { status: 'waitlisted' }> {
    await promote(tx, ctx, edition);
    const state = await repo.seatState(tx, edition);
    if (seatAvailableFor(state, unitId)) return { status: 'confirmed', confirmedAt: clock.now() };
    return { status: 'waitlisted' };
  }

  /**
   * Where several newcomers go, in the order given, under one lock: the waitlist is served first (as
   * in `place`), then each takes a seat free for their unit or the end of the waitlist. Answers each
   * one's status and, for the waitlisted, their position.
   */
  async function placeMany(
    tx: Db,
    ctx: RequestContext,
    edition: EditionRow,
    unitIds: (number | null)[],
  ): Promise<({ status: 'confirmed'; confirmedAt: Date } | { status: 'waitlisted'; position: number })[]> {
    const state = await repo.seatState(tx, edition);
    if (SEATS_MOVE.includes(edition.status)) await promoteFrom(tx, ctx, edition, state);
    let waiting = await repo.waitlistLength(tx, edition.id);
    return unitIds.map((unitId) => {
      if (seatAvailableFor(state, unitId)) {
        takeSeat(state, unitId);
        return { status: 'confirmed' as const, confirmedAt: clock.now() };
      }
      waiting++;
      return { status: 'waitlisted' as const, position: waiting };
    });
  }

  /** Queues the e-mails of several enrolment events in one statement. */
  async function notifyMany(tx: Db, items: Notice[]) {
    await deps.mail.enqueueMany(tx, items.map(mailOf));
  }

  return { place, placeMany, promote, notify, notifyMany, position };
}

export type Placement = ReturnType<typeof createPlacement>;
