import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { apiUrl, apiRoutes as r } from '../../../../common/api-routes.js';
import type { OverviewView, TrendsView } from '../../../../common/overview.js';
import {
  hiringCapacity,
  interventions,
  programmingDocuments,
  reorgPlanEvents,
  reorgPlans,
  reorgPlanVersions,
  taskforceAssignments,
  taskforceIssues,
  unitPopulations,
} from '../../../db/schema/index.js';
import { fixedClock } from '../../../kernel/clock.js';
import { startTestApp } from '../../../test/app.js';
import { unitId } from '../../../test/campaigns.js';
import { pdfText } from '../../../test/pdf.js';
import { userByEmail } from '../../../test/training.js';

const clock = fixedClock('2026-11-20T10:00:00Z');
const t = await startTestApp({}, { clock });
const admin = await t.as('admin@officina.demo');
const taskforce = await t.as('taskforce@officina.demo');
const cuneoOfficer = await t.as('referente.cuneo@officina.demo');
const learner = await t.as('discente.cuneo@officina.demo');
const anon = t.client();

const cuneo = await unitId(t.db, '004');
const bergamo = await unitId(t.db, '016');
const tf = await userByEmail(t, 'taskforce@officina.demo');
const M = 100; // cents per euro

// Cuneo: adopted plan with a validated version, figures of this year within the threshold.
const [plan] = await t.db
  .insert(reorgPlans)
  .values({ unitId: cuneo, status: 'adottato', currentVersion: 1 })
  .returning({ id: reorgPlans.id });
const planId = plan?.id as number;
await t.db.insert(reorgPlanVersions).values({
  planId,
  number: 1,
  state: 'validata',
  proposedBy: tf.id,
  decidedBy: tf.id,
  decidedAt: new Date('2026-08-10T09:00:00Z'),
  content: {
    act: { type: 'decreto_presidenziale', number: '42', date: '2026-08-01' },
    functions: [
      { key: 'strade', name: 'Viabilità', kind: 'fondamentale', description: '' },
      { key: 'scuole', name: 'Edilizia scolastica', kind: 'fondamentale', description: '' },
    ],
    staffing: [
      { functionKey: 'strade', jobProfileCode: 'ING', planned: 10, covered: 7, annualCostCents: 450_000 * M },
      { functionKey: 'scuole', jobProfileCode: 'ING', planned: 5, covered: 5, annualCostCents: 200_000 * M },
    ],
    notes: '',
  },
});
await t.db.insert(reorgPlanEvents).values([
  {
    planId,
    kind: 'status',
    fromStatus: 'non_avviato',
    toStatus: 'in_predisposizione',
    at: new Date('2026-01-15T10:00:00Z'),
  },
  {
    planId,
    kind: 'status',
    fromStatus: 'in_predisposizione',
    toStatus: 'adottato',
    at: new Date('2026-08-05T10:00:00Z'),
  },
  { planId, kind: 'proposal', version: 1, at: new Date('2026-07-05T10:00:00Z') },
]);
await t.db.insert(unitPopulations).values([
  { unitId: cuneo, year: 2025, population: 580_000, source: 'ISTAT' },
  { unitId: cuneo, year: 2024, population: 582_000, source: 'ISTAT' },
  { unitId: cuneo, year: 2030, population: 1, source: 'futuro' },
  { unitId: bergamo, year: 2025, population: 1_110_000, source: 'ISTAT' },
]);
await t.db.insert(hiringCapacity).values([
  {
    unitId: cuneo,
    year: 2026,
    personnelSpendingCents: 10_000_000 * M,
    revenue1Cents: 60_000_000 * M,
    revenue2Cents: 60_000_000 * M,
    revenue3Cents: 60_000_000 * M,
    fcdeCents: 2_000_000 * M,
  },
  // Bergamo's latest figures are three years old: shown, but marked out of date.
  {
    unitId: bergamo,
    year: 2023,
    personnelSpendingCents: 30_000_000 * M,
    revenue1Cents: 100_000_000 * M,
    revenue2Cents: 100_000_000 * M,
    revenue3Cents: 100_000_000 * M,
    fcdeCents: 0,
  },
]);
// Cuneo adopted every followed document but the PIAO 2027 and its PTFP.
await t.db.insert(programmingDocuments).values(
  (
    [
      ['dup', 2026],
      ['nadup', 2026],
      ['piao', 2026],
      ['ptfp', 2026],
      ['dup', 2027],
      ['nadup', 2027],
    ] as const
  ).map(([kind, year]) => ({ unitId: cuneo, kind, year, adoptedOn: `${year - 1}-07-20` })),
);
await t.db.insert(taskforceAssignments).values({ unitId: cuneo, userId: tf.id, lead: true });
await t.db.insert(taskforceIssues).values([
  { unitId: cuneo, kind: 'rischio', title: 'Pensionamenti', severity: 'alta', createdBy: tf.id },
  { unitId: cuneo, kind: 'criticita', title: 'Chiusa', severity: 'bassa', state: 'chiusa', createdBy: tf.id },
]);
await t.db.insert(interventions).values([
  {
    unitId: cuneo,
    kind: 'riunione',
    heldOn: '2026-10-02',
    outcome: 'Piano illustrato alla giunta',
    createdBy: tf.id,
  },
  {
    unitId: cuneo,
    kind: 'formazione',
    heldOn: '2026-10-20',
    outcome: 'Laboratorio sul PTFP',
    createdBy: tf.id,
  },
  { unitId: bergamo, kind: 'riunione', heldOn: '2026-06-10', createdBy: tf.id },
]);

const list = async (client = taskforce, query: Record<string, string> = {}) => {
  const res = await client.get(apiUrl(r.overview.list, {}, query));
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as OverviewView;
};

describe('national view', () => {
  it('lists every unit with its figures for the task force', async () => {
    const v = await list();
    expect(v.today).toBe('2026-11-20');
    expect(v.rows.length).toBeGreaterThanOrEqual(107);
    const c = v.rows.find((x) => x.unitId === cuneo);
    expect(c).toMatchObject({
      sigla: 'CN',
      regionName: 'Piemonte',
      planStatus: 'adottato',
      population: 580_000,
      populationYear: 2025,
      capacityYear: 2026,
      capacityStale: false,
      ratioPercent: 17.24,
      thresholdPercent: 19.7,
      hiringStatus: 'sbloccato',
      overdue: 0,
      lead: { name: tf.name },
      openRisks: 1,
    });
    expect(c?.nextDeadline).toMatchObject({ year: 2027, due: '2027-01-31' });
    const b = v.rows.find((x) => x.unitId === bergamo);
    expect(b).toMatchObject({
      planStatus: 'non_avviato',
      capacityYear: 2023,
      capacityStale: true,
      hiringStatus: 'bloccato',
    });
    expect(b?.hiringReasons).toContain('plan_not_adopted');
    expect(b?.overdue).toBeGreaterThan(0);
  });

  it('filters by region, type, phase, plan status and hiring status', async () => {
    const piemonte = await list(taskforce, { region: '01' });
    expect(piemonte.rows.length).toBe(8);
    expect(new Set(piemonte.rows.map((x) => x.regionCode))).toEqual(new Set(['01']));
    const adopted = await list(taskforce, { plan: 'adottato' });
    expect(adopted.rows.map((x) => x.unitId)).toContain(cuneo);
    expect(adopted.rows.map((x) => x.unitId)).not.toContain(bergamo);
    const locked = await list(taskforce, { hiring: 'bloccato', type: 'provincia', phase: '1' });
    expect(locked.rows.map((x) => x.unitId)).toContain(bergamo);
    expect(locked.rows.every((x) => x.unitType === 'provincia' && x.programmePhase === 1)).toBe(true);
    const cm = await list(taskforce, { phase: 'none', type: 'citta_metropolitana' });
    expect(cm.rows.length).toBeGreaterThanOrEqual(14);
    expect((await taskforce.get(apiUrl(r.overview.list, {}, { plan: 'nope' }))).statusCode).toBe(400);
    expect((await taskforce.get(apiUrl(r.overview.list, {}, { region: '1\u0000' }))).statusCode).toBe(400);
  });

  it('shows an officer their own unit only, and refuses the other roles', async () => {
    const v = await list(cuneoOfficer);
    expect(v.rows.map((x) => x.unitId)).toEqual([cuneo]);
    expect((await list(admin)).rows.length).toBeGreaterThanOrEqual(107);
    expect((await learner.get(apiUrl(r.overview.list))).statusCode).toBe(403);
    expect((await anon.get(apiUrl(r.overview.list))).statusCode).toBe(401);
  });

  it('exports the filtered table as CSV and XLSX that read back', async () => {
    const csv = await taskforce.get(apiUrl(r.overview.csv, {}, { region: '01' }));
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = parse(csv.body, { delimiter: ';', bom: true }) as string[][];
    expect(lines[0]?.[0]).toBe('istat_code');
    expect(lines.length).toBe(1 + 8);
    const cn = lines.find((l) => l[0] === '004') ?? [];
    expect(cn[2]).toBe('Cuneo');
    expect(cn).toContain('17,24');
    expect(cn).toContain('Adottato');

    const xlsx = await taskforce.get(apiUrl(r.overview.xlsx, {}, { plan: 'adottato' }));
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws?.getRow(1).getCell(1).value).toBe('istat_code');
    const values: unknown[][] = [];
    ws?.eachRow((row, n) => {
      if (n > 1) values.push((row.values as unknown[]).slice(1));
    });
    expect(values.length).toBe(1);
    expect(values[0]?.[2]).toBe('Cuneo');
    expect(values[0]).toContain(17.24);
    // An officer's export holds their unit only.
    const own = await cuneoOfficer.get(apiUrl(r.overview.csv));
    expect(
      own.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n').length,
    ).toBe(2);
    expect((await learner.get(apiUrl(r.overview.xlsx))).statusCode).toBe(403);
  });

  it('counts plan statuses by month and interventions per month', async () => {
    const res = await taskforce.get(apiUrl(r.overview.trends));
    expect(res.statusCode).toBe(200);
    const v = res.json() as TrendsView;
    expect(v.months.length).toBe(24);
    expect(v.months.at(-1)).toBe('2026-11');
    const at = (m: string) => v.months.indexOf(m);
    expect(v.planStatus[at('2025-12')]?.in_predisposizione).toBe(0);
    expect(v.planStatus[at('2026-01')]?.in_predisposizione).toBe(1);
    expect(v.planStatus[at('2026-08')]?.adottato).toBe(1);
    expect(v.planStatus[at('2026-08')]?.in_predisposizione).toBe(0);
    const total = Object.values(v.planStatus[at('2026-08')] ?? {}).reduce((s, n) => s + n, 0);
    expect(total).toBeGreaterThanOrEqual(107);
    expect(v.interventions[at('2026-10')]).toMatchObject({ riunione: 1, formazione: 1 });
    expect(v.interventions[at('2026-06')]?.riunione).toBe(1);
    const own = (await cuneoOfficer.get(apiUrl(r.overview.trends))).json() as TrendsView;
    expect(own.interventions[at('2026-06')]?.riunione).toBe(0);
  });
});

describe('unit brief', () => {
  it('is one A4 page with the plan, capacity, deadlines and task force work', async () => {
    const res = await cuneoOfficer.get(apiUrl(r.overview.brief, { id: cuneo }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length).toBe(1);
    const text = pdfText(pdf);
    for (const s of [
      'Cuneo',
      '580.000',
      'Adottato',
      'n. 42',
      '15 posti previsti',
      '17,24%',
      '19,70%',
      'Sbloccato',
      'PIAO 2027',
      tf.name,
      'Laboratorio sul PTFP',
      'Fabbisogni formativi e formazione',
      'Formazione erogata nel 2026',
    ])
      expect(text).toContain(s);
  });

  it('stays on one page with long data, and marks stale figures', async () => {
    const many = Array.from({ length: 40 }, (_, i) => ({
      unitId: bergamo,
      kind: 'rischio' as const,
      title: `Rischio ${i}`,
      severity: 'media' as const,
      createdBy: tf.id,
    }));
    await t.db.insert(taskforceIssues).values(many);
    await t.db.insert(interventions).values({
      unitId: bergamo,
      kind: 'riunione',
      heldOn: '2026-11-01',
      outcome: 'Molto lungo '.repeat(300),
      createdBy: tf.id,
    });
    const res = await taskforce.get(apiUrl(r.overview.brief, { id: bergamo }));
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.toString('latin1').match(/\/Type \/Page\b/g)?.length).toBe(1);
    const text = pdfText(res.rawPayload);
    expect(text).toContain('2023');
    expect(text).toContain('NON AGGIORNATO');
    expect(text).toMatch(/e altri \d+/);
    await t.db.delete(taskforceIssues).where(eq(taskforceIssues.unitId, bergamo));
  });

  it("is 404 for another unit's officer, 403 for other roles, 401 signed out", async () => {
    expect((await cuneoOfficer.get(apiUrl(r.overview.brief, { id: bergamo }))).statusCode).toBe(404);
    expect((await taskforce.get(apiUrl(r.overview.brief, { id: 999_999 }))).statusCode).toBe(404);
    expect((await learner.get(apiUrl(r.overview.brief, { id: cuneo }))).statusCode).toBe(403);
    expect((await anon.get(apiUrl(r.overview.brief, { id: cuneo }))).statusCode).toBe(401);
  });
});

describe('proposals awaiting validation', () => {
  it('flags the units whose plan has a proposed version waiting for the task force', async () => {
    expect((await list()).rows.find((x) => x.unitId === cuneo)?.pendingProposal).toBe(false);
    const [proposed] = await t.db
      .insert(reorgPlanVersions)
      .values({
        planId,
        number: 2,
        state: 'proposta',
        proposedBy: tf.id,
        content: { act: null, functions: [], staffing: [], notes: '' },
      })
      .returning({ id: reorgPlanVersions.id });
    try {
      const v = await list(admin);
      expect(v.rows.find((x) => x.unitId === cuneo)?.pendingProposal).toBe(true);
      expect(v.rows.find((x) => x.unitId === bergamo)?.pendingProposal).toBe(false);
      expect(v.rows.filter((x) => x.pendingProposal).map((x) => x.unitId)).toEqual([cuneo]);
    } finally {
      await t.db.delete(reorgPlanVersions).where(eq(reorgPlanVersions.id, proposed?.id as number));
    }
  });
});
