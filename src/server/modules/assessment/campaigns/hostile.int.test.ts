import { describe, expect, it } from 'vitest';
import { apiUrl, apiRoutes as r } from '../../../../common/api-routes.js';
import { startTestApp } from '../../../test/app.js';
import { baseInput, createCampaign, openCampaign, questionnaireOf, unitId } from '../../../test/campaigns.js';

const t = await startTestApp();
const admin = await t.as('admin@officina.demo');
const learner = await t.as('discente.cuneo@officina.demo');
const anon = t.client();
const cuneo = await unitId(t.db, '004');
const open = await createCampaign(admin, baseInput({ unitIds: [cuneo] }));
await openCampaign(admin, open.id);

const BAD_IDS = ['2147483648', '99999999999999999999', '-1', '0', 'abc', '1.5'];

/** Every answer is a 4xx with a message in the request's language, never a 5xx. */
function expectClear(res: { statusCode: number; json(): { code: string; message: string } }, status = 400) {
  expect(res.statusCode).toBe(status);
  expect(res.json().message).toBeTruthy();
}

describe('hostile input', () => {
  it('refuses ids that are not positive int32 on every route with an id', async () => {
    for (const id of BAD_IDS) {
      for (const url of [
        `/api/v1/campaigns/${id}`,
        `/api/v1/campaigns/${id}/progress`,
        `/api/v1/campaigns/${id}/questions`,
        `/api/v1/my-campaigns/${id}`,
      ])
        expectClear(await admin.get(url));
      expectClear(await admin.post(`/api/v1/campaigns/${id}/open`));
      expectClear(await learner.put(`/api/v1/my-campaigns/${id}/draft`, {}));
      expectClear(await learner.post(`/api/v1/my-campaigns/${id}/submit`, {}));
      expectClear(await admin.get(`/api/v1/campaigns/${open.id}/assessments/${id}`));
    }
    expectClear(await admin.get(apiUrl(r.campaigns.progress, { id: open.id }, { unitId: '2147483648' })));
    expectClear(await admin.post(apiUrl(r.campaigns.reminders, { id: open.id }), { unitId: -4 }));
    // A valid id of nothing: 404.
    expectClear(await admin.get(apiUrl(r.campaigns.campaign, { id: 2147483647 })), 404);
    expectClear(await learner.get(apiUrl(r.campaigns.myCampaign, { id: 2147483647 })), 404);
  });

  it('refuses NUL bytes, impossible dates and out-of-range numbers in a campaign', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ title: { it: 'Titolo\u0000', en: 'Title' } }, 'body.title.it'],
      [{ description: { it: 'a\u0000b', en: '' } }, 'body.description.it'],
      [{ opensOn: '2026-02-30' }, 'body.opensOn'],
      [{ closesOn: '2026-13-01' }, 'body.closesOn'],
      [{ opensOn: '2027-05-01', closesOn: '2027-04-30' }, 'body.closesOn'],
      [{ minGroupSize: -5 }, 'body.minGroupSize'],
      [{ minGroupSize: 1e12 }, 'body.minGroupSize'],
      [{ unitIds: [2147483648] }, 'body.unitIds.0'],
      [{ userIds: ['not-a-uuid'] }, 'body.userIds.0'],
      [{ domainCodes: ['x\u0000'] }, 'body.domainCodes.0'],
      [{ title: { it: 'x'.repeat(201), en: 'y' } }, 'body.title.it'],
    ];
    for (const [over, path] of cases) {
      const res = await admin.post(apiUrl(r.campaigns.list), { ...baseInput({ unitIds: [cuneo] }), ...over });
      expectClear(res);
      expect(res.json().details.map((d: { path: string }) => d.path)).toContain(path);
    }
    admin.lang = 'en';
    const en = await admin.post(apiUrl(r.campaigns.list), {
      ...baseInput({ unitIds: [cuneo] }),
      opensOn: '2026-02-30',
    });
    expect(en.json().details[0].message).toBe('not a real day');
    admin.lang = 'it';
  });

  it('refuses unknown units, profiles, people and domains by name', async () => {
    const res = await admin.post(apiUrl(r.campaigns.list), baseInput({ unitIds: [2147483647] }));
    expectClear(res);
    expect(res.json().code).toBe('UNKNOWN_VALUES');
    for (const over of [
      { unitIds: [cuneo], jobProfileCodes: ['astronauta'] },
      { unitIds: [cuneo], userIds: ['00000000-0000-4000-8000-000000000000'] },
      { unitIds: [cuneo], domainCodes: ['alchimia'] },
    ])
      expect((await admin.post(apiUrl(r.campaigns.list), baseInput(over))).json().code).toBe(
        'UNKNOWN_VALUES',
      );
    expectClear(
      await admin.post(apiUrl(r.campaigns.list), baseInput({ unitIds: [cuneo], frameworkId: 2147483647 })),
    );
  });

  it('refuses bad custom questions', async () => {
    const draft = await createCampaign(admin, baseInput({ unitIds: [cuneo] }));
    const url = apiUrl(r.campaigns.questions, { id: draft.id });
    for (const q of [
      { kind: 'single', prompt: { it: 'a', en: 'a' }, options: [{ it: 'x', en: 'x' }] },
      { kind: 'text', prompt: { it: 'a', en: 'a' }, options: [{ it: 'x', en: 'x' }] },
      { kind: 'essay', prompt: { it: 'a', en: 'a' } },
      { kind: 'text', prompt: { it: '', en: 'a' } },
      { kind: 'text', prompt: { it: 'a\u0000', en: 'a' } },
    ])
      expectClear(await admin.put(url, { questions: [q] }));
    const many = Array.from({ length: 51 }, () => ({ kind: 'text', prompt: { it: 'a', en: 'a' } }));
    expectClear(await admin.put(url, { questions: many }));
  });

  it('refuses bad answers: shapes, NUL bytes, huge numbers, too many keys, oversized bodies', async () => {
    const q = await questionnaireOf(learner, open.id);
    const cid = String(q.domains[0]?.areas[0]?.competencies[0]?.id);
    const url = apiUrl(r.campaigns.draft, { id: open.id });
    for (const body of [
      { levels: { [cid]: -1 } },
      { levels: { [cid]: 2.5 } },
      { levels: { [cid]: 1e300 } },
      { levels: { [cid]: 'maybe' } },
      { levels: { '99999999999': 1 } },
      { levels: { abc: 1 } },
      { answers: { '1': 'a\u0000b' } },
      { answers: { '1': 'x'.repeat(4001) } },
      { answers: { '1': [1, -3] } },
      { levels: [] },
      { levels: Object.fromEntries(Array.from({ length: 2001 }, (_, i) => [String(i + 1), 1])) },
    ])
      expectClear(await learner.put(url, body));
    const huge = { answers: { '1': 'x'.repeat(300 * 1024) } };
    expectClear(await learner.put(url, huge), 413);
    const bigCampaign = {
      ...baseInput({ unitIds: [cuneo] }),
      description: { it: 'x'.repeat(2 * 1024 * 1024), en: '' },
    };
    expectClear(await admin.post(apiUrl(r.campaigns.list), bigCampaign), 413);
    expectClear(await learner.post(apiUrl(r.campaigns.submit, { id: open.id }), huge), 413);
    const junk = await learner.request('PUT', url, undefined, {
      payload: '{"levels":',
      headers: { 'content-type': 'application/json' },
    });
    expectClear(junk);
  });

  it('answers 401 to anonymous callers on every route', async () => {
    for (const url of [
      apiUrl(r.campaigns.list),
      apiUrl(r.campaigns.campaign, { id: open.id }),
      apiUrl(r.campaigns.progress, { id: open.id }),
      apiUrl(r.campaigns.mine),
      apiUrl(r.campaigns.myCampaign, { id: open.id }),
    ])
      expect((await anon.get(url)).statusCode).toBe(401);
  });
});
