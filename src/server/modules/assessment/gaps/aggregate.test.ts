// Cell statistics checked against a five-person table worked out by hand, and the priority order.
import { describe, expect, it } from 'vitest';
import { aggregate, compareCodes, type GapCell, type PersonRow, rankByPriority } from './aggregate.js';

/** A row of unit 1 (region NORD, profile AMM) or unit 2 (no region, profile TEC); C1, C2 in D1/A1, C10 in D2/A2. */
function row(
  personKey: string,
  competency: 'C1' | 'C2' | 'C10',
  expected: number,
  assessed: number,
): PersonRow {
  const unit1 = personKey.startsWith('p');
  return {
    personKey,
    unitId: unit1 ? 1 : 2,
    jobProfile: unit1 ? 'AMM' : 'TEC',
    region: unit1 ? 'NORD' : undefined,
    domain: competency === 'C10' ? 'D2' : 'D1',
    area: competency === 'C10' ? 'A2' : 'A1',
    competency,
    expected,
    assessed,
  };
}

// Gaps:      C1  C2  C10
//   p1        2   0   1
//   p2        0   1   0
//   p3        1   0   1
//   q1        2   0   2
//   q2        0   1   0
const rows: PersonRow[] = [
  row('p1', 'C1', 3, 1),
  row('p1', 'C2', 2, 2),
  row('p1', 'C10', 1, 0),
  row('p2', 'C1', 3, 3),
  row('p2', 'C2', 2, 1),
  row('p2', 'C10', 1, 1),
  row('p3', 'C1', 3, 2),
  row('p3', 'C2', 2, 3),
  row('p3', 'C10', 1, 0),
  row('q1', 'C1', 2, 0),
  row('q1', 'C2', 1, 1),
  row('q1', 'C10', 2, 0),
  row('q2', 'C1', 2, 2),
  row('q2', 'C2', 1, 0),
  row('q2', 'C10', 2, 2),
];

const brief = (c: GapCell) => [c.key, c.respondents, c.observations, c.totalGap, c.affected];

describe('aggregate', () => {
  it('gives per competency: respondents, mean gap, share with a gap ≥ 1, total gap and priority', () => {
    const cells = aggregate(rows, ['competency']);
    expect(cells).toEqual([
      {
        key: { competency: 'C1' },
        respondents: 5,
        observations: 5,
        totalGap: 5,
        meanGap: 1,
        affected: 3,
        shareAffected: 0.6,
        priority: 3,
      },
      {
        key: { competency: 'C2' },
        respondents: 5,
        observations: 5,
        totalGap: 2,
        meanGap: 0.4,
        affected: 2,
        shareAffected: 0.4,
        priority: 0.8,
      },
      {
        key: { competency: 'C10' },
        respondents: 5,
        observations: 5,
        totalGap: 4,
        meanGap: 0.8,
        affected: 3,
        shareAffected: 0.6,
        priority: 2.4,
      },
    ]);
  });

  it('averages a domain over person × competency answers and counts a person once', () => {
    const cells = aggregate(rows, ['domain', 'unit']);
    // Key order puts the unit before the domain, whatever order `by` lists them in.
    expect(cells.map(brief)).toEqual([
      [{ unit: 1, domain: 'D1' }, 3, 6, 4, 3],
      [{ unit: 1, domain: 'D2' }, 3, 3, 2, 2],
      [{ unit: 2, domain: 'D1' }, 2, 4, 3, 2],
      [{ unit: 2, domain: 'D2' }, 2, 2, 2, 1],
    ]);
    const [u1d1] = cells;
    expect(u1d1?.meanGap).toBeCloseTo(4 / 6);
    expect(u1d1?.shareAffected).toBe(1);
    expect(u1d1?.priority).toBeCloseTo(2);
  });

  it('gives one cell for everyone with no dimension', () => {
    expect(aggregate(rows, []).map(brief)).toEqual([[{}, 5, 15, 11, 5]]);
  });

  it('groups a missing region, or no job profile, under null, placed last', () => {
    const cells = aggregate(
      [...rows, { ...row('r1', 'C1', 1, 0), jobProfile: null, unitId: 3 }],
      ['region', 'jobProfile'],
    );
    expect(cells.map((c) => c.key)).toEqual([
      { region: 'NORD', jobProfile: 'AMM' },
      { region: null, jobProfile: 'TEC' },
      { region: null, jobProfile: null },
    ]);
  });

  it('refuses a competency answered twice by the same person', () => {
    expect(() => aggregate([...rows, row('p1', 'C1', 3, 2)], ['competency'])).toThrow(RangeError);
  });

  it('returns nothing for no rows', () => {
    expect(aggregate([], ['unit'])).toEqual([]);
  });
});

describe('rankByPriority', () => {
  it('ranks by mean gap × people affected', () => {
    const ranked = rankByPriority(aggregate(rows, ['competency']));
    expect(ranked.map((c) => [c.key.competency, c.priority])).toEqual([
      ['C1', 3],
      ['C10', 2.4],
      ['C2', 0.8],
    ]);
  });

  it('puts ten people one level short before one person three levels short', () => {
    const cell = (competency: string, respondents: number, totalGap: number, affected: number): GapCell => ({
      key: { competency },
      respondents,
      observations: respondents,
      totalGap,
      meanGap: totalGap / respondents,
      affected,
      shareAffected: affected / respondents,
      priority: (totalGap * affected) / respondents,
    });
    const wide = cell('WIDE', 20, 10, 10); // 0.5 × 10 = 5
    const deep = cell('DEEP', 20, 3, 1); // 0.15 × 1 = 0.15
    expect(rankByPriority([deep, wide]).map((c) => c.key.competency)).toEqual(['WIDE', 'DEEP']);
  });

  it('breaks ties by code, in natural order, whatever the input order', () => {
    const tie = (competency: string, totalGap: number, observations: number): GapCell => ({
      key: { competency },
      respondents: observations,
      observations,
      totalGap,
      meanGap: totalGap / observations,
      affected: 3,
      shareAffected: 3 / observations,
      priority: (totalGap * 3) / observations,
    });
    // 2/6, 3/9 and 4/12 are the same priority, compared as fractions.
    const cells = [tie('C10', 4, 12), tie('C2', 3, 9), tie('C1', 2, 6)];
    expect(rankByPriority(cells).map((c) => c.key.competency)).toEqual(['C1', 'C2', 'C10']);
    expect(rankByPriority([...cells].reverse()).map((c) => c.key.competency)).toEqual(['C1', 'C2', 'C10']);
  });

  it('leaves out cells of 0 < n < k (k − 1 out, k in) and cells with no gap', () => {
    const byUnitAndCompetency = aggregate(rows, ['unit', 'competency']); // units of 3 and 2 people
    expect(rankByPriority(byUnitAndCompetency)).toEqual([]);
    expect(rankByPriority(byUnitAndCompetency, { minGroupSize: 3 }).map((c) => c.key)).toEqual([
      { unit: 1, competency: 'C1' },
      { unit: 1, competency: 'C10' },
      { unit: 1, competency: 'C2' },
    ]);
    const byCompetency = aggregate(rows, ['competency']); // 5 people each
    expect(rankByPriority(byCompetency, { minGroupSize: 5 })).toHaveLength(3);
    expect(rankByPriority(byCompetency, { minGroupSize: 6 })).toEqual([]);
    const noGap = aggregate([row('p1', 'C2', 2, 2)], ['competency']);
    expect(rankByPriority(noGap, { minGroupSize: 1 })).toEqual([]);
  });
});

describe('compareCodes', () => {
  it('orders codes naturally and totally', () => {
    expect(['C10', 'C2', 'C1', 'c1'].sort(compareCodes)).toEqual(['c1', 'C1', 'C2', 'C10']);
    expect(compareCodes('01', '1')).not.toBe(0);
  });
});
