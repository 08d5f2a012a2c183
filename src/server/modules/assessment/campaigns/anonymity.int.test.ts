import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { apiUrl, apiRoutes as r } from '../../../../common/api-routes.js';
import { campaignInput } from '../../../../common/campaigns.js';
import {
  auditLog,
  campaignParticipants,
  campaignResponseLevels,
  campaignResponses,
  users,
} from '../../../db/schema/index.js';
import { startTestApp } from '../../../test/app.js';
import {
  baseInput,
  createCampaign,
  fullAnswers,
  openCampaign,
  questionnaireOf,
  unitId,
} from '../../../test/campaigns.js';

const t = await startTestApp();
const admin = await t.as('admin@officina.demo');
const officer = await t.as('referente.cuneo@officina.demo');
const learner = await t.as('discente.cuneo@officina.demo');
const cuneo = await unitId(t.db, '004');

describe('an anonymous campaign', () => {
  it('refuses a manager assessment', async () => {
    const res = await admin.post(
      apiUrl(r.campaigns.list),
      baseInput({ unitIds: [cuneo], anonymous: true, managerAssessment: true }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().details.map((d: { path: string }) => d.path)).toContain('body.managerAssessment');
  });

  it('takes exactly one response out of 20 simultaneous submissions, with nothing leading back to the person', async () => {
    const c = await createCampaign(admin, baseInput({ unitIds: [cuneo], anonymous: true }));
    await openCampaign(admin, c.id);
    const q = await questionnaireOf(learner, c.id);
    const answers = fullAnswers(q);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => learner.post(apiUrl(r.campaigns.submit, { id: c.id }), answers)),
    );
    const codes = results.map((res) => res.statusCode).sort();
    expect(codes.filter((s) => s === 200)).toHaveLength(1);
    expect(codes.filter((s) => s === 409)).toHaveLength(19);

    const responses = await t.db
      .select()
      .from(campaignResponses)
      .where(eq(campaignResponses.campaignId, c.id));
    expect(responses).toHaveLength(1);
    const [response] = responses;
    // The row has no participant and no time; its columns are the groups the answer counts in.
    expect(response?.participantId).toBeNull();
    expect(Object.keys(response ?? {}).sort()).toEqual([
      'campaignId',
      'id',
      'jobProfileCode',
      'participantId',
      'unitId',
    ]);
    const levels = await t.db
      .select()
      .from(campaignResponseLevels)
      .where(eq(campaignResponseLevels.responseId, response?.id ?? ''));
    expect(levels.length).toBe(Object.values(answers.levels).filter((v) => v !== 'na').length);

    // The participant row is marked submitted, its draft emptied, and it does not point to the response.
    const [me] = await t.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, 'discente.cuneo@officina.demo'));
    const [p] = await t.db
      .select()
      .from(campaignParticipants)
      .where(eq(campaignParticipants.userId, me?.id ?? ''));
    expect(p).toMatchObject({ status: 'submitted', draft: null });

    // No API gives an individual's answers: progress has counts only, manager assessment is refused.
    const progress = await officer.get(apiUrl(r.campaigns.progress, { id: c.id }));
    expect(progress.json().pending).toBeNull();
    expect(progress.json().rows[0].submitted).toBe(1);
    const adminOne = await admin.get(apiUrl(r.campaigns.progress, { id: c.id }, { unitId: cuneo }));
    expect(adminOne.json().pending).toBeNull();
    const assess = await officer.get(apiUrl(r.campaigns.assessments, { id: c.id }));
    expect(assess.statusCode).toBe(409);
    expect(assess.json().code).toBe('NO_MANAGER_ASSESSMENT');
    const after = await questionnaireOf(learner, c.id);
    expect(after.draft).toBeNull();
    expect(JSON.stringify(after)).not.toContain(response?.id ?? 'x');

    // Nothing of the answers reached the audit log.
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.entityType, 'campaign'));
    expect(JSON.stringify(audit)).not.toContain(response?.id ?? 'x');
    expect(audit.map((a) => a.action)).not.toContain('campaign.submitted');
  });

  it('tells the invitation that the survey is anonymous, in each recipient’s language', async () => {
    await t.db.update(users).set({ locale: 'en' }).where(eq(users.email, 'discente2.cuneo@officina.demo'));
    const c = await createCampaign(
      admin,
      baseInput({ unitIds: [cuneo], anonymous: true, title: { it: 'Anonima', en: 'Anon' } }),
    );
    await openCampaign(admin, c.id);
    const mails = (await admin.get('/api/v1/outbox?q=discente.cuneo')).json().items as {
      subject: string;
      textBody: string;
    }[];
    expect(mails.find((m) => m.subject === 'Rilevazione: Anonima')?.textBody).toContain('anonima');
    const english = (await admin.get('/api/v1/outbox?q=discente2.cuneo')).json().items as typeof mails;
    const mail = english.find((m) => m.subject === 'Survey: Anon');
    expect(mail?.textBody).toContain('The survey is anonymous');
    expect(mail?.textBody).toContain(`/le-mie-rilevazioni/${c.id}`);
  });
});

describe('the minimum group of an anonymous campaign', () => {
  it('is at least 5: a clear 400 in both languages, from the contract and from the service', async () => {
    const res = await admin.post(
      apiUrl(r.campaigns.list),
      baseInput({ unitIds: [cuneo], anonymous: true, minGroupSize: 4 }),
    );
    expect(res.statusCode, res.body).toBe(400);
    const detail = res.json().details.find((d: { path: string }) => d.path === 'body.minGroupSize');
    expect(detail.message).toContain('anonima');
    admin.lang = 'en';
    const en = await admin.post(
      apiUrl(r.campaigns.list),
      baseInput({ unitIds: [cuneo], anonymous: true, minGroupSize: 2 }),
    );
    admin.lang = 'it';
    expect(en.json().details[0].message).toContain('anonymous campaign needs a minimum group of at least 5');
    // A named campaign may keep smaller groups; switching it to anonymous is refused the same way.
    const named = await createCampaign(admin, baseInput({ unitIds: [cuneo], minGroupSize: 3 }));
    const put = await admin.put(
      apiUrl(r.campaigns.campaign, { id: named.id }),
      baseInput({ unitIds: [cuneo], anonymous: true, minGroupSize: 3 }),
    );
    expect(put.statusCode).toBe(400);
    // The service refuses on its own too (never the database's CHECK, a 500).
    const [me] = await t.db.select().from(users).where(eq(users.email, 'admin@officina.demo'));
    const ctx = {
      actor: {
        id: me?.id ?? '',
        email: 'admin@officina.demo',
        name: 'Admin',
        unitId: null,
        grants: [{ id: 0, role: 'national_admin' as const, unitId: null, unitName: null }],
      },
      ip: null,
      requestId: null,
      lang: 'it' as const,
    };
    const parsed = campaignInput.parse(baseInput({ unitIds: [cuneo], anonymous: true }));
    await expect(t.services.campaigns.create(ctx, { ...parsed, minGroupSize: 3 })).rejects.toMatchObject({
      statusCode: 400,
      code: 'ANONYMOUS_GROUP_TOO_SMALL',
    });
  });
});
