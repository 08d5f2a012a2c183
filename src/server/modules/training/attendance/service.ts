import type {
  AttendanceMatrix,
  AttendanceRow,
  Register,
  RegisterBody,
  TeachingSession,
} from '../../../../common/attendance.js';
import { addDays, romeDate } from '../../../../common/rome-time.js';
import { webinarRoom } from '../../../../common/webinars.js';
import type { Db } from '../../../db/client.js';
import type { Clock } from '../../../kernel/clock.js';
import { AppError, errors } from '../../../kernel/errors.js';
import { type RequestContext, requireActor } from '../../../kernel/principal.js';
import { romeDayRange } from '../../../kernel/range.js';
import type { AuditService } from '../../platform/audit/index.js';
import { byName, sessionToRun, toSessionInfo, trainsEdition } from './access.js';
import { completion, lengthMinutes } from './completion.js';
import { assertRecordable, type Ledger } from './ledger.js';
import { EDITION, ENROLMENT, notEnrolled, notStarted } from './messages.js';
import { attendanceScope, canRunEdition } from './policy.js';
import type { AttendanceDbRow, AttendanceRepository, SessionContext } from './repository.js';
import { renderSignInSheet } from './sign-in-sheet.js';
import { importWebinarReport } from './webinar.js';

export type AttendanceService = ReturnType<typeof createAttendanceService>;

function toRow(r: AttendanceDbRow): AttendanceRow {
  return {
    minutes: r.minutes,
    source: r.source,
    detail: r.detail ?? null,
    recordedAt: r.recordedAt.toISOString(),
  };
}

export function createAttendanceService(deps: {
  db: Db;
  repo: AttendanceRepository;
  audit: AuditService;
  ledger: Ledger;
  clock: Clock;
  /** Webinars are held in the platform's room (BigBlueButton is configured). */
  platformRooms: boolean;
}) {
  const { db, repo, audit, ledger, clock } = deps;

  async function registerOf(tx: Db, s: SessionContext): Promise<Register> {
    const people = (await repo.confirmedPeople(tx, s.edition.id)).sort(byName);
    const rows = new Map((await repo.rowsOf(tx, [s.session.id])).map((r) => [r.userId, r]));
    return {
      session: toSessionInfo(s),
      started: s.session.startsAt <= clock.now(),
      people: people.map((p) => {
        const row = rows.get(p.userId);
        return {
          enrolmentId: p.enrolmentId,
          userId: p.userId,
          name: p.name,
          unitName: p.unitName,
          attendance: row ? toRow(row) : null,
        };
      }),
    };
  }

  function checkEntries(s: SessionContext, body: RegisterBody, enrolled: Set<string>) {
    const length = lengthMinutes(s.session);
    const seen = new Set<string>();
    body.entries.forEach((e, i) => {
      if (seen.has(e.userId))
        throw errors.badRequest(
          'DUPLICATE_ENTRY',
          { it: 'La stessa persona compare due volte nel registro.', en: 'The same person appears twice.' },
          [`entries.${i}.userId`],
        );
      seen.add(e.userId);
      if (!enrolled.has(e.userId)) throw notEnrolled(400, `entries.${i}.userId`);
      if (e.present && e.lateMinutes + e.leftEarlyMinutes > length)
        throw errors.badRequest(
          'LATE_EARLY_TOO_LONG',
          {
            it: `Ritardo e uscita anticipata (${e.lateMinutes + e.leftEarlyMinutes} minuti) superano la durata della sessione (${length} minuti).`,
            en: `Late arrival and early leaving (${e.lateMinutes + e.leftEarlyMinutes} minutes) exceed the session's length (${length} minutes).`,
          },
          [`entries.${i}.lateMinutes`],
        );
    });
  }

  return {
    recompute: ledger.recompute,
    recomputeEdition: ledger.recomputeEdition,

    /** The sessions I teach in a range of Rome days (default: the last 30 and the next 180). */
    async teaching(ctx: RequestContext, q: { from?: string | undefined; to?: string | undefined }) {
      const today = romeDate(clock.now());
      const { fromInstant, toInstant } = romeDayRange(
        q.from ?? addDays(today, -30),
        q.to ?? addDays(today, 180),
        400,
      );
      const rows = await repo.taughtSessions(db, requireActor(ctx).id, fromInstant, toInstant);
      return {
        items: rows.map(
          (r): TeachingSession => ({
            ...toSessionInfo({ ...r, trainerName: null, editionTrainers: [] }),
            enrolled: r.enrolled,
            recorded: r.recorded,
            webinar:
              r.session.status === 'cancelled' || r.edition.status === 'cancelled'
                ? null
                : webinarRoom(r.session, deps.platformRooms),
          }),
        ),
      };
    },

    /** The register of a session: its confirmed enrollees with what the ledger holds for each. */
    async register(ctx: RequestContext, sessionId: number) {
      return registerOf(db, await sessionToRun(repo, db, ctx, sessionId));
    },

    /** Fills in the register: present people get the session's length less late arrival and early leaving. */
    async saveRegister(ctx: RequestContext, sessionId: number, body: RegisterBody) {
      return db.transaction(async (tx) => {
        const s = await sessionToRun(repo, tx, ctx, sessionId);
        assertRecordable(s);
        if (s.session.startsAt > clock.now()) throw notStarted(s.session.startsAt);
        const enrolled = new Set((await repo.confirmedPeople(tx, s.edition.id)).map((p) => p.userId));
        checkEntries(s, body, enrolled);
        const length = lengthMinutes(s.session);
        for (const e of body.entries) {
          const late = e.present ? e.lateMinutes : 0;
          const early = e.present ? e.leftEarlyMinutes : 0;
          await ledger.record(tx, ctx, {
            sessionId,
            userId: e.userId,
            minutes: e.present ? length - late - early : 0,
            source: 'register',
            detail: { present: e.present, late, early },
            session: s,
          });
        }
        return registerOf(tx, s);
      });
    },

    /** For the online-learning feature: a learner's progress in an online session, in the caller's transaction. */
    async recordOnlineProgress(
      tx: Db,
      ctx: RequestContext,
      input: { sessionId: number; userId: string; minutes: number; completed: boolean },
    ) {
      const { row } = await ledger.record(tx, ctx, {
        sessionId: input.sessionId,
        userId: input.userId,
        minutes: input.minutes,
        source: 'online',
        detail: { completed: input.completed },
      });
      return toRow(row);
    },

    /** Records the final test's result, by the edition's trainers or catalogue managers. */
    async setFinalTest(ctx: RequestContext, enrolmentId: number, passed: boolean) {
      return db.transaction(async (tx) => {
        const e = await repo.findEnrolment(tx, enrolmentId, true);
        if (!e) throw errors.notFound(ENROLMENT);
        if (!canRunEdition(ctx.actor, await trainsEdition(repo, tx, ctx, e.editionId)))
          throw errors.forbidden();
        const ed = await repo.findEdition(tx, e.editionId);
        if (ed?.edition.status === 'cancelled')
          throw errors.conflict('EDITION_CANCELLED', {
            it: 'L’edizione è annullata: non si registrano esiti.',
            en: 'The edition is cancelled: no results can be recorded.',
          });
        if (e.status !== 'confirmed')
          throw new AppError(409, 'NOT_ENROLLED', {
            it: 'L’iscrizione non è confermata: l’esito della prova finale vale solo per gli iscritti confermati.',
            en: 'The enrolment is not confirmed: a final test result counts only for confirmed enrolments.',
          });
        if (e.finalTestPassed !== passed) {
          await repo.setFinalTest(tx, enrolmentId, passed);
          await audit.record(tx, ctx, {
            action: 'enrolment.final_test',
            entityType: 'enrolment',
            entityId: enrolmentId,
            unitId: e.unitId,
            details: { from: e.finalTestPassed, to: passed },
          });
        }
        return ledger.recompute(tx, ctx, enrolmentId);
      });
    },

    /**
     * For the online quizzes: the final test's result of a confirmed enrolment, in the caller's
     * transaction, then completion as for the trainer's result. The caller has authorised the change
     * (the person's own attempt); a result no longer counts once the enrolment is not confirmed.
     */
    async recordFinalTestResult(tx: Db, ctx: RequestContext, enrolmentId: number, passed: boolean) {
      const e = await repo.findEnrolment(tx, enrolmentId, true);
      if (e?.status !== 'confirmed') return null;
      if (e.finalTestPassed !== passed) {
        await repo.setFinalTest(tx, enrolmentId, passed);
        await audit.record(tx, ctx, {
          action: 'enrolment.final_test',
          entityType: 'enrolment',
          entityId: enrolmentId,
          unitId: e.unitId,
          details: { from: e.finalTestPassed, to: passed, source: 'quiz' },
        });
      }
      return ledger.recompute(tx, ctx, enrolmentId);
    },

    /** Sessions × people of an edition; a Province officer sees only the people of their Province. */
    async matrix(ctx: RequestContext, editionId: number): Promise<AttendanceMatrix> {
      const ed = await repo.findEdition(db, editionId);
      if (!ed) throw errors.notFound(EDITION);
      const scope = attendanceScope(ctx.actor, await trainsEdition(repo, db, ctx, editionId));
      if (!scope) throw errors.forbidden();
      const sessions = await repo.sessionsOf(db, editionId);
      const people = (await repo.confirmedPeople(db, editionId, scope.all ? undefined : scope.unitIds)).sort(
        byName,
      );
      const rows = await repo.rowsOf(
        db,
        sessions.map((s) => s.id),
      );
      return {
        editionId,
        editionTitle: ed.edition.title,
        pathTitle: ed.pathTitle,
        minAttendancePct: ed.edition.minAttendancePct,
        finalTestRequired: ed.edition.finalTestRequired,
        sessions: sessions.map((s) => ({
          id: s.id,
          title: s.title,
          startsAt: s.startsAt.toISOString(),
          endsAt: s.endsAt.toISOString(),
          mode: s.mode,
          status: s.status,
          lengthMinutes: lengthMinutes(s),
        })),
        people: people.map((p) => {
          const mine = rows.filter((r) => r.userId === p.userId);
          const c = completion({
            sessions,
            minutes: new Map(mine.map((r) => [r.sessionId, r.minutes])),
            minAttendancePct: ed.edition.minAttendancePct,
            finalTestRequired: ed.edition.finalTestRequired,
            finalTestPassed: p.finalTestPassed,
          });
          return {
            enrolmentId: p.enrolmentId,
            userId: p.userId,
            name: p.name,
            unitName: p.unitName,
            minutes: mine.map((r) => ({
              sessionId: r.sessionId,
              minutes: r.minutes,
              source: r.source,
            })),
            minutesAttended: c.minutesAttended,
            pct: c.pct,
            complete: c.complete,
            completedOn: c.completedOn,
            finalTestPassed: p.finalTestPassed,
          };
        }),
      };
    },

    /** A video platform's participants report (the uploaded file's bytes) into the ledger. */
    webinarReport: (ctx: RequestContext, sessionId: number, file: Uint8Array | string) =>
      importWebinarReport({ db, repo, ledger, clock }, ctx, sessionId, file),

    /** The printable sign-in sheet of a session (PDF). */
    async signInSheet(ctx: RequestContext, sessionId: number) {
      const s = await sessionToRun(repo, db, ctx, sessionId);
      const people = (await repo.confirmedPeople(db, s.edition.id)).sort(byName);
      const trainers = s.trainerName ? [s.trainerName] : s.editionTrainers.map((t) => t.name);
      const pdf = await renderSignInSheet({
        pathTitle: s.pathTitle,
        editionTitle: s.edition.title,
        sessionTitle: s.session.title,
        startsAt: s.session.startsAt,
        endsAt: s.session.endsAt,
        online: s.edition.online,
        venueName: s.edition.venueName,
        venueAddress: s.edition.venueAddress,
        room: s.session.room,
        trainers,
        people: people.map((p) => ({ name: p.name, unitName: p.unitName })),
      });
      return { pdf, filename: `foglio-firme-sessione-${s.session.id}.pdf` };
    },
  };
}
