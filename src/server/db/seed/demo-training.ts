import { and, eq, inArray } from 'drizzle-orm';
import { nextWorkingDay, previousWorkingDay } from '../../../common/holidays.js';
import { addDays, romeDate, romeInstant } from '../../../common/rome-time.js';
import { DEFAULT_CERT_ISSUER } from '../../config.js';
import { newCertificateCode } from '../../modules/training/certificates/code.js';
import type { Db } from '../client.js';
import {
  attendance,
  certificates,
  coachingLogs,
  editionSessions,
  editions,
  editionTrainers,
  enrolments,
  territorialUnits,
  trainingPaths,
  users,
} from '../schema/index.js';
import { CUNEO_VENUE, placeOf } from './demo-catalogue.js';
import {
  demoEditionTitle,
  demoRegisterDay,
  minutesBetween,
  type ScheduledSession,
  scheduleSessions,
} from './demo-schedule.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Person = typeof users.$inferSelect;

/**
 * The demo's training history and the work waiting on the first sign-in:
 * - a past, completed online edition of "Progettare con i fondi europei" (within the last 30 days, so
 *   in the trainer's default view) with its attendance ledger and one attestato: Carlo (Cuneo) attended
 *   both webinars and completed; Anna (Sassari) attended one of two and did not;
 * - an edition of "Dati territoriali e servizi digitali" under way in Cuneo, taught by Franco: the
 *   first classroom morning a week ago is recorded, today's (or, on a weekend or holiday, the last
 *   working day's) register is still to fill, and Carlo's affiancamento day awaits the coach's and the
 *   officer's signatures;
 * - Carlo's and Giulia's requests for the Cuneo edition of "Appalti pubblici", awaiting the approval
 *   of Chiara, the Cuneo officer.
 */
export async function seedDemoTraining(db: Db, issuer = DEFAULT_CERT_ISSUER, now = new Date()) {
  const people = await db
    .select()
    .from(users)
    .where(
      inArray(users.email, [
        'discente.cuneo@officina.demo',
        'discente2.cuneo@officina.demo',
        'discente.sassari@officina.demo',
        'formatore@officina.demo',
      ]),
    );
  const byEmail = (e: string) => people.find((p) => p.email === e);
  const carlo = byEmail('discente.cuneo@officina.demo');
  const giulia = byEmail('discente2.cuneo@officina.demo');
  const anna = byEmail('discente.sassari@officina.demo');
  const trainer = byEmail('formatore@officina.demo') ?? null;
  if (!carlo || !giulia || !anna) return;
  const today = romeDate(now);
  await db.transaction(async (tx) => {
    await pastEdition(tx, { today, issuer, carlo, anna, trainer });
    await editionUnderWay(tx, { today, carlo, giulia, trainer });
    await requestsToApprove(tx, { today, carlo, giulia });
  });
}

async function pathBySlug(tx: Tx, slug: string) {
  const [path] = await tx.select().from(trainingPaths).where(eq(trainingPaths.slug, slug));
  return path;
}

async function insertSessions(
  tx: Tx,
  editionId: number,
  sessions: ScheduledSession[],
  trainer: Person | null,
  url: (i: number) => string | null,
) {
  return tx
    .insert(editionSessions)
    .values(
      sessions.map((s, i) => ({
        editionId,
        title: `Incontro ${i + 1}`,
        startsAt: romeInstant(s.day, s.start),
        endsAt: romeInstant(s.day, s.end),
        mode: s.mode,
        room: s.mode === 'aula' ? 'Sala A' : null,
        onlineUrl: s.mode === 'webinar' ? url(i) : null,
        trainerId: trainer?.id ?? null,
      })),
    )
    .returning();
}

/** Edition 1 of the European funds path, completed three weeks ago, with its ledger and attestato. */
async function pastEdition(
  tx: Tx,
  p: { today: string; issuer: string; carlo: Person; anna: Person; trainer: Person | null },
) {
  const path = await pathBySlug(tx, 'fondi-europei-progettazione');
  if (!path) return;
  const { today, carlo, anna, trainer } = p;
  const plan = scheduleSessions(today, [
    { inDays: -24, start: '14:30', end: '16:30', mode: 'webinar' },
    { inDays: -17, start: '14:30', end: '16:30', mode: 'webinar' },
  ]);
  const first = plan[0]?.day as string;
  const last = plan[plan.length - 1]?.day as string;
  const [edition] = await tx
    .insert(editions)
    .values({
      pathId: path.id,
      title: demoEditionTitle(1, placeOf(null), first),
      startsOn: first,
      endsOn: last,
      capacity: 60,
      enrolmentOpensAt: romeInstant(addDays(first, -30)),
      enrolmentClosesAt: romeInstant(addDays(first, -1), '23:59'),
      online: true,
      status: 'completed',
    })
    .returning();
  if (!edition) return;
  if (trainer) await tx.insert(editionTrainers).values({ editionId: edition.id, userId: trainer.id });
  const sessions = await insertSessions(
    tx,
    edition.id,
    plan,
    trainer,
    (i) => `https://webinar.example.it/officina/fondi-${i + 1}`,
  );
  const lastSession = sessions[sessions.length - 1];
  if (!lastSession) return;
  const completedOn = romeDate(lastSession.startsAt);
  const requestedAt = romeInstant(addDays(first, -10), '10:00');
  const enrol = async (u: Person, attended: typeof sessions) => {
    const minutes = attended.reduce((n, s) => n + (s.endsAt.getTime() - s.startsAt.getTime()) / 60_000, 0);
    const [e] = await tx
      .insert(enrolments)
      .values({
        editionId: edition.id,
        userId: u.id,
        unitId: u.unitId,
        status: 'confirmed',
        requestedAt,
        confirmedAt: requestedAt,
        minutesAttended: minutes,
        completedOn: attended.length === sessions.length ? completedOn : null,
      })
      .returning();
    if (!e) throw new Error('demo seed: enrolment not inserted');
    for (const s of attended)
      await tx.insert(attendance).values({
        sessionId: s.id,
        userId: u.id,
        enrolmentId: e.id,
        minutes: (s.endsAt.getTime() - s.startsAt.getTime()) / 60_000,
        source: 'webinar',
        detail: { intervals: [{ from: s.startsAt.toISOString(), to: s.endsAt.toISOString() }] },
        recordedBy: trainer?.id ?? null,
        recordedAt: s.endsAt,
      });
    return e;
  };
  const done = await enrol(carlo, sessions);
  await enrol(anna, sessions.slice(0, 1));
  await tx.insert(certificates).values({
    code: newCertificateCode(),
    enrolmentId: done.id,
    userId: carlo.id,
    editionId: edition.id,
    holderName: carlo.name,
    pathTitle: path.title,
    editionTitle: edition.title,
    startsOn: edition.startsOn,
    endsOn: edition.endsOn,
    completedOn,
    minutesAttended: done.minutesAttended,
    issuer: p.issuer,
    issuedAt: romeInstant(nextWorkingDay(addDays(completedOn, 1)), '09:00'),
  });
}

/**
 * Edition 1 of the territorial data path, under way in Cuneo: a classroom morning and an afternoon of
 * affiancamento a week ago, a classroom morning on the register day, a day of affiancamento next week
 * (4 + 4 + 4 + 4 hours: the path's 16).
 */
async function editionUnderWay(
  tx: Tx,
  p: { today: string; carlo: Person; giulia: Person; trainer: Person | null },
) {
  const path = await pathBySlug(tx, 'dati-territoriali-servizi-digitali');
  if (!path) return;
  const { today, carlo, giulia, trainer } = p;
  const registerDay = demoRegisterDay(today);
  const weekAgo = previousWorkingDay(addDays(registerDay, -7));
  const nextWeek = nextWorkingDay(addDays(registerDay, 7));
  const plan: ScheduledSession[] = [
    { day: weekAgo, start: '09:00', end: '13:00', mode: 'aula' },
    { day: weekAgo, start: '14:00', end: '18:00', mode: 'affiancamento' },
    { day: registerDay, start: '09:00', end: '13:00', mode: 'aula' },
    { day: nextWeek, start: '09:00', end: '13:00', mode: 'affiancamento' },
  ];
  const [cuneo] = await tx
    .select({ id: territorialUnits.id })
    .from(territorialUnits)
    .where(eq(territorialUnits.istatCode, CUNEO_VENUE.unit));
  const [edition] = await tx
    .insert(editions)
    .values({
      pathId: path.id,
      title: demoEditionTitle(1, CUNEO_VENUE.city, weekAgo),
      startsOn: weekAgo,
      endsOn: nextWeek,
      capacity: 20,
      enrolmentOpensAt: romeInstant(addDays(weekAgo, -30)),
      enrolmentClosesAt: romeInstant(addDays(weekAgo, -1), '23:59'),
      online: false,
      venueName: CUNEO_VENUE.name,
      venueAddress: CUNEO_VENUE.address,
      venueUnitId: cuneo?.id ?? null,
      // Under way: its enrolments are closed, it stays in the calendar.
      status: 'closed',
    })
    .returning();
  if (!edition) return;
  if (trainer) await tx.insert(editionTrainers).values({ editionId: edition.id, userId: trainer.id });
  const sessions = await insertSessions(tx, edition.id, plan, trainer, () => null);
  const [morning, coaching] = sessions;
  if (!morning || !coaching) return;
  const requestedAt = romeInstant(addDays(weekAgo, -20), '10:00');
  const morningMinutes = minutesBetween('09:00', '13:00');
  for (const u of [carlo, giulia]) {
    const [e] = await tx
      .insert(enrolments)
      .values({
        editionId: edition.id,
        userId: u.id,
        unitId: u.unitId,
        status: 'confirmed',
        requestedAt,
        confirmedAt: requestedAt,
        minutesAttended: morningMinutes,
      })
      .returning();
    if (!e) throw new Error('demo seed: enrolment not inserted');
    await tx.insert(attendance).values({
      sessionId: morning.id,
      userId: u.id,
      enrolmentId: e.id,
      minutes: morningMinutes,
      source: 'register',
      detail: { present: true, late: 0, early: 0 },
      recordedBy: trainer?.id ?? null,
      recordedAt: morning.endsAt,
    });
    if (u === carlo)
      await tx.insert(coachingLogs).values({
        enrolmentId: e.id,
        sessionId: coaching.id,
        day: weekAgo,
        minutes: minutesBetween('14:00', '18:00'),
        activities:
          'Con il tutor: censimento dei dataset del Settore Viabilità e prima bozza del catalogo dei dati aperti.',
        createdAt: coaching.endsAt,
        updatedAt: coaching.endsAt,
      });
  }
}

/** Carlo's and Giulia's requests for the Cuneo edition of the procurement path, made in the last days. */
async function requestsToApprove(tx: Tx, p: { today: string; carlo: Person; giulia: Person }) {
  const path = await pathBySlug(tx, 'appalti-pubblici-nuovo-codice');
  if (!path) return;
  const [edition] = await tx
    .select({ id: editions.id })
    .from(editions)
    .where(and(eq(editions.pathId, path.id), eq(editions.approvalRequired, true)));
  if (!edition) return;
  const requests: [Person, number][] = [
    [p.carlo, -2],
    [p.giulia, -1],
  ];
  for (const [u, days] of requests)
    await tx.insert(enrolments).values({
      editionId: edition.id,
      userId: u.id,
      unitId: u.unitId,
      status: 'pending',
      requestedAt: romeInstant(addDays(p.today, days), '11:00'),
    });
}
