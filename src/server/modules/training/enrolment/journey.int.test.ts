import { and, eq, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Enrolment } from '../../../../common/enrolment.js';
import { auditLog, outbox } from '../../../db/schema/index.js';
import { startTestApp } from '../../../test/app.js';
import { makeEdition, userByEmail } from '../../../test/training.js';

/** The whole way of a learner, across features: enrol, approval, register, completion, attestato. */

const t = await startTestApp();
const admin = await t.as('admin@officina.demo');
const officer = await t.as('referente.cuneo@officina.demo');
const learner = await t.as('discente.cuneo@officina.demo');
const anon = t.client();

describe('from enrolment to a verified attestato', () => {
  it('issues the attestato when the edition completes, and follows a correction with reissue', async () => {
    // Sessions already held (enrolment is still open for the test: the window ends tomorrow).
    const edition = await makeEdition(admin, {
      approvalRequired: true,
      sessions: [{ day: -2 }, { day: -1, start: '14:00', end: '18:00' }],
      closesInDays: 1,
    });
    const asked = (await learner.post('/api/v1/enrolments', { editionId: edition.id })).json() as Enrolment;
    expect(asked.status).toBe('pending');
    const approved = await officer.post(`/api/v1/enrolments/${asked.id}/decision`, { decision: 'approve' });
    expect(approved.json().status).toBe('confirmed');

    const me = await userByEmail(t, 'discente.cuneo@officina.demo');
    const [first, second] = edition.sessions;
    if (!first || !second) throw new Error('sessions missing');
    const register = (sessionId: number, late: number) =>
      admin.put(`/api/v1/sessions/${sessionId}/register`, {
        entries: [{ userId: me.id, present: true, lateMinutes: late, leftEarlyMinutes: 0 }],
      });
    expect((await register(first.id, 0)).statusCode).toBe(200);
    expect((await register(second.id, 30)).statusCode).toBe(200);

    // Complete, but no attestato before the edition itself is completed.
    expect((await learner.get('/api/v1/me/certificates')).json()).toHaveLength(0);
    const done = await admin.post(`/api/v1/editions/${edition.id}/status`, { status: 'completed' });
    expect(done.statusCode, done.body).toBe(200);
    const [cert] = (await learner.get('/api/v1/me/certificates')).json();
    expect(cert).toMatchObject({ status: 'valid', minutesAttended: 450, completedOn: edition.endsOn });
    const mail = await t.db
      .select()
      .from(outbox)
      .where(
        and(eq(outbox.toAddress, 'discente.cuneo@officina.demo'), like(outbox.textBody, `%${cert.code}%`)),
      );
    expect(mail).toHaveLength(1);

    const check = await anon.get(
      `/api/v1/public/certificates/${cert.code.toLowerCase().replaceAll('-', '')}`,
    );
    expect(check.statusCode).toBe(200);
    expect(check.json()).toMatchObject({ status: 'valid', holderName: me.name, hours: 7.5 });
    expect(Object.keys(check.json())).not.toContain('email');

    // A correction: the second session is recorded as fully attended. The attestato is now outdated.
    expect((await register(second.id, 0)).statusCode).toBe(200);
    const corrected = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'attendance.corrected'), eq(auditLog.entityType, 'attendance')));
    expect(corrected.length).toBeGreaterThan(0);
    const listing = (await admin.get(`/api/v1/editions/${edition.id}/certificates`)).json();
    expect(listing.items[0]).toMatchObject({ code: cert.code, outdated: true });
    const re = await admin.post(`/api/v1/certificates/${cert.id}/reissue`, {});
    expect(re.statusCode, re.body).toBe(201);
    const old = await anon.get(`/api/v1/public/certificates/${cert.code}`);
    expect(old.json().status).toBe('revoked');
    const fresh = (
      (await learner.get('/api/v1/me/certificates')).json() as {
        status: string;
        minutesAttended: number;
      }[]
    ).find((c) => c.status === 'valid');
    expect(fresh?.minutesAttended).toBe(480);
  });
});
