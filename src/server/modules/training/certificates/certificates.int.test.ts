import { and, eq, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Certificate, EditionCertificates, PublicCertificate } from '../../../../common/certificates.js';
import { addDays } from '../../../../common/rome-time.js';
import {
  auditLog,
  certificates,
  editions,
  enrolments,
  outbox,
  roleGrants,
  users,
} from '../../../db/schema/index.js';
import { hashPassword } from '../../../kernel/passwords.js';
import type { RequestContext } from '../../../kernel/principal.js';
import { startTestApp } from '../../../test/app.js';
import { confirmedEnrolment, makeEdition, today, userByEmail } from '../../../test/training.js';

const t = await startTestApp({ publicUrl: 'https://officina.example.it' });
const admin = await t.as('admin@officina.demo');
const learner = await t.as('discente.cuneo@officina.demo');
const trainerClient = await t.as('formatore@officina.demo');
const taskforce = await t.as('taskforce@officina.demo');
const anon = t.client();
const system: RequestContext = { actor: null, ip: null, requestId: null, lang: 'it' };
const svc = t.services.certificates;

const sync = (enrolmentId: number) => t.db.transaction((tx) => svc.syncEnrolment(tx, system, enrolmentId));
const complete = (enrolmentId: number, minutes: number, on: string | null = addDays(today(), -2)) =>
  t.db
    .update(enrolments)
    .set({ completedOn: on, minutesAttended: minutes })
    .where(eq(enrolments.id, enrolmentId));
const markCompleted = (editionId: number) =>
  t.db.update(editions).set({ status: 'completed' }).where(eq(editions.id, editionId));
const pastEdition = (trainerIds: string[] = []) =>
  makeEdition(admin, { sessions: [{ day: -3 }, { day: -2 }], trainerIds });
const certsOf = (enrolmentId: number) =>
  t.db.select().from(certificates).where(eq(certificates.enrolmentId, enrolmentId));
const mailsTo = (email: string, subject: string) =>
  t.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.toAddress, email), like(outbox.subject, `%${subject}%`)));

describe('issuing', () => {
  it('issues one certificate when a confirmed, completed enrolment is in a completed edition', async () => {
    const edition = await pastEdition();
    const e = await confirmedEnrolment(t, edition.id, 'discente.cuneo@officina.demo');
    await complete(e.id, 480);
    expect(await sync(e.id)).toBeNull();
    await markCompleted(edition.id);

    const issued = await sync(e.id);
    expect(issued).toMatchObject({
      enrolmentId: e.id,
      holderName: 'Carlo Discente',
      pathTitle: edition.pathTitle,
      editionTitle: edition.title,
      startsOn: edition.startsOn,
      endsOn: edition.endsOn,
      minutesAttended: 480,
      completedOn: addDays(today(), -2),
      issuer: t.config.certIssuer,
      revokedAt: null,
    });
    expect(issued?.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);

    // Idempotent: calling again (after every ledger change) issues nothing more.
    expect(await sync(e.id)).toBeNull();
    expect(await t.db.transaction((tx) => svc.issueForEdition(tx, system, edition.id))).toBe(0);
    expect(await certsOf(e.id)).toHaveLength(1);

    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'certificate.issued'), eq(auditLog.entityId, String(issued?.id))));
    expect(audit?.details).toMatchObject({ code: issued?.code, enrolmentId: e.id });

    const [mail] = await mailsTo('discente.cuneo@officina.demo', 'attestato');
    expect(mail?.subject).toContain(edition.pathTitle);
    expect(mail?.textBody).toContain('https://officina.example.it/la-mia-formazione');
    expect(mail?.textBody).toContain(`https://officina.example.it/verifica/${issued?.code}`);
  });

  it('writes the e-mail in the holder’s language', async () => {
    await t.db.update(users).set({ locale: 'en' }).where(eq(users.email, 'discente2.cuneo@officina.demo'));
    const edition = await pastEdition();
    const e = await confirmedEnrolment(t, edition.id, 'discente2.cuneo@officina.demo');
    await complete(e.id, 300);
    await markCompleted(edition.id);
    const issued = await sync(e.id);
    const [mail] = await mailsTo('discente2.cuneo@officina.demo', 'certificate');
    expect(mail?.subject).toBe(`Officina: your certificate for “${edition.pathTitle}” is available`);
    expect(mail?.textBody).toContain(issued?.code);
  });

  it('issues for no one who is not confirmed or not complete', async () => {
    const edition = await pastEdition();
    const done = await confirmedEnrolment(t, edition.id, 'discente.cuneo@officina.demo');
    const notDone = await confirmedEnrolment(t, edition.id, 'discente.bergamo@officina.demo');
    const u = await userByEmail(t, 'discente.sassari@officina.demo');
    const [cancelled] = await t.db
      .insert(enrolments)
      .values({ editionId: edition.id, userId: u.id, unitId: u.unitId, status: 'cancelled' })
      .returning();
    await complete(done.id, 480);
    await complete(cancelled?.id as number, 480);
    await markCompleted(edition.id);

    expect(await t.db.transaction((tx) => svc.issueForEdition(tx, system, edition.id))).toBe(1);
    expect(await certsOf(done.id)).toHaveLength(1);
    expect(await certsOf(notDone.id)).toHaveLength(0);
    expect(await certsOf(cancelled?.id as number)).toHaveLength(0);
  });

  it('keeps one valid certificate when two processes issue at the same moment', async () => {
    const edition = await pastEdition();
    const e = await confirmedEnrolment(t, edition.id, 'discente.bergamo@officina.demo');
    await complete(e.id, 480);
    await markCompleted(edition.id);

    const results = await Promise.all([sync(e.id), sync(e.id), sync(e.id)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await certsOf(e.id)).toHaveLength(1);
    expect(await mailsTo('discente.bergamo@officina.demo', edition.pathTitle)).toHaveLength(1);
  });

  it('lets the database refuse a second valid certificate for an enrolment', async () => {
    const edition = await pastEdition();
    const e = await confirmedEnrolment(t, edition.id, 'discente.sassari@officina.demo');
    await complete(e.id, 480);
    await markCompleted(edition.id);
    const first = await sync(e.id);
    const { id: _id, code: _code, ...copy } = first as NonNullable<typeof first>;
    await expect(
      t.db.insert(certificates).values({ ...copy, code: 'AAAA-AAAA-AAAA-AAAA' }),
    ).rejects.toThrow();
  });
});

/** A completed enrolment with its certificate, ready for revocation and reissue. */
async function issuedFor(email: string, minutes = 480) {
  const edition = await pastEdition();
  const e = await confirmedEnrolment(t, edition.id, email);
  await complete(e.id, minutes);
  await markCompleted(edition.id);
  const c = await sync(e.id);
  if (!c) throw new Error('not issued');
  return { edition, enrolment: e, certificate: c };
}

describe('public verification', () => {
  it('answers with the certificate’s public facts only, whatever the case and dashes', async () => {
    const { certificate: c, edition } = await issuedFor('discente.cuneo@officina.demo', 750);
    for (const code of [c.code, c.code.toLowerCase(), c.code.replace(/-/g, '')]) {
      const res = await anon.get(`/api/v1/public/certificates/${encodeURIComponent(code)}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({
        code: c.code,
        status: 'valid',
        holderName: 'Carlo Discente',
        pathTitle: edition.pathTitle,
        completedOn: c.completedOn,
        hours: 12.5,
      });
    }
    expect(JSON.stringify((await anon.get(`/api/v1/public/certificates/${c.code}`)).json())).not.toMatch(
      /officina\.demo|enrolment|userId|unit/i,
    );
  });

  it('answers 404 with a clear message for an unknown or malformed code', async () => {
    for (const code of ['ZZZZ-ZZZZ-ZZZZ-ZZZZ', 'not-a-code']) {
      const res = await anon.get(`/api/v1/public/certificates/${code}`);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'CERTIFICATE_NOT_FOUND' });
      expect(res.json().message).toMatch(/Nessun attestato corrisponde/);
    }
  });

  it('gives the verification page its own title, with or without a code', async () => {
    for (const path of ['/verifica', '/verifica/K7QM-3XTR-9PAD-2VHC'])
      expect(await svc.pageMeta(path)).toMatchObject({ title: 'Verifica di un attestato' });
    expect((await svc.pageMeta('/verifica/K7QM/altro'))?.title).toBeUndefined();
    expect(await svc.pageMeta('/formazione')).toBeNull();
  });

  it('is throttled per address so codes cannot be tried in bulk', async () => {
    const prober = t.client();
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++)
      statuses.push((await prober.get('/api/v1/public/certificates/ZZZZ-ZZZZ-ZZZZ-ZZZ0')).statusCode);
    expect(statuses.slice(0, 30).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429, 429, 429, 429]);
  });
});

describe('revocation and reissue', () => {
  it('revokes with a reason; the public check then says revoked, and why', async () => {
    const { certificate: c } = await issuedFor('discente.cuneo@officina.demo');
    expect((await admin.post(`/api/v1/certificates/${c.id}/revoke`, { reason: 'no' })).statusCode).toBe(400);
    expect(
      (await learner.post(`/api/v1/certificates/${c.id}/revoke`, { reason: 'Non dovuto' })).statusCode,
    ).toBe(403);
    const res = await admin.post(`/api/v1/certificates/${c.id}/revoke`, {
      reason: 'Presenze registrate per errore',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'revoked', revokeReason: 'Presenze registrate per errore' });

    const pub = (await anon.get(`/api/v1/public/certificates/${c.code}`)).json() as PublicCertificate;
    expect(pub).toMatchObject({ status: 'revoked', revokeReason: 'Presenze registrate per errore' });
    expect(pub.revokedAt).toBeTruthy();

    const again = await admin.post(`/api/v1/certificates/${c.id}/revoke`, { reason: 'Ancora una volta' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('CERTIFICATE_REVOKED');
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'certificate.revoked'));
    expect(audit?.details).toMatchObject({ code: c.code, reason: 'Presenze registrate per errore' });

    // A later attendance change does not bring back what a manager revoked.
    expect(await sync(c.enrolmentId)).toBeNull();
  });

  it('flags a certificate as outdated after a correction, and reissues it from the current data', async () => {
    const { certificate: c, edition, enrolment: e } = await issuedFor('discente.bergamo@officina.demo', 480);
    const listing = async () =>
      (await admin.get(`/api/v1/editions/${edition.id}/certificates`)).json() as EditionCertificates;
    expect((await listing()).items[0]?.outdated).toBe(false);

    await complete(e.id, 420);
    expect((await listing()).items[0]).toMatchObject({ code: c.code, outdated: true, unitName: 'Bergamo' });

    const res = await admin.post(`/api/v1/certificates/${c.id}/reissue`);
    expect(res.statusCode, res.body).toBe(201);
    const fresh = res.json() as Certificate;
    expect(fresh).toMatchObject({ status: 'valid', minutesAttended: 420, hours: 7, replacesId: c.id });
    expect(fresh.code).not.toBe(c.code);

    const old = (await anon.get(`/api/v1/public/certificates/${c.code}`)).json();
    expect(old).toMatchObject({ status: 'revoked', revokeReason: 'Riemesso dopo una correzione' });
    anon.lang = 'en';
    expect((await anon.get(`/api/v1/public/certificates/${c.code}`)).json().revokeReason).toBe(
      'Reissued after a correction',
    );
    anon.lang = 'it';

    const after = await listing();
    expect(after.items.map((i) => [i.code, i.status, i.outdated]).sort()).toEqual(
      [
        [c.code, 'revoked', false],
        [fresh.code, 'valid', false],
      ].sort(),
    );
    expect(after.missing).toEqual([]);
    const [mail] = await mailsTo('discente.bergamo@officina.demo', 'riemesso');
    expect(mail?.textBody).toContain(c.code);
    expect(mail?.textBody).toContain(`https://officina.example.it/verifica/${fresh.code}`);
    const [issued] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'certificate.issued'), eq(auditLog.entityId, String(fresh.id))));
    expect(issued?.details).toMatchObject({ code: fresh.code, replacesId: c.id, replacesCode: c.code });
    const [revoked] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'certificate.revoked'), eq(auditLog.entityId, String(c.id))));
    expect(revoked?.details).toMatchObject({ reason: 'Riemesso dopo una correzione' });

    // The old one cannot be reissued a second time while the new one is valid.
    const twice = await admin.post(`/api/v1/certificates/${c.id}/reissue`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('CERTIFICATE_SUPERSEDED');
  });

  it('refuses to reissue once the enrolment is no longer complete, and lists the gap', async () => {
    const { certificate: c, edition, enrolment: e } = await issuedFor('discente.sassari@officina.demo');
    await complete(e.id, 120, null);
    const listing = (
      await admin.get(`/api/v1/editions/${edition.id}/certificates`)
    ).json() as EditionCertificates;
    expect(listing.items[0]?.outdated).toBe(true);
    const res = await admin.post(`/api/v1/certificates/${c.id}/reissue`);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'CERTIFICATE_NOT_DUE' });
    expect(res.json().message).toMatch(/non risulta più completata/);
    expect((await certsOf(e.id)).filter((x) => !x.revokedAt)).toHaveLength(1);
  });

  it('issues again from a revoked certificate only on purpose, with reissue', async () => {
    const { certificate: c, edition } = await issuedFor('discente2.cuneo@officina.demo');
    await admin.post(`/api/v1/certificates/${c.id}/revoke`, { reason: 'Controllo dei registri' });
    const missing = (
      await admin.get(`/api/v1/editions/${edition.id}/certificates`)
    ).json() as EditionCertificates;
    expect(missing.missing).toMatchObject([{ enrolmentId: c.enrolmentId, revokedCertificateId: c.id }]);
    const res = await admin.post(`/api/v1/certificates/${c.id}/reissue`);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'valid', replacesId: c.id });
  });
});

describe('listings and scoping', () => {
  it('lists my certificates, valid and revoked', async () => {
    const res = await learner.get('/api/v1/me/certificates');
    expect(res.statusCode).toBe(200);
    const mine = res.json() as Certificate[];
    const me = await userByEmail(t, 'discente.cuneo@officina.demo');
    expect(mine.length).toBeGreaterThanOrEqual(3);
    expect(mine.every((c) => c.userId === me.id)).toBe(true);
    expect(new Set(mine.map((c) => c.status))).toEqual(new Set(['valid', 'revoked']));
  });

  it('shows an edition’s certificates to managers, the task force and its trainers, not to learners', async () => {
    // A trainer of one Province: not a catalogue manager, so only their own editions.
    const cuneo = await userByEmail(t, 'discente.cuneo@officina.demo');
    const [local] = await t.db
      .insert(users)
      .values({
        email: 'docente.cuneo@officina.demo',
        name: 'Daniela Docente',
        unitId: cuneo.unitId,
        passwordHash: await hashPassword('Officina-Demo-2026'),
      })
      .returning();
    await t.db
      .insert(roleGrants)
      .values({ userId: local?.id as string, role: 'trainer', unitId: cuneo.unitId });
    const localTrainer = await t.as('docente.cuneo@officina.demo');
    const edition = await pastEdition([local?.id as string]);
    const other = await pastEdition();
    const e = await confirmedEnrolment(t, edition.id, 'discente.cuneo@officina.demo');
    await complete(e.id, 480);
    await markCompleted(edition.id);

    const before = (
      await admin.get(`/api/v1/editions/${edition.id}/certificates`)
    ).json() as EditionCertificates;
    expect(before).toMatchObject({ editionStatus: 'completed', items: [] });
    expect(before.missing).toMatchObject([
      { enrolmentId: e.id, holderName: 'Carlo Discente', revokedCertificateId: null },
    ]);
    await sync(e.id);

    for (const c of [admin, taskforce, localTrainer]) {
      const res = await c.get(`/api/v1/editions/${edition.id}/certificates`);
      expect(res.statusCode, res.body).toBe(200);
      expect((res.json() as EditionCertificates).items).toHaveLength(1);
    }
    expect((await learner.get(`/api/v1/editions/${edition.id}/certificates`)).statusCode).toBe(403);
    expect((await anon.get(`/api/v1/editions/${edition.id}/certificates`)).statusCode).toBe(401);
    expect((await admin.get('/api/v1/editions/999999/certificates')).statusCode).toBe(404);
    // A national grant reaches only the editions one trains.
    for (const id of [edition.id, other.id])
      expect((await trainerClient.get(`/api/v1/editions/${id}/certificates`)).statusCode).toBe(403);
    expect((await localTrainer.get(`/api/v1/editions/${other.id}/certificates`)).statusCode).toBe(403);
    expect(
      (await localTrainer.post(`/api/v1/certificates/1/revoke`, { reason: 'Non posso' })).statusCode,
    ).toBe(403);
    expect(
      (await taskforce.post(`/api/v1/certificates/1/revoke`, { reason: 'Sola lettura' })).statusCode,
    ).toBe(403);
  });
});
