import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiUrl, apiRoutes as r } from '../../../../common/api-routes.js';
import type { Priorities } from '../../../../common/gaps.js';
import type { DemandView, PlanView, SuggestionView } from '../../../../common/plans.js';
import {
  campaignExpectations,
  campaignGapState,
  campaignParticipants,
  campaignResponseLevels,
  campaignResponses,
  campaigns,
  frameworkCompetencies,
  profileExpectations,
  territorialUnits,
  trainingPlanItems,
} from '../../../db/schema/index.js';
import { demoCampaignId } from '../../../db/seed/demo-assessment.js';
import { startTestApp } from '../../../test/app.js';
import { userByEmail } from '../../../test/training.js';
import { isTooSmall, unitNeeds } from '../gaps/index.js';

/**
 * The plans show only what the gap heatmap publishes, and read no more gap rows than they need:
 * one unit's for a proposal, one response's for a learner, none for the national demand.
 */
const t = await startTestApp({}, { history: true });
const admin = await t.as('admin@officina.demo');
const cuneo = await t.as('referente.cuneo@officina.demo');
const learner = await t.as('discente.cuneo@officina.demo');
const campaignId = (await demoCampaignId(t.db)) as number;
const [cuneoUnit] = await t.db
  .select({ id: territorialUnits.id })
  .from(territorialUnits)
  .where(eq(territorialUnits.istatCode, '004'));
const unitId = cuneoUnit?.id ?? 0;
const k = 5;

afterEach(() => vi.restoreAllMocks());

// Cuneo's most answered competency is left with two answers: a small cell, which the heatmap hides
// (primary) and protects by hiding other cells of Cuneo's row (secondary), large as they are.
const before = unitNeeds(await t.services.gapRows.personRows({ campaignId, unitId }), unitId);
const small = [...before].sort((a, b) => b.respondents - a.respondents)[0];
if (!small || small.respondents < k + 2) throw new Error('demo data: Cuneo has no large competency');
const [competency] = await t.db
  .select({ id: frameworkCompetencies.id })
  .from(frameworkCompetencies)
  .innerJoin(campaigns, eq(campaigns.frameworkId, frameworkCompetencies.frameworkId))
  .where(and(eq(campaigns.id, campaignId), eq(frameworkCompetencies.code, small.competency)));
const cuneoResponses = await t.db
  .select({ id: campaignResponses.id })
  .from(campaignResponses)
  .where(and(eq(campaignResponses.campaignId, campaignId), eq(campaignResponses.unitId, unitId)));
await t.db.delete(campaignResponseLevels).where(
  and(
    eq(campaignResponseLevels.competencyId, competency?.id ?? 0),
    inArray(
      campaignResponseLevels.responseId,
      cuneoResponses.slice(2).map((x) => x.id),
    ),
  ),
);
// The summary notices new answers by their count; levels removed by hand need it recomputed.
await t.db.delete(campaignGapState).where(eq(campaignGapState.campaignId, campaignId));
const needs = unitNeeds(await t.services.gapRows.personRows({ campaignId, unitId }), unitId);

let plan: PlanView;

describe('a plan’s priorities', () => {
  it('are the heatmap’s published row of the unit: hidden cells have no number', async () => {
    const rows = vi.spyOn(t.services.gapRows, 'personRows');
    const res = await cuneo.post(apiUrl(r.plans.list), { campaignId, unitId });
    expect(res.statusCode, res.body).toBe(201);
    plan = res.json() as PlanView;
    // The proposal reads Cuneo's rows only.
    expect(rows.mock.calls.map(([f]) => f)).toEqual([{ campaignId, unitId }]);

    const ranking = (
      await admin.get(
        apiUrl(r.gaps.priorities, { id: campaignId }, { by: 'competency', unit: unitId, limit: 500 }),
      )
    ).json() as Priorities;
    expect(ranking.hidden.length).toBeGreaterThan(1);
    const hidden = ranking.hidden.map((h) => h.code);
    expect(hidden).toContain(small.competency);
    // A cell hidden to protect the small one, though n ≥ k: a primary-only rule would show it.
    const secondary = ranking.hidden.filter((h) => h.suppressed !== 'primary').map((h) => h.code);
    expect(secondary.length).toBeGreaterThan(0);
    for (const code of secondary) {
      const need = needs.find((n) => n.competency === code);
      expect(isTooSmall(need?.respondents ?? 0, k)).toBe(false);
    }

    expect(plan.withheld).toBe(hidden.length);
    expect(plan.priorities.filter((p) => p.priority !== null).map((p) => [p.code, p.priority])).toEqual(
      ranking.items.map((x) => [x.code, Math.round((x.priority ?? 0) * 100) / 100]),
    );
    expect(plan.priorities.filter((p) => p.priority === null).map((p) => p.code)).toEqual(hidden);
  });

  it('reach the exports as “non pubblicabile”', async () => {
    const docx = await cuneo.get(apiUrl(r.plans.exportDocx, { id: plan.id }));
    expect(docx.statusCode).toBe(200);
    const { unzipSync, strFromU8 } = await import('fflate');
    const xml = strFromU8(
      unzipSync(new Uint8Array(docx.rawPayload))['word/document.xml'] ?? new Uint8Array(),
    );
    expect(xml).toContain('non pubblicabile');
  });
});

describe('the national demand', () => {
  it('sums the published priorities only, without reading the campaign’s rows', async () => {
    const ranking = (
      await admin.get(
        apiUrl(r.gaps.priorities, { id: campaignId }, { by: 'competency', unit: unitId, limit: 500 }),
      )
    ).json() as Priorities;
    const secret = ranking.hidden.find((h) => h.suppressed !== 'primary')?.code ?? '';
    const shown = ranking.items[0];
    if (!shown) throw new Error('no published priority');
    // Two needs with no path: one on a hidden cell, one on a published one.
    await t.db.insert(trainingPlanItems).values(
      [secret, shown.code].map((code, i) => ({
        planId: plan.id,
        pathId: null,
        titleIt: `Senza percorso: ${code}`,
        titleEn: `No path yet: ${code}`,
        competencyCodes: [code],
        participants: 6,
        hoursPerParticipant: 0,
        deliveryMode: 'aula' as const,
        quarter: `${plan.year}-T2`,
        origin: 'proposed' as const,
        position: 100 + i,
      })),
    );
    const rows = vi.spyOn(t.services.gapRows, 'personRows');
    const res = await admin.get(apiUrl(r.plans.demand, {}, { campaign: campaignId }));
    expect(res.statusCode, res.body).toBe(200);
    expect(rows).not.toHaveBeenCalled();
    const d = res.json() as DemandView;
    expect(d.gaps.find((g) => g.code === secret)).toMatchObject({ priority: 0, hiddenUnits: 1 });
    const mine = plan.priorities.find((p) => p.code === shown.code)?.priority;
    expect(d.gaps.find((g) => g.code === shown.code)).toMatchObject({ priority: mine, hiddenUnits: 0 });
    const csv = (await admin.get(apiUrl(r.plans.demandCsv, {}, { campaign: campaignId }))).body;
    expect(csv).toMatch(/,enti_priorita_non_pubblicabile\r\n/);
  });
});

describe('a learner’s suggestions', () => {
  it('read their own response only, against the levels a closed campaign kept', async () => {
    const me = await userByEmail(t, 'discente.cuneo@officina.demo');
    if (!me.jobProfileCode || !me.unitId) throw new Error('setup');
    const [live] = await t.db
      .select()
      .from(profileExpectations)
      .where(
        and(
          eq(profileExpectations.jobProfileCode, me.jobProfileCode),
          sql`${profileExpectations.unitId} is null`,
        ),
      )
      .limit(1);
    if (!live) throw new Error('no expected levels for the learner’s profile');
    const [demo] = await t.db.select().from(campaigns).where(eq(campaigns.id, campaignId));
    const [comp] = await t.db
      .select({ id: frameworkCompetencies.id })
      .from(frameworkCompetencies)
      .where(
        and(
          eq(frameworkCompetencies.frameworkId, demo?.frameworkId ?? 0),
          eq(frameworkCompetencies.code, live.competencyCode),
        ),
      );
    const [named] = await t.db
      .insert(campaigns)
      .values({
        titleIt: 'Rilevazione nominativa chiusa',
        titleEn: 'Closed named survey',
        frameworkId: demo?.frameworkId ?? 0,
        status: 'closed',
        anonymous: false,
        opensOn: '2026-05-01',
        closesOn: '2026-05-31',
      })
      .returning();
    const id = named?.id ?? 0;
    const [participant] = await t.db
      .insert(campaignParticipants)
      .values({
        campaignId: id,
        userId: me.id,
        unitId: me.unitId,
        jobProfileCode: me.jobProfileCode,
        status: 'submitted',
      })
      .returning();
    const [response] = await t.db
      .insert(campaignResponses)
      .values({
        campaignId: id,
        unitId: me.unitId,
        jobProfileCode: me.jobProfileCode,
        participantId: participant?.id ?? null,
      })
      .returning();
    await t.db
      .insert(campaignResponseLevels)
      .values({ responseId: response?.id ?? '', competencyId: comp?.id ?? 0, selfLevel: 0 });
    // Kept at closing: national 2, and 3 for the learner's unit (the override wins).
    await t.db.insert(campaignExpectations).values([
      {
        campaignId: id,
        jobProfileCode: me.jobProfileCode,
        competencyCode: live.competencyCode,
        unitId: 0,
        level: 2,
      },
      {
        campaignId: id,
        jobProfileCode: me.jobProfileCode,
        competencyCode: live.competencyCode,
        unitId: me.unitId,
        level: 3,
      },
    ]);
    // Today's level differs: a closed campaign is not judged by it.
    await t.db.update(profileExpectations).set({ level: 1 }).where(eq(profileExpectations.id, live.id));
    await t.db
      .delete(profileExpectations)
      .where(
        and(
          eq(profileExpectations.jobProfileCode, me.jobProfileCode),
          eq(profileExpectations.competencyCode, live.competencyCode),
          eq(profileExpectations.unitId, me.unitId),
        ),
      );

    const rows = vi.spyOn(t.services.gapRows, 'personRows');
    const closed = (await learner.get(apiUrl(r.plans.suggestions))).json() as SuggestionView;
    expect(rows).not.toHaveBeenCalled();
    expect(closed.campaign?.id).toBe(id);
    expect(closed.competencies).toEqual([
      expect.objectContaining({ code: live.competencyCode, expected: 3, assessed: 0, gap: 3 }),
    ]);

    // While a campaign is open, its levels are today's.
    await t.db.update(campaigns).set({ status: 'open' }).where(eq(campaigns.id, id));
    const open = (await learner.get(apiUrl(r.plans.suggestions))).json() as SuggestionView;
    expect(open.competencies).toEqual([
      expect.objectContaining({ code: live.competencyCode, expected: 1, assessed: 0, gap: 1 }),
    ]);
  });
});
