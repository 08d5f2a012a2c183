import { describe, expect, it } from 'vitest';
import type { PlanContent, StaffingLine } from '../../../../common/restructuring.js';
import { diffPlans } from './diff.js';

const v1: PlanContent = {
  act: { type: 'decreto_presidenziale', number: '12', date: '2026-03-01' },
  functions: [
    { key: 'viabilita', name: 'Viabilità', kind: 'fondamentale', description: '' },
    { key: 'edilizia', name: 'Edilizia scolastica', kind: 'fondamentale', description: '' },
    { key: 'turismo', name: 'Turismo', kind: 'delegata', description: '' },
  ],
  staffing: [
    {
      functionKey: 'viabilita',
      jobProfileCode: 'funzionario-tecnico',
      planned: 10,
      covered: 8,
      annualCostCents: 50_000_000,
    },
    {
      functionKey: 'edilizia',
      jobProfileCode: 'istruttore-tecnico',
      planned: 4,
      covered: 4,
      annualCostCents: 16_000_000,
    },
    {
      functionKey: 'turismo',
      jobProfileCode: 'operatore',
      planned: 2,
      covered: 2,
      annualCostCents: 6_000_000,
    },
  ],
  notes: '',
};

const v2: PlanContent = {
  act: { type: 'delibera_consiliare', number: '7', date: '2026-06-10' },
  functions: [
    { key: 'viabilita', name: 'Viabilità e trasporti', kind: 'fondamentale', description: '' },
    { key: 'edilizia', name: 'Edilizia scolastica', kind: 'fondamentale', description: '' },
    { key: 'ict', name: 'Sistemi informativi', kind: 'supporto', description: '' },
  ],
  staffing: [
    {
      functionKey: 'viabilita',
      jobProfileCode: 'funzionario-tecnico',
      planned: 12,
      covered: 8,
      annualCostCents: 60_000_000,
    },
    {
      functionKey: 'edilizia',
      jobProfileCode: 'istruttore-tecnico',
      planned: 4,
      covered: 4,
      annualCostCents: 16_000_000,
    },
    {
      functionKey: 'ict',
      jobProfileCode: 'funzionario-informatico',
      planned: 3,
      covered: 1,
      annualCostCents: 15_000_001,
    },
  ],
  notes: 'Aggiornato',
};

describe('comparing two versions of a plan', () => {
  const d = diffPlans(v1, v2, { from: 1, to: 2 });

  it('lists functions added, removed and changed, with the fields that changed', () => {
    expect(d.functions.added.map((f) => f.key)).toEqual(['ict']);
    expect(d.functions.removed.map((f) => f.key)).toEqual(['turismo']);
    expect(d.functions.changed).toEqual([
      { key: 'viabilita', before: v1.functions[0], after: v2.functions[0], fields: ['name'] },
    ]);
  });

  it('lists staffing lines by function and job profile, with before → after and the vacancies', () => {
    expect(d.staffing.added).toEqual([{ ...v2.staffing[2], vacant: 2 }]);
    expect(d.staffing.removed).toEqual([{ ...v1.staffing[2], vacant: 0 }]);
    expect(d.staffing.changed).toHaveLength(1);
    expect(d.staffing.changed[0]).toMatchObject({
      functionKey: 'viabilita',
      before: { planned: 10, vacant: 2, annualCostCents: 50_000_000 },
      after: { planned: 12, vacant: 4, annualCostCents: 60_000_000 },
      fields: ['planned', 'vacant', 'annualCostCents'],
    });
  });

  it('notices the act and the notes, and gives the totals before and after, exact to the cent', () => {
    expect(d.act).toEqual({ before: v1.act, after: v2.act, changed: true });
    expect(d.notesChanged).toBe(true);
    expect(d.totals.before).toEqual({
      functions: { fondamentale: 2, delegata: 1, supporto: 0, non_competenza: 0 },
      planned: 16,
      covered: 14,
      vacant: 2,
      annualCostCents: 72_000_000,
    });
    expect(d.totals.after).toMatchObject({
      planned: 19,
      covered: 13,
      vacant: 6,
      annualCostCents: 91_000_001,
    });
  });

  it('finds nothing between a version and itself', () => {
    const same = diffPlans(v1, structuredClone(v1), { from: 1, to: 1 });
    expect(same.functions).toEqual({ added: [], removed: [], changed: [] });
    expect(same.staffing).toEqual({ added: [], removed: [], changed: [] });
    expect(same.act.changed).toBe(false);
    expect(same.notesChanged).toBe(false);
  });

  it('compares the first version against an empty plan', () => {
    const first = diffPlans(null, v1, { from: 0, to: 1 });
    expect(first.functions.added).toHaveLength(3);
    expect(first.staffing.added).toHaveLength(3);
    expect(first.act).toMatchObject({ before: null, changed: true });
  });

  it('counts covered beyond planned as no vacancy', () => {
    const over = diffPlans(
      null,
      { ...v1, staffing: [{ ...(v1.staffing[0] as StaffingLine), covered: 15 }] },
      { from: 0, to: 1 },
    );
    expect(over.totals.after.vacant).toBe(0);
  });
});
