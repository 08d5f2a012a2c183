/**
 * What the campaigns module tells other modules, inside the transaction of the change: the gap
 * summary is brought up to date, and the expected levels a campaign is judged against are frozen
 * when it closes.
 */
declare module '../../../kernel/events.js' {
  interface DomainEvents {
    /** The campaign closed (by hand or after its last day): answers are final. */
    'campaign.closed': { campaignId: number };
    /** An officer set manager levels on a respondent of the unit. */
    'campaign.assessed': { campaignId: number; unitId: number };
  }
}

export {};
