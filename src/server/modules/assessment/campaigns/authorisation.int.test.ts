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
import type { TestClient } from '../../../test/client.js';

const t = await startTestApp();
const cuneo = await unitId(t.db, '004');
const who = {
  admin: await t.as('admin@officina.demo'),
  taskforce: await t.as('taskforce@officina.demo'),
  officer: await t.as('referente.cuneo@officina.demo'),
  otherOfficer: await t.as('referente.bergamo@officina.demo'),
  invited: await t.as('discente.cuneo@officina.demo'),
  notInvited: await t.as('discente.bergamo@officina.demo'),
  trainer: await t.as('formatore@officina.demo'),
};
type Who = keyof typeof who;

// A named campaign of Cuneo with manager assessment, open, answered by discente.cuneo.
const open = await createCampaign(who.admin, baseInput({ unitIds: [cuneo], managerAssessment: true }));
await openCampaign(who.admin, open.id);
await who.invited.post(
  apiUrl(r.campaigns.submit, { id: open.id }),
  fullAnswers(await questionnaireOf(who.invited, open.id)),
);
const [respondent] = (await who.officer.get(apiUrl(r.campaigns.assessments, { id: open.id }))).json().items;
const participantId = respondent.participantId as number;
// A draft of Cuneo to edit.
const draft = await createCampaign(who.admin, baseInput({ unitIds: [cuneo] }));

type Call = (c: TestClient) => ReturnType<TestClient['get']>;
const routes: [string, Call, Partial<Record<Who, number>>][] = [
  ['list', (c) => c.get(apiUrl(r.campaigns.list)), { admin: 200, officer: 200, otherOfficer: 200 }],
  [
    'create',
    (c) => c.post(apiUrl(r.campaigns.list), baseInput({ unitIds: [cuneo] })),
    { admin: 201, officer: 201 },
  ],
  [
    'read',
    (c) => c.get(apiUrl(r.campaigns.campaign, { id: open.id })),
    { admin: 200, officer: 200, otherOfficer: 404 },
  ],
  [
    'edit',
    (c) => c.put(apiUrl(r.campaigns.campaign, { id: draft.id }), baseInput({ unitIds: [cuneo] })),
    { admin: 200, officer: 200, otherOfficer: 404 },
  ],
  [
    'delete',
    (c) => c.delete(apiUrl(r.campaigns.campaign, { id: open.id })),
    { admin: 409, officer: 409, otherOfficer: 404 },
  ],
  [
    'questions',
    (c) => c.get(apiUrl(r.campaigns.questions, { id: open.id })),
    { admin: 200, officer: 200, otherOfficer: 404 },
  ],
  [
    'set questions',
    (c) => c.put(apiUrl(r.campaigns.questions, { id: open.id }), { questions: [] }),
    { admin: 409, officer: 409, otherOfficer: 404 },
  ],
  [
    'open',
    (c) => c.post(apiUrl(r.campaigns.open, { id: open.id })),
    { admin: 409, officer: 409, otherOfficer: 404 },
  ],
  [
    'progress',
    (c) => c.get(apiUrl(r.campaigns.progress, { id: open.id })),
    { admin: 200, officer: 200, otherOfficer: 404 },
  ],
  [
    'assessments',
    (c) => c.get(apiUrl(r.campaigns.assessments, { id: open.id })),
    { admin: 403, officer: 200, otherOfficer: 404 },
  ],
  [
    'assessment',
    (c) => c.get(apiUrl(r.campaigns.assessment, { id: open.id, participantId })),
    { admin: 403, officer: 200, otherOfficer: 404 },
  ],
  [
    'assess',
    (c) => c.put(apiUrl(r.campaigns.assessment, { id: open.id, participantId }), { levels: [] }),
    { admin: 403, officer: 200, otherOfficer: 404 },
  ],
  [
    'mine',
    (c) => c.get(apiUrl(r.campaigns.mine)),
    {
      admin: 200,
      taskforce: 200,
      officer: 200,
      otherOfficer: 200,
      invited: 200,
      notInvited: 200,
      trainer: 200,
    },
  ],
  // The officer of Cuneo works there: invited too.
  [
    'questionnaire',
    (c) => c.get(apiUrl(r.campaigns.myCampaign, { id: open.id })),
    { invited: 200, officer: 200 },
  ],
  ['draft', (c) => c.put(apiUrl(r.campaigns.draft, { id: open.id }), {}), { invited: 409, officer: 200 }],
  ['submit', (c) => c.post(apiUrl(r.campaigns.submit, { id: open.id }), {}), { invited: 409, officer: 400 }],
];

/** What a role not listed gets: 403 on the managers' routes, 404 on the respondent's (not invited). */
const fallback = (name: string) => (['questionnaire', 'draft', 'submit'].includes(name) ? 404 : 403);

describe('every campaigns route, for every role', () => {
  for (const [name, call, expected] of routes)
    it(name, async () => {
      for (const role of Object.keys(who) as Who[]) {
        const want = expected[role] ?? fallback(name);
        const res = await call(who[role]);
        expect(res.statusCode, `${name} as ${role}: ${res.body}`).toBe(want);
        if (res.statusCode >= 400) expect(res.json().message).toBeTruthy();
      }
    });

  it('answers 401 without a session on every route', async () => {
    const anon = t.client();
    for (const [name, call] of routes) expect((await call(anon)).statusCode, name).toBe(401);
  });
});

describe('people chosen by name in other units', () => {
  it('are named to an officer only in their own unit; the others are a count, and stay chosen when the officer edits', async () => {
    const { users } = await import('../../../db/schema/index.js');
    const { inArray } = await import('drizzle-orm');
    const people = await t.db
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(inArray(users.email, ['discente2.cuneo@officina.demo', 'discente.bergamo@officina.demo']));
    const c = await createCampaign(
      who.admin,
      baseInput({ unitIds: [cuneo], userIds: people.map((p) => p.id) }),
    );
    expect(c.people).toHaveLength(2);
    expect(c.otherPeople).toBe(0);
    const seen = (await who.officer.get(apiUrl(r.campaigns.campaign, { id: c.id }))).json();
    expect(seen.people.map((p: { email: string }) => p.email)).toEqual(['discente2.cuneo@officina.demo']);
    expect(seen.otherPeople).toBe(1);
    expect(JSON.stringify(seen)).not.toContain('bergamo');
    // The officer saves the draft with the people they see: the other unit's person stays chosen.
    const edited = await who.officer.put(
      apiUrl(r.campaigns.campaign, { id: c.id }),
      baseInput({ unitIds: [cuneo], userIds: seen.people.map((p: { id: string }) => p.id) }),
    );
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().otherPeople).toBe(1);
    expect((await who.admin.get(apiUrl(r.campaigns.campaign, { id: c.id }))).json().people).toHaveLength(2);
  });
});
