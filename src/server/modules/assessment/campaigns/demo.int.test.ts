import { describe, expect, it } from 'vitest';
import { apiUrl, apiRoutes as r } from '../../../../common/api-routes.js';
import type { MyCampaign } from '../../../../common/campaigns.js';
import { romeDate } from '../../../../common/rome-time.js';
import { startTestApp } from '../../../test/app.js';
import { questionnaireOf } from '../../../test/campaigns.js';

const t = await startTestApp({}, { history: true });

describe('the demo survey', () => {
  it('is open for the demo learners of Cuneo and Bergamo, and not for Sassari', async () => {
    for (const email of ['discente.cuneo@officina.demo', 'discente.bergamo@officina.demo']) {
      const c = await t.as(email);
      const mine = (await c.get(apiUrl(r.campaigns.mine))).json().items as MyCampaign[];
      const open = mine.find((m) => m.title.it === 'Rilevazione dei fabbisogni 2027');
      expect(open).toMatchObject({ status: 'open', anonymous: false, participantStatus: 'invited' });
      expect(open?.closesOn && open.closesOn > romeDate(new Date())).toBe(true);
      const q = await questionnaireOf(c, open?.id ?? 0);
      expect(q.domains.map((d) => d.code)).toEqual(['giuridico-amministrativo']);
      expect(q.questions.map((x) => x.kind)).toEqual(['scale', 'text']);
    }
    const sassari = await t.as('discente.sassari@officina.demo');
    const items = (await sassari.get(apiUrl(r.campaigns.mine))).json().items as MyCampaign[];
    expect(items.some((m) => m.status === 'open')).toBe(false);
  });

  it('shows its progress to the officer of Cuneo, with the names of who has not answered', async () => {
    const officer = await t.as('referente.cuneo@officina.demo');
    const list = (await officer.get(apiUrl(r.campaigns.list))).json().items as {
      id: number;
      status: string;
    }[];
    const open = list.find((c) => c.status === 'open');
    const progress = (await officer.get(apiUrl(r.campaigns.progress, { id: open?.id ?? 0 }))).json();
    expect(progress.rows).toHaveLength(1);
    expect(progress.pending.map((p: { email: string }) => p.email)).toContain('discente.cuneo@officina.demo');
  });
});
