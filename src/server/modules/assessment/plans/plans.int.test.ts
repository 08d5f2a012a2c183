import { and, eq, inArray } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { apiUrl, apiRoutes as r } from '../../../../common/api-routes.js';
import type { DemandView, PlanList, PlanView, SuggestionView } from '../../../../common/plans.js';
import {
  auditLog,
  campaignExpectations,
  campaignParticipants,
  campaignResponseLevels,
  campaignResponses,
  campaigns,
  frameworkCompetencies,
  profileExpectations,
  territorialUnits,
  trainingPlanItems,
  users,
} from '../../../db/schema/index.js';
import { demoCampaignId } from '../../../db/seed/demo-assessment.js';
import { startTestApp } from '../../../test/app.js';
import type { TestClient } from '../../../test/client.js';
import { pdfText } from '../../../test/pdf.js';
import { makeEdition, userByEmail } from '../../../test/training.js';
import { proposePlan, unitNeeds } from '../gaps/index.js';
import { planLines } from './lines.js';
import { createPlansRepository } from './repository.js';

const t = await startTestApp({}, { history: true });
const admin = await t.as('admin@officina.demo');
const taskforce = await t.as('taskforce@officina.demo');
const cuneo = await t.as('referente.cuneo@officina.demo');
const bergamo = await t.as('referente.bergamo@officina.demo');
const sassari = await t.as('referente.sassari@officina.demo');
const learner = await t.as('discente.cuneo@officina.demo');
const trainer = await t.as('formatore@officina.demo');
const anon = t.client();

const campaignId = (await demoCampaignId(t.db)) as number;
const units = Object.fromEntries(
  (
    await t.db
      .select({ id: territorialUnits.id, code: territorialUnits.istatCode })
      .from(territorialUnits)
      .where(inArray(territorialUnits.istatCode, ['004', '016', '090']))
  ).map((u) => [u.code, u.id]),
) as Record<'004' | '016' | '090', number>;

const create = (c: TestClient, unitId: number, cid = campaignId) =>
  c.post(apiUrl(r.plans.list), { campaignId: cid, unitId });
const get = async (id: number, c: TestClient = admin) => {
  const res = await c.get(apiUrl(r.plans.plan, { id }));
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as PlanView;
};

let cuneoPlan: PlanView;

describe('a proposed plan from the demo survey', () => {
  it('draws Cuneo’s plan from the greedy proposal: one line per path, one per need with no path', async () => {
    const res = await create(cuneo, units['004']);
    expect(res.statusCode, res.body).toBe(201);
    cuneoPlan = res.json() as PlanView;
    expect(cuneoPlan).toMatchObject({ status: 'draft', year: 2027, version: 1, unit: { id: units['004'] } });
    expect(cuneoPlan.respondents).toBeGreaterThanOrEqual(5);

    // The same computation, done here from the gap rows and the catalogue's linked paths.
    const needs = unitNeeds(
      await t.services.gapRows.personRows({ campaignId, unitId: units['004'] }),
      units['004'],
    );
    const offers = await createPlansRepository().pathOffers(t.db, { codes: needs.map((n) => n.competency) });
    const proposal = proposePlan(
      needs,
      offers.map((p) => ({
        pathId: p.id,
        code: p.slug,
        competencies: p.codes,
        hours: p.hours,
        deliveryModes: p.deliveryModes,
      })),
      { minGroupSize: 5 },
    );
    expect(proposal.proposals.length).toBeGreaterThan(0);
    const lines = planLines(proposal, new Map(needs.map((n) => [n.competency, n.peopleWithGap.size])), 2027);
    expect(
      cuneoPlan.items.map((i) => [
        i.pathId,
        i.competencyCodes,
        i.participants,
        i.hoursPerParticipant,
        i.deliveryMode,
        i.quarter,
      ]),
    ).toEqual(
      lines.map((l) => [
        l.pathId,
        l.competencyCodes,
        l.participants,
        l.hoursPerParticipant,
        l.deliveryMode,
        l.quarter,
      ]),
    );
    for (const [i, p] of proposal.proposals.entries()) {
      const item = cuneoPlan.items[i];
      expect(item?.title.it).toBe(offers.find((o) => o.id === p.pathId)?.title);
      expect(item?.totalHours).toBe(p.estimatedHours);
    }
    for (const item of cuneoPlan.items.filter((i) => i.pathId === null)) {
      expect(item.title.it).toMatch(/^Senza percorso: /);
      expect(Number(item.quarter.slice(-1))).toBeGreaterThanOrEqual(2);
    }
    expect(cuneoPlan.priorities.length).toBeGreaterThan(0);
    expect(cuneoPlan.priorities[0]?.priority).toBeGreaterThanOrEqual(
      cuneoPlan.priorities.at(-1)?.priority ?? 0,
    );
    expect(cuneoPlan.totals.lines).toBe(cuneoPlan.items.length);

    const again = await create(cuneo, units['004']);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('PLAN_EXISTS');
    const audit = (await admin.get(`/api/v1/audit-log?action=training_plan.created`)).json();
    expect(audit.total).toBe(1);
  });

  it('refuses Sassari: fewer respondents than the survey’s minimum group size', async () => {
    for (const c of [sassari, admin]) {
      const res = await create(c, units['090']);
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().code).toBe('TOO_FEW_RESPONDENTS');
      expect(res.json().message).toMatch(/meno del minimo di 5/);
    }
    sassari.lang = 'en';
    expect((await create(sassari, units['090'])).json().message).toMatch(
      /fewer than the survey's minimum of 5/,
    );
    sassari.lang = 'it';
    const list = (await sassari.get(apiUrl(r.plans.list))).json() as PlanList;
    expect(list.candidates).toEqual([expect.objectContaining({ enough: false, planId: null })]);
    expect(list.candidates[0]?.respondents).toBeLessThan(5);
  });

  it('lists plans and candidates by scope, and refuses everyone else', async () => {
    const mine = (await cuneo.get(apiUrl(r.plans.list))).json() as PlanList;
    expect(mine.items.map((p) => p.id)).toEqual([cuneoPlan.id]);
    expect(mine.candidates).toEqual([
      expect.objectContaining({
        unit: { id: units['004'], name: expect.any(String) },
        planId: cuneoPlan.id,
        enough: true,
      }),
    ]);
    expect(((await bergamo.get(apiUrl(r.plans.list))).json() as PlanList).items).toEqual([]);
    expect(((await admin.get(apiUrl(r.plans.list))).json() as PlanList).candidates).toHaveLength(3);
    expect(((await taskforce.get(apiUrl(r.plans.list))).json() as PlanList).items).toHaveLength(1);

    expect((await bergamo.get(apiUrl(r.plans.plan, { id: cuneoPlan.id }))).statusCode).toBe(404);
    expect((await get(cuneoPlan.id, taskforce)).canEdit).toBe(false);
    for (const c of [learner, trainer]) {
      expect((await c.get(apiUrl(r.plans.list))).statusCode).toBe(403);
      expect((await c.get(apiUrl(r.plans.plan, { id: cuneoPlan.id }))).statusCode).toBe(403);
      expect((await create(c, units['004'])).statusCode).toBe(403);
    }
    expect((await anon.get(apiUrl(r.plans.list))).statusCode).toBe(401);
    // Another unit's plan cannot be drawn, edited or approved by an officer.
    expect((await create(cuneo, units['016'])).statusCode).toBe(404);
    const edit = await bergamo.patch(
      apiUrl(r.plans.item, { id: cuneoPlan.id, itemId: cuneoPlan.items[0]?.id ?? 0 }),
      {
        version: cuneoPlan.version,
        participants: 1,
      },
    );
    expect(edit.statusCode).toBe(404);
    expect(
      (await bergamo.post(apiUrl(r.plans.approve, { id: cuneoPlan.id }), { version: cuneoPlan.version }))
        .statusCode,
    ).toBe(404);
    const tf = await taskforce.post(apiUrl(r.plans.approve, { id: cuneoPlan.id }), {
      version: cuneoPlan.version,
    });
    expect(tf.statusCode).toBe(403);
    expect((await get(cuneoPlan.id)).version).toBe(cuneoPlan.version);
  });

  it('gives the managePlans and viewDemand flags by role', async () => {
    const can = async (c: TestClient) => (await c.get('/api/v1/me')).json().can;
    expect(await can(admin)).toMatchObject({ managePlans: true, viewDemand: true });
    expect(await can(taskforce)).toMatchObject({ managePlans: true, viewDemand: true });
    expect(await can(cuneo)).toMatchObject({ managePlans: true, viewDemand: false });
    expect(await can(learner)).toMatchObject({ managePlans: false, viewDemand: false });
    expect(await can(trainer)).toMatchObject({ managePlans: false, viewDemand: false });
  });
});

describe('editing a plan', () => {
  it('changes a line, removes one, adds a path and reorders, each at its version, audited', async () => {
    let plan = await get(cuneoPlan.id, cuneo);
    const first = plan.items[0];
    if (!first) throw new Error('no line');
    let res = await cuneo.patch(apiUrl(r.plans.item, { id: plan.id, itemId: first.id }), {
      version: plan.version,
      participants: 7,
      hoursPerParticipant: 12.5,
      deliveryMode: 'webinar',
      quarter: '2027-T3',
      notes: 'Due edizioni, una per sede',
    });
    expect(res.statusCode, res.body).toBe(200);
    plan = res.json() as PlanView;
    expect(plan.version).toBe(2);
    expect(plan.items[0]).toMatchObject({
      participants: 7,
      hoursPerParticipant: 12.5,
      totalHours: 87.5,
      deliveryMode: 'webinar',
      quarter: '2027-T3',
    });

    // A path not in the plan yet, from the options offered.
    await makeEdition(admin, { sessions: [{ day: 40 }] });
    const options = (await cuneo.get(apiUrl(r.plans.paths, { id: plan.id }))).json().items as {
      id: number;
    }[];
    const extra = options.find((o) => !plan.items.some((i) => i.pathId === o.id));
    if (!extra) throw new Error('no path to add');
    res = await cuneo.post(apiUrl(r.plans.items, { id: plan.id }), {
      version: plan.version,
      pathId: extra.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    plan = res.json() as PlanView;
    expect(plan.items.at(-1)).toMatchObject({ pathId: extra.id, origin: 'added', quarter: '2027-T4' });
    const again = await cuneo.post(apiUrl(r.plans.items, { id: plan.id }), {
      version: plan.version,
      pathId: extra.id,
    });
    expect(again.json().code).toBe('PATH_IN_PLAN');

    const ids = plan.items.map((i) => i.id);
    res = await cuneo.put(apiUrl(r.plans.order, { id: plan.id }), {
      version: plan.version,
      itemIds: [...ids].reverse(),
    });
    expect(res.statusCode, res.body).toBe(200);
    plan = res.json() as PlanView;
    expect(plan.items.map((i) => i.id)).toEqual([...ids].reverse());
    const bad = await cuneo.put(apiUrl(r.plans.order, { id: plan.id }), {
      version: plan.version,
      itemIds: [ids[0], ids[0]],
    });
    expect(bad.json().code).toBe('BAD_ORDER');

    const removed = plan.items[0]?.id ?? 0;
    res = await cuneo.delete(
      apiUrl(r.plans.item, { id: plan.id, itemId: removed }, { version: plan.version }),
    );
    expect(res.statusCode, res.body).toBe(200);
    plan = res.json() as PlanView;
    expect(plan.items.map((i) => i.id)).not.toContain(removed);
    expect(plan.items.map((i) => i.position)).toEqual(plan.items.map((_, i) => i + 1));

    res = await cuneo.patch(apiUrl(r.plans.plan, { id: plan.id }), {
      version: plan.version,
      notes: 'Piano condiviso con i dirigenti',
    });
    expect(res.json().notes).toBe('Piano condiviso con i dirigenti');

    const audit = (await admin.get('/api/v1/audit-log?entityType=training_plan&pageSize=50')).json();
    const actions = (audit.items as { action: string }[]).map((a) => a.action);
    for (const a of [
      'training_plan.item_updated',
      'training_plan.item_added',
      'training_plan.reordered',
      'training_plan.item_removed',
      'training_plan.updated',
    ])
      expect(actions).toContain(a);
  });

  it('lets exactly one of two edits made at the same version win', async () => {
    const plan = await get(cuneoPlan.id, cuneo);
    const item = plan.items[0];
    if (!item) throw new Error('no line');
    const url = apiUrl(r.plans.item, { id: plan.id, itemId: item.id });
    const results = await Promise.all([
      cuneo.patch(url, { version: plan.version, participants: 3 }),
      admin.patch(url, { version: plan.version, participants: 4 }),
      cuneo.patch(url, { version: plan.version, notes: 'terza' }),
    ]);
    const codes = results.map((x) => x.statusCode).sort();
    expect(codes).toEqual([200, 409, 409]);
    const lost = results.find((x) => x.statusCode === 409);
    expect(lost?.json().code).toBe('PLAN_STALE');
    expect(lost?.json().message).toMatch(/modificato da qualcun altro/);
    const after = await get(plan.id);
    expect(after.version).toBe(plan.version + 1);
    admin.lang = 'en';
    const stale = await admin.patch(url, { version: plan.version, participants: 9 });
    expect(stale.json().message).toMatch(/Someone else changed the plan/);
    admin.lang = 'it';
  });

  it('refuses hostile inputs with a 400, never a 500', async () => {
    const plan = await get(cuneoPlan.id, cuneo);
    const item = plan.items[0]?.id ?? 0;
    const url = apiUrl(r.plans.item, { id: plan.id, itemId: item });
    for (const body of [
      { version: plan.version, participants: -1 },
      { version: plan.version, participants: 1e12 },
      { version: plan.version, hoursPerParticipant: 1.25 },
      { version: plan.version, quarter: '2027-T5' },
      { version: plan.version, deliveryMode: 'teleport' },
      { version: plan.version, notes: 'a\u0000b' },
      { version: plan.version, notes: 'x'.repeat(2001) },
      { version: 0 },
      { participants: 2 },
    ]) {
      const res = await cuneo.patch(url, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    const outside = await cuneo.patch(url, { version: plan.version, quarter: '2031-T1' });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().code).toBe('QUARTER_OUTSIDE_PLAN');
    expect((await cuneo.get('/api/v1/training-plans/99999999999')).statusCode).toBe(400);
    expect((await cuneo.get('/api/v1/training-plans/abc')).statusCode).toBe(400);
    expect((await cuneo.get('/api/v1/training-plans/2147483647')).statusCode).toBe(404);
    expect(
      (
        await cuneo.patch(apiUrl(r.plans.item, { id: plan.id, itemId: 2147483647 }), {
          version: plan.version,
          participants: 1,
        })
      ).statusCode,
    ).toBe(404);
    expect((await admin.post(apiUrl(r.plans.list), { campaignId: 99999999999, unitId: 1 })).statusCode).toBe(
      400,
    );
    expect(
      (await admin.post(apiUrl(r.plans.list), { campaignId: 2147483647, unitId: units['004'] })).statusCode,
    ).toBe(404);
    expect((await admin.get(apiUrl(r.plans.demand, {}, { campaign: '1e400' }))).statusCode).toBe(400);
    const huge = await cuneo.request('PATCH', apiUrl(r.plans.plan, { id: plan.id }), undefined, {
      payload: JSON.stringify({ version: plan.version, notes: 'x'.repeat(2_000_000) }),
      headers: { 'content-type': 'application/json' },
    });
    expect([400, 413]).toContain(huge.statusCode);
    expect((await get(plan.id)).version).toBe(plan.version);
  });
});

describe('approval and export', () => {
  it('exports a draft marked BOZZA, as PDF and DOCX', async () => {
    const plan = await get(cuneoPlan.id, cuneo);
    const pdf = await cuneo.get(apiUrl(r.plans.exportPdf, { id: plan.id }));
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('BOZZA');
    expect(text).toContain('Piano della formazione 2027');
    const docx = await cuneo.get(apiUrl(r.plans.exportDocx, { id: plan.id }));
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-disposition']).toMatch(/-bozza\.docx"$/);
    const xml = strFromU8(
      unzipSync(new Uint8Array(docx.rawPayload))['word/document.xml'] ?? new Uint8Array(),
    );
    expect(xml).toContain('BOZZA');
    expect((await bergamo.get(apiUrl(r.plans.exportPdf, { id: plan.id }))).statusCode).toBe(404);
    expect((await learner.get(apiUrl(r.plans.exportDocx, { id: plan.id }))).statusCode).toBe(403);
  });

  it('approves (frozen: edits refused), exports the approved plan, reopens', async () => {
    let plan = await get(cuneoPlan.id, cuneo);
    let res = await cuneo.post(apiUrl(r.plans.approve, { id: plan.id }), { version: plan.version });
    expect(res.statusCode, res.body).toBe(200);
    plan = res.json() as PlanView;
    expect(plan).toMatchObject({ status: 'approved', approvedBy: expect.any(String) });
    expect(plan.approvedAt).not.toBeNull();

    const item = plan.items.find((i) => i.pathId !== null) ?? plan.items[0];
    const frozen = await cuneo.patch(apiUrl(r.plans.item, { id: plan.id, itemId: item?.id ?? 0 }), {
      version: plan.version,
      participants: 2,
    });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().code).toBe('PLAN_APPROVED');
    expect(
      (await cuneo.post(apiUrl(r.plans.approve, { id: plan.id }), { version: plan.version })).statusCode,
    ).toBe(409);

    const pdf = pdfText((await cuneo.get(apiUrl(r.plans.exportPdf, { id: plan.id }))).rawPayload);
    const docx = await cuneo.get(apiUrl(r.plans.exportDocx, { id: plan.id }));
    const xml = strFromU8(
      unzipSync(new Uint8Array(docx.rawPayload))['word/document.xml'] ?? new Uint8Array(),
    );
    const words = (s: string) => s.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    for (const content of [pdf.replace(/\s+/g, ' '), words(xml)]) {
      expect(content).not.toContain('BOZZA');
      expect(content).toContain('Piano approvato il');
      expect(content).toContain(plan.campaign.title.it);
      expect(content).toContain(plan.unit.name);
      expect(content).toContain(
        `Rispondenti dell'ente: ${plan.respondents}`.replace("'", content === words(xml) ? '&apos;' : "'"),
      );
      expect(content).toContain('meno di 5 rispondenti');
      expect(content).toContain('Priorità dei fabbisogni');
      expect(content).toContain(plan.priorities[0]?.code ?? '?');
      expect(content).toContain('Totale');
      if (item?.pathId) expect(content).toContain(item.competencyCodes[0] ?? '?');
    }
    expect(docx.headers['content-disposition']).toMatch(/piano-formativo-2027-cuneo\.docx"$/);

    res = await cuneo.post(apiUrl(r.plans.reopen, { id: plan.id }), { version: plan.version });
    expect(res.statusCode, res.body).toBe(200);
    plan = res.json() as PlanView;
    expect(plan).toMatchObject({ status: 'draft', approvedAt: null });
    expect(
      (await cuneo.post(apiUrl(r.plans.reopen, { id: plan.id }), { version: plan.version })).json().code,
    ).toBe('PLAN_NOT_APPROVED');
    const audit = (await admin.get('/api/v1/audit-log?action=training_plan.reopened')).json();
    expect(audit.total).toBe(1);
    // Approved again, for the demand below.
    expect(
      (await cuneo.post(apiUrl(r.plans.approve, { id: plan.id }), { version: plan.version })).statusCode,
    ).toBe(200);
  });
});

describe('national demand', () => {
  it('adds up the plans per path and per need without a path; Sassari never counts', async () => {
    // Two people drawing Bergamo's plan at once: one plan, the other told it exists.
    const race = await Promise.all([create(bergamo, units['016']), create(admin, units['016'])]);
    expect(race.map((x) => x.statusCode).sort()).toEqual([201, 409]);
    const b = race.find((x) => x.statusCode === 201);
    expect(race.find((x) => x.statusCode === 409)?.json().code).toBe('PLAN_EXISTS');
    const bPlan = b?.json() as PlanView;
    const c = await get(cuneoPlan.id);

    const res = await taskforce.get(apiUrl(r.plans.demand, {}, { campaign: campaignId }));
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json() as DemandView;
    expect(d.plans).toEqual({ approved: 1, draft: 1 });
    expect(d.unitsBelowMinimum).toBe(1);
    const all = [...c.items, ...bPlan.items];
    const pathIds = [...new Set(all.filter((i) => i.pathId !== null).map((i) => i.pathId))];
    expect(d.paths.map((p) => p.pathId).sort()).toEqual([...pathIds].sort());
    for (const p of d.paths) {
      const lines = all.filter((i) => i.pathId === p.pathId);
      expect(p.participants).toBe(lines.reduce((s, i) => s + i.participants, 0));
      expect(p.hours).toBeCloseTo(
        lines.reduce((s, i) => s + i.totalHours, 0),
        1,
      );
      expect(p.units).toBe(lines.length);
      expect(p.byQuarter.T1 + p.byQuarter.T2 + p.byQuarter.T3 + p.byQuarter.T4).toBe(p.participants);
      expect(p.draftUnits).toBe(bPlan.items.some((i) => i.pathId === p.pathId) ? 1 : 0);
      expect(p.unitNames.some((n) => /sassari/i.test(n))).toBe(false);
    }
    const unmatched = [...new Set(all.filter((i) => i.pathId === null).flatMap((i) => i.competencyCodes))];
    expect(d.gaps.map((g) => g.code).sort()).toEqual(unmatched.sort());

    const csv = await admin.get(apiUrl(r.plans.demandCsv, {}, { campaign: campaignId }));
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^tipo,percorso_id,titolo/);
    expect(lines).toHaveLength(1 + d.paths.length + d.gaps.length);

    for (const x of [cuneo, learner, trainer])
      expect((await x.get(apiUrl(r.plans.demand, {}, { campaign: campaignId }))).statusCode).toBe(403);
    expect((await admin.get(apiUrl(r.plans.demand, {}, { campaign: 2147483647 }))).statusCode).toBe(404);
    expect((await admin.get(apiUrl(r.plans.demandCampaigns))).json().items).toEqual([
      expect.objectContaining({ id: campaignId }),
    ]);
  });
});

describe('a learner’s suggested paths', () => {
  it('come from the latest named survey answered; anonymous answers cannot be linked back', async () => {
    let res = await learner.get(apiUrl(r.plans.suggestions));
    expect(res.statusCode).toBe(200);
    expect((res.json() as SuggestionView).campaign).toBeNull();
    // Someone who answered the anonymous demo survey: nothing leads from them to their answers.
    const [answered] = await t.db
      .select({ email: users.email })
      .from(campaignParticipants)
      .innerJoin(users, eq(users.id, campaignParticipants.userId))
      .where(
        and(eq(campaignParticipants.campaignId, campaignId), eq(campaignParticipants.status, 'submitted')),
      )
      .limit(1);
    const staff = await userByEmail(t, answered?.email ?? '');
    const anonymous = await t.services.demand.suggestions({
      actor: { id: staff.id, email: staff.email, name: staff.name, unitId: staff.unitId, grants: [] },
      ip: null,
      requestId: null,
      lang: 'it',
    });
    expect(anonymous).toEqual({ campaign: null, competencies: [], paths: [] });

    const me = await userByEmail(t, 'discente.cuneo@officina.demo');
    const [published] = await t.db.select().from(campaigns).where(eq(campaigns.id, campaignId));
    if (!published || !me.jobProfileCode) throw new Error('setup');
    const expected = await t.db
      .select()
      .from(profileExpectations)
      .where(eq(profileExpectations.jobProfileCode, me.jobProfileCode));
    const withGap = expected.find((e) => e.level >= 2 && e.unitId === null);
    const noGap = expected.find((e) => e.unitId === null && e !== withGap);
    if (!withGap || !noGap) throw new Error('no expected levels for the learner’s profile');
    const comps = await t.db
      .select()
      .from(frameworkCompetencies)
      .where(inArray(frameworkCompetencies.code, [withGap.competencyCode, noGap.competencyCode]));
    const compOf = (code: string) =>
      comps.find((c) => c.code === code && c.frameworkId === published.frameworkId);
    const [named] = await t.db
      .insert(campaigns)
      .values({
        titleIt: 'Autovalutazione nominativa',
        titleEn: 'Named self-assessment',
        frameworkId: published.frameworkId,
        status: 'closed',
        anonymous: false,
        opensOn: '2026-05-01',
        closesOn: '2026-05-31',
      })
      .returning();
    // The expected levels the closed survey kept when it closed (unit 0 = national).
    await t.db.insert(campaignExpectations).values(
      [withGap, noGap].map((e) => ({
        campaignId: named?.id ?? 0,
        jobProfileCode: e.jobProfileCode,
        competencyCode: e.competencyCode,
        unitId: 0,
        level: e.level,
      })),
    );
    const [participant] = await t.db
      .insert(campaignParticipants)
      .values({
        campaignId: named?.id ?? 0,
        userId: me.id,
        unitId: me.unitId,
        jobProfileCode: me.jobProfileCode,
        status: 'submitted',
      })
      .returning();
    const [response] = await t.db
      .insert(campaignResponses)
      .values({
        campaignId: named?.id ?? 0,
        unitId: me.unitId,
        jobProfileCode: me.jobProfileCode,
        participantId: participant?.id ?? null,
      })
      .returning();
    await t.db.insert(campaignResponseLevels).values([
      {
        responseId: response?.id ?? '',
        competencyId: compOf(withGap.competencyCode)?.id ?? 0,
        selfLevel: withGap.level - 2,
      },
      {
        responseId: response?.id ?? '',
        competencyId: compOf(noGap.competencyCode)?.id ?? 0,
        selfLevel: noGap.level,
      },
    ]);
    // A path linked to the competency with a gap, with an edition to come.
    const edition = await makeEdition(admin, { sessions: [{ day: 30 }] });
    const link = await admin.put(apiUrl(r.framework.pathLink, { pathId: edition.pathId }), {
      links: [{ competencyId: compOf(withGap.competencyCode)?.id, text: null }],
    });
    expect(link.statusCode, link.body).toBe(200);

    res = await learner.get(apiUrl(r.plans.suggestions));
    const s = res.json() as SuggestionView;
    expect(s.campaign?.id).toBe(named?.id);
    expect(s.competencies).toEqual([
      expect.objectContaining({
        code: withGap.competencyCode,
        expected: withGap.level,
        assessed: withGap.level - 2,
        gap: 2,
      }),
    ]);
    const path = s.paths.find((p) => p.id === edition.pathId);
    expect(path?.competencyCodes).toEqual([withGap.competencyCode]);
    expect(path?.editions).toEqual([expect.objectContaining({ id: edition.id, enrolmentOpen: true })]);
    // Someone else sees nothing of it.
    const other = await t.as('discente2.cuneo@officina.demo');
    expect(((await other.get(apiUrl(r.plans.suggestions))).json() as SuggestionView).campaign).toBeNull();
    expect((await anon.get(apiUrl(r.plans.suggestions))).statusCode).toBe(401);
  });
});

describe('the plan’s rows', () => {
  it('keep the database’s own checks on quarters', async () => {
    await expect(
      t.db
        .update(trainingPlanItems)
        .set({ quarter: '2027-T9' })
        .where(eq(trainingPlanItems.planId, cuneoPlan.id)),
    ).rejects.toThrow();
    expect(
      (await t.db.select().from(auditLog).where(eq(auditLog.action, 'training_plan.approved'))).length,
    ).toBe(2);
  });
});
