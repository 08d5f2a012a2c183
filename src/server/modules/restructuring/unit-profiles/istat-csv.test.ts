import { describe, expect, it } from 'vitest';
import { isTotalAge, istatTable, readCode, readPopulation, yearInTitle } from './istat-csv.js';

describe('reading ISTAT population files', () => {
  it('reads Italian thousands and refuses decimals and words', () => {
    expect(readPopulation('1.234.567')).toBe(1_234_567);
    expect(readPopulation('579930')).toBe(579_930);
    expect(readPopulation('1 112 185')).toBe(1_112_185);
    expect(readPopulation('468,1')).toMatchObject({ en: expect.stringContaining('invalid') });
    expect(readPopulation('1.23.4')).toMatchObject({ en: expect.stringContaining('invalid') });
    expect(readPopulation('')).toMatchObject({ en: expect.stringContaining('invalid') });
  });

  it('pads province codes and tells summary rows from unknown codes', () => {
    expect(readCode('4')).toEqual({ kind: 'code', code: '004' });
    expect(readCode('215')).toEqual({ kind: 'code', code: '215' });
    expect(readCode('IT')).toEqual({ kind: 'summary' });
    expect(readCode('ITC1')).toEqual({ kind: 'summary' });
    expect(readCode('Totale')).toEqual({ kind: 'summary' });
    expect(readCode('ITC16')).toEqual({ kind: 'unknown' });
    expect(isTotalAge('999')).toBe(true);
    expect(isTotalAge('Totale')).toBe(true);
    expect(isTotalAge('42')).toBe(false);
  });

  it('finds the header below title lines and drops notes after the table', () => {
    const { table, headerLine } = istatTable('\uFEFFTitolo\n\nCodice;Totale\n004;1\nFonte: Istat, 2025\n');
    expect(headerLine).toBe(3);
    expect(table).toBe('Codice;Totale\n004;1');
    expect(() => istatTable('a;b\n1;2')).toThrow(/Header not found/);
    expect(yearInTitle('"Popolazione residente al 1° gennaio 2025"\nCodice;Totale\n004;1')).toBe('2025');
    expect(yearInTitle('Codice;Totale\n004;1')).toBeUndefined();
  });
});
