import { desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { apiUrl, apiRoutes as r } from '../../../../common/api-routes.js';
import type { CampaignDetail, CampaignProgress, MyCampaign } from '../../../../common/campaigns.js';
import { campaignParticipants, campaignResponses, campaigns, outbox } from '../../../db/schema/index.js';
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
const taskforce = await t.as('taskforce@officina.demo');
const officer = await t.as('referente.cuneo@officina.demo');
const otherOfficer = await t.as('referente.bergamo@officina.demo');
const learner = await t.as('discente.cuneo@officina.demo');
const learner2 = await t.as('discente2.cuneo@officina.demo');
const outsider = await t.as('discente.bergamo@officina.demo');
const trainer = await t.as('formatore@officina.demo');
const cuneo = await unitId(t.db, '004');
const bergamo = await unitId(t.db, '016');

const mailsTo = (address: string) =>
  t.db.select().from(outbox).where(eq(outbox.toAddress, address)).orderBy(desc(outbox.id));

describe('flags', () => {
  it('gives manageCampaigns to national admins and Province officers, answerCampaigns to everyone', async () => {
    for (const [c, manage] of [
      [admin, true],
      [officer, true],
      [taskforce, false],
      [learner, false],
      [trainer, false],
    ] as const) {
      const can = (await c.get('/api/v1/me')).json().can;
      expect(can.manageCampaigns).toBe(manage);
      expect(can.answerCampaigns).toBe(true);
    }
  });
});

describe('the whole lifecycle of a named campaign', () => {
  let campaign: CampaignDetail;

  it('is created as a draft by a national admin, on the published framework', async () => {
    campaign = await createCampaign(
      admin,
      baseInput({ unitIds: [cuneo], managerAssessment: true, jobProfileCodes: [] }),
    );
    expect(campaign).toMatchObject({ status: 'draft', invited: 0, domainCodes: ['tecnologico'] });
    expect(campaign.frameworkVersion).toBeTruthy();
    expect(campaign.actions).toMatchObject({ edit: true, open: true, close: false });
    const res = await admin.put(apiUrl(r.campaigns.questions, { id: campaign.id }), {
      questions: [
        {
          kind: 'single',
          prompt: { it: 'Preferisci', en: 'You prefer' },
          options: [
            { it: 'Aula', en: 'Classroom' },
            { it: 'Online', en: 'Online' },
          ],
          required: true,
        },
        { kind: 'text', prompt: { it: 'Note', en: 'Notes' } },
        { kind: 'scale', prompt: { it: 'Utilità', en: 'Usefulness' }, required: true },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((q: { kind: string }) => q.kind)).toEqual(['single', 'text', 'scale']);
    const audit = (await admin.get(`/api/v1/audit-log?entityType=campaign&entityId=${campaign.id}`)).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['campaign.created', 'campaign.questions_set']),
    );
  });

  it('is seen by the officer of its unit only, and by no learner', async () => {
    expect((await officer.get(apiUrl(r.campaigns.campaign, { id: campaign.id }))).statusCode).toBe(200);
    expect((await otherOfficer.get(apiUrl(r.campaigns.campaign, { id: campaign.id }))).statusCode).toBe(404);
    expect((await otherOfficer.get(apiUrl(r.campaigns.list))).json().items).not.toContainEqual(
      expect.objectContaining({ id: campaign.id }),
    );
    for (const c of [learner, taskforce, trainer]) {
      expect((await c.get(apiUrl(r.campaigns.list))).statusCode).toBe(403);
      expect((await c.get(apiUrl(r.campaigns.campaign, { id: campaign.id }))).statusCode).toBe(403);
    }
    // Not invited yet: the learner does not know it exists.
    expect((await learner.get(apiUrl(r.campaigns.myCampaign, { id: campaign.id }))).statusCode).toBe(404);
  });

  it('opens: every active person of Cuneo invited, one invitation each in the outbox', async () => {
    const opened = await openCampaign(admin, campaign.id);
    expect(opened.status).toBe('open');
    expect(opened.invited).toBeGreaterThanOrEqual(3);
    const participants = await t.db
      .select()
      .from(campaignParticipants)
      .where(eq(campaignParticipants.campaignId, campaign.id));
    expect(participants.every((p) => p.unitId === cuneo)).toBe(true);
    expect(participants).toHaveLength(opened.invited);
    const [mail] = await mailsTo('discente.cuneo@officina.demo');
    expect(mail?.subject).toBe('Rilevazione: Rilevazione di prova');
    expect(mail?.textBody).toContain(`/le-mie-rilevazioni/${campaign.id}`);
    expect(mail?.textBody).toContain('nominativa');
    expect((await mailsTo('discente.bergamo@officina.demo')).some((m) => m.subject.includes('prova'))).toBe(
      false,
    );
    // Opening twice is refused; an open campaign is not edited.
    expect((await admin.post(apiUrl(r.campaigns.open, { id: campaign.id }))).statusCode).toBe(409);
    const edit = await admin.put(
      apiUrl(r.campaigns.campaign, { id: campaign.id }),
      baseInput({ unitIds: [cuneo] }),
    );
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('CAMPAIGN_NOT_DRAFT');
  });

  it('lists it for the invited learner, with status and deadline; not for others', async () => {
    const mine = (await learner.get(apiUrl(r.campaigns.mine))).json().items as MyCampaign[];
    expect(mine.find((m) => m.id === campaign.id)).toMatchObject({
      status: 'open',
      closesOn: '2099-12-31',
      participantStatus: 'invited',
    });
    expect(
      ((await outsider.get(apiUrl(r.campaigns.mine))).json().items as MyCampaign[]).some(
        (m) => m.id === campaign.id,
      ),
    ).toBe(false);
    expect((await outsider.get(apiUrl(r.campaigns.myCampaign, { id: campaign.id }))).statusCode).toBe(404);
    expect((await admin.get(apiUrl(r.campaigns.myCampaign, { id: campaign.id }))).statusCode).toBe(404);
  });

  it('serves the questionnaire of the chosen domain, saves a draft and resumes it on another device', async () => {
    const q = await questionnaireOf(learner, campaign.id);
    expect(q.domains.map((d) => d.code)).toEqual(['tecnologico']);
    const first = q.domains[0]?.areas[0]?.competencies[0];
    expect(first?.levels.base.it).toBeTruthy();
    expect(q.questions).toHaveLength(3);
    expect(q.draft).toBeNull();
    const all = fullAnswers(q);
    const someIds = Object.keys(all.levels).slice(0, 5);
    const part = { levels: Object.fromEntries(someIds.map((k) => [k, all.levels[k]])), answers: {} };
    const saved = await learner.put(apiUrl(r.campaigns.draft, { id: campaign.id }), part);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().participantStatus).toBe('in_progress');

    // A second device of the same person: the same draft, and its save adds to it.
    const phone = await t.as('discente.cuneo@officina.demo');
    const resumed = await questionnaireOf(phone, campaign.id);
    expect(resumed.draft?.levels).toEqual(part.levels);
    const more = Object.keys(all.levels)[6] as string;
    await phone.put(apiUrl(r.campaigns.draft, { id: campaign.id }), { levels: { [more]: 'na' } });
    const again = await questionnaireOf(learner, campaign.id);
    expect(Object.keys(again.draft?.levels ?? {})).toHaveLength(6);
    expect(again.draftSavedAt).not.toBeNull();
  });

  it('refuses a draft with values outside the questionnaire, listing each, and keeps what was saved', async () => {
    const q = await questionnaireOf(learner, campaign.id);
    const [single, text, scale] = q.questions;
    const res = await learner.put(apiUrl(r.campaigns.draft, { id: campaign.id }), {
      levels: { '999999': 2 },
      answers: { [String(single?.id)]: 7, [String(scale?.id)]: 9, [String(text?.id)]: 3 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('ANSWERS_INVALID');
    expect(
      res
        .json()
        .details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(
      [`answers.${scale?.id}`, `answers.${single?.id}`, `answers.${text?.id}`, 'levels.999999'].sort(),
    );
    learner.lang = 'en';
    const en = await learner.put(apiUrl(r.campaigns.draft, { id: campaign.id }), { levels: { '999999': 2 } });
    expect(en.json().details[0].message).toBe('Competency 999999 is not part of this questionnaire.');
    learner.lang = 'it';
    const level = await learner.put(apiUrl(r.campaigns.draft, { id: campaign.id }), {
      levels: { [Object.keys(q.draft?.levels ?? {})[0] as string]: 4 },
    });
    expect(level.statusCode).toBe(400);
    expect((await questionnaireOf(learner, campaign.id)).draft?.levels).toEqual(q.draft?.levels);
  });

  it('refuses an incomplete submission with the missing answers, then takes a complete one once', async () => {
    const q = await questionnaireOf(learner, campaign.id);
    const incomplete = await learner.post(apiUrl(r.campaigns.submit, { id: campaign.id }), {});
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().code).toBe('ANSWERS_INCOMPLETE');
    const paths = incomplete.json().details.map((d: { path: string }) => d.path);
    const required = q.questions.filter((x) => x.required).map((x) => `answers.${x.id}`);
    expect(paths).toEqual(expect.arrayContaining(required));
    expect(paths).not.toContain(`answers.${q.questions[1]?.id}`);

    const ok = await learner.post(apiUrl(r.campaigns.submit, { id: campaign.id }), fullAnswers(q));
    expect(ok.statusCode, ok.body).toBe(200);
    const twice = await learner.post(apiUrl(r.campaigns.submit, { id: campaign.id }), fullAnswers(q));
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('ALREADY_SUBMITTED');
    const after = await questionnaireOf(learner, campaign.id);
    expect(after).toMatchObject({ participantStatus: 'submitted', draft: null });
    const [response] = await t.db
      .select()
      .from(campaignResponses)
      .where(eq(campaignResponses.campaignId, campaign.id));
    expect(response?.participantId).not.toBeNull();
    expect(response?.unitId).toBe(cuneo);
  });

  it('shows live progress: the admin every row with totals, the officer their unit with names', async () => {
    const a = (await admin.get(apiUrl(r.campaigns.progress, { id: campaign.id }))).json() as CampaignProgress;
    expect(a.rows).toHaveLength(1);
    expect(a.rows[0]).toMatchObject({ unitId: cuneo, submitted: 1 });
    expect(a.totals?.submitted).toBe(1);
    expect(a.pending).toBeNull();
    const o = (
      await officer.get(apiUrl(r.campaigns.progress, { id: campaign.id }))
    ).json() as CampaignProgress;
    expect(o.totals).toBeNull();
    expect(o.rows[0]?.rate).toBeCloseTo(1 / (a.rows[0]?.invited ?? 1), 3);
    expect(o.pending?.map((p) => p.email)).toContain('discente2.cuneo@officina.demo');
    expect(o.pending?.map((p) => p.email)).not.toContain('discente.cuneo@officina.demo');
    expect(JSON.stringify(o)).not.toContain('selfLevel');
    expect((await otherOfficer.get(apiUrl(r.campaigns.progress, { id: campaign.id }))).statusCode).toBe(404);
    expect(
      (await officer.get(apiUrl(r.campaigns.progress, { id: campaign.id }, { unitId: bergamo }))).statusCode,
    ).toBe(403);
    expect((await learner.get(apiUrl(r.campaigns.progress, { id: campaign.id }))).statusCode).toBe(403);
  });

  it('reminds who has not answered, once a day', async () => {
    const before = (await mailsTo('discente2.cuneo@officina.demo')).length;
    const res = await officer.post(apiUrl(r.campaigns.reminders, { id: campaign.id }), {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().sent).toBeGreaterThanOrEqual(2);
    const mails = await mailsTo('discente2.cuneo@officina.demo');
    expect(mails).toHaveLength(before + 1);
    expect(mails[0]?.subject).toBe('Promemoria: rilevazione Rilevazione di prova');
    expect((await mailsTo('discente.cuneo@officina.demo'))[0]?.subject).not.toContain('Promemoria');
    const again = await admin.post(apiUrl(r.campaigns.reminders, { id: campaign.id }), { unitId: cuneo });
    expect(again.statusCode).toBe(429);
    expect(again.json().code).toBe('REMINDED_RECENTLY');
    const o = (
      await officer.get(apiUrl(r.campaigns.progress, { id: campaign.id }))
    ).json() as CampaignProgress;
    expect(o.pending?.find((p) => p.email === 'discente2.cuneo@officina.demo')).toMatchObject({
      reminders: 1,
    });
    expect((await otherOfficer.post(apiUrl(r.campaigns.reminders, { id: campaign.id }), {})).statusCode).toBe(
      404,
    );
    expect((await learner.post(apiUrl(r.campaigns.reminders, { id: campaign.id }), {})).statusCode).toBe(403);
  });

  it('lets the officer of the unit set the manager levels of a named respondent', async () => {
    const list = await officer.get(apiUrl(r.campaigns.assessments, { id: campaign.id }));
    expect(list.statusCode, list.body).toBe(200);
    const [person] = list.json().items;
    expect(person).toMatchObject({ email: 'discente.cuneo@officina.demo', assessed: 0 });
    const url = apiUrl(r.campaigns.assessment, { id: campaign.id, participantId: person.participantId });
    const detail = (await officer.get(url)).json();
    const first = detail.levels[0];
    const set = await officer.put(url, { levels: [{ competencyId: first.competencyId, managerLevel: 3 }] });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().assessed).toBe(1);
    expect((await officer.put(url, { levels: [{ competencyId: 999999, managerLevel: 1 }] })).statusCode).toBe(
      400,
    );
    expect(
      (await officer.put(url, { levels: [{ competencyId: first.competencyId, managerLevel: 4 }] }))
        .statusCode,
    ).toBe(400);
    for (const c of [otherOfficer, learner]) expect([403, 404]).toContain((await c.get(url)).statusCode);
    expect((await admin.get(url)).statusCode).toBe(403);
  });

  it('closes by hand; no answer is taken after', async () => {
    expect((await officer.post(apiUrl(r.campaigns.close, { id: campaign.id }))).statusCode).toBe(200);
    const q = await questionnaireOf(learner2, campaign.id);
    expect(q.status).toBe('closed');
    const late = await learner2.post(apiUrl(r.campaigns.submit, { id: campaign.id }), fullAnswers(q));
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'CAMPAIGN_CLOSED' });
    expect((await learner2.put(apiUrl(r.campaigns.draft, { id: campaign.id }), {})).statusCode).toBe(409);
    expect((await admin.post(apiUrl(r.campaigns.close, { id: campaign.id }))).statusCode).toBe(409);
    expect((await admin.post(apiUrl(r.campaigns.reminders, { id: campaign.id }), {})).statusCode).toBe(409);
  });
});

describe('Province officers', () => {
  it('prepare campaigns for their own unit only', async () => {
    const national = await officer.post(apiUrl(r.campaigns.list), baseInput({ national: true }));
    expect(national.statusCode).toBe(403);
    expect(national.json().code).toBe('OFFICER_SCOPE');
    expect((await officer.post(apiUrl(r.campaigns.list), baseInput({ unitIds: [bergamo] }))).statusCode).toBe(
      403,
    );
    expect(
      (await officer.post(apiUrl(r.campaigns.list), baseInput({ unitIds: [cuneo, bergamo] }))).statusCode,
    ).toBe(403);
    const own = await createCampaign(officer, baseInput({ unitIds: [cuneo] }));
    expect(own.actions.edit).toBe(true);
    expect((await otherOfficer.get(apiUrl(r.campaigns.campaign, { id: own.id }))).statusCode).toBe(404);
    expect((await otherOfficer.post(apiUrl(r.campaigns.open, { id: own.id }))).statusCode).toBe(404);
    expect((await otherOfficer.delete(apiUrl(r.campaigns.campaign, { id: own.id }))).statusCode).toBe(404);
    expect((await officer.delete(apiUrl(r.campaigns.campaign, { id: own.id }))).statusCode).toBe(200);
  });

  it('see national campaigns once open, but do not open, edit or close them', async () => {
    const national = await createCampaign(
      admin,
      baseInput({ national: true, jobProfileCodes: ['dirigente'] }),
    );
    expect((await officer.get(apiUrl(r.campaigns.campaign, { id: national.id }))).statusCode).toBe(404);
    await openCampaign(admin, national.id);
    const seen = await officer.get(apiUrl(r.campaigns.campaign, { id: national.id }));
    expect(seen.statusCode).toBe(200);
    expect(seen.json().actions).toMatchObject({ edit: false, close: false, remind: true });
    expect((await officer.post(apiUrl(r.campaigns.close, { id: national.id }))).statusCode).toBe(403);
    // Only the people of the chosen profile were invited.
    const people = await t.db
      .select({ profile: campaignParticipants.jobProfileCode })
      .from(campaignParticipants)
      .where(eq(campaignParticipants.campaignId, national.id));
    expect(people.length).toBeGreaterThan(0);
    expect(people.every((p) => p.profile === 'dirigente')).toBe(true);
    const sassari = await t.as('referente.sassari@officina.demo');
    const rows = (await sassari.get(apiUrl(r.campaigns.progress, { id: national.id }))).json().rows;
    expect(rows.every((row: { unitName: string }) => row.unitName.includes('Sassari'))).toBe(true);
  });
});

describe('automatic closing', () => {
  it('closes open campaigns after their last day, Europe/Rome', async () => {
    const c = await createCampaign(admin, baseInput({ unitIds: [cuneo], closesOn: '2098-06-30' }));
    await openCampaign(admin, c.id);
    // 23:30 in Rome on the last day (21:30 UTC in summer): still open.
    await t.services.campaigns.closeDue(new Date('2098-06-30T21:30:00Z'));
    expect((await admin.get(apiUrl(r.campaigns.campaign, { id: c.id }))).json().status).toBe('open');
    // 00:30 in Rome the next day.
    expect(await t.services.campaigns.closeDue(new Date('2098-06-30T22:30:00Z'))).toBeGreaterThanOrEqual(1);
    const closed = (await admin.get(apiUrl(r.campaigns.campaign, { id: c.id }))).json();
    expect(closed.status).toBe('closed');
    const audit = (await admin.get(`/api/v1/audit-log?entityType=campaign&entityId=${c.id}`)).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toContain('campaign.closed');
  });

  it('takes no answer before the opening day, nor after the last day even before the job has run', async () => {
    const early = await createCampaign(admin, baseInput({ unitIds: [cuneo], opensOn: '2099-01-01' }));
    await openCampaign(admin, early.id);
    const notYet = await learner.put(apiUrl(r.campaigns.draft, { id: early.id }), {});
    expect(notYet.statusCode).toBe(409);
    expect(notYet.json().code).toBe('CAMPAIGN_NOT_STARTED');
    expect(notYet.json().message).toContain('1 gen 2099');

    const late = await createCampaign(admin, baseInput({ unitIds: [cuneo] }));
    await openCampaign(admin, late.id);
    await t.db.update(campaigns).set({ closesOn: '2026-01-02' }).where(eq(campaigns.id, late.id));
    const q = await questionnaireOf(learner, late.id);
    expect(q.status).toBe('closed');
    const res = await learner.post(apiUrl(r.campaigns.submit, { id: late.id }), fullAnswers(q));
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('CAMPAIGN_CLOSED');
  });

  it('refuses to open a campaign whose period is over', async () => {
    const c = await createCampaign(
      admin,
      baseInput({ unitIds: [cuneo], opensOn: '2020-01-01', closesOn: '2020-02-01' }),
    );
    const res = await admin.post(apiUrl(r.campaigns.open, { id: c.id }));
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('CAMPAIGN_PERIOD_OVER');
  });
});
