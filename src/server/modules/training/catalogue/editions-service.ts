import type { z } from 'zod';
import type {
  Edition,
  EditionInput,
  EditionStatus,
  editionListQuery,
  editionTransition,
  SessionInput,
} from '../../../../common/catalogue.js';
import type { Db } from '../../../db/client.js';
import { trainsEdition } from '../../../db/predicates.js';
import { changedFields } from '../../../kernel/changes.js';
import { AppError, errors } from '../../../kernel/errors.js';
import type { EventBus } from '../../../kernel/events.js';
import { isNationalAdmin, type RequestContext } from '../../../kernel/principal.js';
import type { UnitLookup } from '../../identity/units/index.js';
import type { AuditService } from '../../platform/audit/index.js';
import { bad, checkEdition, checkSession, notATrainer } from './edition-rules.js';
import { toEditionViews, toSession } from './edition-views.js';
import type { EditionRow, EditionsRepository } from './editions-repository.js';
import type { PathsRepository } from './paths-repository.js';
import { PATH } from './paths-service.js';
import { canManageCatalogue, canManageEdition, editionReach } from './policy.js';

const EDITION = { it: 'Edizione', en: 'Edition' };
const SESSION = { it: 'Sessione', en: 'Session' };

/** Where each status may go next. Cancelled and completed are final. */
export const NEXT: Record<EditionStatus, EditionStatus[]> = {
  draft: ['published', 'cancelled'],
  published: ['closed', 'completed', 'cancelled'],
  closed: ['published', 'completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

/** Once people can see an edition, changes to it are logged for those who will be notified. */
const VISIBLE: EditionStatus[] = ['published', 'closed'];

export type EditionsService = ReturnType<typeof createEditionsService>;

/** An edition's status as people read it, in messages. */
const STATUS_WORDS: Record<EditionStatus, { it: string; en: string }> = {
  draft: { it: 'in bozza', en: 'a draft' },
  published: { it: 'pubblicata', en: 'published' },
  closed: { it: 'con le iscrizioni chiuse', en: 'closed to enrolment' },
  completed: { it: 'conclusa', en: 'completed' },
  cancelled: { it: 'annullata', en: 'cancelled' },
};

export function createEditionsService(deps: {
  db: Db;
  repo: EditionsRepository;
  paths: PathsRepository;
  units: UnitLookup;
  audit: AuditService;
  events: EventBus;
}) {
  const { db, repo, audit, events } = deps;

  async function toEditions(rows: EditionRow[], tx: Db = db): Promise<Edition[]> {
    return toEditionViews(
      rows,
      await repo.details(
        tx,
        rows.map((r) => r.id),
      ),
    );
  }

  async function one(row: EditionRow, tx: Db = db) {
    return (await toEditions([row], tx))[0] as Edition;
  }

  /** Whether the actor manages this edition (national admins: all; other catalogue managers: theirs). */
  async function manages(tx: Db, ctx: RequestContext, editionId: number) {
    if (isNationalAdmin(ctx.actor)) return true;
    const trainsIt = !!ctx.actor && (await trainsEdition(tx, editionId, ctx.actor.id));
    return canManageEdition(ctx.actor, trainsIt);
  }

  async function editionFor(tx: Db, ctx: RequestContext, id: number) {
    if (!canManageCatalogue(ctx.actor)) throw errors.forbidden();
    const row = await repo.findById(tx, id);
    if (!row) throw errors.notFound(EDITION);
    if (!(await manages(tx, ctx, id))) throw errors.forbidden();
    return row;
  }

  function assertEditable(row: EditionRow) {
    if (row.status === 'cancelled' || row.status === 'completed')
      throw errors.conflict('EDITION_FINAL', {
        it: 'L’edizione è annullata o conclusa: non si può più modificare.',
        en: 'The edition is cancelled or completed: it can no longer be changed.',
      });
  }

  async function validateRefs(tx: Db, input: Omit<EditionInput, 'pathId'>) {
    if (input.venueUnitId !== null && !(await deps.units.findById(tx, input.venueUnitId)))
      throw bad(
        'UNKNOWN_UNIT',
        'Unità territoriale sconosciuta.',
        'Unknown territorial unit.',
        'venueUnitId',
      );
    const found = await repo.trainerIds(tx, input.trainerIds);
    if (found.length !== new Set(input.trainerIds).size) throw notATrainer('trainerIds');
  }

  async function validateSession(tx: Db, input: SessionInput, edition: EditionRow) {
    checkSession(input, edition);
    if (input.trainerId && !(await repo.trainerIds(tx, [input.trainerId])).length)
      throw notATrainer('trainerId');
  }

  async function insertEdition(tx: Db, ctx: RequestContext, given: EditionInput) {
    const actor = ctx.actor;
    if (!actor || !canManageCatalogue(actor)) throw errors.forbidden();
    // A trainer schedules editions they train, so they keep reaching what they create.
    const input =
      isNationalAdmin(actor) || given.trainerIds.includes(actor.id)
        ? given
        : { ...given, trainerIds: [...given.trainerIds, actor.id] };
    checkEdition(input);
    if (!(await deps.paths.findById(tx, input.pathId)))
      throw new AppError(
        400,
        'UNKNOWN_PATH',
        { it: `${PATH.it} sconosciuto.`, en: `Unknown ${PATH.en.toLowerCase()}.` },
        ['pathId'],
      );
    await validateRefs(tx, input);
    const row = await repo.insert(tx, {
      ...editionValues(input),
      pathId: input.pathId,
      createdBy: ctx.actor?.id ?? null,
    });
    await repo.setTrainers(tx, row.id, input.trainerIds);
    await audit.record(tx, ctx, {
      action: 'edition.created',
      entityType: 'edition',
      entityId: row.id,
      details: { title: row.title, pathId: row.pathId },
    });
    return row;
  }

  function editionValues(input: Omit<EditionInput, 'pathId' | 'trainerIds'> & { trainerIds?: string[] }) {
    const { trainerIds: _t, ...rest } = input;
    return {
      ...rest,
      enrolmentOpensAt: new Date(input.enrolmentOpensAt),
      enrolmentClosesAt: new Date(input.enrolmentClosesAt),
      cancellationClosesAt: input.cancellationClosesAt ? new Date(input.cancellationClosesAt) : null,
    };
  }

  return {
    toEditions,
    toSession,

    /** The edition row as stored, whatever its status (callers decide what to show). */
    findRow(tx: Db, id: number) {
      return repo.findById(tx, id);
    },

    /**
     * Whether the actor manages the edition — its dates and status, and everything about its people:
     * national admins every one, other catalogue managers those they train.
     */
    manages,

    /** Whether the person trains the edition: named among its trainers or on one of its sessions. */
    trains(tx: Db, editionId: number, userId: string) {
      return trainsEdition(tx, editionId, userId);
    },

    async list(ctx: RequestContext, q: z.infer<typeof editionListQuery>) {
      const reach = editionReach(ctx.actor);
      if (!reach) throw errors.forbidden();
      const filters = reach.all ? q : { ...q, trainerId: reach.trainerId };
      const { rows, total } = await repo.list(db, filters, q.page, q.pageSize);
      return { items: await toEditions(rows), total, page: q.page, pageSize: q.pageSize };
    },

    async get(ctx: RequestContext, id: number) {
      return one(await editionFor(db, ctx, id));
    },

    async create(ctx: RequestContext, input: EditionInput) {
      return one(await db.transaction((tx) => insertEdition(tx, ctx, input)));
    },

    /** For imports: creates the edition inside the caller's transaction and returns its row. */
    createIn: insertEdition,

    async update(ctx: RequestContext, id: number, input: Omit<EditionInput, 'pathId'>) {
      if (!canManageCatalogue(ctx.actor)) throw errors.forbidden();
      checkEdition(input);
      return db.transaction(async (tx) => {
        const before = await editionFor(tx, ctx, id);
        assertEditable(before);
        await validateRefs(tx, input);
        const values = editionValues(input);
        const changed = changedFields(before, values);
        const sessions = await repo.sessionsOf(tx, id);
        for (const s of sessions.filter((x) => x.status === 'scheduled'))
          checkSession({ startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() }, input);
        const row = (await repo.update(tx, id, values)) as EditionRow;
        await repo.setTrainers(tx, id, input.trainerIds);
        if (Object.keys(changed).length) {
          if (VISIBLE.includes(before.status))
            await repo.recordChange(tx, {
              editionId: id,
              kind: 'edition.updated',
              changes: changed,
              actorId: ctx.actor?.id ?? null,
            });
          await audit.record(tx, ctx, {
            action: 'edition.updated',
            entityType: 'edition',
            entityId: id,
            details: changed,
          });
        }
        if (input.capacity > before.capacity)
          await events.emit(tx, ctx, 'edition.capacityChanged', { editionId: id });
        if ('minAttendancePct' in changed || 'finalTestRequired' in changed)
          await events.emit(tx, ctx, 'edition.requirementsChanged', { editionId: id });
        return one(row, tx);
      });
    },

    async transition(ctx: RequestContext, id: number, t: z.infer<typeof editionTransition>) {
      return db.transaction(async (tx) => {
        const before = await editionFor(tx, ctx, id);
        const from = before.status;
        if (!NEXT[from].includes(t.status))
          throw errors.conflict('INVALID_TRANSITION', {
            it: `Un’edizione «${STATUS_WORDS[from].it}» non può diventare «${STATUS_WORDS[t.status].it}».`,
            en: `An edition that is “${STATUS_WORDS[from].en}” cannot become “${STATUS_WORDS[t.status].en}”.`,
          });
        if (t.status === 'published' && !(await repo.sessionsOf(tx, id)).length)
          throw errors.conflict('NO_SESSIONS', {
            it: 'Aggiungi almeno una sessione prima di pubblicare l’edizione.',
            en: 'Add at least one session before publishing the edition.',
          });
        const reason = t.status === 'cancelled' ? t.reason : null;
        const row = await repo.transition(tx, id, from, { status: t.status, cancelReason: reason });
        if (!row)
          throw errors.conflict('STALE_STATUS', {
            it: 'Qualcun altro ha appena cambiato lo stato dell’edizione: ricarica la pagina.',
            en: 'Someone else has just changed the edition’s status: reload the page.',
          });
        if (t.status === 'cancelled') {
          // Every session of a cancelled edition is cancelled too, so calendars drop them.
          for (const s of (await repo.sessionsOf(tx, id)).filter((x) => x.status === 'scheduled'))
            await repo.updateSession(tx, s.id, { status: 'cancelled', sequence: s.sequence + 1 });
        }
        if (VISIBLE.includes(from) || t.status === 'cancelled')
          await repo.recordChange(tx, {
            editionId: id,
            kind: `edition.${t.status}`,
            changes: { status: { from, to: t.status } },
            actorId: ctx.actor?.id ?? null,
          });
        await audit.record(tx, ctx, {
          action: `edition.${t.status}`,
          entityType: 'edition',
          entityId: id,
          details: { from, reason },
        });
        if (t.status === 'completed') await events.emit(tx, ctx, 'edition.completed', { editionId: id });
        return one(row, tx);
      });
    },

    async addSession(ctx: RequestContext, editionId: number, input: SessionInput, tx0?: Db) {
      const run = async (tx: Db) => {
        const edition = await editionFor(tx, ctx, editionId);
        assertEditable(edition);
        await validateSession(tx, input, edition);
        const row = await repo.insertSession(tx, {
          ...input,
          editionId,
          startsAt: new Date(input.startsAt),
          endsAt: new Date(input.endsAt),
        });
        if (VISIBLE.includes(edition.status))
          await repo.recordChange(tx, {
            editionId,
            sessionId: row.id,
            kind: 'session.added',
            changes: { startsAt: { from: null, to: input.startsAt } },
            actorId: ctx.actor?.id ?? null,
          });
        await audit.record(tx, ctx, {
          action: 'session.created',
          entityType: 'session',
          entityId: row.id,
          details: { editionId },
        });
        await events.emit(tx, ctx, 'edition.requirementsChanged', { editionId: editionId });
        return row;
      };
      const row = tx0 ? await run(tx0) : await db.transaction(run);
      return toSession(row, null);
    },

    async updateSession(ctx: RequestContext, editionId: number, sessionId: number, input: SessionInput) {
      return db.transaction(async (tx) => {
        const edition = await editionFor(tx, ctx, editionId);
        assertEditable(edition);
        const before = await repo.findSession(tx, editionId, sessionId);
        if (!before) throw errors.notFound(SESSION);
        if (before.status === 'cancelled')
          throw errors.conflict('SESSION_CANCELLED', {
            it: 'La sessione è annullata.',
            en: 'The session is cancelled.',
          });
        await validateSession(tx, input, edition);
        const values = { ...input, startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt) };
        const changed = changedFields(before, values);
        if (!Object.keys(changed).length) return toSession(before, null);
        const row = await repo.updateSession(tx, sessionId, { ...values, sequence: before.sequence + 1 });
        if (VISIBLE.includes(edition.status))
          await repo.recordChange(tx, {
            editionId,
            sessionId,
            kind: 'session.updated',
            changes: changed,
            actorId: ctx.actor?.id ?? null,
          });
        await audit.record(tx, ctx, {
          action: 'session.updated',
          entityType: 'session',
          entityId: sessionId,
          details: changed,
        });
        await events.emit(tx, ctx, 'edition.requirementsChanged', { editionId: editionId });
        return toSession(row, null);
      });
    },

    async cancelSession(ctx: RequestContext, editionId: number, sessionId: number, reason: string) {
      return db.transaction(async (tx) => {
        const edition = await editionFor(tx, ctx, editionId);
        assertEditable(edition);
        const before = await repo.findSession(tx, editionId, sessionId);
        if (!before) throw errors.notFound(SESSION);
        if (before.status === 'cancelled') return toSession(before, null);
        const row = await repo.updateSession(tx, sessionId, {
          status: 'cancelled',
          sequence: before.sequence + 1,
        });
        if (VISIBLE.includes(edition.status))
          await repo.recordChange(tx, {
            editionId,
            sessionId,
            kind: 'session.cancelled',
            changes: { status: { from: 'scheduled', to: 'cancelled' }, reason: { from: null, to: reason } },
            actorId: ctx.actor?.id ?? null,
          });
        await audit.record(tx, ctx, {
          action: 'session.cancelled',
          entityType: 'session',
          entityId: sessionId,
          details: { editionId, reason },
        });
        await events.emit(tx, ctx, 'edition.requirementsChanged', { editionId: editionId });
        return toSession(row, null);
      });
    },

    async changes(ctx: RequestContext, editionId: number) {
      await editionFor(db, ctx, editionId);
      return repo.changesOf(db, editionId);
    },
  };
}
