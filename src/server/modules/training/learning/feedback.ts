import { FEEDBACK_ITEMS, FEEDBACK_MIN_RESPONSES, type FeedbackSummary } from '../../../../common/learning.js';

export type StoredResponse = { answers: Record<string, number>; comment: string | null };

/**
 * An edition's results. Below FEEDBACK_MIN_RESPONSES answers only the counts are given: with one
 * or two answers, a trainer who knows who answered would read each person's ratings and words.
 */
export function summariseFeedback(
  editionId: number,
  responses: StoredResponse[],
  confirmed: number,
): FeedbackSummary {
  const n = responses.length;
  const shown = n >= FEEDBACK_MIN_RESPONSES;
  return {
    editionId,
    responses: n,
    confirmed,
    responseRatePct: confirmed > 0 ? Math.min(100, Math.round((n / confirmed) * 100)) : 0,
    minResponses: FEEDBACK_MIN_RESPONSES,
    shown,
    items: FEEDBACK_ITEMS.map((item) => {
      if (!shown)
        return { key: item.key, labelIt: item.it, labelEn: item.en, average: null, distribution: [] };
      const distribution = [0, 0, 0, 0, 0];
      let sum = 0;
      let count = 0;
      for (const r of responses) {
        const v = r.answers[item.key];
        if (typeof v !== 'number' || v < 1 || v > 5) continue;
        distribution[v - 1] = (distribution[v - 1] as number) + 1;
        sum += v;
        count++;
      }
      return {
        key: item.key,
        labelIt: item.it,
        labelEn: item.en,
        average: count ? Math.round((sum / count) * 100) / 100 : null,
        distribution,
      };
    }),
    comments: shown ? responses.flatMap((r) => (r.comment ? [r.comment] : [])) : [],
  };
}
