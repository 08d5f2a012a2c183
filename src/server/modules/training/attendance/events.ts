declare module '../../../kernel/events.js' {
  interface DomainEvents {
    /** An enrolment's minutes or completion were recomputed (an attestato may now be due). */
    'completion.changed': { enrolmentId: number };
  }
}

export {};
