import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { roleGrants } from '../../../db/schema/index.js';
import { startTestApp } from '../../../test/app.js';

const t = await startTestApp();
const admin = await t.as('admin@officina.demo');
const cuneo = await t.as('referente.cuneo@officina.demo');
const unitId = async (code: string) =>
  (await admin.get(`/api/v1/units?q=${code}`)).json().items[0].id as number;
const cuneoUnit = await unitId('004');
const bergamoUnit = await unitId('016');

function csvUpload(csv: string, fields: Record<string, string> = {}) {
  const boundary = '----officinatest';
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  parts.push(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="staff.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n`,
  );
  return {
    payload: `${parts.join('')}--${boundary}--\r\n`,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe('inviting people', () => {
  it('creates the account with the learner role, queues the invitation and records it in the audit log', async () => {
    const res = await cuneo.post('/api/v1/users', {
      email: '  Nuova.Collega@Provincia.Cuneo.it ',
      name: 'Nuova Collega',
      unitId: cuneoUnit,
      jobProfileCode: 'istruttore-amministrativo',
    });
    expect(res.statusCode).toBe(201);
    const user = res.json();
    expect(user).toMatchObject({
      email: 'nuova.collega@provincia.cuneo.it',
      unitId: cuneoUnit,
      activated: false,
      roles: [{ role: 'learner', unitId: cuneoUnit }],
    });
    const mail = (await admin.get('/api/v1/outbox?to=nuova.collega')).json().items[0];
    expect(mail.subject).toBe('Officina: attiva il tuo account');
    expect(mail.textBody).toMatch(/\/reimposta-password\?token=[\w-]+&invito=1/);
    expect(mail.textBody).toContain('Chiara Referente');
    const audit = (await admin.get(`/api/v1/audit-log?action=user.invited&entityId=${user.id}`)).json();
    expect(audit.items[0]).toMatchObject({
      actorEmail: 'referente.cuneo@officina.demo',
      actorName: 'Chiara Referente',
      entityName: 'Nuova Collega',
      unitId: cuneoUnit,
    });
    // The actor is found by name as well as by e-mail; one action code is matched exactly.
    const byName = (await admin.get(`/api/v1/audit-log?actor=chiara%20ref&entityId=${user.id}`)).json();
    expect(byName.items.map((e: { action: string }) => e.action)).toContain('user.invited');
    const exact = (await admin.get('/api/v1/audit-log?action=auth.password_reset')).json();
    expect(exact.items.every((e: { action: string }) => e.action === 'auth.password_reset')).toBe(true);
    expect((await admin.get('/api/v1/audit-log?entityType=nonsense')).statusCode).toBe(400);
    const prefix = (await admin.get('/api/v1/audit-log?action=user.')).json();
    expect(prefix.total).toBeGreaterThan(0);
    expect(prefix.items.every((e: { action: string }) => e.action.startsWith('user.'))).toBe(true);
  });

  it('refuses a second account with the same e-mail in any letter case', async () => {
    const res = await admin.post('/api/v1/users', {
      email: 'DISCENTE.CUNEO@officina.demo',
      name: 'Doppione',
      unitId: cuneoUnit,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'EMAIL_TAKEN', message: expect.stringContaining('Esiste già') });
  });

  it('lets exactly one of two simultaneous invitations of the same address through', async () => {
    const body = { email: 'gara@example.org', name: 'Gara Concorrente', unitId: cuneoUnit };
    const results = await Promise.all([admin.post('/api/v1/users', body), cuneo.post('/api/v1/users', body)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const mails = (await admin.get('/api/v1/outbox?to=gara@example.org')).json();
    expect(mails.total).toBe(1);
  });

  it('rejects unknown units and job profiles with a clear message', async () => {
    const unit = await admin.post('/api/v1/users', {
      email: 'x1@example.org',
      name: 'Senza Unità',
      unitId: 999999,
    });
    expect(unit.statusCode).toBe(400);
    expect(unit.json()).toMatchObject({ code: 'UNKNOWN_UNIT', details: [{ path: 'unitId' }] });
    const jp = await admin.post('/api/v1/users', {
      email: 'x2@example.org',
      name: 'Senza Profilo',
      unitId: cuneoUnit,
      jobProfileCode: 'astronauta',
    });
    expect(jp.statusCode).toBe(400);
    expect(jp.json().code).toBe('UNKNOWN_JOB_PROFILE');
    const email = await admin.post('/api/v1/users', {
      email: 'not-an-email',
      name: 'Mario',
      unitId: cuneoUnit,
    });
    expect(email.statusCode).toBe(400);
    expect(email.json().details[0].path).toBe('body.email');
  });

  it('accepts the invitation through the e-mailed link and the new user signs in', async () => {
    await admin.post('/api/v1/users', {
      email: 'attiva@example.org',
      name: 'Attiva Account',
      unitId: cuneoUnit,
    });
    const text = (await admin.get('/api/v1/outbox?to=attiva@example.org')).json().items[0].textBody as string;
    const token = /token=([\w-]+)/.exec(text)?.[1];
    const anon = t.client();
    const done = await anon.post('/api/v1/auth/password-reset/confirm', {
      token,
      password: 'Una-Password-Sicura-7',
    });
    expect(done.statusCode).toBe(200);
    const login = await anon.post('/api/v1/auth/login', {
      email: 'attiva@example.org',
      password: 'Una-Password-Sicura-7',
    });
    expect(login.statusCode).toBe(200);
    const row = (await admin.get('/api/v1/users?q=attiva@example.org')).json().items[0];
    expect(row.activated).toBe(true);
    const again = await admin.post(`/api/v1/users/${row.id}/invitation`);
    expect(again.statusCode).toBe(409);
  });
});

describe('CSV import', () => {
  it('invites the good rows and reports each bad row with its line number', async () => {
    const csv = [
      'email;name;unit_istat_code;job_profile_code',
      'anna.verdi@example.org;Anna Verdi;;funzionario-tecnico',
      'non-una-mail;Mario Rossi;;',
      'anna.verdi@example.org;Anna Ripetuta;;',
      'luca.neri@example.org;Luca Neri;004;',
      'paolo.gialli@example.org;Paolo Gialli;016;',
      'discente.cuneo@officina.demo;Già Presente;;',
      'sara.blu@example.org;Sara Blu;;mestiere-inesistente',
    ].join('\n');
    const res = await cuneo.request('POST', '/api/v1/users/import', undefined, csvUpload(csv));
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report.created).toBe(2);
    expect(report.failed).toBe(5);
    expect(report.errors.map((e: { row: number }) => e.row)).toEqual([3, 4, 6, 7, 8]);
    const byRow = Object.fromEntries(
      report.errors.map((e: { row: number; messages: string[] }) => [e.row, e.messages.join(' | ')]),
    );
    expect(byRow[3]).toContain('indirizzo e-mail non valido');
    expect(byRow[4]).toContain('riga precedente');
    expect(byRow[6]).toMatch(/permessi/); // Bergamo is not the officer's Province
    expect(byRow[7]).toContain('Esiste già');
    expect(byRow[8]).toContain('Profilo professionale sconosciuto');
    const list = (await cuneo.get('/api/v1/users?q=example.org&pageSize=100')).json();
    const emails = list.items.map((u: { email: string }) => u.email);
    expect(emails).toEqual(expect.arrayContaining(['anna.verdi@example.org', 'luca.neri@example.org']));
    expect(emails).not.toContain('paolo.gialli@example.org');
  });

  it('answers in English when asked, and refuses files without the required columns', async () => {
    admin.lang = 'en';
    const bad = await admin.request(
      'POST',
      '/api/v1/users/import',
      undefined,
      csvUpload('mail,nome\na@b.it,A B'),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      code: 'INVALID_CSV',
      message: expect.stringContaining('Missing required columns'),
    });
    const ok = await admin.request(
      'POST',
      '/api/v1/users/import',
      undefined,
      csvUpload('email,name\nbergamo.nuovo@example.org,Nuovo Bergamasco\n,Senza Mail', {
        unitId: String(bergamoUnit),
      }),
    );
    expect(ok.json()).toMatchObject({
      created: 1,
      failed: 1,
      errors: [{ row: 3, messages: ['invalid e-mail address'] }],
    });
    admin.lang = 'it';
  });

  it('refuses an import without a file, and one from a learner', async () => {
    const none = await admin.request('POST', '/api/v1/users/import', undefined, {
      payload: '------x--\r\n',
      headers: { 'content-type': 'multipart/form-data; boundary=----x' },
    });
    expect(none.statusCode).toBe(400);
    const learner = await t.as('discente.cuneo@officina.demo');
    const res = await learner.request(
      'POST',
      '/api/v1/users/import',
      undefined,
      csvUpload('email,name\na@b.it,A B'),
    );
    expect(res.statusCode).toBe(403);
  });
});

describe('roles and deactivation', () => {
  it('grants a Province officer role for one unit, refuses it globally, and revokes it', async () => {
    const id = (await admin.get('/api/v1/users?q=discente2.cuneo')).json().items[0].id;
    const global = await admin.post(`/api/v1/users/${id}/roles`, { role: 'province_officer', unitId: null });
    expect(global.statusCode).toBe(400);
    expect(global.json().code).toBe('UNIT_REQUIRED');
    const granted = await admin.post(`/api/v1/users/${id}/roles`, {
      role: 'province_officer',
      unitId: cuneoUnit,
    });
    expect(granted.statusCode).toBe(201);
    expect(granted.json()).toMatchObject({ role: 'province_officer', unitName: 'Cuneo' });
    const dup = await admin.post(`/api/v1/users/${id}/roles`, {
      role: 'province_officer',
      unitId: cuneoUnit,
    });
    expect(dup.statusCode).toBe(409);
    const asOfficer = await t.as('discente2.cuneo@officina.demo');
    expect((await asOfficer.get('/api/v1/users')).statusCode).toBe(200);
    expect((await admin.delete(`/api/v1/users/${id}/roles/${granted.json().id}`)).statusCode).toBe(200);
    expect((await asOfficer.get('/api/v1/users')).statusCode).toBe(403);
  });

  it('never removes the last national admin, and an admin cannot deactivate themselves', async () => {
    const me = (await admin.get('/api/v1/me')).json();
    const grant = me.roles.find((r: { role: string }) => r.role === 'national_admin');
    const res = await admin.delete(`/api/v1/users/${me.id}/roles/${grant.id}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('LAST_ADMIN');
    const self = await admin.patch(`/api/v1/users/${me.id}`, { active: false });
    expect(self.statusCode).toBe(409);
  });

  it('deactivating a person signs them out at once and blocks sign-in', async () => {
    const learner = await t.as('discente.sassari@officina.demo');
    const id = (await learner.get('/api/v1/me')).json().id;
    const res = await admin.patch(`/api/v1/users/${id}`, { active: false });
    expect(res.json().active).toBe(false);
    expect((await learner.get('/api/v1/me')).statusCode).toBe(401);
    const again = await t.client().post('/api/v1/auth/login', {
      email: 'discente.sassari@officina.demo',
      password: 'Officina-Demo-2026',
    });
    expect(again.statusCode).toBe(401);
  });
});

// Last, since it may take the admin role away from the demo admin.
describe('national admins racing', () => {
  it('two admins removing each other at the same moment leave one admin standing', async () => {
    const me = (await admin.get('/api/v1/me')).json();
    const other = (
      await admin.post('/api/v1/users', {
        email: 'secondo.admin@example.org',
        name: 'Secondo Admin',
        unitId: null,
      })
    ).json();
    const grant = (
      await admin.post(`/api/v1/users/${other.id}/roles`, { role: 'national_admin', unitId: null })
    ).json();
    const token = /token=([\w-]+)/.exec(
      (await admin.get('/api/v1/outbox?to=secondo.admin')).json().items[0].textBody,
    )?.[1];
    await t.client().post('/api/v1/auth/password-reset/confirm', { token, password: 'Secondo-Admin-Sicuro' });
    const second = await t.as('secondo.admin@example.org', 'Secondo-Admin-Sicuro');
    const myGrant = me.roles.find((r: { role: string }) => r.role === 'national_admin');
    const results = await Promise.all([
      admin.delete(`/api/v1/users/${other.id}/roles/${grant.id}`),
      second.delete(`/api/v1/users/${me.id}/roles/${myGrant.id}`),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const left = await t.db.select().from(roleGrants).where(eq(roleGrants.role, 'national_admin'));
    expect(left).toHaveLength(1);
  });
});
