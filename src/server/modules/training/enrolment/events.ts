declare module '../../../kernel/events.js' {
  interface DomainEvents {
    /** A confirmed enrolment was cancelled or moved away: its completion no longer stands. */
    'enrolment.left': { enrolmentId: number };
  }
}

export {};
