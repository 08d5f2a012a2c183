import type { LogbookEntry, LogbookInput } from '../../../../common/attendance.js';
import { romeDate } from '../../../../common/rome-time.js';
import type { Db } from '../../../db/client.js';
import { changedFields } from '../../../kernel/changes.js';
import type { Clock } from '../../../kernel/clock.js';
import { AppError, errors } from '../../../kernel/errors.js';
import { hasRole, type RequestContext, requireActor, unitsWithRole } from '../../../kernel/principal.js';
import type { AuditService } from '../../platform/audit/index.js';
import { trainsEdition } from './access.js';
import { lengthMinutes } from './completion.js';
import { assertRecordable, type Ledger } from './ledger.js';
import type { CoachingLogRow, LogbookRepository } from './logbook-repository.js';
import { ENROLMENT, romeDay, SESSION, tooLong } from './messages.js';
import { canReadLogbook, canSignAsCoach, canSignAsOfficer } from './policy.js';
import type { AttendanceRepository } from './repository.js';

const ENTRY = { it: 'Voce del registro di affiancamento', en: 'Logbook entry' };

type EntryView = {
  entry: CoachingLogRow;
  sessionTitle: string;
  coachName: string | null;
  officerName: string | null;
};

function toEntry(v: EntryView): LogbookEntry {
  const e = v.entry;
  return {
    id: e.id,
    enrolmentId: e.enrolmentId,
    sessionId: e.sessionId,
    sessionTitle: v.sessionTitle,
    day: e.day,
    minutes: e.minutes,
    activities: e.activities,
    coachName: v.coachName,
    coachSignedAt: e.coachSignedAt?.toISOString() ?? null,
    officerName: v.officerName,
    officerSignedAt: e.officerSignedAt?.toISOString() ?? null,
    credited: !!e.coachSignedAt && !!e.officerSignedAt,
    createdAt: e.createdAt.toISOString(),
  };
}

const signed = (e: CoachingLogRow) => !!e.coachSignedAt || !!e.officerSignedAt;

export type LogbookService = ReturnType<typeof createLogbookService>;

/**
 * Affiancamento logbook: the learner writes what they did each day, the coach and the Province officer
 * sign; an entry signed by both counts in the ledger for its session.
 */
export function createLogbookService(deps: {
  db: Db;
  repo: LogbookRepository;
  attendance: AttendanceRepository;
  audit: AuditService;
  ledger: Ledger;
  clock: Clock;
}) {
  const { db, repo, audit, ledger, clock } = deps;

  /** The enrolment behind a logbook, if the actor may read it (else 404: ids cannot be probed). */
  async function readable(tx: Db, ctx: RequestContext, enrolmentId: number) {
    const row = await repo.enrolment(tx, enrolmentId);
    if (!row) throw errors.notFound(ENROLMENT);
    const allowed = canReadLogbook(ctx.actor, {
      ownerId: row.enrolment.userId,
      unitId: row.enrolment.unitId,
      trainsEdition: await trainsEdition(deps.attendance, tx, ctx, row.edition.id),
    });
    if (!allowed) throw errors.notFound(ENROLMENT);
    return row;
  }

  /** The learner's own confirmed enrolment, open for new or changed entries. */
  async function ownOpen(tx: Db, ctx: RequestContext, enrolmentId: number) {
    const row = await readable(tx, ctx, enrolmentId);
    if (row.enrolment.userId !== requireActor(ctx).id)
      throw new AppError(403, 'NOT_OWNER', {
        it: 'Solo la persona iscritta compila il proprio registro di affiancamento.',
        en: 'Only the enrolled person fills in their own logbook.',
      });
    if (row.enrolment.status !== 'confirmed')
      throw new AppError(409, 'NOT_ENROLLED', {
        it: 'L’iscrizione non è confermata: il registro di affiancamento non si può compilare.',
        en: 'The enrolment is not confirmed: the logbook cannot be filled in.',
      });
    if (row.edition.status === 'cancelled')
      throw errors.conflict('EDITION_CANCELLED', {
        it: 'L’edizione è annullata: il registro di affiancamento non si può compilare.',
        en: 'The edition is cancelled: the logbook cannot be filled in.',
      });
    return row;
  }

  /** The affiancamento session whose Rome dates include the day; refuses future days and other days. */
  async function sessionForDay(tx: Db, editionId: number, input: LogbookInput) {
    if (input.day > romeDate(clock.now()))
      throw errors.badRequest(
        'DAY_IN_FUTURE',
        { it: 'Il giorno non può essere futuro.', en: 'The day cannot be in the future.' },
        ['day'],
      );
    const sessions = await repo.affiancamentoSessions(tx, editionId);
    const s = sessions.find((x) => romeDate(x.startsAt) <= input.day && input.day <= romeDate(x.endsAt));
    if (!s) {
      const days = (lang: 'it' | 'en') =>
        sessions.map((x) => {
          const [a, b] = [romeDay(x.startsAt, lang), romeDay(x.endsAt, lang)];
          return a === b ? a : `${a}–${b}`;
        });
      throw errors.badRequest(
        'DAY_OUTSIDE_AFFIANCAMENTO',
        sessions.length
          ? {
              it: `Il giorno non rientra in una sessione di affiancamento dell’edizione (${days('it').join('; ')}).`,
              en: `The day is not within an affiancamento session of the edition (${days('en').join('; ')}).`,
            }
          : {
              it: 'L’edizione non ha sessioni di affiancamento.',
              en: 'The edition has no affiancamento session.',
            },
        ['day'],
      );
    }
    if (input.minutes > lengthMinutes(s)) throw tooLong(lengthMinutes(s));
    return s;
  }

  async function ownUnsigned(tx: Db, ctx: RequestContext, entryId: number) {
    const entry = await repo.lock(tx, entryId);
    if (!entry) throw errors.notFound(ENTRY);
    const row = await ownOpen(tx, ctx, entry.enrolmentId);
    if (signed(entry))
      throw errors.conflict('ENTRY_SIGNED', {
        it: 'La voce è già stata firmata: non si può più modificare né eliminare.',
        en: 'The entry has already been signed: it can no longer be changed or deleted.',
      });
    return { entry, row };
  }

  async function view(tx: Db, id: number) {
    return toEntry((await repo.entry(tx, id)) as EntryView);
  }

  return {
    async list(ctx: RequestContext, enrolmentId: number) {
      const row = await readable(db, ctx, enrolmentId);
      return {
        enrolmentId,
        learnerName: row.learnerName,
        editionTitle: row.edition.title,
        pathTitle: row.pathTitle,
        entries: (await repo.entries(db, enrolmentId)).map(toEntry),
      };
    },

    async add(ctx: RequestContext, enrolmentId: number, input: LogbookInput) {
      return db.transaction(async (tx) => {
        const row = await ownOpen(tx, ctx, enrolmentId);
        const s = await sessionForDay(tx, row.edition.id, input);
        const entry = await repo.insert(tx, { enrolmentId, sessionId: s.id, ...input });
        await audit.record(tx, ctx, {
          action: 'logbook.entry_added',
          entityType: 'coaching_log',
          entityId: entry.id,
          unitId: row.enrolment.unitId,
          details: { enrolmentId, sessionId: s.id, day: input.day, minutes: input.minutes },
        });
        return view(tx, entry.id);
      });
    },

    async update(ctx: RequestContext, entryId: number, input: LogbookInput) {
      return db.transaction(async (tx) => {
        const { entry, row } = await ownUnsigned(tx, ctx, entryId);
        const s = await sessionForDay(tx, row.edition.id, input);
        const values = { ...input, sessionId: s.id };
        const changed = changedFields(entry, values);
        if (Object.keys(changed).length) {
          await repo.update(tx, entryId, values);
          await audit.record(tx, ctx, {
            action: 'logbook.entry_updated',
            entityType: 'coaching_log',
            entityId: entryId,
            unitId: row.enrolment.unitId,
            details: changed,
          });
        }
        return view(tx, entryId);
      });
    },

    async remove(ctx: RequestContext, entryId: number) {
      await db.transaction(async (tx) => {
        const { entry, row } = await ownUnsigned(tx, ctx, entryId);
        await repo.remove(tx, entryId);
        await audit.record(tx, ctx, {
          action: 'logbook.entry_deleted',
          entityType: 'coaching_log',
          entityId: entryId,
          unitId: row.enrolment.unitId,
          details: { enrolmentId: entry.enrolmentId, day: entry.day, minutes: entry.minutes },
        });
      });
      return { ok: true as const };
    },

    /** Signs an entry as coach or officer; the second signature credits the session's minutes. */
    async sign(ctx: RequestContext, entryId: number, as: 'coach' | 'officer') {
      const actor = requireActor(ctx);
      return db.transaction(async (tx) => {
        const entry = await repo.lock(tx, entryId);
        if (!entry) throw errors.notFound(ENTRY);
        const row = await readable(tx, ctx, entry.enrolmentId);
        const s = await deps.attendance.sessionContext(tx, entry.sessionId);
        if (!s) throw errors.notFound(SESSION);
        if (as === 'coach') {
          const coachIds = [
            ...s.editionTrainers.map((t) => t.id),
            ...(s.session.trainerId ? [s.session.trainerId] : []),
          ];
          if (!canSignAsCoach(actor, coachIds))
            throw new AppError(403, 'NOT_COACH', {
              it: 'Firma come tutor solo un formatore dell’edizione o della sessione di affiancamento.',
              en: 'Only a trainer of the edition or of the affiancamento session signs as coach.',
            });
        } else if (!canSignAsOfficer(actor, row.enrolment.unitId))
          throw new AppError(403, 'NOT_OFFICER', {
            it: 'Firma come referente solo il referente della Provincia della persona iscritta.',
            en: 'Only the Province officer of the enrolled person signs as officer.',
          });
        if (actor.id === row.enrolment.userId)
          throw new AppError(403, 'SELF_SIGNATURE', {
            it: 'Non si firma il proprio registro di affiancamento.',
            en: 'Nobody signs their own logbook.',
          });
        if (row.enrolment.status !== 'confirmed')
          throw new AppError(409, 'NOT_ENROLLED', {
            it: 'L’iscrizione non è confermata: la voce non si può firmare.',
            en: 'The enrolment is not confirmed: the entry cannot be signed.',
          });
        assertRecordable(s);
        if ((as === 'coach' ? entry.coachSignedAt : entry.officerSignedAt) !== null)
          throw errors.conflict('ALREADY_SIGNED', {
            it: as === 'coach' ? 'La voce è già firmata dal tutor.' : 'La voce è già firmata dal referente.',
            en:
              as === 'coach'
                ? 'The coach has already signed the entry.'
                : 'The officer has already signed the entry.',
          });
        const now = clock.now();
        await repo.update(
          tx,
          entryId,
          as === 'coach'
            ? { coachId: actor.id, coachSignedAt: now }
            : { officerId: actor.id, officerSignedAt: now },
        );
        await audit.record(tx, ctx, {
          action: 'logbook.signed',
          entityType: 'coaching_log',
          entityId: entryId,
          unitId: row.enrolment.unitId,
          details: { as, enrolmentId: entry.enrolmentId, sessionId: entry.sessionId },
        });
        const otherSigned = as === 'coach' ? entry.officerSignedAt : entry.coachSignedAt;
        if (otherSigned) {
          const credited = await repo.credited(tx, entry.enrolmentId, entry.sessionId);
          const total = credited.reduce((sum, c) => sum + c.minutes, 0);
          const length = lengthMinutes(s.session);
          if (total > length)
            throw new AppError(400, 'ATTENDANCE_TOO_LONG', {
              it: `Con questa voce l’affiancamento supererebbe la durata della sessione: ${total} minuti firmati su ${length}.`,
              en: `With this entry the affiancamento would exceed the session's length: ${total} signed minutes of ${length}.`,
            });
          await ledger.record(tx, ctx, {
            sessionId: entry.sessionId,
            userId: row.enrolment.userId,
            minutes: total,
            source: 'logbook',
            detail: { entries: credited.map((c) => c.id) },
            session: s,
          });
        }
        return view(tx, entryId);
      });
    },

    /** Entries waiting for the actor's signature, as coach or as officer. */
    async awaiting(ctx: RequestContext) {
      const actor = requireActor(ctx);
      const units = hasRole(actor, 'national_admin') ? 'all' : unitsWithRole(actor, 'province_officer');
      const rows = await repo.awaiting(db, actor.id, units);
      return {
        items: rows.map((r) => ({
          ...toEntry(r),
          learnerName: r.learnerName,
          unitName: r.unitName,
          editionId: r.editionId,
          editionTitle: r.editionTitle,
          awaitingAs: [
            ...(r.isCoach && !r.entry.coachSignedAt ? (['coach'] as const) : []),
            ...(!r.entry.officerSignedAt && canSignAsOfficer(actor, r.unitId) ? (['officer'] as const) : []),
          ],
        })),
      };
    },
  };
}
