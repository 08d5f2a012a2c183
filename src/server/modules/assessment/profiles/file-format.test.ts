import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../kernel/csv.js';
import { readProfileCsv, readUpload, writeProfileCsv } from './file-format.js';

const known = (code: string, level: number | null) =>
  code.startsWith('GA-') || (code === 'OLD-1' && level === null);

describe('the profile CSV', () => {
  it('reads what it writes', () => {
    const csv = writeProfileCsv('dirigente', [
      { competencyCode: 'GA-CP-01', level: 3 },
      { competencyCode: 'GA-CP-02', level: 0 },
    ]);
    expect(readCsv(csv)).toEqual([
      { job_profile: 'dirigente', competency_code: 'GA-CP-01', level: '3' },
      { job_profile: 'dirigente', competency_code: 'GA-CP-02', level: '0' },
    ]);
    expect(readProfileCsv(csv.replace(/^\uFEFF/, ''), 'dirigente', known)).toEqual({
      ok: true,
      rows: [
        { row: 2, competencyCode: 'GA-CP-01', level: 3 },
        { row: 3, competencyCode: 'GA-CP-02', level: 0 },
      ],
    });
  });

  it('takes semicolons, an empty level as a removal, and an old code only to remove it', () => {
    const read = readProfileCsv(
      'Job_Profile;Competency_Code;Level\ndirigente;GA-1;\ndirigente;OLD-1;\n',
      'dirigente',
      known,
    );
    expect(read).toEqual({
      ok: true,
      rows: [
        { row: 2, competencyCode: 'GA-1', level: null },
        { row: 3, competencyCode: 'OLD-1', level: null },
      ],
    });
  });

  it('lists every wrong row, in both languages', () => {
    const read = readProfileCsv(
      [
        'job_profile,competency_code,level',
        'dirigente,GA-1,4',
        'dirigente,GA-2,1.5',
        'dirigente,OLD-1,2',
        'funzionario-tecnico,GA-3,1',
        'dirigente,,1',
        'dirigente,GA 4,1',
        'dirigente,GA-5,-1',
        'dirigente,GA-6,2',
        'dirigente,GA-6,1',
      ].join('\n'),
      'dirigente',
      known,
    );
    if (read.ok) throw new Error('should be refused');
    expect(read.problems.map((p) => p.path)).toEqual([
      'rows.2.level',
      'rows.3.level',
      'rows.4.competency_code',
      'rows.5.job_profile',
      'rows.6.competency_code',
      'rows.7.competency_code',
      'rows.8.level',
      'rows.10.competency_code',
    ]);
    expect(read.problems[0]?.messages).toEqual({
      it: 'Riga 2, colonna level: "4" non è un livello: 0, 1, 2 o 3 (vuoto toglie il livello)',
      en: 'Row 2, column level: "4" is not a level: 0, 1, 2 or 3 (empty removes the level)',
    });
    expect(read.problems.at(-1)?.messages.en).toBe(
      'Row 10, column competency_code: "GA-6" is already on row 9',
    );
  });

  it('asks for the header and for data rows', () => {
    const read = readProfileCsv('profile,code\nx,y\n', 'dirigente', known);
    expect(read.ok).toBe(false);
    if (!read.ok)
      expect(read.problems[0]?.messages.en).toContain('missing: job_profile, competency_code, level');
    expect(readProfileCsv('job_profile,competency_code,level\n', 'dirigente', known).ok).toBe(false);
  });

  it('takes UTF-8 text named .csv only', () => {
    expect(readUpload(Buffer.from('\uFEFFa,b'), 'x.CSV')).toBe('a,b');
    expect(() => readUpload(Buffer.from('a,b'), 'x.xlsx')).toThrow(/\.csv/);
    expect(() => readUpload(Buffer.from([0x61, 0, 0x62]), 'x.csv')).toThrow(/UTF-8/);
    expect(() => readUpload(Buffer.from([0xff, 0xfe, 0x41]), 'x.csv')).toThrow(/UTF-8/);
  });
});
