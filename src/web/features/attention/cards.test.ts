import { describe, expect, it } from 'vitest';
import { type AttentionCounts, attentionCards, closingSoon } from './cards';

const zero: AttentionCounts = {
  pendingEnrolments: 0,
  signatures: 0,
  failedMail: 0,
  closingSurveys: 0,
  proposals: 0,
  transmittedPlans: 0,
  draftPaths: 0,
  draftEditions: 0,
};

describe('attentionCards', () => {
  it('is empty when nothing needs attention', () => {
    expect(attentionCards(zero)).toEqual([]);
  });

  it('keeps the counts above zero, in order, each with its page', () => {
    expect(attentionCards({ ...zero, draftPaths: 2, pendingEnrolments: 5, failedMail: 1 })).toEqual([
      { key: 'pendingEnrolments', count: 5, to: '/provincia/iscrizioni?status=pending' },
      { key: 'failedMail', count: 1, to: '/amministrazione/posta?status=failed' },
      { key: 'draftPaths', count: 2, to: '/amministrazione/catalogo?status=draft' },
    ]);
  });

  it("links a single proposal to its unit's plan, several to the national view", () => {
    expect(attentionCards({ ...zero, proposals: 1 }, { proposalUnitId: 16 })[0]?.to).toBe(
      '/riassetto/unita/16/piano',
    );
    expect(attentionCards({ ...zero, proposals: 3 }, { proposalUnitId: 16 })[0]?.to).toBe('/riassetto');
  });
});

describe('closingSoon', () => {
  const c = (status: string, closesOn: string) => ({ status, closesOn });
  it('counts open surveys closing within seven days, or overdue', () => {
    const list = [
      c('open', '2026-12-01'),
      c('open', '2026-12-07'),
      c('open', '2026-12-08'),
      c('open', '2026-11-20'),
      c('draft', '2026-12-02'),
      c('closed', '2026-12-02'),
    ];
    expect(closingSoon(list, '2026-11-30')).toBe(3);
    expect(closingSoon(list, '2026-11-30', 1)).toBe(2);
  });
});
