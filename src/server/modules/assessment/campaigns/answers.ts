import { type AnswersInput, NOT_APPLICABLE, SCALE_MAX, SCALE_MIN } from '../../../../common/campaigns.js';
import type { Bilingual } from '../../../kernel/errors.js';

/** A questionnaire as the answer checks see it. */
export type AnswerSheet = {
  competencyIds: Set<number>;
  questions: {
    id: number;
    kind: 'text' | 'single' | 'multiple' | 'scale';
    optionCount: number;
    required: boolean;
  }[];
};

export type Problem = { path: string; messages: Bilingual };

const p = (path: string, it: string, en: string): Problem => ({ path, messages: { it, en } });

/**
 * The problems of a set of answers against the questionnaire: every value must belong to it and fit
 * its question; with `complete`, every competency must have a level or "not applicable" and every
 * required question an answer. An empty list means the answers can be saved (or submitted).
 */
export function checkAnswers(sheet: AnswerSheet, input: AnswersInput, complete: boolean): Problem[] {
  const problems: Problem[] = [];
  for (const key of Object.keys(input.levels)) {
    if (!sheet.competencyIds.has(Number(key)))
      problems.push(
        p(
          `levels.${key}`,
          `La competenza ${key} non fa parte di questo questionario.`,
          `Competency ${key} is not part of this questionnaire.`,
        ),
      );
  }
  const questions = new Map(sheet.questions.map((q) => [q.id, q]));
  for (const [key, value] of Object.entries(input.answers)) {
    const q = questions.get(Number(key));
    const path = `answers.${key}`;
    if (!q) {
      problems.push(
        p(
          path,
          `La domanda ${key} non fa parte di questo questionario.`,
          `Question ${key} is not part of this questionnaire.`,
        ),
      );
      continue;
    }
    const bad = wrongAnswer(q, value);
    if (bad) problems.push({ path, messages: bad });
  }
  if (!complete) return problems;
  for (const id of sheet.competencyIds) {
    if (input.levels[String(id)] === undefined)
      problems.push(
        p(
          `levels.${id}`,
          'Indica un livello oppure "non applicabile".',
          'Choose a level or "not applicable".',
        ),
      );
  }
  for (const q of sheet.questions) {
    if (!q.required) continue;
    const v = input.answers[String(q.id)];
    const empty = v === undefined || (typeof v === 'string' && !v.trim()) || (Array.isArray(v) && !v.length);
    if (empty)
      problems.push(p(`answers.${q.id}`, 'Questa domanda è obbligatoria.', 'This question is required.'));
  }
  return problems;
}

function wrongAnswer(
  q: AnswerSheet['questions'][number],
  value: string | number | number[],
): Bilingual | null {
  switch (q.kind) {
    case 'text':
      return typeof value === 'string'
        ? null
        : { it: 'La risposta deve essere un testo.', en: 'The answer must be text.' };
    case 'scale':
      return typeof value === 'number' && value >= SCALE_MIN && value <= SCALE_MAX
        ? null
        : {
            it: `Scegli un valore da ${SCALE_MIN} a ${SCALE_MAX}.`,
            en: `Choose a value from ${SCALE_MIN} to ${SCALE_MAX}.`,
          };
    case 'single':
      return typeof value === 'number' && value < q.optionCount
        ? null
        : { it: 'Scegli una delle opzioni proposte.', en: 'Choose one of the options offered.' };
    case 'multiple':
      return Array.isArray(value) &&
        value.every((v) => v < q.optionCount) &&
        new Set(value).size === value.length
        ? null
        : {
            it: 'Scegli una o più opzioni proposte, ognuna una volta.',
            en: 'Choose one or more of the options offered, each once.',
          };
  }
}

/** The rows a complete submission becomes: levels (without "not applicable") and answers. */
export function toRows(input: AnswersInput) {
  return {
    levels: Object.entries(input.levels).flatMap(([k, v]) =>
      v === NOT_APPLICABLE ? [] : [{ competencyId: Number(k), selfLevel: v }],
    ),
    answers: Object.entries(input.answers).flatMap(([k, v]) =>
      typeof v === 'string' && !v.trim() ? [] : [{ questionId: Number(k), value: v }],
    ),
  };
}
