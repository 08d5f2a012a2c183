import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { apiUrl, apiRoutes as r } from '../../common/api-routes.js';
import type { CampaignDetail, CampaignInput, Questionnaire } from '../../common/campaigns.js';
import type { Db } from '../db/client.js';
import { territorialUnits } from '../db/schema/index.js';
import type { TestClient } from './client.js';

/** Helpers shared by the survey campaigns' integration tests (src/server/modules/assessment/campaigns). */

export async function unitId(db: Db, istat: string) {
  const [u] = await db
    .select({ id: territorialUnits.id })
    .from(territorialUnits)
    .where(eq(territorialUnits.istatCode, istat));
  if (!u) throw new Error(`no unit ${istat}`);
  return u.id;
}

export const baseInput = (over: Partial<CampaignInput> = {}): CampaignInput => ({
  title: { it: 'Rilevazione di prova', en: 'Test survey' },
  description: { it: 'Descrizione', en: 'Description' },
  domainCodes: ['tecnologico'],
  opensOn: '2026-01-01',
  closesOn: '2099-12-31',
  national: false,
  unitIds: [],
  anonymous: false,
  managerAssessment: false,
  ...over,
});

export async function createCampaign(c: TestClient, input: CampaignInput) {
  const res = await c.post(apiUrl(r.campaigns.list), input);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as CampaignDetail;
}

export async function openCampaign(c: TestClient, id: number) {
  const res = await c.post(apiUrl(r.campaigns.open, { id }));
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CampaignDetail;
}

export async function questionnaireOf(c: TestClient, id: number) {
  const res = await c.get(apiUrl(r.campaigns.myCampaign, { id }));
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Questionnaire;
}

/** Every competency of a questionnaire answered: levels cycling 0..3, every fourth "not applicable". */
export function fullAnswers(q: Questionnaire) {
  const ids = q.domains.flatMap((d) => d.areas.flatMap((a) => a.competencies.map((c) => c.id)));
  const levels: Record<string, number | 'na'> = {};
  ids.forEach((id, i) => {
    levels[String(id)] = i % 4 === 3 ? 'na' : i % 4;
  });
  const answers: Record<string, string | number | number[]> = {};
  for (const question of q.questions) {
    if (question.kind === 'text') answers[String(question.id)] = 'Più formazione sul digitale';
    if (question.kind === 'scale') answers[String(question.id)] = 4;
    if (question.kind === 'single') answers[String(question.id)] = 0;
    if (question.kind === 'multiple') answers[String(question.id)] = [0, 1];
  }
  return { levels, answers };
}
