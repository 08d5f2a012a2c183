import { and, eq, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addDays, romeInstant } from '../../../../common/rome-time.js';
import {
  officerDigests,
  officerNoticePreferences,
  outbox,
  roleGrants,
  users,
} from '../../../db/schema/index.js';
import { startTestApp } from '../../../test/app.js';
import { makeEdition, today, userByEmail } from '../../../test/training.js';
import { createDigestJob } from './officer-notices.js';
import { createOfficerRepository } from './officer-repository.js';

const t = await startTestApp({ outboxIntervalMs: 3_600_000 });
const admin = await t.as('admin@officina.demo');
const officer = await t.as('referente.cuneo@officina.demo');
const learner = await t.as('discente.cuneo@officina.demo');
const learner2 = await t.as('discente2.cuneo@officina.demo');
const bergamoLearner = await t.as('discente.bergamo@officina.demo');

const OFFICER = 'referente.cuneo@officina.demo';
const BERGAMO_OFFICER = 'referente.bergamo@officina.demo';
const LEARNER = 'discente.cuneo@officina.demo';
const LEARNER2 = 'discente2.cuneo@officina.demo';
/** A second Cuneo officer who reads English: each officer of the Province is told, in their language. */
const EN_OFFICER = 'second.officer.cuneo@officina.demo';

const officerName = (await userByEmail(t, OFFICER)).name;
const learnerName = (await userByEmail(t, LEARNER)).name;
const learner2Name = (await userByEmail(t, LEARNER2)).name;
const cuneo = (await userByEmail(t, OFFICER)).unitId as number;
const [enOfficer] = await t.db
  .insert(users)
  .values({ email: EN_OFFICER, name: 'Second Officer', unitId: cuneo, locale: 'en' })
  .returning();
await t.db
  .insert(roleGrants)
  .values({ userId: enOfficer?.id as string, role: 'province_officer', unitId: cuneo });

const mailsTo = (email: string, subject = '') =>
  t.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.toAddress, email), like(outbox.subject, `%${subject}%`)))
    .orderBy(outbox.id);
const count = async (email: string) => (await mailsTo(email)).length;
const enrol = (c: typeof learner, editionId: number) => c.post('/api/v1/enrolments', { editionId });
const setMode = (mode: string) => officer.put('/api/v1/me/enrolment-notices', { mode });
/** Rejects every request of Cuneo still waiting, so a summary lists only a test's own. */
async function clearPending() {
  const { items } = (await officer.get('/api/v1/enrolments?status=pending&pageSize=100')).json();
  for (const e of items)
    await officer.post(`/api/v1/enrolments/${e.id}/decision`, {
      decision: 'reject',
      reason: 'Non prioritario',
    });
}
/** Another process's digest job on the same database. */
const otherProcess = () =>
  createDigestJob({
    db: t.db,
    repo: createOfficerRepository(),
    mail: t.services.mail,
    config: t.config,
    log: t.app.log,
    clock: { now: () => new Date() },
  });
/**
 * The first summary's pass: today from 07:00 (Rome), and after the test's changes, so that it covers
 * the cancellations of the 24 hours before it whatever the hour the test runs.
 */
const firstPass = () => new Date(Math.max(Date.now() + 60_000, romeInstant(today(), '07:00').getTime()));
/** A digest pass at a Rome time of a day to come (after the test's own changes). */
const digestAt = (days: number, time = '08:00') => romeInstant(addDays(today(), days), time);

describe('requests awaiting approval', () => {
  it('mails every officer of the learner’s Province, in their language, and no other Province', async () => {
    const edition = await makeEdition(admin, { approvalRequired: true, path: { title: 'Appalti e SUA' } });
    const before = {
      it: await count(OFFICER),
      en: await count(EN_OFFICER),
      bg: await count(BERGAMO_OFFICER),
    };
    const r = await enrol(learner, edition.id);
    expect(r.json().status).toBe('pending');

    const [it_] = await mailsTo(OFFICER, 'richiesta di iscrizione da approvare');
    expect(it_?.subject).toContain(learnerName);
    expect(it_?.textBody).toContain(`Gentile ${officerName}`);
    expect(it_?.textBody).toContain('Percorso: Appalti e SUA');
    expect(it_?.textBody).toContain(`Edizione: ${edition.title}`);
    expect(it_?.textBody).toContain('/provincia/iscrizioni');
    const [en] = await mailsTo(EN_OFFICER, 'enrolment request to approve');
    expect(en?.textBody).toContain('Course: Appalti e SUA');
    // Dates in the officer's language: English month names, never the Italian ones.
    expect(en?.textBody).toMatch(/\((\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}) – /);
    expect(await count(OFFICER)).toBe(before.it + 1);
    expect(await count(EN_OFFICER)).toBe(before.en + 1);
    expect(await count(BERGAMO_OFFICER)).toBe(before.bg);

    // A Bergamo request reaches Bergamo's officer only.
    await enrol(bergamoLearner, edition.id);
    expect(await count(BERGAMO_OFFICER)).toBe(before.bg + 1);
    expect(await count(OFFICER)).toBe(before.it + 1);
  });

  it('does not mail officers when nobody needs to approve', async () => {
    const open = await makeEdition(admin);
    const approval = await makeEdition(admin, { approvalRequired: true });
    const before = await count(OFFICER);
    expect((await enrol(learner, open.id)).json().status).toBe('confirmed');
    // An officer's nomination is the approval itself.
    const learner2Id = (await userByEmail(t, LEARNER2)).id;
    const n = await officer.post('/api/v1/enrolments/nominations', {
      editionId: approval.id,
      userIds: [learner2Id],
    });
    expect(n.json().results[0].status).toBe('confirmed');
    expect(await count(OFFICER)).toBe(before);
  });
});

describe('cancellations', () => {
  it('confirms to the learner who cancels and tells the officers', async () => {
    const edition = await makeEdition(admin, { path: { title: 'Fondi europei' } });
    const id = (await enrol(learner, edition.id)).json().id;
    const r = await learner.post(`/api/v1/enrolments/${id}/cancel`, { reason: 'Impegno d’ufficio' });
    expect(r.statusCode, r.body).toBe(200);
    const [own] = await mailsTo(LEARNER, 'iscrizione annullata – Fondi europei');
    expect(own?.textBody).toContain('come hai chiesto');
    expect(own?.textBody).toContain('Motivo: Impegno d’ufficio');
    const [notice] = await mailsTo(OFFICER, `iscrizione annullata – ${learnerName}, Fondi europei`);
    expect(notice?.textBody).toContain('annullata dalla persona stessa');
    expect(notice?.textBody).toContain('Motivo: Impegno d’ufficio');
    const [en] = await mailsTo(EN_OFFICER, `enrolment cancelled – ${learnerName}, Fondi europei`);
    expect(en?.textBody).toContain('cancelled by the person');
  });

  it('tells the learner who cancelled, in their language, and the other officers but not the one who acted', async () => {
    await t.db.update(users).set({ locale: 'en' }).where(eq(users.email, LEARNER2));
    try {
      const edition = await makeEdition(admin, { path: { title: 'Transizione digitale' } });
      const id = (await enrol(learner2, edition.id)).json().id;
      const before = await count(OFFICER);
      const r = await officer.post(`/api/v1/enrolments/${id}/cancel`, { reason: 'Servizio scoperto' });
      expect(r.statusCode, r.body).toBe(200);
      const [mail] = await mailsTo(LEARNER2, 'enrolment cancelled – Transizione digitale');
      expect(mail?.textBody).toContain(`cancelled by ${officerName}`);
      expect(mail?.textBody).toContain('Reason: Servizio scoperto');
      expect(await count(OFFICER)).toBe(before);
      const [en] = await mailsTo(EN_OFFICER, `enrolment cancelled – ${learner2Name}, Transizione digitale`);
      expect(en?.textBody).toContain(`cancelled by ${officerName}`);
    } finally {
      await t.db.update(users).set({ locale: 'it' }).where(eq(users.email, LEARNER2));
    }
  });
});

describe('daily summary', () => {
  it('is only for officers, with a closed choice', async () => {
    expect((await learner.get('/api/v1/me/enrolment-notices')).statusCode).toBe(403);
    expect((await learner.put('/api/v1/me/enrolment-notices', { mode: 'digest' })).statusCode).toBe(403);
    const bad = await setMode('weekly');
    expect(bad.statusCode).toBe(400);
    expect((await officer.get('/api/v1/me/enrolment-notices')).json()).toEqual({ mode: 'each' });
  });

  it('replaces the immediate e-mails with one summary per Rome day, even when passes race', async () => {
    expect((await setMode('digest')).json()).toEqual({ mode: 'digest' });
    try {
      await summaries();
    } finally {
      await setMode('each');
    }
  });

  async function summaries() {
    expect((await officer.get('/api/v1/me/enrolment-notices')).json()).toEqual({ mode: 'digest' });
    await clearPending();
    const edition = await makeEdition(admin, { approvalRequired: true, path: { title: 'Riepilogo SIT' } });
    const cancelMe = await makeEdition(admin, { path: { title: 'Annullo SIT' } });
    const before = { it: await count(OFFICER), en: await count(EN_OFFICER) };
    await enrol(learner, edition.id);
    await enrol(learner2, edition.id);
    const cancelled = (await enrol(learner, cancelMe.id)).json().id;
    await learner.post(`/api/v1/enrolments/${cancelled}/cancel`, { reason: 'Sovrapposizione' });
    // Nothing immediate for the digest officer; the other officer still gets each one.
    expect(await count(OFFICER)).toBe(before.it);
    expect(await count(EN_OFFICER)).toBe(before.en + 3);

    // Before 07:00 (Rome) no summary goes out.
    expect(await t.services.officerDigest.runOnce(digestAt(1, '06:30'))).toBe(0);
    expect(await count(OFFICER)).toBe(before.it);

    // Three processes racing, then a restart's pass the same day: one summary.
    const first = firstPass();
    const runs = await Promise.all([
      t.services.officerDigest.runOnce(first),
      otherProcess().runOnce(first),
      otherProcess().runOnce(new Date(first.getTime() + 1000)),
    ]);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await otherProcess().runOnce(new Date(first.getTime() + 60_000))).toBe(0);
    const digests = await mailsTo(OFFICER, 'riepilogo giornaliero');
    expect(digests).toHaveLength(1);
    const text = digests[0]?.textBody ?? '';
    expect(text).toContain('Richieste in attesa della tua approvazione (2)');
    expect(text).toContain(`${learnerName}: Riepilogo SIT`);
    expect(text).toContain(`${learner2Name}: Riepilogo SIT`);
    expect(text).toContain('Iscrizioni annullate dal riepilogo precedente (1)');
    expect(text).toContain('Annullo SIT');
    expect(text).toContain('Motivo: Sovrapposizione');
    expect(text).toContain('/provincia/iscrizioni');
    const me = await userByEmail(t, OFFICER);
    expect(await t.db.select().from(officerDigests).where(eq(officerDigests.userId, me.id))).toHaveLength(1);
    // The other officer chose one e-mail each: no summary.
    expect(await mailsTo(EN_OFFICER, 'summary')).toHaveLength(0);

    // Next day: the requests still wait, the cancellation was already told.
    expect(await t.services.officerDigest.runOnce(digestAt(1))).toBe(1);
    const next = (await mailsTo(OFFICER, 'riepilogo giornaliero'))[1]?.textBody ?? '';
    expect(next).toContain('Richieste in attesa della tua approvazione (2)');
    expect(next).not.toContain('Annullo SIT');

    // Nothing pending and nothing cancelled: no summary.
    const { items } = (await officer.get(`/api/v1/enrolments?editionId=${edition.id}`)).json();
    for (const e of items)
      await officer.post(`/api/v1/enrolments/${e.id}/decision`, {
        decision: 'reject',
        reason: 'Non prioritario',
      });
    expect(await t.services.officerDigest.runOnce(digestAt(2))).toBe(0);
    expect(await mailsTo(OFFICER, 'riepilogo giornaliero')).toHaveLength(2);
  }

  it('is written in the officer’s language', async () => {
    await t.db.insert(officerNoticePreferences).values({ userId: enOfficer?.id as string, mode: 'digest' });
    await clearPending();
    const edition = await makeEdition(admin, { approvalRequired: true, path: { title: 'Digest EN' } });
    await enrol(learner, edition.id);
    expect(await t.services.officerDigest.runOnce(digestAt(5))).toBe(1);
    const [mail] = await mailsTo(EN_OFFICER, 'daily enrolment summary');
    expect(mail?.textBody).toContain('Requests awaiting your approval (1)');
    expect(mail?.textBody).toContain(`${learnerName}: Digest EN`);
  });
});
