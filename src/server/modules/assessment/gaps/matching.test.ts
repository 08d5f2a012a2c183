// The greedy plan on a catalogue worked out by hand: order, ties, participants, senza percorso.
import { describe, expect, it } from 'vitest';
import type { PersonRow } from './aggregate.js';
import { type CompetencyNeed, type PathOffer, proposePlan, unitNeeds } from './matching.js';

const need = (competency: string, priority: number, people: string[], respondents = 10): CompetencyNeed => ({
  competency,
  priority,
  respondents,
  peopleWithGap: new Set(people),
});
const path = (
  pathId: number,
  code: string,
  competencies: string[],
  hours: number,
  modes: PathOffer['deliveryModes'] = ['aula'],
): PathOffer => ({
  pathId,
  code,
  competencies,
  hours,
  deliveryModes: modes,
});

const needs = [
  need('C1', 6, ['a', 'b', 'c']),
  need('C2', 4, ['c', 'd']),
  need('C3', 3, ['e']),
  need('C4', 0, []),
  need('C5', 2, ['f', 'g']),
];
const paths = [
  path(1, 'P-A', ['C1', 'C3'], 10),
  path(2, 'P-B', ['C2', 'C3'], 8, ['online']),
  path(3, 'P-C', ['C1', 'C2'], 20),
  path(4, 'P-D', ['C4'], 5),
];

describe('proposePlan', () => {
  it('takes the path covering the heaviest uncovered gaps, then again, and lists the rest as senza percorso', () => {
    // Weights: P-A 6 + 3 = 9, P-B 4 + 3 = 7, P-C 6 + 4 = 10 → P-C. Left: C3 (3) in P-A and P-B, equal
    // weight → the shorter, P-B. C5 has no path; C4 has no gap, so P-D is never proposed.
    const plan = proposePlan(needs, paths);
    expect(plan).toEqual({
      proposals: [
        {
          pathId: 3,
          code: 'P-C',
          covers: ['C1', 'C2'],
          coveredPriority: 10,
          addresses: ['C1', 'C2'],
          participants: 4, // a, b, c, d: c counted once
          hoursPerParticipant: 20,
          estimatedHours: 80,
          deliveryModes: ['aula'],
        },
        {
          pathId: 2,
          code: 'P-B',
          covers: ['C3'],
          coveredPriority: 3,
          addresses: ['C2', 'C3'], // whoever is short on C2 attends too: c, d, e
          participants: 3,
          hoursPerParticipant: 8,
          estimatedHours: 24,
          deliveryModes: ['online'],
        },
      ],
      withoutPath: [{ competency: 'C5', priority: 2 }],
      withheld: 0,
    });
  });

  it('breaks an equal weight and equal hours by code, whatever the catalogue order', () => {
    const two = [path(9, 'Z-PATH', ['C1'], 10), path(8, 'A-PATH', ['C1'], 10)];
    expect(proposePlan([need('C1', 5, ['a'])], two).proposals.map((p) => p.code)).toEqual(['A-PATH']);
    expect(proposePlan([need('C1', 5, ['a'])], [...two].reverse()).proposals.map((p) => p.code)).toEqual([
      'A-PATH',
    ]);
  });

  it('keeps only paths offering one of the asked delivery modes', () => {
    const plan = proposePlan(needs, paths, { deliveryModes: ['online'] });
    expect(plan.proposals.map((p) => [p.code, p.covers])).toEqual([['P-B', ['C2', 'C3']]]);
    expect(plan.withoutPath.map((w) => w.competency)).toEqual(['C1', 'C5']);
  });

  it('does not count a competency twice when a path lists it twice', () => {
    const plan = proposePlan(
      [need('C1', 5, ['a']), need('C2', 6, ['b'])],
      [path(1, 'TWICE', ['C1', 'C1'], 4), path(2, 'ONCE', ['C2'], 4)],
    );
    expect(plan.proposals.map((p) => [p.code, p.coveredPriority])).toEqual([
      ['ONCE', 6],
      ['TWICE', 5],
    ]);
  });

  it('withholds needs of fewer than k respondents (k − 1 out, k in), gaps or not', () => {
    const small = [need('C1', 6, ['a'], 4), need('C2', 0, [], 4)];
    expect(proposePlan(small, paths)).toEqual({ proposals: [], withoutPath: [], withheld: 2 });
    expect(proposePlan([need('C1', 6, ['a'], 5)], paths).proposals).toHaveLength(1);
    expect(proposePlan(small, paths, { minGroupSize: 4 }).withheld).toBe(0);
  });

  it('proposes nothing with no gaps, and everything is senza percorso with no catalogue', () => {
    expect(proposePlan([need('C4', 0, [])], paths)).toEqual({ proposals: [], withoutPath: [], withheld: 0 });
    expect(proposePlan(needs, []).withoutPath.map((w) => w.competency)).toEqual(['C1', 'C2', 'C3', 'C5']);
  });

  it('refuses a path with negative or non-finite hours', () => {
    expect(() => proposePlan(needs, [path(1, 'BAD', ['C1'], -1)])).toThrow(RangeError);
    expect(() => proposePlan(needs, [path(1, 'BAD', ['C1'], Number.NaN)])).toThrow(RangeError);
  });
});

describe('unitNeeds', () => {
  it("builds a unit's needs from its people's rows, leaving other units out", () => {
    const r = (
      personKey: string,
      unitId: number,
      competency: string,
      expected: number,
      assessed: number,
    ): PersonRow => ({
      personKey,
      unitId,
      jobProfile: 'AMM',
      domain: 'D1',
      area: 'A1',
      competency,
      expected,
      assessed,
    });
    const rows = [
      ...['a', 'b', 'c', 'd', 'e'].flatMap((p, i) => [
        r(p, 7, 'C1', 3, i < 2 ? 1 : 3),
        r(p, 7, 'C2', 2, i === 4 ? 0 : 2),
      ]),
      r('z', 8, 'C1', 3, 0),
    ];
    const mine = unitNeeds(rows, 7);
    // C1: a, b two levels short → total 4, mean 0.8, 2 affected → priority 1.6; C2: e two short → 0.4 × 1.
    expect(mine.map((n) => [n.competency, n.respondents, n.priority, [...n.peopleWithGap]])).toEqual([
      ['C1', 5, 1.6, ['a', 'b']],
      ['C2', 5, 0.4, ['e']],
    ]);
    const plan = proposePlan(mine, [path(1, 'BOTH', ['C1', 'C2'], 6)]);
    expect(plan.proposals[0]).toMatchObject({ participants: 3, estimatedHours: 18 });
  });
});
