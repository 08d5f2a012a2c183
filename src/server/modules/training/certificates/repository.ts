import { and, asc, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import {
  certificates,
  editions,
  enrolments,
  territorialUnits,
  trainingPaths,
  users,
} from '../../../db/schema/index.js';

export type CertificateRow = typeof certificates.$inferSelect;

/** What a certificate needs to know about its enrolment now, to tell whether it is still accurate. */
const current = {
  status: enrolments.status,
  completedOn: enrolments.completedOn,
  minutesAttended: enrolments.minutesAttended,
  unitId: enrolments.unitId,
};

/** Completed = confirmed with a completion date in a completed edition: what earns a certificate. */
const completed = and(
  eq(enrolments.status, 'confirmed'),
  isNotNull(enrolments.completedOn),
  eq(editions.status, 'completed'),
);

export function createCertificatesRepository() {
  return {
    /** The enrolment with its holder, edition and path: the material of a snapshot. */
    async facts(db: Db, enrolmentId: number) {
      const [row] = await db
        .select({
          enrolment: enrolments,
          holder: { name: users.name, email: users.email, locale: users.locale },
          edition: {
            id: editions.id,
            title: editions.title,
            startsOn: editions.startsOn,
            endsOn: editions.endsOn,
            status: editions.status,
          },
          pathTitle: trainingPaths.title,
        })
        .from(enrolments)
        .innerJoin(users, eq(users.id, enrolments.userId))
        .innerJoin(editions, eq(editions.id, enrolments.editionId))
        .innerJoin(trainingPaths, eq(trainingPaths.id, editions.pathId))
        .where(eq(enrolments.id, enrolmentId));
      return row;
    },

    /** Completed enrolments of an edition that never had a certificate. */
    async dueOfEdition(db: Db, editionId: number) {
      const rows = await db
        .select({ id: enrolments.id })
        .from(enrolments)
        .innerJoin(editions, eq(editions.id, enrolments.editionId))
        .where(
          and(
            eq(enrolments.editionId, editionId),
            completed,
            sql`not exists (select 1 from ${certificates} where ${certificates.enrolmentId} = ${enrolments.id})`,
          ),
        )
        .orderBy(asc(enrolments.id));
      return rows.map((r) => r.id);
    },

    async countOf(db: Db, enrolmentId: number) {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(certificates)
        .where(eq(certificates.enrolmentId, enrolmentId));
      return row?.n ?? 0;
    },

    /**
     * Inserts unless the enrolment already has a valid certificate; undefined when it has (a
     * concurrent issue won: the partial unique index settles the race without aborting the caller).
     */
    async insert(db: Db, values: typeof certificates.$inferInsert) {
      const [row] = await db
        .insert(certificates)
        .values(values)
        .onConflictDoNothing({ target: certificates.enrolmentId, where: sql.raw('revoked_at is null') })
        .returning();
      return row;
    },

    async findById(db: Db, id: number) {
      const [row] = await db
        .select({
          certificate: certificates,
          enrolment: current,
          holder: { email: users.email, locale: users.locale },
        })
        .from(certificates)
        .innerJoin(enrolments, eq(enrolments.id, certificates.enrolmentId))
        .innerJoin(users, eq(users.id, certificates.userId))
        .where(eq(certificates.id, id));
      return row;
    },

    async findByCode(db: Db, code: string) {
      const [row] = await db.select().from(certificates).where(eq(certificates.code, code));
      return row;
    },

    /** Revokes only a valid certificate; undefined when it was already revoked (maybe just now). */
    async revoke(db: Db, id: number, by: string | null, reason: string, at: Date) {
      const [row] = await db
        .update(certificates)
        .set({ revokedAt: at, revokedBy: by, revokeReason: reason })
        .where(and(eq(certificates.id, id), isNull(certificates.revokedAt)))
        .returning();
      return row;
    },

    async validOf(db: Db, enrolmentId: number) {
      const [row] = await db
        .select()
        .from(certificates)
        .where(and(eq(certificates.enrolmentId, enrolmentId), isNull(certificates.revokedAt)));
      return row;
    },

    async ofEdition(db: Db, editionId: number) {
      return db
        .select({ certificate: certificates, enrolment: current, unitName: territorialUnits.name })
        .from(certificates)
        .innerJoin(enrolments, eq(enrolments.id, certificates.enrolmentId))
        .leftJoin(territorialUnits, eq(territorialUnits.id, enrolments.unitId))
        .where(eq(certificates.editionId, editionId))
        .orderBy(asc(certificates.holderName), asc(certificates.issuedAt), asc(certificates.id));
    },

    async validOfEdition(db: Db, editionId: number) {
      return db
        .select()
        .from(certificates)
        .where(and(eq(certificates.editionId, editionId), isNull(certificates.revokedAt)))
        .orderBy(asc(certificates.holderName), asc(certificates.id));
    },

    /** Completed enrolments of the edition without a valid certificate, with their last revoked one. */
    async missingOfEdition(db: Db, editionId: number) {
      return db
        .select({
          enrolmentId: enrolments.id,
          userId: enrolments.userId,
          holderName: users.name,
          unitName: territorialUnits.name,
          completedOn: enrolments.completedOn,
          minutesAttended: enrolments.minutesAttended,
          revokedCertificateId: sql<
            number | null
          >`(select max(${certificates.id}) from ${certificates} where ${certificates.enrolmentId} = ${enrolments.id})`,
        })
        .from(enrolments)
        .innerJoin(editions, eq(editions.id, enrolments.editionId))
        .innerJoin(users, eq(users.id, enrolments.userId))
        .leftJoin(territorialUnits, eq(territorialUnits.id, enrolments.unitId))
        .where(
          and(
            eq(enrolments.editionId, editionId),
            completed,
            sql`not exists (select 1 from ${certificates} where ${certificates.enrolmentId} = ${enrolments.id} and ${certificates.revokedAt} is null)`,
          ),
        )
        .orderBy(asc(users.name));
    },

    async ofUser(db: Db, userId: string) {
      return db
        .select()
        .from(certificates)
        .where(eq(certificates.userId, userId))
        .orderBy(desc(certificates.issuedAt), desc(certificates.id));
    },

    async edition(db: Db, editionId: number) {
      const [row] = await db
        .select({ id: editions.id, title: editions.title, status: editions.status })
        .from(editions)
        .where(eq(editions.id, editionId));
      return row;
    },
  };
}

export type CertificatesRepository = ReturnType<typeof createCertificatesRepository>;
