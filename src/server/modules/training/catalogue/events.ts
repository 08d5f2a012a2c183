/**
 * What the catalogue tells other modules when an edition or a path changes, inside the transaction of
 * the change: enrolment gives new seats to the waitlist, attendance recomputes completion, certificates
 * are issued on completion, the competency framework links a path to the competencies it names.
 */
declare module '../../../kernel/events.js' {
  interface DomainEvents {
    /** The edition's capacity grew: seats may be free for the waitlist. */
    'edition.capacityChanged': { editionId: number };
    /** Sessions added, moved or cancelled, or the completion rules changed. */
    'edition.requirementsChanged': { editionId: number };
    /** The edition was marked completed. */
    'edition.completed': { editionId: number };
    /**
     * A path was created, or its free-text competencies changed; `previous` are the texts before the
     * change (none for a new path).
     */
    'path.competenciesChanged': { pathId: number; previous: string[] };
  }
}

export {};
