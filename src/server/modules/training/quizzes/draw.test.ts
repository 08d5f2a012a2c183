import { describe, expect, it } from 'vitest';
import type { QuestionContent } from '../../../../common/quizzes.js';
import { type BankQuestion, drawQuestions, eligible, prng, shuffle } from './draw.js';

const t = (it: string) => ({ it, en: null });
const choice = (n: number): QuestionContent => ({
  kind: 'single',
  options: Array.from({ length: n }, (_, i) => ({ id: `o${i}`, text: t(`opzione ${i}`), correct: i === 0 })),
});
const bank: BankQuestion[] = Array.from({ length: 12 }, (_, i) => ({
  id: i + 1,
  kind: 'single',
  text: t(`Domanda ${i + 1}`),
  content: choice(5),
  feedback: null,
  points: 1,
  tags: i % 2 ? ['privacy'] : ['sicurezza'],
}));
bank.push({
  id: 100,
  kind: 'matching',
  text: t('Abbina'),
  content: {
    kind: 'matching',
    pairs: [1, 2, 3, 4].map((i) => ({ id: `p${i}`, left: t(`s${i}`), right: t(`d${i}`) })),
  },
  feedback: null,
  points: 2,
  tags: ['privacy'],
});

describe('drawing questions', () => {
  it('the generator is deterministic for a seed', () => {
    const a = prng(42);
    const b = prng(42);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(prng(43)()).not.toBe(xs[0]);
  });

  it('shuffle keeps every item, on a copy', () => {
    const items = [1, 2, 3, 4, 5, 6];
    const s = shuffle(items, prng(7));
    expect([...s].sort()).toEqual(items);
    expect(items).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('the same seed draws the same questions in the same order, whatever the order of the bank', () => {
    const opts = { count: 5, tags: [], shuffleOptions: true };
    const one = drawQuestions(bank, opts, 1234);
    const two = drawQuestions([...bank].reverse(), opts, 1234);
    expect(two).toEqual(one);
    expect(one).toHaveLength(5);
    expect(new Set(one.map((q) => q.id)).size).toBe(5);
    const other = drawQuestions(bank, opts, 4321);
    expect(other.map((q) => q.id)).not.toEqual(one.map((q) => q.id));
    expect(one.every((q) => !('tags' in q))).toBe(true);
  });

  it('draws only from the tags asked for, and no more than the bank holds', () => {
    expect(eligible(bank, ['privacy']).map((q) => q.id)).toEqual([2, 4, 6, 8, 10, 12, 100]);
    const drawn = drawQuestions(bank, { count: 50, tags: ['privacy'], shuffleOptions: false }, 9);
    expect(drawn.map((q) => q.id).sort((a, b) => a - b)).toEqual([2, 4, 6, 8, 10, 12, 100]);
  });

  it('shuffles options only when asked; always hides matching pairs behind fresh ids', () => {
    const fixed = drawQuestions(bank, { count: 13, tags: [], shuffleOptions: false }, 5);
    for (const q of fixed.filter((x) => x.kind === 'single'))
      expect(q.order).toEqual(['o0', 'o1', 'o2', 'o3', 'o4']);
    const shuffled = drawQuestions(bank, { count: 13, tags: [], shuffleOptions: true }, 5);
    const singles = shuffled.filter((x) => x.kind === 'single');
    expect(singles.some((q) => q.order.join() !== 'o0,o1,o2,o3,o4')).toBe(true);
    for (const q of singles) expect([...q.order].sort()).toEqual(['o0', 'o1', 'o2', 'o3', 'o4']);
    const m = fixed.find((x) => x.kind === 'matching');
    expect(Object.keys(m?.rightIds ?? {}).sort()).toEqual(['p1', 'p2', 'p3', 'p4']);
    expect(Object.values(m?.rightIds ?? {}).sort()).toEqual(['r1', 'r2', 'r3', 'r4']);
    // The shown ids follow the shuffled order, so they say nothing of the pairs.
    expect(m?.order.map((id) => m.rightIds?.[id])).toEqual(['r1', 'r2', 'r3', 'r4']);
  });
});
