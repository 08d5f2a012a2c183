import { describe, expect, it } from 'vitest';
import { startTestApp } from '../../../test/app.js';
import type { TestClient } from '../../../test/client.js';

const t = await startTestApp();
const admin = await t.as('admin@officina.demo');
const cuneo = await t.as('referente.cuneo@officina.demo');

async function idOf(email: string): Promise<string> {
  const res = await admin.get(`/api/v1/users?q=${encodeURIComponent(email)}`);
  const id = res.json().items[0]?.id;
  if (!id) throw new Error(`no user ${email}`);
  return id;
}
const bergamoLearner = await idOf('discente.bergamo@officina.demo');
const bergamoOfficer = await idOf('referente.bergamo@officina.demo');
const cuneoLearner = await idOf('discente.cuneo@officina.demo');
const unitId = async (code: string) =>
  (await admin.get(`/api/v1/units?q=${code}`)).json().items[0].id as number;
const bergamo = await unitId('016');
const cuneoUnit = await unitId('004');

/** Every way an officer of unit A could touch a person of unit B, with the answer expected. */
const attempts: [string, (c: TestClient, id: string) => ReturnType<TestClient['get']>, number[]][] = [
  ['read', (c, id) => c.get(`/api/v1/users/${id}`), [404]],
  ['edit', (c, id) => c.patch(`/api/v1/users/${id}`, { name: 'Cambiato Da Altri' }), [404]],
  ['deactivate', (c, id) => c.patch(`/api/v1/users/${id}`, { active: false }), [404]],
  [
    'grant a role',
    (c, id) => c.post(`/api/v1/users/${id}/roles`, { role: 'learner', unitId: bergamo }),
    [403, 404],
  ],
  ['revoke a role', (c, id) => c.delete(`/api/v1/users/${id}/roles/1`), [404]],
  ['resend invitation', (c, id) => c.post(`/api/v1/users/${id}/invitation`), [404]],
];

describe('Province scoping: an officer of Cuneo and the people of Bergamo', () => {
  for (const [what, call, expected] of attempts) {
    it(`cannot ${what} a Bergamo learner or officer`, async () => {
      for (const id of [bergamoLearner, bergamoOfficer]) {
        const res = await call(cuneo, id);
        expect(expected).toContain(res.statusCode);
        expect(res.body).not.toContain('discente.bergamo');
      }
    });
  }

  it('lists only Cuneo people, even when asking for Bergamo explicitly', async () => {
    const all = (await cuneo.get('/api/v1/users?pageSize=200')).json();
    expect(all.total).toBeGreaterThan(0);
    expect(all.items.every((u: { unitId: number }) => u.unitId === cuneoUnit)).toBe(true);
    const asked = (await cuneo.get(`/api/v1/users?unitId=${bergamo}`)).json();
    expect(asked).toMatchObject({ total: 0, items: [] });
    const searched = (await cuneo.get('/api/v1/users?q=bergamo')).json();
    expect(searched.total).toBe(0);
  });

  it('cannot invite someone into Bergamo, nor move a Cuneo learner there', async () => {
    const invite = await cuneo.post('/api/v1/users', {
      email: 'intruso@example.org',
      name: 'Intruso',
      unitId: bergamo,
    });
    expect(invite.statusCode).toBe(403);
    const move = await cuneo.patch(`/api/v1/users/${cuneoLearner}`, { unitId: bergamo });
    expect(move.statusCode).toBe(403);
    const still = (await admin.get(`/api/v1/users/${cuneoLearner}`)).json();
    expect(still.unitId).toBe(cuneoUnit);
  });

  it('cannot grant roles other than learner, even in Cuneo', async () => {
    for (const role of ['province_officer', 'national_admin', 'trainer']) {
      const res = await cuneo.post(`/api/v1/users/${cuneoLearner}/roles`, {
        role,
        unitId: role === 'national_admin' ? null : cuneoUnit,
      });
      expect(res.statusCode).toBe(403);
    }
  });

  it('manages its own people: reads and edits a Cuneo learner', async () => {
    expect((await cuneo.get(`/api/v1/users/${cuneoLearner}`)).statusCode).toBe(200);
    const res = await cuneo.patch(`/api/v1/users/${cuneoLearner}`, { jobProfileCode: 'funzionario-tecnico' });
    expect(res.statusCode).toBe(200);
    expect(res.json().jobProfileCode).toBe('funzionario-tecnico');
  });
});

describe('other roles', () => {
  it('the task force reads every Province but changes nobody', async () => {
    const tf = await t.as('taskforce@officina.demo');
    const list = (await tf.get('/api/v1/users?pageSize=200')).json();
    const units = new Set(list.items.map((u: { unitId: number | null }) => u.unitId));
    expect(units.has(bergamo) && units.has(cuneoUnit)).toBe(true);
    expect((await tf.get(`/api/v1/users/${bergamoLearner}`)).statusCode).toBe(200);
    expect((await tf.patch(`/api/v1/users/${bergamoLearner}`, { name: 'Da Task Force' })).statusCode).toBe(
      403,
    );
    expect(
      (await tf.post('/api/v1/users', { email: 'tf@example.org', name: 'Nuovo', unitId: bergamo }))
        .statusCode,
    ).toBe(403);
  });

  it('learners, trainers, agents and moderators see nobody but themselves', async () => {
    for (const email of [
      'discente.cuneo@officina.demo',
      'formatore@officina.demo',
      'helpdesk@officina.demo',
      'moderatore@officina.demo',
    ]) {
      const c = await t.as(email);
      expect((await c.get('/api/v1/users')).statusCode).toBe(403);
      expect((await c.get(`/api/v1/users/${bergamoLearner}`)).statusCode).toBe(404);
      expect((await c.get('/api/v1/audit-log')).statusCode).toBe(403);
      expect((await c.get('/api/v1/outbox')).statusCode).toBe(403);
    }
  });

  it('anonymous callers get 401 on every people route', async () => {
    const anon = t.client();
    expect((await anon.get('/api/v1/users')).statusCode).toBe(401);
    expect((await anon.get(`/api/v1/users/${bergamoLearner}`)).statusCode).toBe(401);
    expect(
      (await anon.post('/api/v1/users', { email: 'a@example.org', name: 'Anonimo', unitId: null }))
        .statusCode,
    ).toBe(401);
    expect((await anon.get('/api/v1/audit-log')).statusCode).toBe(401);
  });
});
