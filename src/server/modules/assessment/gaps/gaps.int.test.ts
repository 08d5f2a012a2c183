import { parse } from 'csv-parse/sync';
import { and, eq, isNull } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { apiUrl, apiRoutes as r } from '../../../../common/api-routes.js';
import type { Heatmap, MyGaps, PeopleGaps, Priorities } from '../../../../common/gaps.js';
import {
  campaignParticipants,
  campaignResponseLevels,
  campaignResponses,
  campaigns,
  campaignUnits,
  competencyFrameworks,
  frameworkCompetencies,
  profileExpectations,
  territorialUnits,
  users,
} from '../../../db/schema/index.js';
import { demoCampaignId } from '../../../db/seed/demo-assessment.js';
import { startTestApp } from '../../../test/app.js';
import type { TestClient } from '../../../test/client.js';
import { aggregate } from './aggregate.js';
import { snapshotExpectations } from './expectations.js';
import { HEATMAP_COLUMNS } from './exports.js';
import { createGapsRepository } from './repository.js';

const t = await startTestApp({}, { history: true });
const admin = await t.as('admin@officina.demo');
const taskforce = await t.as('taskforce@officina.demo');
const cuneoOfficer = await t.as('referente.cuneo@officina.demo');
const bergamoOfficer = await t.as('referente.bergamo@officina.demo');
const learner = await t.as('discente.cuneo@officina.demo');

const demo = (await demoCampaignId(t.db)) as number;
const unitId = async (istat: string) => {
  const [u] = await t.db.select().from(territorialUnits).where(eq(territorialUnits.istatCode, istat));
  return u?.id as number;
};
const cuneo = await unitId('004');
const bergamo = await unitId('016');
const sassari = await unitId('090');

const responsesOf = async (campaignId: number, unit: number) =>
  (
    await t.db
      .select()
      .from(campaignResponses)
      .where(and(eq(campaignResponses.campaignId, campaignId), eq(campaignResponses.unitId, unit)))
  ).length;

const heat = async (c: TestClient, q: Record<string, string | number | undefined> = {}, id = demo) => {
  const res = await c.get(apiUrl(r.gaps.heatmap, { id }, q));
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Heatmap;
};
const prio = async (c: TestClient, q: Record<string, string | number> = {}, id = demo) => {
  const res = await c.get(apiUrl(r.gaps.priorities, { id }, q));
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Priorities;
};

/**
 * A named campaign in Cuneo: the demo learner and six colleagues, six of one job profile and one of
 * another (so the second profile, one person, is exactly what subtracting the first from the unit
 * would reveal).
 */
async function namedCampaign(status: 'draft' | 'open' | 'closed' = 'closed') {
  const [fw] = await t.db
    .select({ id: competencyFrameworks.id })
    .from(competencyFrameworks)
    .where(eq(competencyFrameworks.status, 'published'));
  const [c] = await t.db
    .insert(campaigns)
    .values({
      titleIt: 'Rilevazione nominativa',
      titleEn: 'Named survey',
      frameworkId: fw?.id as number,
      status,
      anonymous: false,
      national: false,
      opensOn: '2026-05-01',
      closesOn: '2026-05-30',
    })
    .returning({ id: campaigns.id });
  const id = c?.id as number;
  await t.db.insert(campaignUnits).values({ campaignId: id, unitId: cuneo });
  const comps = await t.db
    .select({ id: frameworkCompetencies.id, code: frameworkCompetencies.code })
    .from(frameworkCompetencies)
    .where(eq(frameworkCompetencies.frameworkId, fw?.id as number));
  const [me] = await t.db.select().from(users).where(eq(users.email, 'discente.cuneo@officina.demo'));
  const people = [me?.id as string];
  for (let i = 0; i < 6; i++) {
    const [u] = await t.db
      .insert(users)
      .values({ email: `nominativo${id}.${i}@officina.demo`, name: `Persona ${i}`, unitId: cuneo })
      .returning({ id: users.id });
    people.push(u?.id as string);
  }
  for (const [i, userId] of people.entries()) {
    const profile = i === 6 ? 'funzionario-tecnico' : 'funzionario-amministrativo';
    const [p] = await t.db
      .insert(campaignParticipants)
      .values({ campaignId: id, userId, unitId: cuneo, jobProfileCode: profile, status: 'submitted' })
      .returning({ id: campaignParticipants.id });
    const [resp] = await t.db
      .insert(campaignResponses)
      .values({ campaignId: id, unitId: cuneo, jobProfileCode: profile, participantId: p?.id })
      .returning({ id: campaignResponses.id });
    const expected = await t.db
      .select()
      .from(profileExpectations)
      .where(and(eq(profileExpectations.jobProfileCode, profile), isNull(profileExpectations.unitId)));
    const levels = comps.flatMap((comp, j) => {
      const want = expected.find((e) => e.competencyCode === comp.code)?.level;
      return want === undefined
        ? []
        : [
            {
              responseId: resp?.id as string,
              competencyId: comp.id,
              selfLevel: Math.max(0, want - ((i + j) % 3)),
            },
          ];
    });
    await t.db.insert(campaignResponseLevels).values(levels);
  }
  if (status === 'closed') await snapshotExpectations(t.db, id);
  return id;
}
const named = await namedCampaign();

describe('who may see the gaps', () => {
  it('gives viewGaps to admins, the task force and officers, not to learners', async () => {
    for (const c of [admin, taskforce, cuneoOfficer])
      expect((await c.get('/api/v1/me')).json().can.viewGaps).toBe(true);
    expect((await learner.get('/api/v1/me')).json().can.viewGaps).toBe(false);
  });

  it('lists the demo campaign with its answers; a learner is refused', async () => {
    const list = (await admin.get(apiUrl(r.gaps.campaigns))).json().items as {
      id: number;
      hasAnswers: boolean;
    }[];
    expect(list.find((c) => c.id === demo)?.hasAnswers).toBe(true);
    const mine = (await cuneoOfficer.get(apiUrl(r.gaps.campaigns))).json().items as { id: number }[];
    expect(mine.map((c) => c.id)).toContain(demo);
    expect((await learner.get(apiUrl(r.gaps.campaigns))).statusCode).toBe(403);
    expect((await learner.get(apiUrl(r.gaps.heatmap, { id: demo }))).statusCode).toBe(403);
    expect((await learner.get(apiUrl(r.gaps.priorities, { id: demo }))).statusCode).toBe(403);
    expect((await t.client().get(apiUrl(r.gaps.heatmap, { id: demo }))).statusCode).toBe(401);
  });

  it('shows an officer their own unit only, and answers 404 for another unit', async () => {
    const h = await heat(cuneoOfficer);
    expect(h.rowHeads.map((x) => Number(x.code))).toEqual([cuneo]);
    expect(h.units.map((u) => u.id)).toEqual([cuneo]);
    for (const q of [{ unit: bergamo }, { unit: bergamo, rows: 'jobProfile' }]) {
      const res = await cuneoOfficer.get(apiUrl(r.gaps.heatmap, { id: demo }, q));
      expect(res.statusCode).toBe(404);
    }
    expect(
      (await cuneoOfficer.get(apiUrl(r.gaps.priorities, { id: demo }, { unit: bergamo }))).statusCode,
    ).toBe(404);
    expect((await bergamoOfficer.get(apiUrl(r.gaps.heatmap, { id: demo }, { unit: cuneo }))).statusCode).toBe(
      404,
    );
    expect(
      (await bergamoOfficer.get(apiUrl(r.gaps.heatmapCsv, { id: demo }, { unit: cuneo }))).statusCode,
    ).toBe(404);
    // A campaign not for their unit does not exist for them.
    expect((await bergamoOfficer.get(apiUrl(r.gaps.heatmap, { id: named }))).statusCode).toBe(404);
    // National and regional tables are published aggregates, open to officers.
    expect((await heat(cuneoOfficer, { rows: 'region' })).rowHeads.length).toBeGreaterThan(0);
  });
});

describe('the heatmap of the demo campaign', () => {
  it('has the numbers of aggregate() on the published units, and leaves Sassari out of every figure', async () => {
    const h = await heat(admin);
    const byCode = new Map(h.rowHeads.map((x, i) => [Number(x.code), i]));
    expect(h.rowHeads.find((x) => Number(x.code) === sassari)?.tooSmall).toBe(true);
    const nCuneo = await responsesOf(demo, cuneo);
    const nBergamo = await responsesOf(demo, bergamo);
    expect(await responsesOf(demo, sassari)).toBeLessThan(5);
    expect(h.grandTotal.respondents).toBe(nCuneo + nBergamo);
    expect(h.rowTotals[byCode.get(cuneo) as number]?.respondents).toBe(nCuneo);
    const si = byCode.get(sassari) as number;
    expect(h.rowTotals[si]).toMatchObject({ respondents: null, suppressed: 'primary' });
    expect(h.cells[si]?.every((f) => f.respondents === null && f.suppressed === 'primary')).toBe(true);

    const rows = (await createGapsRepository().personRows(t.db, { campaignId: demo })).filter(
      (x) => x.unitId !== sassari,
    );
    const cells = aggregate(rows, ['unit', 'domain']);
    for (const c of cells) {
      const i = byCode.get(c.key.unit as number) as number;
      const j = h.columnHeads.findIndex((x) => x.code === c.key.domain);
      const f = h.cells[i]?.[j];
      if (f?.suppressed) continue;
      expect(f).toMatchObject({ respondents: c.respondents, affected: c.affected });
      expect(f?.meanGap).toBeCloseTo(c.meanGap, 12);
      expect(f?.priority).toBeCloseTo(c.priority, 12);
    }
    const columns = aggregate(rows, ['domain']);
    for (const c of columns) {
      const j = h.columnHeads.findIndex((x) => x.code === c.key.domain);
      expect(h.columnTotals[j]?.meanGap).toBeCloseTo(c.meanGap, 12);
    }
  });

  it('switches dimensions: unit × area, job profile × competency, region × domain, one unit by profile', async () => {
    const areas = await heat(admin, { columns: 'area' });
    expect(areas.columnHeads.length).toBe(14);
    const comps = await heat(admin, { rows: 'jobProfile', columns: 'competency' });
    expect(comps.columnHeads.length).toBeGreaterThan(40);
    const regions = await heat(admin, { rows: 'region' });
    expect(regions.rowHeads.map((x) => x.code).sort()).toEqual(
      [
        ...new Set(
          await Promise.all(
            [cuneo, bergamo].map(async (u) => {
              const [x] = await t.db.select().from(territorialUnits).where(eq(territorialUnits.id, u));
              return x?.regionCode as string;
            }),
          ),
        ),
      ].sort(),
    );
    const mine = await heat(cuneoOfficer, { unit: cuneo, rows: 'jobProfile', columns: 'area' });
    expect(mine.grandTotal.respondents).toBe(await responsesOf(demo, cuneo));
    // 8 profiles over 12 or so people: every profile is under 5, so every profile row is hidden.
    for (const line of mine.cells)
      for (const f of line)
        expect(f.respondents === null || f.respondents === 0 || f.respondents >= 5).toBe(true);
  });

  it('never publishes a group of 1 to 4 people, in any table', async () => {
    for (const q of [
      {},
      { columns: 'competency' },
      { rows: 'jobProfile' },
      { rows: 'jobProfile', columns: 'area' },
      { rows: 'region', columns: 'area' },
      { unit: cuneo, rows: 'jobProfile' },
      { unit: bergamo, rows: 'jobProfile', columns: 'competency' },
    ]) {
      const h = await heat(admin, q);
      for (const f of [...h.cells.flat(), ...h.rowTotals, ...h.columnTotals, h.grandTotal])
        expect(f.respondents === null || f.respondents === 0 || f.respondents >= 5, JSON.stringify(q)).toBe(
          true,
        );
    }
  });

  it('says plainly when nobody has answered yet, and refuses a campaign not opened', async () => {
    const empty = await namedCampaign('open');
    await t.db.delete(campaignResponses).where(eq(campaignResponses.campaignId, empty));
    const h = await heat(admin, {}, empty);
    expect(h.hasAnswers).toBe(false);
    expect(h.rowHeads).toEqual([]);
    await t.db.update(campaigns).set({ status: 'draft' }).where(eq(campaigns.id, empty));
    const res = await admin.get(apiUrl(r.gaps.heatmap, { id: empty }));
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('CAMPAIGN_NOT_OPEN');
  });
});

describe('the priorities', () => {
  it('rank by mean gap × people affected, highest first, with suppressed groups left out', async () => {
    const p = await prio(admin, { by: 'competency', limit: 500 });
    expect(p.items.length).toBeGreaterThan(5);
    for (let i = 1; i < p.items.length; i++)
      expect((p.items[i - 1]?.priority ?? 0) >= (p.items[i]?.priority ?? 0)).toBe(true);
    for (const item of p.items)
      expect(item.priority).toBeCloseTo((item.meanGap ?? 0) * (item.affected ?? 0), 12);
    const cut = await prio(admin, { by: 'competency', limit: 3 });
    expect(cut.items.map((i) => i.code)).toEqual(p.items.slice(0, 3).map((i) => i.code));
    const unit = await prio(cuneoOfficer, { by: 'area', unit: cuneo });
    expect(unit.items.every((i) => (i.respondents ?? 0) >= 5)).toBe(true);
  });
});

describe('differencing and small groups', () => {
  it('refuses a job profile filter whose group is under k, or differs from the whole by under k', async () => {
    const small = await admin.get(apiUrl(r.gaps.heatmap, { id: demo }, { jobProfile: 'dirigente' }));
    expect(small.statusCode).toBe(422);
    expect(small.json().code).toBe('GROUP_TOO_SMALL');
    // Named campaign: 7 in Cuneo, 6 of one profile: "the unit minus the six" is one person.
    const diff = await admin.get(
      apiUrl(r.gaps.heatmap, { id: named }, { jobProfile: 'funzionario-amministrativo' }),
    );
    expect(diff.statusCode).toBe(422);
    expect(diff.json()).toMatchObject({ code: 'DIFFERENCING' });
    expect(diff.json().message).toMatch(/differenza|ricavare/);
    const ranking = await admin.get(
      apiUrl(r.gaps.priorities, { id: named }, { jobProfile: 'funzionario-amministrativo', unit: cuneo }),
    );
    expect(ranking.statusCode).toBe(422);
    // Without the filter the unit is published: 7 people.
    expect((await heat(admin, {}, named)).grandTotal.respondents).toBe(7);
  });
});

describe('hostile input', () => {
  it('answers 400 with a message, never 500', async () => {
    const bad = [
      apiUrl(r.gaps.heatmap, { id: '2147483648' }),
      apiUrl(r.gaps.heatmap, { id: '99999999999999999999' }),
      apiUrl(r.gaps.heatmap, { id: 0 }),
      apiUrl(r.gaps.heatmap, { id: 'abc' }),
      apiUrl(r.gaps.heatmap, { id: demo }, { rows: 'person' }),
      apiUrl(r.gaps.heatmap, { id: demo }, { columns: 'people' }),
      apiUrl(r.gaps.heatmap, { id: demo }, { unit: '2147483648' }),
      apiUrl(r.gaps.heatmap, { id: demo }, { unit: -1 }),
      apiUrl(r.gaps.heatmap, { id: demo }, { jobProfile: '../x' }),
      apiUrl(r.gaps.heatmap, { id: demo }, { jobProfile: 'a\u0000b' }),
      apiUrl(r.gaps.heatmap, { id: demo }, { jobProfile: 'non-esiste' }),
      apiUrl(r.gaps.heatmap, { id: demo }, { rows: 'region', unit: cuneo }),
      apiUrl(r.gaps.heatmap, { id: demo }, { rows: 'jobProfile', jobProfile: 'dirigente' }),
      apiUrl(r.gaps.priorities, { id: demo }, { limit: 0 }),
      apiUrl(r.gaps.priorities, { id: demo }, { limit: 100000 }),
      apiUrl(r.gaps.priorities, { id: demo }, { by: 'unit' }),
      apiUrl(r.gaps.mine, {}, { campaign: '1.5' }),
    ];
    for (const url of bad) {
      const res = await admin.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().message, url).toBeTruthy();
    }
    expect((await admin.get(apiUrl(r.gaps.heatmap, { id: 2147483647 }))).statusCode).toBe(404);
  });
});

describe('people: named campaigns only', () => {
  it('has no per-person view of an anonymous campaign, anywhere', async () => {
    for (const c of [admin, cuneoOfficer]) {
      const res = await c.get(apiUrl(r.gaps.people, { id: demo }, { unit: cuneo }));
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('ANONYMOUS_CAMPAIGN');
    }
    const mine = await learner.get(apiUrl(r.gaps.mine, {}, { campaign: demo }));
    expect(mine.statusCode).toBe(403);
    expect(mine.json().code).toBe('ANONYMOUS_CAMPAIGN');
  });

  it("shows a person their own gaps, and an officer their unit's named people", async () => {
    const mine = (await learner.get(apiUrl(r.gaps.mine))).json() as MyGaps;
    expect(mine.campaigns.map((c) => c.id)).toContain(named);
    expect(mine.gaps?.name).toBeTruthy();
    expect(mine.gaps?.items.every((i) => i.gap === i.expected - i.assessed && i.gap > 0)).toBe(true);
    expect(mine.gaps?.totalGap).toBe(mine.gaps?.items.reduce((s, i) => s + i.gap, 0));
    const people = (await cuneoOfficer.get(apiUrl(r.gaps.people, { id: named }))).json() as PeopleGaps;
    expect(people.unit.id).toBe(cuneo);
    expect(people.people).toHaveLength(7);
    expect((await bergamoOfficer.get(apiUrl(r.gaps.people, { id: named }, { unit: cuneo }))).statusCode).toBe(
      404,
    );
    expect((await learner.get(apiUrl(r.gaps.people, { id: named }))).statusCode).toBe(403);
    // Another person's campaign: the learner of Bergamo answered nothing.
    const other = await t.as('discente.bergamo@officina.demo');
    expect((await other.get(apiUrl(r.gaps.mine, {}, { campaign: named }))).statusCode).toBe(404);
  });
});

describe('exports', () => {
  it('CSV: BOM, ";", the columns of docs/gaps.md and the same figures as the JSON', async () => {
    const h = await heat(admin);
    const res = await admin.get(apiUrl(r.gaps.heatmapCsv, { id: demo }));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = parse(res.body, { delimiter: ';', bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(lines[0] ?? {})).toEqual([...HEATMAP_COLUMNS]);
    const num = (s: string | undefined) => (s === '' || s === undefined ? null : Number(s.replace(',', '.')));
    for (const [i, row] of h.rowHeads.entries())
      for (const [j, col] of h.columnHeads.entries()) {
        const line = lines.find(
          (l) => l.kind === 'cell' && l.row_code === row.code && l.column_code === col.code,
        );
        const f = h.cells[i]?.[j];
        expect(num(line?.respondents)).toBe(f?.respondents);
        expect(num(line?.mean_gap)).toBe(
          f?.meanGap === null || f?.meanGap === undefined ? null : Number(f.meanGap.toFixed(2)),
        );
        expect(line?.suppressed).toBe(f?.suppressed ?? '');
      }
    const sassariLines = lines.filter((l) => Number(l.row_code) === sassari);
    expect(sassariLines.length).toBeGreaterThan(0);
    for (const l of sassariLines) {
      expect([l.respondents, l.mean_gap, l.affected, l.share_affected, l.priority]).toEqual([
        '',
        '',
        '',
        '',
        '',
      ]);
      expect(l.suppressed).toBe('primary');
      expect(l.note).toMatch(/n<5/);
    }
    expect(lines.find((l) => l.kind === 'grand_total')?.respondents).toBe(String(h.grandTotal.respondents));
  });

  it('XLSX: read back with exceljs, the same figures as the JSON, unrounded', async () => {
    const h = await heat(admin, { columns: 'area' });
    const res = await admin.get(apiUrl(r.gaps.heatmapXlsx, { id: demo }, { columns: 'area' }));
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no sheet');
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([...HEATMAP_COLUMNS]);
    const col = (name: string) => HEATMAP_COLUMNS.indexOf(name as (typeof HEATMAP_COLUMNS)[number]) + 1;
    let seen = 0;
    ws.eachRow((row, n) => {
      if (n === 1 || row.getCell(col('kind')).value !== 'cell') return;
      const i = h.rowHeads.findIndex((x) => x.code === String(row.getCell(col('row_code')).value));
      const j = h.columnHeads.findIndex((x) => x.code === row.getCell(col('column_code')).value);
      const f = h.cells[i]?.[j];
      expect(row.getCell(col('respondents')).value ?? null).toBe(f?.respondents);
      expect(row.getCell(col('mean_gap')).value ?? null).toBe(f?.meanGap);
      expect(row.getCell(col('suppressed')).value ?? '').toBe(f?.suppressed ?? '');
      seen += 1;
    });
    expect(seen).toBe(h.rowHeads.length * h.columnHeads.length);
  });

  it('priorities as CSV and XLSX match the JSON ranking', async () => {
    const p = await prio(admin, { by: 'area' });
    const csv = parse((await admin.get(apiUrl(r.gaps.prioritiesCsv, { id: demo }, { by: 'area' }))).body, {
      delimiter: ';',
      bom: true,
      columns: true,
    }) as Record<string, string>[];
    const ranked = csv.filter((l) => l.rank !== '');
    expect(ranked.map((l) => l.code)).toEqual(p.items.map((i) => i.code));
    expect(ranked.map((l) => Number((l.priority ?? '').replace(',', '.')))).toEqual(
      p.items.map((i) => Number((i.priority ?? 0).toFixed(2))),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      (await admin.get(apiUrl(r.gaps.prioritiesXlsx, { id: demo }, { by: 'area' })))
        .rawPayload as unknown as ArrayBuffer,
    );
    const values = wb.worksheets[0]
      ?.getColumn(11)
      .values.slice(2)
      .filter((v) => v !== null && v !== undefined);
    expect(values).toEqual(p.items.map((i) => i.priority));
  });

  it('SVG: titled, described, readable labels in the language asked; no hidden figure in it', async () => {
    const it = await admin.get(apiUrl(r.gaps.heatmapSvg, { id: demo }));
    expect(it.statusCode).toBe(200);
    expect(it.headers['content-type']).toMatch(/image\/svg\+xml/);
    expect(it.body).toMatch(/<title id="t">Mappa di calore/);
    expect(it.body).toMatch(/<desc id="d">/);
    expect(it.body).toContain('role="img"');
    expect(it.body).toContain('n&lt;5');
    admin.lang = 'en';
    const en = await admin.get(apiUrl(r.gaps.prioritiesSvg, { id: demo }));
    admin.lang = 'it';
    expect(en.body).toMatch(/<title id="t">Training priorities/);
    // Sassari's row shows "n<5" only: no count between its name and the next row's.
    const start = it.body.indexOf('Sassari</text>');
    expect(start).toBeGreaterThan(0);
    const next = it.body.indexOf('text-anchor="end"', start);
    const row = it.body.slice(start, next);
    expect(row).toContain('n&lt;5');
    expect(row).not.toMatch(/n=\d/);
  });

  it("XLSX: Sassari's lines are empty and flagged; the grand total leaves it out", async () => {
    const h = await heat(admin);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      (await admin.get(apiUrl(r.gaps.heatmapXlsx, { id: demo }))).rawPayload as unknown as ArrayBuffer,
    );
    const ws = wb.worksheets[0];
    const col = (name: string) => HEATMAP_COLUMNS.indexOf(name as (typeof HEATMAP_COLUMNS)[number]) + 1;
    let lines = 0;
    ws?.eachRow((row) => {
      if (Number(row.getCell(col('row_code')).value) === sassari) {
        lines += 1;
        for (const c of ['respondents', 'mean_gap', 'affected', 'share_affected', 'priority'])
          expect(row.getCell(col(c)).value ?? null).toBeNull();
        expect(row.getCell(col('suppressed')).value).toBe('primary');
      }
      if (row.getCell(col('kind')).value === 'grand_total')
        expect(row.getCell(col('respondents')).value).toBe(h.grandTotal.respondents);
    });
    expect(lines).toBe(h.columnHeads.length + 1);
  });
});
