import type { ReorgStatus } from '../../../../common/restructuring.js';

/**
 * Who moves a plan's workflow: the unit (its officer, or the task force on its behalf) prepares,
 * adopts and transmits the plan; only the task force verifies it or asks for an update.
 */
export type Mover = 'unit' | 'taskForce';

export type Transition = {
  from: ReorgStatus;
  to: ReorgStatus;
  by: Mover;
  /** Adopting needs an act (type, number, date) in the current validated version. */
  needsAct?: true;
};

/** Every allowed change of status; anything not listed is refused. */
export const TRANSITIONS: readonly Transition[] = [
  { from: 'non_avviato', to: 'in_predisposizione', by: 'unit' },
  { from: 'in_predisposizione', to: 'adottato', by: 'unit', needsAct: true },
  { from: 'adottato', to: 'trasmesso', by: 'unit' },
  { from: 'trasmesso', to: 'verificato', by: 'taskForce' },
  { from: 'adottato', to: 'da_aggiornare', by: 'taskForce' },
  { from: 'trasmesso', to: 'da_aggiornare', by: 'taskForce' },
  { from: 'verificato', to: 'da_aggiornare', by: 'taskForce' },
  { from: 'da_aggiornare', to: 'in_predisposizione', by: 'unit' },
  // Back to adopted only with a new act: a version validated after the request for an update.
  { from: 'da_aggiornare', to: 'adottato', by: 'unit', needsAct: true },
];

export function transition(from: ReorgStatus, to: ReorgStatus): Transition | null {
  return TRANSITIONS.find((t) => t.from === from && t.to === to) ?? null;
}

/** The statuses a caller may move to from `from`; the task force may also make the unit's moves. */
export function nextStatuses(from: ReorgStatus, who: { unit: boolean; taskForce: boolean }): ReorgStatus[] {
  return TRANSITIONS.filter(
    (t) => t.from === from && (t.by === 'unit' ? who.unit || who.taskForce : who.taskForce),
  ).map((t) => t.to);
}
