import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Edition } from '../../common/catalogue.js';
import type { Role } from '../../common/roles.js';
import { certificates, enrolments, outbox, roleGrants, users } from '../db/schema/index.js';
import type { TestContext } from '../test/app.js';
import type { TestClient } from '../test/client.js';
import { assessmentFactories } from './factories-assessment.js';
import { restructuringFactories } from './factories-restructuring.js';
import {
  DEMO_PASSWORD,
  editionBody,
  fresh,
  logbookDay,
  ok,
  type Person,
  pathBody,
  type SessionSpec,
  sessionBody,
} from './fixtures.js';

export type Factories = ReturnType<typeof createFactories>;

/**
 * Factories of fresh objects, for the cases that change what they touch: through the API as a
 * national admin (`admin`) where it can, straight into the tables where the API has no way in (a
 * confirmed enrolment outside the window, a person with no role yet).
 */
export function createFactories(t: TestContext, admin: TestClient) {
  let demoHash: string | undefined;
  const kept = new Map<string, Promise<unknown>>();

  /** A new person of the unit: a learner there unless other grants are given; signs in when asked. */
  const person = async (
    unit: number | null,
    opts: { grants?: { role: Role; unitId: number | null }[]; password?: boolean; jobProfile?: string } = {},
  ): Promise<Person> => {
    demoHash ??= (
      await t.db
        .select({ hash: users.passwordHash })
        .from(users)
        .where(eq(users.email, 'discente.cuneo@officina.demo'))
    )[0]?.hash as string;
    const email = `${fresh('persona')}@example.org`;
    const [row] = await t.db
      .insert(users)
      .values({
        email,
        name: `Persona ${email.split('@')[0]}`,
        unitId: unit,
        jobProfileCode: opts.jobProfile ?? null,
        passwordHash: opts.password ? demoHash : null,
      })
      .returning();
    if (!row) throw new Error('fixture person: insert failed');
    const grants = opts.grants ?? (unit === null ? [] : [{ role: 'learner' as const, unitId: unit }]);
    for (const g of grants) await t.db.insert(roleGrants).values({ userId: row.id, ...g });
    return { id: row.id, email, name: row.name, unitId: unit };
  };

  const byEmail = async (email: string) => {
    const [u] = await t.db.select().from(users).where(eq(users.email, email));
    if (!u) throw new Error(`fixture: no user ${email}`);
    return { id: u.id, email: u.email, name: u.name, unitId: u.unitId, jobProfile: u.jobProfileCode };
  };

  /** An enrolment written straight into the table, outside any window. */
  const enrol = async (
    edition: number,
    p: Pick<Person, 'id' | 'unitId'>,
    status: 'confirmed' | 'pending' = 'confirmed',
  ) => {
    const [row] = await t.db
      .insert(enrolments)
      .values({
        editionId: edition,
        userId: p.id,
        unitId: p.unitId,
        status,
        confirmedAt: status === 'confirmed' ? new Date() : null,
      })
      .returning({ id: enrolments.id });
    if (!row) throw new Error('fixture enrolment: insert failed');
    return row.id;
  };

  return {
    ...assessmentFactories(t, admin),
    ...restructuringFactories(t, admin),
    person,
    byEmail,
    enrol,

    /** One object per key, made on first use: what the refused calls of a route share. */
    once<T>(key: string, make: () => Promise<T>): Promise<T> {
      if (!kept.has(key)) kept.set(key, make());
      return kept.get(key) as Promise<T>;
    },

    /** A new person with the same unit and roles as a member of the cast, signed in. */
    async twin(email: string) {
      const model = await byEmail(email);
      const grants = await t.db
        .select({ role: roleGrants.role, unitId: roleGrants.unitId })
        .from(roleGrants)
        .where(eq(roleGrants.userId, model.id));
      const p = await person(model.unitId, {
        grants,
        password: true,
        jobProfile: model.jobProfile ?? undefined,
      });
      return t.as(p.email, DEMO_PASSWORD);
    },

    /** A new draft path. */
    async draftPath() {
      return (await ok(await admin.post('/api/v1/training-paths', pathBody()), 'path')).id;
    },

    /** An edition of the path with its sessions, published unless told otherwise. */
    async edition(
      pathId: number,
      sessions: SessionSpec[],
      over: Record<string, unknown> = {},
      publish = true,
    ): Promise<Edition> {
      const e = await ok(
        await admin.post('/api/v1/editions', { pathId, ...editionBody(sessions, over) }),
        'edition',
      );
      for (const s of sessions)
        await ok(await admin.post(`/api/v1/editions/${e.id}/sessions`, sessionBody(s)), 'session');
      if (publish)
        await ok(await admin.post(`/api/v1/editions/${e.id}/status`, { status: 'published' }), 'publish');
      return (await ok(await admin.get(`/api/v1/editions/${e.id}`), 'edition')) as unknown as Edition;
    },

    /** The person's active enrolment in the edition, made confirmed when there is none. */
    async activeEnrolment(edition: number, p: Person) {
      const [row] = await t.db
        .select({ id: enrolments.id })
        .from(enrolments)
        .where(
          and(
            eq(enrolments.editionId, edition),
            eq(enrolments.userId, p.id),
            inArray(enrolments.status, ['pending', 'confirmed', 'waitlisted']),
          ),
        );
      return row?.id ?? enrol(edition, p);
    },

    /** The enrolment's valid certificate; a revoked one is reissued first. */
    async certificate(enrolment: number): Promise<{ id: number; code: string }> {
      const rows = await t.db
        .select({ id: certificates.id, code: certificates.code, revokedAt: certificates.revokedAt })
        .from(certificates)
        .where(eq(certificates.enrolmentId, enrolment))
        .orderBy(desc(certificates.id));
      const valid = rows.find((r) => r.revokedAt === null);
      if (valid) return valid;
      if (!rows[0]) throw new Error(`fixture: enrolment ${enrolment} has no certificate`);
      const c = await ok(await admin.post(`/api/v1/certificates/${rows[0].id}/reissue`), 'reissue');
      return { id: c.id, code: c.code as string };
    },

    /** A new unsigned logbook entry of the enrolment, written by its learner. */
    async entry(of: { enrolment: number; learnerClient: TestClient }) {
      const e = await ok(
        await of.learnerClient.post(`/api/v1/enrolments/${of.enrolment}/logbook`, logbookDay()),
        'logbook entry',
      );
      return e.id;
    },

    /** A password-reset token of a new person, read from the e-mail that carries it. */
    async resetToken() {
      const p = await person(null, { password: true });
      await ok(await t.client().post('/api/v1/auth/password-reset', { email: p.email }), 'password reset');
      const [mail] = await t.db
        .select({ body: outbox.textBody })
        .from(outbox)
        .where(eq(outbox.toAddress, p.email))
        .orderBy(desc(outbox.id))
        .limit(1);
      const token = /token=([\w-]+)/.exec(mail?.body ?? '')?.[1];
      if (!token) throw new Error('fixture: no reset link');
      return token;
    },
  };
}
