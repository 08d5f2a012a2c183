import { describe, expect, it } from 'vitest';
import { type AnswerSheet, checkAnswers, toRows } from './answers.js';

const sheet: AnswerSheet = {
  competencyIds: new Set([10, 11]),
  questions: [
    { id: 1, kind: 'text', optionCount: 0, required: false },
    { id: 2, kind: 'single', optionCount: 3, required: true },
    { id: 3, kind: 'multiple', optionCount: 2, required: false },
    { id: 4, kind: 'scale', optionCount: 0, required: true },
  ],
};
const paths = (input: Parameters<typeof checkAnswers>[1], complete = false) =>
  checkAnswers(sheet, input, complete).map((p) => p.path);

describe('checkAnswers', () => {
  it('accepts a partial draft', () => {
    expect(paths({ levels: { '10': 2 }, answers: { '1': 'ok' } })).toEqual([]);
  });

  it('refuses what is not in the questionnaire and what does not fit the question', () => {
    expect(
      paths({
        levels: { '12': 1 },
        answers: { '1': 3, '2': 3, '3': [0, 0], '4': 6, '9': 'x' },
      }),
    ).toEqual(['levels.12', 'answers.1', 'answers.2', 'answers.3', 'answers.4', 'answers.9']);
    expect(paths({ levels: {}, answers: { '3': [2] } })).toEqual(['answers.3']);
    expect(paths({ levels: {}, answers: { '4': 0 } })).toEqual(['answers.4']);
  });

  it('asks, for a submission, every competency and every required question', () => {
    expect(paths({ levels: { '10': 'na' }, answers: { '2': 0, '1': '' } }, true)).toEqual([
      'levels.11',
      'answers.4',
    ]);
    expect(paths({ levels: { '10': 0, '11': 3 }, answers: { '2': 1, '4': 5 } }, true)).toEqual([]);
  });

  it('gives every problem in Italian and English', () => {
    for (const p of checkAnswers(sheet, { levels: {}, answers: { '4': 9 } }, true)) {
      expect(p.messages.it).toBeTruthy();
      expect(p.messages.en).toBeTruthy();
      expect(p.messages.it).not.toBe(p.messages.en);
    }
  });
});

describe('toRows', () => {
  it('leaves out "not applicable" and empty texts', () => {
    expect(toRows({ levels: { '10': 'na', '11': 0 }, answers: { '1': '  ', '2': 1, '3': [0, 1] } })).toEqual({
      levels: [{ competencyId: 11, selfLevel: 0 }],
      answers: [
        { questionId: 2, value: 1 },
        { questionId: 3, value: [0, 1] },
      ],
    });
  });
});
