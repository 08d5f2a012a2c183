import type { Answer, LocalText, QuestionContent } from '../../../../common/quizzes.js';

/**
 * Scoring, on the server only. The rules:
 * - single choice, true/false: all the points for the right answer, none otherwise;
 * - multiple choice: all or nothing — exactly the correct options, no more and no fewer;
 * - short answer: all the points when the text equals one of the accepted answers, ignoring case,
 *   accents and spaces ("Perché  sì" = "perche si" = "PERCHESI");
 * - matching: partial credit — points × right pairs ÷ pairs, to two decimals.
 * An answer of another kind than the question, or no answer, scores nothing.
 */

/** Lower case, no accents (NFD marks removed), no white space. */
export function normaliseShortAnswer(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/gu, '');
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export type Scorable = {
  content: QuestionContent;
  points: number;
  /** matching: the id shown for each pair's right-hand side. */
  rightIds?: Record<string, string> | undefined;
};

/** The points an answer earns (0 … question.points). */
export function scoreQuestion(q: Scorable, a: Answer | undefined): number {
  if (!a || a.kind !== q.content.kind) return 0;
  const c = q.content;
  switch (c.kind) {
    case 'single': {
      if (a.kind !== 'single') return 0;
      const right = c.options.find((o) => o.correct)?.id;
      return a.optionId !== null && a.optionId === right ? q.points : 0;
    }
    case 'multiple': {
      if (a.kind !== 'multiple') return 0;
      const right = new Set(c.options.filter((o) => o.correct).map((o) => o.id));
      const given = new Set(a.optionIds);
      if (given.size !== right.size) return 0;
      for (const id of given) if (!right.has(id)) return 0;
      return q.points;
    }
    case 'true_false':
      return a.kind === 'true_false' && a.value === c.correct ? q.points : 0;
    case 'short_answer': {
      if (a.kind !== 'short_answer') return 0;
      const given = normaliseShortAnswer(a.text);
      return given !== '' && c.accepted.some((s) => normaliseShortAnswer(s) === given) ? q.points : 0;
    }
    case 'matching': {
      if (a.kind !== 'matching') return 0;
      const chosen = new Map(a.matches.map((m) => [m.itemId, m.optionId]));
      const right = c.pairs.filter((p) => {
        const shown = q.rightIds?.[p.id] ?? p.id;
        return chosen.get(p.id) === shown;
      }).length;
      return round2((q.points * right) / c.pairs.length);
    }
  }
}

/** What was right, in words, for the full feedback. */
export function correctAnswerText(c: QuestionContent): LocalText[] {
  switch (c.kind) {
    case 'single':
    case 'multiple':
      return c.options.filter((o) => o.correct).map((o) => o.text);
    case 'true_false':
      return [c.correct ? { it: 'Vero', en: 'True' } : { it: 'Falso', en: 'False' }];
    case 'short_answer':
      return c.accepted.map((s) => ({ it: s, en: null }));
    case 'matching':
      return c.pairs.map((p) => ({
        it: `${p.left.it} → ${p.right.it}`,
        en: `${p.left.en ?? p.left.it} → ${p.right.en ?? p.right.it}`,
      }));
  }
}

export type AttemptScore = {
  score: number;
  maxScore: number;
  /** Rounded down, so 69.9 % does not pass a 70 % threshold. */
  pct: number;
  passed: boolean;
  points: Record<string, number>;
};

/** Scores a whole attempt against the quiz's passing percentage. */
export function scoreAttempt(
  questions: readonly (Scorable & { id: number })[],
  answers: Readonly<Record<string, Answer | undefined>>,
  passingPct: number,
): AttemptScore {
  const points: Record<string, number> = {};
  let score = 0;
  let maxScore = 0;
  for (const q of questions) {
    const p = scoreQuestion(q, answers[String(q.id)]);
    points[String(q.id)] = p;
    score += p;
    maxScore += q.points;
  }
  score = round2(score);
  const pct = maxScore === 0 ? 0 : Math.floor((score * 100) / maxScore + 1e-9);
  return { score, maxScore, pct, passed: score * 100 >= passingPct * maxScore - 1e-9, points };
}
