import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Edition } from '../../../common/catalogue.js';
import type { Enrolment } from '../../../common/enrolment.js';
import { addDays } from '../../../common/rome-time.js';
import { editions, enrolments } from '../../db/schema/index.js';
import type { RequestContext } from '../../kernel/principal.js';
import { startTestApp } from '../../test/app.js';
import type { TestClient } from '../../test/client.js';
import { confirmedEnrolment, editionUpdate, makeEdition, today, userByEmail } from '../../test/training.js';

/**
 * A trainer reaches the editions they train and nothing else, whatever the breadth of their grant;
 * a Province officer reaches the people of their Province only. Edition A is trained by the demo
 * trainer (a national grant), edition B is not; both have people of Cuneo and of Bergamo.
 */
const t = await startTestApp();
const admin = await t.as('admin@officina.demo');
const trainer = await t.as('formatore@officina.demo');
const cuneoOfficer = await t.as('referente.cuneo@officina.demo');
const bergamoOfficer = await t.as('referente.bergamo@officina.demo');
const learner = await t.as('discente.cuneo@officina.demo');
const franco = await userByEmail(t, 'formatore@officina.demo');
const carlo = await userByEmail(t, 'discente.cuneo@officina.demo');
const marco = await userByEmail(t, 'discente.bergamo@officina.demo');

const sessions = [
  { day: -3, title: 'Aula' },
  { day: -2, mode: 'affiancamento' as const, title: 'Affiancamento' },
];
const spec = { sessions, path: { deliveryModes: ['aula', 'affiancamento'] } };
const A = await makeEdition(admin, { ...spec, trainerIds: [franco.id] });
const A2 = await makeEdition(admin, { ...spec, trainerIds: [franco.id] });
const B = await makeEdition(admin, spec);
const sessionA = A.sessions[0]?.id as number;
const sessionB = B.sessions[0]?.id as number;

const people = async (e: Edition) => ({
  carlo: await confirmedEnrolment(t, e.id, carlo.email),
  marco: await confirmedEnrolment(t, e.id, marco.email),
});
const inA = await people(A);
const inB = await people(B);

/** A day of affiancamento Carlo writes in his logbook of the edition. */
async function logbookEntry(enrolmentId: number) {
  const res = await learner.post(`/api/v1/enrolments/${enrolmentId}/logbook`, {
    day: addDays(today(), -2),
    minutes: 120,
    activities: 'Istruttoria di due pratiche con il tutor',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as number;
}
const entryA = await logbookEntry(inA.carlo.id);
const entryB = await logbookEntry(inB.carlo.id);

const status = async (c: TestClient, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, body?: unknown) =>
  (await c.request(method, url, body ?? (method === 'GET' ? undefined : {}))).statusCode;
const listed = async (c: TestClient, query = '') =>
  (await c.get(`/api/v1/enrolments?pageSize=100${query}`)).json() as { items: Enrolment[]; total: number };

describe('a trainer with a national grant', () => {
  it('is told by /me what the server then allows', async () => {
    const can = (await trainer.get('/api/v1/me')).json().can;
    expect(can).toMatchObject({
      manageCatalogue: true,
      listEnrolments: false,
      decideEnrolments: false,
      administerEnrolments: true,
      runSessions: true,
      signLogbooks: true,
      manageUsers: false,
    });
  });

  it('lists the enrolments of the editions they train only', async () => {
    const all = await listed(trainer);
    expect(new Set(all.items.map((e) => e.editionId))).toEqual(new Set([A.id]));
    expect((await listed(trainer, `&editionId=${B.id}`)).total).toBe(0);
    expect((await listed(trainer, `&q=${encodeURIComponent(marco.email)}`)).items.map((e) => e.id)).toEqual([
      inA.marco.id,
    ]);
  });

  it('reaches the catalogue pages of trained editions only', async () => {
    const list = (await trainer.get('/api/v1/editions?pageSize=100')).json() as { items: Edition[] };
    const ids = list.items.map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining([A.id, A2.id]));
    expect(ids).not.toContain(B.id);
    expect(await status(trainer, 'GET', `/api/v1/editions/${A.id}`)).toBe(200);
    expect(await status(trainer, 'GET', `/api/v1/editions/${B.id}`)).toBe(403);
    expect(
      await status(trainer, 'PATCH', `/api/v1/editions/${B.id}`, editionUpdate(B, { capacity: 99 })),
    ).toBe(403);
    expect(
      await status(trainer, 'PATCH', `/api/v1/editions/${A.id}`, editionUpdate(A, { capacity: 31 })),
    ).toBe(200);
    const session = {
      title: 'Extra',
      startsAt: A.sessions[0]?.startsAt,
      endsAt: A.sessions[0]?.endsAt,
      mode: 'aula',
    };
    expect(await status(trainer, 'POST', `/api/v1/editions/${B.id}/sessions`, session)).toBe(403);
    expect(await status(trainer, 'PATCH', `/api/v1/editions/${B.id}/sessions/${sessionB}`, session)).toBe(
      403,
    );
    expect(
      await status(trainer, 'POST', `/api/v1/editions/${B.id}/sessions/${sessionB}/cancel`, {
        reason: 'Non è mia',
      }),
    ).toBe(403);
    expect(await status(trainer, 'POST', `/api/v1/editions/${B.id}/status`, { status: 'closed' })).toBe(403);
    const unchanged = await t.db.select().from(editions).where(eq(editions.id, B.id));
    expect(unchanged[0]).toMatchObject({ capacity: B.capacity, status: 'published' });
  });

  it('schedules editions they train: they are added to its trainers', async () => {
    const body = editionUpdate(A, { title: 'Edizione nuova del formatore', trainerIds: [] });
    const res = await trainer.post('/api/v1/editions', { ...body, pathId: A.pathId });
    expect(res.statusCode, res.body).toBe(201);
    expect((res.json() as Edition).trainerIds).toEqual([franco.id]);
  });

  it('reads seats and sets quotas of trained editions only', async () => {
    expect(await status(trainer, 'GET', `/api/v1/editions/${A.id}/seats`)).toBe(200);
    expect(await status(trainer, 'GET', `/api/v1/editions/${B.id}/seats`)).toBe(403);
    const quotas = { quotas: [{ unitId: carlo.unitId, seats: 2 }] };
    expect(await status(trainer, 'PUT', `/api/v1/editions/${B.id}/quotas`, quotas)).toBe(403);
    expect((await admin.get(`/api/v1/editions/${B.id}/seats`)).json().quotas).toEqual([]);
    expect(await status(trainer, 'PUT', `/api/v1/editions/${A.id}/quotas`, quotas)).toBe(200);
  });

  it('moves people only between editions they train', async () => {
    expect(
      await status(trainer, 'POST', `/api/v1/enrolments/${inB.marco.id}/move`, { toEditionId: A.id }),
    ).toBe(404);
    expect(
      await status(trainer, 'POST', `/api/v1/enrolments/${inA.marco.id}/move`, { toEditionId: B.id }),
    ).toBe(403);
    const active = await t.db.select().from(enrolments).where(eq(enrolments.id, inA.marco.id));
    expect(active[0]?.status).toBe('confirmed');
  });

  it('decides and nominates for nobody', async () => {
    expect(
      await status(trainer, 'POST', '/api/v1/enrolments/nominations', {
        editionId: A.id,
        userIds: [carlo.id],
      }),
    ).toBe(403);
    expect(await status(trainer, 'POST', `/api/v1/enrolments/${inA.carlo.id}/cancel`, {})).toBe(404);
    expect(
      await status(trainer, 'POST', `/api/v1/enrolments/${inB.carlo.id}/decision`, { decision: 'approve' }),
    ).toBe(404);
  });

  it('runs the sessions of trained editions only', async () => {
    for (const [sid, expected] of [
      [sessionA, 200],
      [sessionB, 403],
    ] as const) {
      expect(await status(trainer, 'GET', `/api/v1/sessions/${sid}/register`)).toBe(expected);
      expect(await status(trainer, 'GET', `/api/v1/sessions/${sid}/sign-in-sheet.pdf`)).toBe(expected);
      expect(await status(trainer, 'POST', `/api/v1/sessions/${sid}/checkin-code`)).toBe(expected);
    }
    const entries = [{ userId: carlo.id, present: true, lateMinutes: 0, leftEarlyMinutes: 0 }];
    expect(await status(trainer, 'PUT', `/api/v1/sessions/${sessionB}/register`, { entries })).toBe(403);
    expect(await status(trainer, 'PUT', `/api/v1/sessions/${sessionA}/register`, { entries })).toBe(200);
    const boundary = '----officinascope';
    const upload = await trainer.request('POST', `/api/v1/sessions/${sessionB}/webinar-report`, undefined, {
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.csv"\r\nContent-Type: text/csv\r\n\r\nNome,Email\r\n--${boundary}--\r\n`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(upload.statusCode).toBe(403);
    expect(await status(trainer, 'GET', `/api/v1/editions/${A.id}/attendance`)).toBe(200);
    expect(await status(trainer, 'GET', `/api/v1/editions/${B.id}/attendance`)).toBe(403);
    expect(
      await status(trainer, 'PUT', `/api/v1/enrolments/${inB.carlo.id}/final-test`, { passed: true }),
    ).toBe(403);
    expect(
      await status(trainer, 'PUT', `/api/v1/enrolments/${inA.carlo.id}/final-test`, { passed: true }),
    ).toBe(200);
  });

  it('reads and signs the logbooks of trained editions only', async () => {
    expect(await status(trainer, 'GET', `/api/v1/enrolments/${inA.carlo.id}/logbook`)).toBe(200);
    expect(await status(trainer, 'GET', `/api/v1/enrolments/${inB.carlo.id}/logbook`)).toBe(404);
    expect(await status(trainer, 'POST', `/api/v1/logbook/${entryB}/sign`, { as: 'coach' })).toBe(404);
    const awaiting = (await trainer.get('/api/v1/logbook/awaiting')).json().items as { id: number }[];
    expect(awaiting.map((e) => e.id)).toContain(entryA);
    expect(awaiting.map((e) => e.id)).not.toContain(entryB);
    expect(await status(trainer, 'POST', `/api/v1/logbook/${entryA}/sign`, { as: 'coach' })).toBe(200);
  });
});

describe('a Province officer', () => {
  it('lists, reads and decides for the people of their Province only, in any edition', async () => {
    const theirs = await listed(bergamoOfficer, `&editionId=${A.id}`);
    expect(theirs.items.map((e) => e.id)).toEqual([inA.marco.id]);
    const matrix = (await bergamoOfficer.get(`/api/v1/editions/${A.id}/attendance`)).json();
    expect(matrix.people.map((p: { userId: string }) => p.userId)).toEqual([marco.id]);
    expect(await status(bergamoOfficer, 'GET', `/api/v1/enrolments/${inA.carlo.id}/logbook`)).toBe(404);
    expect(await status(cuneoOfficer, 'GET', `/api/v1/enrolments/${inA.carlo.id}/logbook`)).toBe(200);
    expect(await status(bergamoOfficer, 'POST', `/api/v1/logbook/${entryA}/sign`, { as: 'officer' })).toBe(
      404,
    );
    expect(await status(bergamoOfficer, 'POST', `/api/v1/enrolments/${inB.carlo.id}/cancel`, {})).toBe(404);
    expect(await status(bergamoOfficer, 'GET', `/api/v1/sessions/${sessionA}/register`)).toBe(403);
    expect(
      await status(bergamoOfficer, 'PUT', `/api/v1/enrolments/${inA.marco.id}/final-test`, { passed: true }),
    ).toBe(403);
  });

  it('neither reads seat summaries nor sets quotas or moves people', async () => {
    expect(await status(bergamoOfficer, 'GET', `/api/v1/editions/${A.id}/seats`)).toBe(403);
    expect(await status(bergamoOfficer, 'PUT', `/api/v1/editions/${A.id}/quotas`, { quotas: [] })).toBe(403);
    expect(
      await status(cuneoOfficer, 'POST', `/api/v1/enrolments/${inB.carlo.id}/move`, { toEditionId: A2.id }),
    ).toBe(403);
    expect(await status(cuneoOfficer, 'GET', `/api/v1/editions/${A.id}`)).toBe(403);
  });
});

describe('attestati and feedback of an edition', () => {
  const system: RequestContext = { actor: null, ip: null, requestId: null, lang: 'it' };
  /** Completes Carlo's and Marco's enrolments in the edition and issues their attestati. */
  async function certify(e: Edition, ids: number[]) {
    await t.db.update(editions).set({ status: 'completed' }).where(eq(editions.id, e.id));
    const out: number[] = [];
    for (const id of ids) {
      await t.db
        .update(enrolments)
        .set({ completedOn: addDays(today(), -2), minutesAttended: 480 })
        .where(eq(enrolments.id, id));
      const row = await t.db.transaction((tx) => t.services.certificates.syncEnrolment(tx, system, id));
      if (!row) throw new Error('no certificate');
      out.push(row.id);
    }
    return out;
  }

  it('are reached through the editions one trains or the people of one’s Province', async () => {
    const [certA] = await certify(A, [inA.carlo.id]);
    const [certB, certBMarco] = await certify(B, [inB.carlo.id, inB.marco.id]);
    expect(await status(trainer, 'GET', `/api/v1/editions/${A.id}/certificates`)).toBe(200);
    expect(await status(trainer, 'GET', `/api/v1/editions/${B.id}/certificates`)).toBe(403);
    expect(await status(trainer, 'GET', `/api/v1/editions/${B.id}/certificates.zip`)).toBe(403);
    expect(await status(trainer, 'GET', `/api/v1/certificates/${certA}/pdf`)).toBe(200);
    expect(await status(trainer, 'GET', `/api/v1/certificates/${certB}/pdf`)).toBe(404);
    expect(
      await status(trainer, 'POST', `/api/v1/certificates/${certB}/revoke`, { reason: 'Non è mia' }),
    ).toBe(404);
    expect(await status(trainer, 'POST', `/api/v1/certificates/${certB}/reissue`)).toBe(404);
    expect(await status(trainer, 'GET', `/api/v1/editions/${A.id}/feedback`)).toBe(200);
    expect(await status(trainer, 'GET', `/api/v1/editions/${B.id}/feedback`)).toBe(403);

    expect(await status(bergamoOfficer, 'GET', `/api/v1/certificates/${certB}/pdf`)).toBe(404);
    expect(await status(bergamoOfficer, 'GET', `/api/v1/certificates/${certBMarco}/pdf`)).toBe(200);
    expect(await status(bergamoOfficer, 'GET', `/api/v1/editions/${B.id}/certificates`)).toBe(403);
    expect(await status(bergamoOfficer, 'GET', `/api/v1/editions/${B.id}/feedback`)).toBe(403);

    expect(
      await status(trainer, 'POST', `/api/v1/certificates/${certA}/revoke`, { reason: 'Prova di revoca' }),
    ).toBe(200);
  });
});
