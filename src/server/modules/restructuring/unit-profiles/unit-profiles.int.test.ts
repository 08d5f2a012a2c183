import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PopulationImportReport, UnitProfile } from '../../../../common/unit-profiles.js';
import { attendance } from '../../../db/schema/index.js';
import { startTestApp } from '../../../test/app.js';
import { confirmedEnrolment, makeEdition } from '../../../test/training.js';

const t = await startTestApp();
const admin = await t.as('admin@officina.demo');
const taskForce = await t.as('taskforce@officina.demo');
const officer = await t.as('referente.cuneo@officina.demo');
const learner = await t.as('discente.cuneo@officina.demo');
const trainer = await t.as('formatore@officina.demo');
const anon = t.client();

const unitId = async (code: string) =>
  (await admin.get(`/api/v1/units?q=${code}&includeExpired=true`)).json().items[0].id as number;
const cuneo = await unitId('004');
const bergamo = await unitId('016');
const torino = await unitId('201');
const milano = await unitId('215');
const sassari = await unitId('090');
const profileUrl = (id: number) => `/api/v1/restructuring/units/${id}/profile`;
const FIXTURE = readFileSync(new URL('./fixtures/istat-popolazione-2025.csv', import.meta.url), 'utf8');

function csvUpload(csv: string, fields: Record<string, string> = {}) {
  const boundary = '----officinatest';
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  parts.push(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="popolazione.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n`,
  );
  return {
    payload: `${parts.join('')}--${boundary}--\r\n`,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
const importCsv = (c: typeof admin, csv: string, fields: Record<string, string>) =>
  c.request('POST', '/api/v1/restructuring/populations/import', undefined, csvUpload(csv, fields));

describe('ISTAT population import', () => {
  it('reads the real export shape: title lines, BOM, quotes, thousands, ages, summary rows', async () => {
    // No year in the form: the file's title says 1° gennaio 2025.
    const res = await importCsv(taskForce, FIXTURE, {});
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as PopulationImportReport;
    expect(report).toMatchObject({
      year: 2025,
      source: 'ISTAT, Popolazione residente al 1° gennaio 2025',
      imported: 4,
      skipped: 3,
      failed: 4,
    });
    const byRow = Object.fromEntries(report.errors.map((e) => [e.row, e.messages.join(' | ')]));
    // Rows numbered as in the file (the header is its line 4).
    expect(byRow[12]).toContain('nessun ente con il codice ISTAT 999');
    expect(byRow[13]).toContain('popolazione non valida');
    expect(byRow[14]).toContain('già presente alla riga 9');
    expect(byRow[15]).toContain('non riconosciuto');
    const p = (await taskForce.get(profileUrl(cuneo))).json() as UnitProfile;
    expect(p.population).toMatchObject({ year: 2025, population: 579_930, stale: false });
    expect(p.band).toMatchObject({ minPopulation: 450_000, maxPopulation: 700_000, thresholdBp: 1970 });
    // A Città metropolitana matches by its own code (215) and by its province code (001).
    expect((await taskForce.get(profileUrl(milano))).json().population.population).toBe(3_242_820);
    expect((await taskForce.get(profileUrl(torino))).json().population.population).toBe(2_177_321);
    expect((await taskForce.get(profileUrl(bergamo))).json().population.population).toBe(1_112_185);
  });

  it('upserts per unit and year with the source given, and is refused to officers', async () => {
    const csv = 'Codice;Totale\n004;580.000\n';
    const res = await importCsv(admin, csv, { year: '2025', source: 'ISTAT, demo.istat.it 2025' });
    expect(res.json()).toMatchObject({ imported: 1, failed: 0 });
    const p = (await admin.get(profileUrl(cuneo))).json() as UnitProfile;
    expect(p.populations.filter((x) => x.year === 2025)).toEqual([
      expect.objectContaining({ population: 580_000, source: 'ISTAT, demo.istat.it 2025' }),
    ]);
    expect((await importCsv(officer, csv, { year: '2025' })).statusCode).toBe(403);
    expect((await importCsv(admin, csv, {})).json()).toMatchObject({ code: 'VALIDATION_ERROR' });
    const bad = await importCsv(admin, 'nome,abitanti\nCuneo,1\n', { year: '2025' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('INVALID_CSV');
  });
});

describe('the unit profile', () => {
  it('is read by the officer of the unit only; others are refused', async () => {
    const own = await officer.get(profileUrl(cuneo));
    expect(own.statusCode).toBe(200);
    const p = own.json() as UnitProfile;
    expect(p.unit).toMatchObject({ name: 'Cuneo', unitType: 'provincia', programmePhase: 1 });
    expect(p.canEdit).toBe(true);
    expect(p.officers).toContainEqual({ name: expect.any(String), email: 'referente.cuneo@officina.demo' });
    expect((await officer.get(profileUrl(bergamo))).statusCode).toBe(404);
    expect((await learner.get(profileUrl(cuneo))).statusCode).toBe(403);
    expect((await trainer.get(profileUrl(cuneo))).statusCode).toBe(403);
    expect((await anon.get(profileUrl(cuneo))).statusCode).toBe(401);
    expect((await admin.get(profileUrl(999_999))).statusCode).toBe(404);
  });

  it('shows the training the unit’s staff received this year and its latest training plan', async () => {
    const before = (await officer.get(profileUrl(cuneo))).json() as UnitProfile;
    expect(before.trainingPlan).toBeNull();
    const edition = await makeEdition(admin, { sessions: [{ day: 0 }] });
    const enrolment = await confirmedEnrolment(t, edition.id, 'discente.cuneo@officina.demo');
    await t.db.insert(attendance).values({
      sessionId: edition.sessions[0]?.id as number,
      userId: enrolment.userId,
      enrolmentId: enrolment.id,
      minutes: 150,
      source: 'register',
    });
    const after = (await officer.get(profileUrl(cuneo))).json() as UnitProfile;
    expect(after.training).toEqual({
      year: before.training.year,
      hours: before.training.hours + 2.5,
      people: before.training.people + 1,
      completions: before.training.completions,
    });
    // Bergamo's figures are its own.
    const other = (await taskForce.get(profileUrl(bergamo))).json() as UnitProfile;
    expect(other.training.hours).toBe(0);
  });

  it('keeps details, population history and contacts, marking an old figure as not up to date', async () => {
    const details = await officer.put(`${profileUrl(cuneo)}/details`, {
      staffCount: 412,
      staffCountYear: 2025,
      pec: 'protocollo@provincia.cuneo.legalmail.it',
      phone: '0171 445111',
      website: 'https://www.provincia.cuneo.it',
      address: 'Corso Nizza 21, 12100 Cuneo',
      notes: '',
    });
    expect(details.statusCode, details.body).toBe(200);
    expect(details.json().details).toMatchObject({ staffCount: 412, staffCountYear: 2025 });
    const noYear = await officer.put(`${profileUrl(cuneo)}/details`, { staffCount: 3, staffCountYear: null });
    expect(noYear.statusCode).toBe(400);

    const old = await officer.put(`/api/v1/restructuring/units/${sassari}/populations/2021`, {
      population: 480_000,
      source: 'ISTAT',
    });
    expect(old.statusCode).toBe(404);
    const own = await taskForce.put(`/api/v1/restructuring/units/${sassari}/populations/2021`, {
      population: 476_000,
      source: 'ISTAT, Popolazione residente al 1° gennaio 2021',
    });
    expect(own.statusCode, own.body).toBe(200);
    const sp = own.json() as UnitProfile;
    // Sassari's latest figure may come from another test; the 2021 one is in the history.
    expect(sp.populations.map((x) => x.year)).toContain(2021);
    if (sp.population?.year === 2021) expect(sp.population.stale).toBe(true);

    const c = await officer.post(`/api/v1/restructuring/units/${cuneo}/contacts`, {
      name: 'Maria Rossi',
      role: 'Segretaria generale',
      email: 'segreteria@provincia.cuneo.it',
      phone: '',
    });
    expect(c.statusCode, c.body).toBe(201);
    const id = c.json().id as number;
    const upd = await officer.put(`/api/v1/restructuring/units/${cuneo}/contacts/${id}`, {
      name: 'Maria Rossi',
      role: 'Segretario generale',
      email: null,
      phone: '0171 445200',
    });
    expect(upd.json()).toMatchObject({ role: 'Segretario generale', phone: '0171 445200', email: null });
    // The contact is not reachable through another unit's address.
    expect((await admin.delete(`/api/v1/restructuring/units/${bergamo}/contacts/${id}`)).statusCode).toBe(
      404,
    );
    expect((await learner.delete(`/api/v1/restructuring/units/${cuneo}/contacts/${id}`)).statusCode).toBe(
      403,
    );
    expect((await officer.delete(`/api/v1/restructuring/units/${cuneo}/contacts/${id}`)).statusCode).toBe(
      200,
    );
    const audit = (await admin.get('/api/v1/audit-log?entityType=unit_contact')).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['unit_contact.created', 'unit_contact.updated', 'unit_contact.deleted']),
    );
  });
});
