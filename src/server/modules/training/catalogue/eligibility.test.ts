import { describe, expect, it } from 'vitest';
import { describeEligibility, isEligible } from './eligibility.js';

const cuneo = { id: 4, name: 'Cuneo' };
const bergamo = { id: 16, name: 'Bergamo' };

describe('eligibility', () => {
  it('lets everyone in when the path is open to all', () => {
    const rule = { kind: 'all' as const, serviceModelCode: null, units: [] };
    expect(isEligible(rule, 4)).toBe(true);
    expect(isEligible(rule, null)).toBe(true);
    expect(describeEligibility(rule, null, 'it')).toMatch(/tutte le Province/);
  });

  it('follows the Convenzioni for agreement-only paths', () => {
    const rule = { kind: 'agreement' as const, serviceModelCode: 'SUA', units: [cuneo] };
    expect(isEligible(rule, 4)).toBe(true);
    expect(isEligible(rule, 16)).toBe(false);
    expect(isEligible(rule, null)).toBe(false);
    expect(describeEligibility(rule, 'Stazione Unica Appaltante', 'it')).toBe(
      'Riservato alle Province con una Convenzione attiva per il modello di servizio Stazione Unica Appaltante: Cuneo.',
    );
    expect(describeEligibility({ ...rule, units: [] }, 'Stazione Unica Appaltante', 'en')).toMatch(
      /None has one yet/,
    );
  });

  it('limits chosen-unit paths to the listed units', () => {
    const rule = { kind: 'units' as const, serviceModelCode: null, units: [cuneo, bergamo] };
    expect(isEligible(rule, 16)).toBe(true);
    expect(isEligible(rule, 90)).toBe(false);
    expect(describeEligibility(rule, null, 'en')).toBe('Reserved to the staff of: Cuneo, Bergamo.');
  });
});
