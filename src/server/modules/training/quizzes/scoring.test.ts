import { describe, expect, it } from 'vitest';
import type { QuestionContent } from '../../../../common/quizzes.js';
import { correctAnswerText, normaliseShortAnswer, scoreAttempt, scoreQuestion } from './scoring.js';

const t = (it: string) => ({ it, en: null });
const single: QuestionContent = {
  kind: 'single',
  options: [
    { id: 'a', text: t('Roma'), correct: true },
    { id: 'b', text: t('Milano'), correct: false },
  ],
};
const multiple: QuestionContent = {
  kind: 'multiple',
  options: [
    { id: 'a', text: t('uno'), correct: true },
    { id: 'b', text: t('due'), correct: true },
    { id: 'c', text: t('tre'), correct: false },
  ],
};
const matching: QuestionContent = {
  kind: 'matching',
  pairs: [
    { id: 'p1', left: t('Cane'), right: t('Abbaia') },
    { id: 'p2', left: t('Gatto'), right: t('Miagola') },
    { id: 'p3', left: t('Mucca'), right: t('Muggisce') },
    { id: 'p4', left: t('Pecora'), right: t('Bela') },
  ],
};
const rightIds = { p1: 'r3', p2: 'r1', p3: 'r4', p4: 'r2' };

describe('scoring', () => {
  it('single choice and true/false: all or nothing', () => {
    expect(scoreQuestion({ content: single, points: 2 }, { kind: 'single', optionId: 'a' })).toBe(2);
    expect(scoreQuestion({ content: single, points: 2 }, { kind: 'single', optionId: 'b' })).toBe(0);
    expect(scoreQuestion({ content: single, points: 2 }, { kind: 'single', optionId: null })).toBe(0);
    const tf: QuestionContent = { kind: 'true_false', correct: false };
    expect(scoreQuestion({ content: tf, points: 1 }, { kind: 'true_false', value: false })).toBe(1);
    expect(scoreQuestion({ content: tf, points: 1 }, { kind: 'true_false', value: true })).toBe(0);
    expect(scoreQuestion({ content: tf, points: 1 }, { kind: 'true_false', value: null })).toBe(0);
  });

  it('multiple choice: exactly the correct options, no partial credit', () => {
    const q = { content: multiple, points: 3 };
    expect(scoreQuestion(q, { kind: 'multiple', optionIds: ['b', 'a'] })).toBe(3);
    expect(scoreQuestion(q, { kind: 'multiple', optionIds: ['a'] })).toBe(0);
    expect(scoreQuestion(q, { kind: 'multiple', optionIds: ['a', 'b', 'c'] })).toBe(0);
    expect(scoreQuestion(q, { kind: 'multiple', optionIds: ['a', 'a'] })).toBe(0);
    expect(scoreQuestion(q, { kind: 'multiple', optionIds: [] })).toBe(0);
  });

  it('short answer: case, accents and spaces do not count', () => {
    expect(normaliseShortAnswer('  Perché  Sì ')).toBe('perchesi');
    const content: QuestionContent = { kind: 'short_answer', accepted: ['Perché sì', 'ovvio'] };
    const q = { content, points: 1 };
    for (const text of ['perche si', 'PERCHÉ SÌ', 'perchesi', 'Ovvio']) {
      expect(scoreQuestion(q, { kind: 'short_answer', text }), text).toBe(1);
    }
    expect(scoreQuestion(q, { kind: 'short_answer', text: 'perché no' })).toBe(0);
    expect(scoreQuestion(q, { kind: 'short_answer', text: '   ' })).toBe(0);
  });

  it('matching: partial credit in proportion to the right pairs, through the ids shown', () => {
    const q = { content: matching, points: 3, rightIds };
    const all = Object.entries(rightIds).map(([itemId, optionId]) => ({ itemId, optionId }));
    expect(scoreQuestion(q, { kind: 'matching', matches: all })).toBe(3);
    expect(
      scoreQuestion(q, {
        kind: 'matching',
        matches: [
          { itemId: 'p1', optionId: 'r3' },
          { itemId: 'p2', optionId: 'r2' },
          { itemId: 'p3', optionId: null },
        ],
      }),
    ).toBe(0.75);
    // The pair's own id is not what is shown: answering it scores nothing.
    expect(scoreQuestion(q, { kind: 'matching', matches: [{ itemId: 'p1', optionId: 'p1' }] })).toBe(0);
  });

  it('an answer of another kind or no answer scores nothing', () => {
    expect(scoreQuestion({ content: single, points: 2 }, { kind: 'true_false', value: true })).toBe(0);
    expect(scoreQuestion({ content: single, points: 2 }, undefined)).toBe(0);
  });

  it('an attempt: total, percentage rounded down, pass at the threshold', () => {
    const qs = [
      { id: 1, content: single, points: 2 },
      { id: 2, content: multiple, points: 3 },
      { id: 3, content: matching, points: 3, rightIds },
    ];
    const s = scoreAttempt(
      qs,
      {
        '1': { kind: 'single', optionId: 'a' },
        '2': { kind: 'multiple', optionIds: ['a'] },
        '3': { kind: 'matching', matches: [{ itemId: 'p1', optionId: 'r3' }] },
      },
      25,
    );
    expect(s).toEqual({ score: 2.75, maxScore: 8, pct: 34, passed: true, points: { 1: 2, 2: 0, 3: 0.75 } });
    expect(scoreAttempt(qs, { '1': { kind: 'single', optionId: 'a' } }, 25).passed).toBe(true); // 2/8 = 25 %
    expect(scoreAttempt(qs, {}, 25)).toMatchObject({ score: 0, pct: 0, passed: false });
    expect(scoreAttempt(qs, {}, 0).passed).toBe(true);
  });

  it('tells the right answers in words', () => {
    expect(correctAnswerText(multiple)).toEqual([t('uno'), t('due')]);
    expect(correctAnswerText({ kind: 'true_false', correct: true })).toEqual([{ it: 'Vero', en: 'True' }]);
    expect(correctAnswerText(matching)[0]).toEqual({ it: 'Cane → Abbaia', en: 'Cane → Abbaia' });
  });
});
