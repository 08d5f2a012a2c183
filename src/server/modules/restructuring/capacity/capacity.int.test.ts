import { describe, expect, it } from 'vitest';
import type { CapacityView, CapacityYears } from '../../../../common/capacity-api.js';
import { startTestApp } from '../../../test/app.js';
import type { CapacityService } from './service.js';

const t = await startTestApp();
const admin = await t.as('admin@officina.demo');
const taskForce = await t.as('taskforce@officina.demo');
const officer = await t.as('referente.cuneo@officina.demo');
const learner = await t.as('discente.cuneo@officina.demo');
const helpdesk = await t.as('helpdesk@officina.demo');
const moderator = await t.as('moderatore@officina.demo');
const anon = t.client();

const unitId = async (code: string) =>
  (await admin.get(`/api/v1/units?q=${code}`)).json().items[0].id as number;
const cuneo = await unitId('004');
const bergamo = await unitId('016');
const url = (id: number, year?: number) =>
  `/api/v1/restructuring/units/${id}/capacity${year === undefined ? '' : `/${year}`}`;

const figures = {
  personnelSpendingCents: 1_000_000_000, // 10.000.000,00 €
  revenueCents: [6_000_000_000, 6_100_000_000, 5_900_000_000],
  rendicontoYear: 2029,
  fcdeCents: 100_000_000,
  plannedHires: 12,
  actualHires: 4,
  plannedHiresCostCents: 48_000_000,
  source: 'Rendiconti 2027–2029; conto annuale',
};

describe('hiring capacity', () => {
  it('computes the ratio, threshold and status from the saved figures and the population', async () => {
    // Cuneo has 579.930 residents: the Provinces' 450.000–699.999 band, 19,70%.
    const pop = await admin.put(`/api/v1/restructuring/units/${cuneo}/populations/2029`, {
      population: 579_930,
      source: 'ISTAT, Popolazione residente al 1° gennaio 2029',
    });
    expect(pop.statusCode, pop.body).toBe(200);
    const empty = (await officer.get(url(cuneo, 2030))).json() as CapacityView;
    expect(empty).toMatchObject({ exists: false, revision: 0, result: { complete: false } });
    expect(empty.hiring).toEqual({ state: 'bloccato', reasons: ['plan_not_adopted', 'missing_figures'] });

    const res = await officer.put(url(cuneo, 2030), { revision: 0, ...figures });
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json() as CapacityView;
    expect(v).toMatchObject({
      exists: true,
      revision: 1,
      past: false,
      population: { year: 2029, population: 579_930 },
      threshold: { thresholdBp: 1970, minPopulation: 450_000, maxPopulation: 700_000 },
      result: { complete: true, netRevenueCents: 5_900_000_000, ratioPercent: 16.95, withinThreshold: true },
      planStatus: 'non_avviato',
      hiring: { state: 'bloccato', reasons: ['plan_not_adopted', 'within_threshold'] },
    });
    // 19,70% of 59.000.000,00 € = 11.623.000,00 €, less 10.000.000,00 € spent.
    expect(v.result.headroomCents).toBe(162_300_000);
    expect(v.figures.revenueCents).toEqual(figures.revenueCents);

    const years = (await officer.get(url(cuneo))).json() as CapacityYears;
    expect(years.items.map((y) => y.year)).toContain(2030);
    expect(years.canEdit).toBe(true);

    // Above the threshold: a negative headroom, the excess.
    const over = await taskForce.put(url(cuneo, 2030), {
      ...figures,
      revision: 1,
      personnelSpendingCents: 1_300_000_000,
    });
    expect(over.json()).toMatchObject({
      revision: 2,
      result: { withinThreshold: false, headroomCents: 1_162_300_000 - 1_300_000_000 },
      hiring: { state: 'bloccato', reasons: ['plan_not_adopted', 'above_threshold'] },
    });
  });

  it('refuses a stale revision, and of two racing saves exactly one wins', async () => {
    const first = await admin.put(url(bergamo, 2031), { revision: 0, ...figures });
    expect(first.statusCode).toBe(200);
    const again = await admin.put(url(bergamo, 2031), { revision: 0, ...figures });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('CAPACITY_STALE');

    const race = await Promise.all(
      [1, 2, 3, 4].map((n) =>
        taskForce.put(url(bergamo, 2031), { ...figures, revision: 1, plannedHires: n }),
      ),
    );
    expect(race.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409]);
    const after = (await admin.get(url(bergamo, 2031))).json() as CapacityView;
    expect(after.revision).toBe(2);

    const creations = await Promise.all(
      [1, 2, 3].map((n) => admin.put(url(bergamo, 2032), { ...figures, revision: 0, actualHires: n })),
    );
    expect(creations.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
  });

  it('lets only the unit’s officer, the task force and admins in', async () => {
    expect((await officer.get(url(bergamo, 2031))).statusCode).toBe(404);
    expect((await officer.put(url(bergamo, 2031), { revision: 2, ...figures })).statusCode).toBe(404);
    for (const c of [learner, helpdesk, moderator]) {
      expect((await c.get(url(cuneo, 2030))).statusCode).toBe(403);
      expect((await c.put(url(cuneo, 2030), { revision: 2, ...figures })).statusCode).toBe(403);
    }
    expect((await anon.get(url(cuneo, 2030))).statusCode).toBe(401);
    const bad = await officer.put(url(cuneo, 2030), { ...figures, revision: 2, fcdeCents: 1.5 });
    expect(bad.statusCode).toBe(400);
    expect((await officer.get(url(cuneo, 1999))).statusCode).toBe(400);
  });

  it('offers every unit’s view for a year in one call', async () => {
    const capacity = (t.services as unknown as { capacity: CapacityService }).capacity;
    const views = await capacity.capacityViews(t.db, 2030);
    expect(views.length).toBeGreaterThan(100);
    expect(views.find((v) => v.unit.id === cuneo)).toMatchObject({
      exists: true,
      result: { complete: true },
    });
    expect(views.find((v) => v.unit.id === bergamo)).toMatchObject({ exists: false });
    const one = await capacity.capacityView(t.db, cuneo, 2030);
    expect(one?.result).toEqual(views.find((v) => v.unit.id === cuneo)?.result);
  });
});

describe('capacity thresholds', () => {
  const body = {
    unitType: 'provincia',
    minPopulation: 0,
    maxPopulation: 250_000,
    thresholdBp: 2150,
    validFromYear: 2040,
    validToYear: null,
    source: 'DM di prova 2040',
  };
  it('are listed to the restructuring pages and kept by national admins only, with audit', async () => {
    const list = await officer.get('/api/v1/restructuring/capacity-thresholds');
    expect(list.json()).toMatchObject({ canEdit: false });
    expect(list.json().items.length).toBeGreaterThanOrEqual(11);
    expect((await learner.get('/api/v1/restructuring/capacity-thresholds')).statusCode).toBe(403);
    expect((await taskForce.post('/api/v1/restructuring/capacity-thresholds', body)).statusCode).toBe(403);
    const created = await admin.post('/api/v1/restructuring/capacity-thresholds', body);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as number;
    const changed = await admin.put(`/api/v1/restructuring/capacity-thresholds/${id}`, {
      ...body,
      thresholdBp: 2200,
    });
    expect(changed.json()).toMatchObject({ thresholdBp: 2200 });
    for (const wrong of [
      { ...body, maxPopulation: 0 },
      { ...body, thresholdBp: 10_001 },
      { ...body, source: '' },
      { ...body, validToYear: 2030 },
    ])
      expect((await admin.put(`/api/v1/restructuring/capacity-thresholds/${id}`, wrong)).statusCode).toBe(
        400,
      );
    expect((await admin.delete(`/api/v1/restructuring/capacity-thresholds/${id}`)).statusCode).toBe(200);
    expect((await admin.delete(`/api/v1/restructuring/capacity-thresholds/${id}`)).statusCode).toBe(404);
    const audit = (await admin.get('/api/v1/audit-log?entityType=capacity_threshold')).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining([
        'capacity_threshold.created',
        'capacity_threshold.updated',
        'capacity_threshold.deleted',
      ]),
    );
  });
});
