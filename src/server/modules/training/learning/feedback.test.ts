import { describe, expect, it } from 'vitest';
import { FEEDBACK_ITEMS } from '../../../../common/learning.js';
import { type StoredResponse, summariseFeedback } from './feedback.js';

const response = (
  v: number,
  comment: string | null = null,
  over: Record<string, number> = {},
): StoredResponse => ({
  answers: { ...Object.fromEntries(FEEDBACK_ITEMS.map((i) => [i.key, v])), ...over },
  comment,
});

describe('satisfaction results', () => {
  it('give only the counts below three answers', () => {
    const s = summariseFeedback(7, [response(5, 'Ottimo'), response(1, 'Pessimo')], 10);
    expect(s).toMatchObject({ editionId: 7, responses: 2, confirmed: 10, responseRatePct: 20, shown: false });
    expect(s.comments).toEqual([]);
    expect(s.items.every((i) => i.average === null && i.distribution.length === 0)).toBe(true);
  });

  it('give averages, distributions and comments from three answers', () => {
    const s = summariseFeedback(
      7,
      [response(5, 'Ottimo'), response(4), response(2, 'Troppo teorico', { overall: 3 })],
      4,
    );
    expect(s).toMatchObject({ responses: 3, confirmed: 4, responseRatePct: 75, shown: true });
    const contents = s.items.find((i) => i.key === 'contents');
    expect(contents).toMatchObject({
      labelIt: 'Contenuti del corso',
      average: 3.67,
      distribution: [0, 1, 0, 1, 1],
    });
    expect(s.items.find((i) => i.key === 'overall')).toMatchObject({
      average: 4,
      distribution: [0, 0, 1, 1, 1],
    });
    expect(s.comments.sort()).toEqual(['Ottimo', 'Troppo teorico']);
    expect(s.items.map((i) => i.key)).toEqual(FEEDBACK_ITEMS.map((i) => i.key));
  });

  it('never reports a response rate above 100% or divides by zero', () => {
    expect(summariseFeedback(1, [response(3), response(3), response(3)], 2).responseRatePct).toBe(100);
    expect(summariseFeedback(1, [], 0).responseRatePct).toBe(0);
  });
});
