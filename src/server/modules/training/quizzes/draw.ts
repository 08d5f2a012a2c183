import type { QuestionContent } from '../../../../common/quizzes.js';
import type { DrawnQuestion } from '../../../db/schema/index.js';

/**
 * Drawing an attempt's questions. Deterministic given the seed stored with the attempt, so a test can
 * pin it; the attempt keeps what was drawn, so a reload shows the same test whatever the bank becomes.
 */

/** mulberry32: a small, fast PRNG; quality is plenty for shuffling a test. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Fisher–Yates on a copy. */
export function shuffle<T>(items: readonly T[], rnd: () => number): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a;
}

export type BankQuestion = Omit<DrawnQuestion, 'order' | 'rightIds'> & { tags: readonly string[] };

/** The questions a quiz may draw: active ones (the caller filters), with one of the tags if any. */
export function eligible<Q extends { tags: readonly string[] }>(bank: readonly Q[], tags: readonly string[]) {
  return tags.length === 0 ? [...bank] : bank.filter((q) => q.tags.some((t) => tags.includes(t)));
}

function orderOf(c: QuestionContent): string[] {
  if (c.kind === 'single' || c.kind === 'multiple') return c.options.map((o) => o.id);
  if (c.kind === 'matching') return c.pairs.map((p) => p.id);
  return [];
}

/**
 * Draws `count` questions (fewer if the bank is smaller), in random order; shuffles options when asked.
 * The right-hand column of a matching question is always shuffled and shown under fresh ids.
 */
export function drawQuestions(
  bank: readonly BankQuestion[],
  opts: { count: number; tags: readonly string[]; shuffleOptions: boolean },
  seed: number,
): DrawnQuestion[] {
  const rnd = prng(seed);
  // Sort first so the draw depends on the seed and the bank's content, not on the order rows came in.
  const pool = eligible(bank, opts.tags).sort((a, b) => a.id - b.id);
  return shuffle(pool, rnd)
    .slice(0, opts.count)
    .map(({ tags: _tags, ...q }) => {
      const natural = orderOf(q.content);
      if (q.content.kind === 'matching') {
        const order = shuffle(natural, rnd);
        const rightIds = Object.fromEntries(order.map((id, i) => [id, `r${i + 1}`]));
        return { ...q, order, rightIds };
      }
      return { ...q, order: opts.shuffleOptions ? shuffle(natural, rnd) : natural };
    });
}
