import { and, eq, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { describe, expect, it } from 'vitest';
import { apiUrl, apiRoutes as r } from '../../../../common/api-routes.js';
import type { Heatmap, Priorities } from '../../../../common/gaps.js';
import { composeModules } from '../../../compose.js';
import {
  campaignExpectations,
  campaignGapState,
  campaignResponseLevels,
  campaignResponses,
  campaigns,
  competencyFrameworks,
  profileExpectations,
  territorialUnits,
} from '../../../db/schema/index.js';
import { demoCampaignId } from '../../../db/seed/demo-assessment.js';
import type { RequestContext } from '../../../kernel/principal.js';
import { startTestApp } from '../../../test/app.js';
import { createGapsRepository } from './repository.js';
import { createSummaryRepository } from './summary-repository.js';

/** The anonymity rules beyond small groups: closed-only figures, frozen expectations, officers' totals. */
const t = await startTestApp({}, { history: true });
const admin = await t.as('admin@officina.demo');
const cuneoOfficer = await t.as('referente.cuneo@officina.demo');
const bergamoOfficer = await t.as('referente.bergamo@officina.demo');
const { kernel } = composeModules(t.database, t.config, {
  error: () => undefined,
} as unknown as FastifyBaseLogger);
const ctx: RequestContext = { actor: null, ip: null, requestId: null, lang: 'it' };

const demo = (await demoCampaignId(t.db)) as number;
const unitId = async (istat: string) => {
  const [u] = await t.db.select().from(territorialUnits).where(eq(territorialUnits.istatCode, istat));
  return u?.id as number;
};
const cuneo = await unitId('004');
const bergamo = await unitId('016');
const setStatus = (id: number, status: 'open' | 'closed') =>
  t.db.update(campaigns).set({ status }).where(eq(campaigns.id, id));
const heat = async (q: Record<string, string | number> = {}, id = demo, c = admin) => {
  const res = await c.get(apiUrl(r.gaps.heatmap, { id }, q));
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Heatmap;
};

/** A copy of the demo campaign's answers in a new campaign (anonymous or named), open. */
async function copyOfDemo(anonymous: boolean) {
  const [fw] = await t.db
    .select({ id: competencyFrameworks.id })
    .from(competencyFrameworks)
    .where(eq(competencyFrameworks.status, 'published'));
  const [c] = await t.db
    .insert(campaigns)
    .values({
      titleIt: 'Copia',
      titleEn: 'Copy',
      frameworkId: fw?.id as number,
      status: 'open',
      anonymous,
      national: true,
      minGroupSize: 5,
      opensOn: '2026-05-01',
      closesOn: '2026-05-30',
    })
    .returning({ id: campaigns.id });
  const id = c?.id as number;
  await t.db.execute(sql`
    insert into campaign_responses (campaign_id, unit_id, job_profile_code)
    select ${id}, unit_id, job_profile_code from campaign_responses where campaign_id = ${demo}`);
  // Pair the copies with the originals by their order within each unit and profile.
  await t.db.execute(sql`
    with a as (
      select id, row_number() over (order by unit_id, job_profile_code, id) as n
      from campaign_responses where campaign_id = ${demo}
    ), b as (
      select id, row_number() over (order by unit_id, job_profile_code, id) as n
      from campaign_responses where campaign_id = ${id}
    )
    insert into campaign_response_levels (response_id, competency_id, self_level, manager_level)
    select b.id, l.competency_id, l.self_level, l.manager_level
    from a join b on a.n = b.n join campaign_response_levels l on l.response_id = a.id`);
  return id;
}

describe('live figures of an anonymous campaign', () => {
  it('are refused while it is open (409, in both languages), for every figure and file', async () => {
    const open = await copyOfDemo(true);
    for (const route of [
      r.gaps.heatmap,
      r.gaps.heatmapCsv,
      r.gaps.heatmapXlsx,
      r.gaps.heatmapSvg,
      r.gaps.priorities,
      r.gaps.prioritiesCsv,
      r.gaps.prioritiesXlsx,
      r.gaps.prioritiesSvg,
    ]) {
      const res = await admin.get(apiUrl(route, { id: open }));
      expect(res.statusCode, route).toBe(409);
      expect(res.json()).toMatchObject({ code: 'FIGURES_AFTER_CLOSE' });
      expect(res.json().message).toMatch(/alla chiusura/);
    }
    admin.lang = 'en';
    const en = await admin.get(apiUrl(r.gaps.heatmap, { id: open }));
    admin.lang = 'it';
    expect(en.json().message).toMatch(/figures are available when the survey closes/);
    // The same answers, closed: figures.
    await setStatus(open, 'closed');
    await kernel.events.emit(t.db, ctx, 'campaign.closed', { campaignId: open });
    expect((await heat({}, open)).grandTotal.respondents).toBeGreaterThan(0);
  });

  it('are served live for a named campaign', async () => {
    const named = await copyOfDemo(false);
    expect((await heat({}, named)).grandTotal.respondents).toBeGreaterThan(0);
  });
});

describe('a closed campaign keeps the expected levels it was judged against', () => {
  const override = async (id: number, level: number | null) => {
    const [row] = await t.db
      .select()
      .from(campaignResponses)
      .where(and(eq(campaignResponses.campaignId, id), eq(campaignResponses.unitId, cuneo)));
    const profile = row?.jobProfileCode as string;
    await t.db
      .delete(profileExpectations)
      .where(and(eq(profileExpectations.jobProfileCode, profile), eq(profileExpectations.unitId, cuneo)));
    if (level === null) return;
    const national = await t.db
      .select()
      .from(profileExpectations)
      .where(
        and(eq(profileExpectations.jobProfileCode, profile), sql`${profileExpectations.unitId} is null`),
      );
    await t.db
      .insert(profileExpectations)
      .values(national.map((e) => ({ ...e, id: undefined, unitId: cuneo, level })));
  };

  it('on close, copies the expected levels once, and later edits change nothing', async () => {
    const id = await copyOfDemo(false);
    const before = await heat({ unit: cuneo }, id);
    await override(id, 3);
    const live = await heat({ unit: cuneo }, id);
    expect(live.grandTotal.meanGap).not.toBe(before.grandTotal.meanGap);

    await setStatus(id, 'closed');
    await kernel.events.emit(t.db, ctx, 'campaign.closed', { campaignId: id });
    await kernel.events.emit(t.db, ctx, 'campaign.closed', { campaignId: id });
    const frozen = await t.db
      .select()
      .from(campaignExpectations)
      .where(eq(campaignExpectations.campaignId, id));
    expect(frozen.length).toBe(await t.db.$count(profileExpectations));
    const rowsAtClose = await createGapsRepository().personRows(t.db, { campaignId: id });

    await override(id, null);
    const after = await heat({ unit: cuneo }, id);
    expect(after.grandTotal).toEqual(live.grandTotal);
    expect(after.cells).toEqual(live.cells);
    expect(await createGapsRepository().personRows(t.db, { campaignId: id })).toEqual(rowsAtClose);
    const people = await cuneoOfficer.get(apiUrl(r.gaps.people, { id }, { unit: cuneo }));
    expect(people.statusCode).toBe(200);
    await override(id, 0);
    expect((await heat({ unit: cuneo }, id)).grandTotal).toEqual(live.grandTotal);
    expect((await cuneoOfficer.get(apiUrl(r.gaps.people, { id }, { unit: cuneo }))).json()).toEqual(
      people.json(),
    );
  });

  it('holds for the demo campaign, seeded closed', async () => {
    const before = await heat({ unit: cuneo });
    await override(demo, 0);
    expect((await heat({ unit: cuneo })).grandTotal).toEqual(before.grandTotal);
    await override(demo, null);
  });
});

describe("a manager's levels", () => {
  it('refresh the unit at the next read, through campaign.assessed', async () => {
    const id = await copyOfDemo(false);
    const before = await heat({ unit: cuneo }, id);
    const summary = createSummaryRepository();
    expect(await summary.refresh(t.db, id)).toBe(0);
    await t.db.execute(sql`
      update campaign_response_levels set manager_level = 0
      where response_id in (select id from campaign_responses where campaign_id = ${id} and unit_id = ${cuneo})`);
    // Nothing in the summary's own check has changed...
    expect((await heat({ unit: cuneo }, id)).grandTotal).toEqual(before.grandTotal);
    await kernel.events.emit(t.db, ctx, 'campaign.assessed', { campaignId: id, unitId: cuneo });
    const states = await t.db.select().from(campaignGapState).where(eq(campaignGapState.campaignId, id));
    expect(states.map((s) => s.unitId)).not.toContain(cuneo);
    // ...until the event marks the unit: everyone is now at level 0.
    const after = await heat({ unit: cuneo }, id);
    expect(after.grandTotal.meanGap).toBeGreaterThan(before.grandTotal.meanGap ?? 0);
    expect(after.grandTotal.shareAffected).toBe(1);
    expect(await t.db.$count(campaignResponseLevels)).toBeGreaterThan(0);
  });
});

describe("an officer's view of other units", () => {
  it('hides a region or total that, apart from their unit, is one published unit', async () => {
    for (const [officer, mine, other] of [
      [cuneoOfficer, cuneo, bergamo],
      [bergamoOfficer, bergamo, cuneo],
    ] as const) {
      const units = await heat({}, demo, officer);
      expect(units.rowHeads.map((h) => Number(h.code))).toEqual([mine]);
      // Cuneo + Bergamo: the total minus their own unit is the other one.
      expect(units.grandTotal).toMatchObject({ respondents: null, suppressed: 'otherUnit' });
      expect(units.columnTotals.every((f) => f.suppressed === 'otherUnit')).toBe(true);
      expect(units.rowTotals[0]?.respondents).toBeGreaterThan(0);

      const regions = await heat({ rows: 'region' }, demo, officer);
      const regionOf = async (u: number) =>
        (await t.db.select().from(territorialUnits).where(eq(territorialUnits.id, u)))[0]?.regionCode;
      const otherRegion = await regionOf(other);
      const ownRegion = await regionOf(mine);
      const at = (code: string | undefined) => regions.rowHeads.findIndex((h) => h.code === code);
      expect(regions.rowTotals[at(otherRegion)]).toMatchObject({
        respondents: null,
        suppressed: 'otherUnit',
      });
      expect(regions.cells[at(otherRegion)]?.every((f) => f.suppressed === 'otherUnit')).toBe(true);
      expect(regions.rowTotals[at(ownRegion)]?.respondents).toBe(units.rowTotals[0]?.respondents);
      expect(regions.grandTotal.suppressed).toBe('otherUnit');

      const profiles = await heat({ rows: 'jobProfile' }, demo, officer);
      expect(profiles.grandTotal.suppressed).toBe('otherUnit');

      const ranking = (await (
        await officer.get(apiUrl(r.gaps.priorities, { id: demo }, { by: 'area' }))
      ).json()) as Priorities;
      expect(ranking.items).toEqual([]);
      expect(ranking.hidden.every((h) => h.suppressed === 'otherUnit')).toBe(true);
      // Their own unit stays in full.
      const own = (await (
        await officer.get(apiUrl(r.gaps.priorities, { id: demo }, { by: 'area', unit: mine }))
      ).json()) as Priorities;
      expect(own.items.length).toBeGreaterThan(0);
    }
    // An admin sees every region and total.
    const all = await heat({ rows: 'region' });
    expect(all.grandTotal.respondents).toBeGreaterThan(0);
    expect(all.rowTotals.every((f) => (f.respondents ?? 0) > 0)).toBe(true);
  });
});
