import { describe, expect, it } from 'vitest';
import { detailLabel, detailLines, detailValue } from './details';

describe('audit details as people read them', () => {
  it('labels known keys in both languages and splits unknown ones into words', () => {
    expect(detailLabel('programmePhase', 'it')).toBe('Fase del programma');
    expect(detailLabel('programmePhase', 'en')).toBe('Programme phase');
    expect(detailLabel('deadlineMoveDays', 'it')).toBe('Deadline move days');
    expect(detailLabel('toString', 'it')).toBe('To string');
  });

  it('writes days, instants, booleans and lists in the app’s format', () => {
    expect(detailValue('2026-12-19', 'it')).toBe('19 dic 2026');
    expect(detailValue('2026-12-19T13:30:00.000Z', 'it')).toBe('19 dic 2026, 14:30');
    expect(detailValue(true, 'it')).toBe('sì');
    expect(detailValue(false, 'en')).toBe('no');
    expect(detailValue([1, 2], 'it')).toBe('1, 2');
    expect(detailValue(null, 'it')).toBe('—');
    expect(detailValue(12500, 'it')).toBe('12.500');
  });

  it('reads a changed field as old → new and nests other objects', () => {
    const lines = detailLines(
      { programmePhase: { from: 1, to: 2 }, changes: { endsOn: { from: '2026-12-01', to: '2026-12-19' } } },
      'it',
    );
    expect(lines[0]).toEqual({ key: 'programmePhase', label: 'Fase del programma', value: '1 → 2' });
    expect(lines[1]?.children?.[0]).toEqual({
      key: 'endsOn',
      label: 'Ultimo giorno',
      value: '1 dic 2026 → 19 dic 2026',
    });
  });
});
