import { describe, expect, it } from 'vitest';
import { interventionsByMonth, lastMonths, planStatusByMonth } from './trends.js';

describe('trends of the national view', () => {
  it('lists the months ending with the current one, across the new year', () => {
    expect(lastMonths('2026-02-10', 4)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(lastMonths('2026-11-20', 24)).toHaveLength(24);
  });

  it("counts each unit in its latest status at the month's end (Rome time)", () => {
    const months = ['2026-01', '2026-02', '2026-03'];
    const counts = planStatusByMonth(
      months,
      [1, 2, 3],
      [
        // 31 January 23:30 UTC is already 1 February in Rome.
        { unitId: 1, toStatus: 'in_predisposizione', at: new Date('2026-01-31T23:30:00Z') },
        { unitId: 2, toStatus: 'in_predisposizione', at: new Date('2026-01-10T10:00:00Z') },
        { unitId: 2, toStatus: 'adottato', at: new Date('2026-03-02T10:00:00Z') },
        // Units outside the scope and unknown statuses are ignored.
        { unitId: 9, toStatus: 'adottato', at: new Date('2026-01-02T10:00:00Z') },
        { unitId: 3, toStatus: 'boh', at: new Date('2026-01-02T10:00:00Z') },
      ],
    );
    expect(counts.map((c) => [c.non_avviato, c.in_predisposizione, c.adottato])).toEqual([
      [2, 1, 0],
      [1, 2, 0],
      [1, 1, 1],
    ]);
  });

  it('fills months without interventions with zeros', () => {
    const out = interventionsByMonth(
      ['2026-01', '2026-02'],
      [
        { month: '2026-02', kind: 'riunione', n: 2 },
        { month: '2026-02', kind: 'formazione', n: 1 },
      ],
    );
    expect(out[0]).toEqual({ riunione: 0, revisione_documenti: 0, formazione: 0, supporto_remoto: 0 });
    expect(out[1]).toMatchObject({ riunione: 2, formazione: 1 });
  });
});
