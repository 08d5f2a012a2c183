import { addDays } from '../../../common/rome-time';

/** How many days ahead an open survey's closing date counts as "closing soon". */
export const CLOSING_SOON_DAYS = 7;

/** The things a national administrator looks after, in the order the overview shows them. */
export const ATTENTION_KEYS = [
  'pendingEnrolments',
  'signatures',
  'failedMail',
  'closingSurveys',
  'proposals',
  'transmittedPlans',
  'draftPaths',
  'draftEditions',
] as const;
export type AttentionKey = (typeof ATTENTION_KEYS)[number];
export type AttentionCounts = Record<AttentionKey, number>;

/** One card: what, how many, and the page where it is dealt with. */
export type AttentionCard = { key: AttentionKey; count: number; to: string };

const LINKS: Record<AttentionKey, string> = {
  pendingEnrolments: '/provincia/iscrizioni?status=pending',
  signatures: '/formazione/firme',
  failedMail: '/amministrazione/posta?status=failed',
  closingSurveys: '/rilevazioni',
  proposals: '/riassetto',
  transmittedPlans: '/riassetto?plan=trasmesso',
  draftPaths: '/amministrazione/catalogo?status=draft',
  draftEditions: '/amministrazione/catalogo',
};

/**
 * The cards of what needs attention now: only the counts above zero (an empty list is the empty state).
 * A single restructuring proposal links straight to its unit's plan.
 */
export function attentionCards(
  counts: AttentionCounts,
  opts: { proposalUnitId?: number | null } = {},
): AttentionCard[] {
  return ATTENTION_KEYS.filter((key) => counts[key] > 0).map((key) => ({
    key,
    count: counts[key],
    to:
      key === 'proposals' && counts.proposals === 1 && opts.proposalUnitId
        ? `/riassetto/unita/${opts.proposalUnitId}/piano`
        : LINKS[key],
  }));
}

/** Open surveys whose closing day (Rome calendar) is within the next days, or already past. */
export function closingSoon(
  campaigns: readonly { status: string; closesOn: string }[],
  today: string,
  days = CLOSING_SOON_DAYS,
): number {
  const limit = addDays(today, days);
  return campaigns.filter((c) => c.status === 'open' && c.closesOn <= limit).length;
}
