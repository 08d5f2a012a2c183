import { describe, expect, it } from 'vitest';
import {
  categoryOf,
  type OverviewRow,
  overdueBand,
  ratioBand,
  regionAggregates,
  shareBand,
} from './overview.js';

const row = (p: Partial<OverviewRow>): OverviewRow => ({
  unitId: 1,
  istatCode: '004',
  sigla: 'CN',
  name: 'Cuneo',
  regionCode: '01',
  regionName: 'Piemonte',
  unitType: 'provincia',
  programmePhase: 1,
  planStatus: 'non_avviato',
  planUpdatedAt: null,
  pendingProposal: false,
  population: null,
  populationYear: null,
  capacityYear: null,
  capacityStale: false,
  ratioPercent: null,
  thresholdPercent: null,
  headroomCents: null,
  hiringStatus: 'bloccato',
  hiringReasons: [],
  nextDeadline: null,
  overdue: 0,
  lead: null,
  openRisks: 0,
  ...p,
});

describe('national view aggregations', () => {
  it('bands the ratio against the threshold', () => {
    expect(ratioBand(row({}))).toBe('unknown');
    expect(ratioBand(row({ ratioPercent: 15, thresholdPercent: 20.8 }))).toBe('well_within');
    expect(ratioBand(row({ ratioPercent: 18.8, thresholdPercent: 20.8 }))).toBe('near');
    expect(ratioBand(row({ ratioPercent: 20.81, thresholdPercent: 20.8 }))).toBe('above');
  });

  it('bands overdue documents', () => {
    expect([0, 1, 2, 7].map(overdueBand)).toEqual(['none', 'one', 'more', 'more']);
    expect(categoryOf(row({ overdue: 3 }), 'overdue')).toBe('more');
    expect(categoryOf(row({ planStatus: 'verificato' }), 'plan')).toBe('verificato');
  });

  it('aggregates the share of units with an adopted plan per region', () => {
    const rows = [
      row({ unitId: 1, planStatus: 'adottato' }),
      row({ unitId: 2, planStatus: 'da_aggiornare' }),
      row({ unitId: 3 }),
      row({ unitId: 4, regionCode: '03', regionName: 'Lombardia' }),
    ];
    expect(regionAggregates(rows, 'plan')).toEqual([
      { regionCode: '01', regionName: 'Piemonte', units: 3, good: 2, share: 2 / 3 },
      { regionCode: '03', regionName: 'Lombardia', units: 1, good: 0, share: 0 },
    ]);
    expect([0, 0.19, 0.2, 0.99, 1].map(shareBand)).toEqual([0, 0, 1, 4, 4]);
  });
});
