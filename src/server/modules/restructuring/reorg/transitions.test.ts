import { describe, expect, it } from 'vitest';
import { REORG_STATUSES } from '../../../../common/restructuring.js';
import { nextStatuses, TRANSITIONS, transition } from './transitions.js';

const officer = { unit: true, taskForce: false };
const taskForce = { unit: true, taskForce: true };

describe('the plan workflow', () => {
  it('walks the usual path: non avviato → in predisposizione → adottato → trasmesso → verificato', () => {
    expect(transition('non_avviato', 'in_predisposizione')?.by).toBe('unit');
    expect(transition('in_predisposizione', 'adottato')).toMatchObject({ by: 'unit', needsAct: true });
    expect(transition('adottato', 'trasmesso')?.by).toBe('unit');
    expect(transition('trasmesso', 'verificato')?.by).toBe('taskForce');
  });

  it('lets only the task force ask for an update, from an adopted, transmitted or verified plan', () => {
    for (const from of REORG_STATUSES) {
      const t = transition(from, 'da_aggiornare');
      if (['adottato', 'trasmesso', 'verificato'].includes(from)) expect(t?.by).toBe('taskForce');
      else expect(t).toBeNull();
    }
  });

  it('sends an update back to preparation, or to adoption with an act', () => {
    expect(transition('da_aggiornare', 'in_predisposizione')?.by).toBe('unit');
    expect(transition('da_aggiornare', 'adottato')).toMatchObject({ by: 'unit', needsAct: true });
  });

  it('refuses skips, loops and moves backwards', () => {
    expect(transition('non_avviato', 'adottato')).toBeNull();
    expect(transition('in_predisposizione', 'trasmesso')).toBeNull();
    expect(transition('verificato', 'trasmesso')).toBeNull();
    expect(transition('adottato', 'adottato')).toBeNull();
    expect(transition('trasmesso', 'non_avviato')).toBeNull();
    for (const s of REORG_STATUSES) expect(transition(s, 'non_avviato')).toBeNull();
  });

  it('needs an act exactly for the moves into adopted', () => {
    for (const t of TRANSITIONS) expect(Boolean(t.needsAct)).toBe(t.to === 'adottato');
  });

  it('lists the moves each caller may make', () => {
    expect(nextStatuses('trasmesso', officer)).toEqual([]);
    expect(nextStatuses('trasmesso', taskForce)).toEqual(['verificato', 'da_aggiornare']);
    expect(nextStatuses('adottato', officer)).toEqual(['trasmesso']);
    expect(nextStatuses('adottato', taskForce)).toEqual(['trasmesso', 'da_aggiornare']);
    expect(nextStatuses('da_aggiornare', officer)).toEqual(['in_predisposizione', 'adottato']);
    expect(nextStatuses('verificato', { unit: false, taskForce: false })).toEqual([]);
  });
});
