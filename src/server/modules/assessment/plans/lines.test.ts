import { describe, expect, it } from 'vitest';
import type { PlanProposal } from '../gaps/index.js';
import { chooseMode, LARGE_GROUP, planLines, planYear, quarterOf } from './lines.js';

const proposal = (over: Partial<PlanProposal> = {}): PlanProposal => ({
  proposals: [],
  withoutPath: [],
  withheld: 0,
  ...over,
});
const path = (
  pathId: number,
  priority: number,
  participants: number,
  modes: PlanProposal['proposals'][number]['deliveryModes'],
) => ({
  pathId,
  code: `P${pathId}`,
  covers: [`C${pathId}`],
  coveredPriority: priority,
  addresses: [`C${pathId}`],
  participants,
  hoursPerParticipant: 8,
  estimatedHours: participants * 8,
  deliveryModes: modes,
});

describe('delivery mode', () => {
  it('goes online, else webinar, for a large group; keeps the path’s main mode for a small one', () => {
    expect(chooseMode(['aula', 'online', 'webinar'], LARGE_GROUP)).toBe('online');
    expect(chooseMode(['aula', 'webinar'], 40)).toBe('webinar');
    expect(chooseMode(['aula', 'affiancamento'], 40)).toBe('aula');
    expect(chooseMode(['aula', 'online'], LARGE_GROUP - 1)).toBe('aula');
    expect(chooseMode([], 3)).toBe('aula');
    expect(chooseMode([], 30)).toBe('online');
  });
});

describe('quarters', () => {
  it('spread the ranks evenly over the year, the most urgent first', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((i) => quarterOf(2027, i, 8))).toEqual([
      '2027-T1',
      '2027-T1',
      '2027-T2',
      '2027-T2',
      '2027-T3',
      '2027-T3',
      '2027-T4',
      '2027-T4',
    ]);
    expect(quarterOf(2027, 0, 1)).toBe('2027-T1');
    expect(quarterOf(2027, 0, 3, 2)).toBe('2027-T2');
  });

  it('rank paths and needs together by priority; a need without a path waits for the second quarter', () => {
    const lines = planLines(
      proposal({
        proposals: [path(1, 10, 20, ['aula', 'online']), path(2, 2, 3, ['aula'])],
        withoutPath: [
          { competency: 'X', priority: 12 },
          { competency: 'Y', priority: 1 },
        ],
      }),
      new Map([
        ['X', 6],
        ['Y', 2],
      ]),
      2027,
    );
    expect(
      lines.map((l) => [l.pathId, l.competencyCodes, l.participants, l.deliveryMode, l.quarter]),
    ).toEqual([
      [1, ['C1'], 20, 'online', '2027-T2'],
      [2, ['C2'], 3, 'aula', '2027-T3'],
      [null, ['X'], 6, 'aula', '2027-T2'],
      [null, ['Y'], 2, 'aula', '2027-T4'],
    ]);
    expect(lines.filter((l) => l.pathId === null).every((l) => l.hoursPerParticipant === 0)).toBe(true);
  });
});

describe('the plan year', () => {
  it('is the year after the survey closed', () => {
    expect(planYear('2026-04-17')).toBe(2027);
    expect(planYear('2026-12-31')).toBe(2027);
  });
});
