import { describe, expect, it } from 'vitest';
import type { ProgrammingView } from '../../../common/programming.js';
import { startTestApp } from '../../test/app.js';

const t = await startTestApp({}, { history: true });

describe('demo programming documents', () => {
  it('shows Cuneo with the DUP and its Nota presented and Bergamo with something overdue', async () => {
    const officer = await t.as('referente.cuneo@officina.demo');
    const me = (await officer.get('/api/v1/me')).json() as { unit: { id: number } };
    const res = await officer.get(`/api/v1/restructuring/units/${me.unit.id}/programming`);
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json() as ProgrammingView;
    const state = (k: string) => v.documents.find((d) => d.kind === k)?.state;
    const past = (k: string) => (v.documents.find((d) => d.kind === k)?.deadline?.daysLeft ?? 1) < 0;
    if (past('dup')) expect(state('dup')).toBe('presented');
    expect(['due', 'overdue']).toContain(state('piao'));
    const tf = await t.as('taskforce@officina.demo');
    const list = (await tf.get('/api/v1/restructuring/deadlines?sort=unit')).json() as {
      items: { unit: { name: string }; state: string }[];
    };
    // Bergamo has presented nothing of the year: once the DUP's deadline has passed, it is overdue.
    if (past('dup'))
      expect(list.items.some((i) => i.unit.name.includes('Bergamo') && i.state === 'overdue')).toBe(true);
  });
});
