import { eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { apiUrl, apiRoutes as r } from '../../../../common/api-routes.js';
import type { Db } from '../../../db/client.js';
import { campaignParticipants, campaigns, users } from '../../../db/schema/index.js';
import { systemClock } from '../../../kernel/clock.js';
import { createEventBus } from '../../../kernel/events.js';
import type { RequestContext } from '../../../kernel/principal.js';
import { startTestApp } from '../../../test/app.js';
import {
  baseInput,
  createCampaign,
  fullAnswers,
  openCampaign,
  questionnaireOf,
  unitId,
} from '../../../test/campaigns.js';
import { createFollowService } from './follow-service.js';
import { createCampaignsRepository } from './repository.js';
import { createResponsesRepository } from './responses-repository.js';
import { createCampaignsService } from './service.js';

const t = await startTestApp();
const admin = await t.as('admin@officina.demo');
const officer = await t.as('referente.cuneo@officina.demo');
const learner = await t.as('discente.cuneo@officina.demo');
const learner2 = await t.as('discente2.cuneo@officina.demo');
const cuneo = await unitId(t.db, '004');

async function ctxOf(email: string, role: 'national_admin' | 'province_officer'): Promise<RequestContext> {
  const [u] = await t.db.select().from(users).where(eq(users.email, email));
  if (!u) throw new Error(email);
  const unitId = role === 'national_admin' ? null : cuneo;
  return {
    actor: {
      id: u.id,
      email,
      name: u.name,
      unitId: u.unitId,
      grants: [{ id: 0, role, unitId, unitName: null }],
    },
    ip: null,
    requestId: null,
    lang: 'it',
  };
}
const adminCtx = await ctxOf('admin@officina.demo', 'national_admin');
const officerCtx = await ctxOf('referente.cuneo@officina.demo', 'province_officer');

/** The campaigns' services on an event bus of the test's own, recording what each handler saw in the transaction. */
function withEvents() {
  const events = createEventBus();
  const seen: { name: string; payload: unknown; status?: string; drafts?: number }[] = [];
  const look = async (tx: Db, campaignId: number) => {
    const [c] = await tx.select().from(campaigns).where(eq(campaigns.id, campaignId));
    const drafts = await tx
      .select()
      .from(campaignParticipants)
      .where(eq(campaignParticipants.campaignId, campaignId));
    return { status: c?.status, drafts: drafts.filter((p) => p.draft !== null).length };
  };
  events.subscribe('test', {
    'campaign.closed': async (tx, _ctx, payload) => {
      seen.push({ name: 'campaign.closed', payload, ...(await look(tx, payload.campaignId)) });
    },
    'campaign.assessed': async (_tx, _ctx, payload) => {
      seen.push({ name: 'campaign.assessed', payload });
    },
  });
  const repo = createCampaignsRepository();
  const deps = {
    db: t.db,
    repo,
    clock: systemClock,
    config: t.config,
    events,
    audit: t.services.audit,
    mail: t.services.mail,
    framework: t.services.framework,
  };
  const service = createCampaignsService(deps);
  const follow = createFollowService({ ...deps, responses: createResponsesRepository(), campaigns: service });
  return { service, follow, seen, events };
}

const participants = (campaignId: number) =>
  t.db.select().from(campaignParticipants).where(eq(campaignParticipants.campaignId, campaignId));

/** A campaign of Cuneo, opened, where learner submitted and learner2 only saved a draft. */
async function halfAnswered(anonymous: boolean) {
  const c = await createCampaign(
    admin,
    baseInput({ unitIds: [cuneo], anonymous, managerAssessment: !anonymous }),
  );
  await openCampaign(admin, c.id);
  const q = await questionnaireOf(learner, c.id);
  const submit = await learner.post(apiUrl(r.campaigns.submit, { id: c.id }), fullAnswers(q));
  expect(submit.statusCode, submit.body).toBe(200);
  const first = q.domains[0]?.areas[0]?.competencies[0]?.id;
  const draft = await learner2.put(apiUrl(r.campaigns.draft, { id: c.id }), {
    levels: { [String(first)]: 2 },
  });
  expect(draft.statusCode, draft.body).toBe(200);
  return c;
}

describe('closing a campaign', () => {
  it('by hand: drops the drafts of who never submitted and tells campaign.closed in the transaction', async () => {
    const c = await halfAnswered(false);
    expect((await participants(c.id)).filter((p) => p.draft !== null)).toHaveLength(1);
    const { service, seen } = withEvents();
    await service.close(officerCtx, c.id);
    // The handler saw the campaign closed and no draft left: same transaction, after the changes.
    expect(seen).toEqual([
      { name: 'campaign.closed', payload: { campaignId: c.id }, status: 'closed', drafts: 0 },
    ]);
    const rows = await participants(c.id);
    expect(rows.every((p) => p.draft === null && p.draftSavedAt === null)).toBe(true);
    // A named campaign keeps the time of submission.
    expect(rows.find((p) => p.status === 'submitted')?.submittedAt).toBeInstanceOf(Date);
  });

  it('after the last day: the same for every campaign closed', async () => {
    const a = await halfAnswered(false);
    const b = await halfAnswered(true);
    await t.db
      .update(campaigns)
      .set({ closesOn: '2026-01-02' })
      .where(inArray(campaigns.id, [a.id, b.id]));
    const { service, seen } = withEvents();
    expect(await service.closeDue(new Date('2026-01-05T12:00:00Z'))).toBe(2);
    expect(
      seen.map((s) => s.payload).sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))),
    ).toEqual(
      [{ campaignId: a.id }, { campaignId: b.id }].sort((x, y) =>
        JSON.stringify(x).localeCompare(JSON.stringify(y)),
      ),
    );
    expect(seen.every((s) => s.status === 'closed' && s.drafts === 0)).toBe(true);
    for (const id of [a.id, b.id])
      expect((await participants(id)).some((p) => p.draft !== null || p.draftSavedAt !== null)).toBe(false);
  });

  it('rolls back when a handler fails: nothing is closed', async () => {
    const c = await halfAnswered(false);
    const { service, events } = withEvents();
    events.subscribe('failing', {
      'campaign.closed': async () => {
        throw new Error('handler failed');
      },
    });
    await expect(service.close(adminCtx, c.id)).rejects.toThrow('handler failed');
    const [row] = await t.db.select().from(campaigns).where(eq(campaigns.id, c.id));
    expect(row?.status).toBe('open');
    expect((await participants(c.id)).filter((p) => p.draft !== null)).toHaveLength(1);
  });
});

describe('an anonymous campaign’s participant rows', () => {
  const xmins = async (table: 'campaign_participants' | 'campaign_responses', campaignId: number) => {
    const res = await t.db.execute<{ x: string }>(
      sql`select xmin::text as x from ${sql.raw(table)} where campaign_id = ${campaignId}`,
    );
    return (res as unknown as { rows: { x: string }[] }).rows.map((row) => row.x);
  };

  it('keep no time of submission, and after closing share no transaction with a response', async () => {
    const c = await halfAnswered(true);
    const submitted = (await participants(c.id)).find((p) => p.status === 'submitted');
    expect(submitted).toBeDefined();
    expect(submitted?.submittedAt).toBeNull();
    expect((await questionnaireOf(learner, c.id)).submittedAt).toBeNull();
    // While open, the submission wrote both rows in one transaction (the documented limit)…
    const responseXmins = await xmins('campaign_responses', c.id);
    expect(responseXmins).toHaveLength(1);
    expect(await xmins('campaign_participants', c.id)).toEqual(expect.arrayContaining(responseXmins));
    // …closing writes every participant row again.
    expect((await admin.post(apiUrl(r.campaigns.close, { id: c.id }))).statusCode).toBe(200);
    const after = await xmins('campaign_participants', c.id);
    expect(after.length).toBeGreaterThan(1);
    expect(after.filter((x) => responseXmins.includes(x))).toEqual([]);
    expect((await participants(c.id)).every((p) => p.submittedAt === null && p.draft === null)).toBe(true);
  });
});

describe('the manager assessment', () => {
  it('tells campaign.assessed with the campaign and the unit', async () => {
    const c = await halfAnswered(false);
    const { follow, seen } = withEvents();
    const [person] = (await follow.assessments(officerCtx, c.id)).items;
    if (!person) throw new Error('nobody to assess');
    const detail = await follow.assessment(officerCtx, c.id, person.participantId);
    const competencyId = detail.levels[0]?.competencyId ?? 0;
    await follow.assess(officerCtx, c.id, person.participantId, {
      levels: [{ competencyId, managerLevel: 2 }],
    });
    expect(seen).toEqual([{ name: 'campaign.assessed', payload: { campaignId: c.id, unitId: cuneo } }]);
  });

  it('is assessed through the app too (the module’s bus)', async () => {
    const c = await halfAnswered(false);
    const [person] = (await officer.get(apiUrl(r.campaigns.assessments, { id: c.id }))).json().items;
    const url = apiUrl(r.campaigns.assessment, { id: c.id, participantId: person.participantId });
    const competencyId = (await officer.get(url)).json().levels[0].competencyId;
    const res = await officer.put(url, { levels: [{ competencyId, managerLevel: 1 }] });
    expect(res.statusCode, res.body).toBe(200);
  });
});
