import { eq, inArray } from 'drizzle-orm';
import { addDays, romeDate, romeInstant } from '../../../common/rome-time.js';
import { DEFAULT_CERT_ISSUER } from '../../config.js';
import { newCertificateCode } from '../../modules/training/certificates/code.js';
import type { Db } from '../client.js';
import {
  attendance,
  certificates,
  editionSessions,
  editions,
  editionTrainers,
  enrolments,
  trainingPaths,
  users,
} from '../schema/index.js';

/**
 * A past, completed edition with its attendance ledger and one attestato, so the demo shows a
 * learner's transcript and certificate and the public verification page: Carlo (Cuneo) attended both
 * webinars and completed; Anna (Sassari) attended one of two and did not.
 */
export async function seedDemoTraining(db: Db, issuer = DEFAULT_CERT_ISSUER) {
  const [path] = await db
    .select()
    .from(trainingPaths)
    .where(eq(trainingPaths.slug, 'fondi-europei-progettazione'));
  const people = await db
    .select()
    .from(users)
    .where(
      inArray(users.email, [
        'discente.cuneo@officina.demo',
        'discente.sassari@officina.demo',
        'formatore@officina.demo',
      ]),
    );
  const byEmail = (e: string) => people.find((p) => p.email === e);
  const carlo = byEmail('discente.cuneo@officina.demo');
  const anna = byEmail('discente.sassari@officina.demo');
  const trainer = byEmail('formatore@officina.demo');
  if (!path || !carlo || !anna) return;
  const today = romeDate(new Date());
  const days = [-40, -33];
  await db.transaction(async (tx) => {
    const [edition] = await tx
      .insert(editions)
      .values({
        pathId: path.id,
        title: 'Edizione online d’estate',
        startsOn: addDays(today, days[0] as number),
        endsOn: addDays(today, days[1] as number),
        capacity: 60,
        enrolmentOpensAt: romeInstant(addDays(today, -60)),
        enrolmentClosesAt: romeInstant(addDays(today, -41), '23:59'),
        online: true,
        status: 'completed',
      })
      .returning();
    if (!edition) return;
    if (trainer) await tx.insert(editionTrainers).values({ editionId: edition.id, userId: trainer.id });
    const sessions = await tx
      .insert(editionSessions)
      .values(
        days.map((d, i) => ({
          editionId: edition.id,
          title: `Incontro ${i + 1}`,
          startsAt: romeInstant(addDays(today, d), '14:30'),
          endsAt: romeInstant(addDays(today, d), '16:30'),
          mode: 'webinar' as const,
          onlineUrl: `https://webinar.example.it/officina/estate-${i + 1}`,
          trainerId: trainer?.id ?? null,
        })),
      )
      .returning();
    const last = sessions[sessions.length - 1];
    if (!last) return;
    const completedOn = romeDate(last.startsAt);
    const enrol = async (u: typeof carlo, attended: typeof sessions) => {
      const minutes = attended.length * 120;
      const [e] = await tx
        .insert(enrolments)
        .values({
          editionId: edition.id,
          userId: u.id,
          unitId: u.unitId,
          status: 'confirmed',
          requestedAt: romeInstant(addDays(today, -50)),
          confirmedAt: romeInstant(addDays(today, -50)),
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
          minutes: 120,
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
      issuer,
      issuedAt: romeInstant(addDays(today, -32), '09:00'),
    });
  });
}
