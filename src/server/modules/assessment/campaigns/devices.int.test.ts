import { describe, expect, it } from 'vitest';
import { apiUrl, apiRoutes as r } from '../../../../common/api-routes.js';
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
// The same person signed in on two devices.
const phone = await t.as('discente.cuneo@officina.demo');
const laptop = await t.as('discente.cuneo@officina.demo');
const cuneo = await unitId(t.db, '004');

describe('a respondent on two devices', () => {
  it('keeps the answers each device saved, and refuses a submission from the stale one', async () => {
    const c = await createCampaign(admin, baseInput({ unitIds: [cuneo] }));
    await openCampaign(admin, c.id);
    const q = await questionnaireOf(phone, c.id);
    const [a, b] = q.domains.flatMap((d) => d.areas.flatMap((x) => x.competencies.map((k) => String(k.id))));
    if (!a || !b) throw new Error('two competencies needed');
    const draft = apiUrl(r.campaigns.draft, { id: c.id });

    // Both devices loaded the page with nothing saved; each saves only what it changed.
    const first = await phone.put(draft, { levels: { [a]: 1 } });
    expect(first.statusCode, first.body).toBe(200);
    await new Promise((done) => setTimeout(done, 5));
    const second = await laptop.put(draft, { levels: { [b]: 3 } });
    expect(second.statusCode, second.body).toBe(200);
    const saved = await questionnaireOf(laptop, c.id);
    expect(saved.draft?.levels).toMatchObject({ [a]: 1, [b]: 3 });

    // The phone knows only its own save: its whole page (b still empty) is refused.
    const full = fullAnswers(q);
    const stale = await phone.post(apiUrl(r.campaigns.submit, { id: c.id }), {
      ...full,
      draftSavedAt: first.json().savedAt,
    });
    expect(stale.statusCode, stale.body).toBe(409);
    expect(stale.json().code).toBe('ANSWERS_CHANGED');
    expect(stale.json().message).toContain('altro dispositivo');
    phone.lang = 'en';
    const english = await phone.post(apiUrl(r.campaigns.submit, { id: c.id }), {
      ...full,
      draftSavedAt: null,
    });
    phone.lang = 'it';
    expect(english.statusCode).toBe(409);
    expect(english.json().message).toContain('another device');

    // After reloading, the phone sends with the latest time and is taken.
    const reloaded = await questionnaireOf(phone, c.id);
    const ok = await phone.post(apiUrl(r.campaigns.submit, { id: c.id }), {
      ...full,
      levels: { ...full.levels, ...reloaded.draft?.levels },
      draftSavedAt: reloaded.draftSavedAt,
    });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('refuses a precondition that is not a time', async () => {
    const c = await createCampaign(admin, baseInput({ unitIds: [cuneo] }));
    await openCampaign(admin, c.id);
    const q = await questionnaireOf(phone, c.id);
    const res = await phone.post(apiUrl(r.campaigns.submit, { id: c.id }), {
      ...fullAnswers(q),
      draftSavedAt: '2026-02-30T25:00:00Z',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].path).toBe('body.draftSavedAt');
  });
});
