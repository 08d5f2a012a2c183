import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Agreement, TrainingPath } from '../../../../common/catalogue.js';
import { addDays, romeDate } from '../../../../common/rome-time.js';
import { systemClock } from '../../../kernel/clock.js';
import { startTestApp } from '../../../test/app.js';
import { createAgreementsRepository } from './repository.js';

const t = await startTestApp();
const admin = await t.as('admin@officina.demo');
const trainer = await t.as('formatore@officina.demo');
const officer = await t.as('referente.cuneo@officina.demo');
const learner = await t.as('discente.cuneo@officina.demo');
const anon = t.client();

const unitId = async (code: string) =>
  (await admin.get(`/api/v1/units?q=${code}`)).json().items[0].id as number;
const cuneo = await unitId('004');
const bergamo = await unitId('016');
const sassari = await unitId('090');
const today = romeDate(new Date());

function agreementBody(over: Record<string, unknown> = {}) {
  return {
    unitId: bergamo,
    serviceModelCode: 'SIT',
    signedOn: addDays(today, -30),
    actReference: 'Delibera del Consiglio provinciale n. 12',
    validFrom: addDays(today, -30),
    validTo: null,
    notes: 'Firmata in sede di conferenza dei sindaci.',
    ...over,
  };
}

describe('Convenzioni: management', () => {
  it('the national admin records, lists and corrects a Convenzione', async () => {
    const res = await admin.post(
      '/api/v1/agreements',
      agreementBody({ unitId: sassari, serviceModelCode: 'SAPE' }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json() as Agreement;
    expect(a).toMatchObject({
      unitId: sassari,
      unitName: 'Sassari',
      serviceModelCode: 'SAPE',
      serviceModelName: 'Servizio Associato Politiche Europee',
      validTo: null,
      active: true,
    });

    const list = (await admin.get(`/api/v1/agreements?unitId=${sassari}`)).json();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ id: a.id, actReference: a.actReference });
    const seeded = (await admin.get('/api/v1/agreements?serviceModel=SUA')).json();
    expect(seeded.items.map((x: Agreement) => x.unitName)).toEqual(['Cuneo']);

    const upd = await admin.patch(
      `/api/v1/agreements/${a.id}`,
      agreementBody({
        unitId: sassari,
        serviceModelCode: 'SAPE',
        actReference: 'Decreto presidenziale n. 7',
        validTo: addDays(today, 365),
        notes: null,
      }),
    );
    expect(upd.statusCode, upd.body).toBe(200);
    expect(upd.json()).toMatchObject({
      id: a.id,
      actReference: 'Decreto presidenziale n. 7',
      validTo: addDays(today, 365),
      notes: null,
      active: true,
    });
    const audit = (await admin.get(`/api/v1/audit-log?action=agreement.&entityId=${a.id}`)).json();
    expect(audit.items.map((e: { action: string }) => e.action).sort()).toEqual([
      'agreement.created',
      'agreement.updated',
    ]);
    expect((await admin.patch('/api/v1/agreements/999999', agreementBody())).statusCode).toBe(404);
  });

  it('is reserved to national admins: officers, trainers and learners get 403, anonymous 401', async () => {
    const [seeded] = (await admin.get('/api/v1/agreements?serviceModel=SUA')).json().items as Agreement[];
    if (!seeded) throw new Error('the demo Convenzione for Cuneo is missing');
    for (const c of [officer, trainer, learner]) {
      expect((await c.get('/api/v1/agreements')).statusCode).toBe(403);
      expect((await c.post('/api/v1/agreements', agreementBody({ unitId: cuneo }))).statusCode).toBe(403);
      const patch = await c.patch(`/api/v1/agreements/${seeded.id}`, agreementBody({ unitId: cuneo }));
      expect(patch.statusCode).toBe(403);
    }
    expect((await anon.get('/api/v1/agreements')).statusCode).toBe(401);
    expect((await anon.post('/api/v1/agreements', agreementBody())).statusCode).toBe(401);
    const after = (await admin.get(`/api/v1/agreements?unitId=${cuneo}`)).json();
    expect(after.items).toHaveLength(1);
    expect(after.items[0]).toMatchObject({ serviceModelCode: 'SUA', validTo: null });
  });

  it('validates the unit, the service model and the validity period', async () => {
    const cases: [Record<string, unknown>, string, string, string][] = [
      [{ unitId: 999999 }, 'UNKNOWN_UNIT', 'Unità territoriale sconosciuta.', 'unitId'],
      [
        { serviceModelCode: 'XYZ' },
        'UNKNOWN_SERVICE_MODEL',
        'Modello di servizio sconosciuto.',
        'serviceModelCode',
      ],
      [
        { validFrom: today, validTo: addDays(today, -1) },
        'INVALID_DATES',
        'La fine validità precede l’inizio.',
        'validTo',
      ],
    ];
    const before = (await admin.get('/api/v1/agreements')).json().total;
    for (const [over, code, message, field] of cases) {
      const res = await admin.post('/api/v1/agreements', agreementBody(over));
      expect(res.statusCode, code).toBe(400);
      expect(res.json()).toMatchObject({ code, message, details: [{ path: field }] });
    }
    const bad = await admin.post('/api/v1/agreements', agreementBody({ validFrom: '1 gennaio 2026' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION_ERROR');
    expect((await admin.get('/api/v1/agreements')).json().total).toBe(before);
  });
});

describe('Convenzioni drive eligibility', () => {
  it('the demo SUA Convenzione makes Cuneo eligible for the public procurement path', async () => {
    const res = await anon.get('/api/v1/public/paths/appalti-pubblici-nuovo-codice');
    expect(res.json().eligibility).toMatchObject({
      kind: 'agreement',
      serviceModelCode: 'SUA',
      units: [{ id: cuneo, name: 'Cuneo' }],
    });
  });

  it('a path reserved to SIT Convenzioni opens to Bergamo once its Convenzione is recorded, and closes when it ends', async () => {
    const created = await trainer.post('/api/v1/training-paths', {
      title: 'Servizi territoriali condivisi con i Comuni',
      summary: 'Come progettare e gestire servizi digitali condivisi tra Provincia e Comuni.',
      domainCode: 'tecnologico',
      serviceModelCode: 'SIT',
      level: 'intermedio',
      totalHours: 8,
      deliveryModes: ['aula'],
      eligibility: 'agreement',
    });
    expect(created.statusCode, created.body).toBe(201);
    const path = created.json() as TrainingPath;
    await trainer.post(`/api/v1/training-paths/${path.id}/status`, { status: 'published' });
    const eligibility = async () => {
      const res = await anon.get(`/api/v1/public/paths/${path.slug}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().eligibility as { kind: string; units: { id: number; name: string }[]; text: string };
    };

    const none = await eligibility();
    expect(none).toMatchObject({ kind: 'agreement', serviceModelCode: 'SIT', units: [] });
    expect(none.text).toContain('Servizi Innovativi Territoriali');
    expect(none.text).toContain('Nessuna Provincia');

    // A Convenzione for another model, or one starting tomorrow, does not count.
    await admin.post('/api/v1/agreements', agreementBody({ serviceModelCode: 'SUA' }));
    const future = (
      await admin.post('/api/v1/agreements', agreementBody({ unitId: sassari, validFrom: addDays(today, 1) }))
    ).json() as Agreement;
    expect(future.active).toBe(false);
    expect((await eligibility()).units).toEqual([]);

    const signed = await admin.post('/api/v1/agreements', agreementBody());
    expect(signed.statusCode).toBe(201);
    const open = await eligibility();
    expect(open.units).toEqual([{ id: bergamo, name: 'Bergamo' }]);
    expect(open.text).toContain('Bergamo');
    expect(open.text).not.toContain('Sassari');
    const en = await anon.request('GET', `/api/v1/public/paths/${path.slug}`, undefined, {
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().eligibility.text).toMatch(/Reserved to the Provinces .*: Bergamo\./);

    // The Convenzione ended yesterday: Bergamo no longer counts.
    const ended = await admin.patch(
      `/api/v1/agreements/${signed.json().id}`,
      agreementBody({ validFrom: addDays(today, -30), validTo: addDays(today, -1) }),
    );
    expect(ended.json().active).toBe(false);
    const closed = await eligibility();
    expect(closed.units).toEqual([]);
    expect(closed.text).not.toContain('Bergamo');
  });

  it('counts validity in Rome days, whatever the database session’s time zone', async () => {
    const [asti, vercelli, novara] = [await unitId('005'), await unitId('002'), await unitId('003')];
    const record = async (unit: number, validFrom: string, validTo: string | null) => {
      const res = await admin.post('/api/v1/agreements', agreementBody({ unitId: unit, validFrom, validTo }));
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as Agreement;
    };
    const ended = await record(asti, addDays(today, -30), addDays(today, -1));
    const starts = await record(vercelli, addDays(today, 1), null);
    const current = await record(novara, today, today);
    const repo = createAgreementsRepository(systemClock);
    // At any hour one of these zones is on another calendar day than Rome (UTC+14 and UTC-11).
    for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC']) {
      await t.db.transaction(async (tx) => {
        await tx.execute(sql.raw(`set local timezone = '${zone}'`));
        const units = (await repo.unitsWithActiveAgreement(tx, 'SIT')).map((u) => u.id);
        expect(units, zone).toContain(novara);
        expect(units, zone).not.toContain(asti);
        expect(units, zone).not.toContain(vercelli);
        const active: (boolean | undefined)[] = [];
        for (const a of [ended, starts, current]) active.push((await repo.get(tx, a.id))?.active);
        expect(active, zone).toEqual([false, false, true]);
      });
    }
  });
});
