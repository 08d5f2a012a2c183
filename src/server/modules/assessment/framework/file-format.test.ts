import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FrameworkFile } from '../../../../common/framework.js';
import { AppError } from '../../../kernel/errors.js';
import {
  CSV_COLUMNS,
  type ReadResult,
  readFrameworkCsv,
  readFrameworkJson,
  readUpload,
  validateFrameworkFile,
  writeFrameworkCsv,
} from './file-format.js';
import { proposeVersion } from './tree.js';

const DOMAINS = ['giuridico-amministrativo', 'tecnologico', 'gestionale'];
const seedFile = readFileSync(
  new URL('../../../db/seed-data/competency-framework.json', import.meta.url),
  'utf8',
);
const meta = { version: '9', title: { it: 'Titolo', en: 'Title' }, source: { it: 'Fonte', en: 'Source' } };

function ok(r: ReadResult): FrameworkFile {
  if (!r.ok) throw new Error(r.problems.map((p) => p.messages.en).join('\n'));
  return r.file;
}
function problems(r: ReadResult) {
  if (r.ok) throw new Error('expected problems');
  return r.problems.map((p) => ({ path: p.path, it: p.messages.it, en: p.messages.en }));
}

const level = (s: string) => ({ it: `${s} it`, en: `${s} en` });
const small = (): FrameworkFile => ({
  ...meta,
  domains: [
    {
      code: 'tecnologico',
      areas: [
        {
          code: 'TE.1',
          name: { it: 'Dati, "aperti" e non', en: 'Data' },
          competencies: [
            {
              code: 'TE.1.1',
              name: { it: 'Interoperabilità', en: 'Interoperability' },
              description: { it: 'Righe\nsu due linee; con punto e virgola', en: 'Plain' },
              keywords: ['API', 'PDND', 'interoperabilita'],
              levels: { base: level('b'), intermedio: level('i'), avanzato: level('a') },
            },
            {
              code: 'TE.1.2',
              name: { it: 'Dati aperti', en: 'Open data' },
              description: { it: 'x', en: 'x' },
              keywords: [],
              levels: { base: level('b'), intermedio: level('i'), avanzato: level('a') },
            },
          ],
        },
      ],
    },
    {
      code: 'gestionale',
      areas: [
        {
          code: 'GE.1',
          name: { it: 'Fondi', en: 'Funds' },
          competencies: [
            {
              code: 'GE.1.1',
              name: { it: 'Rendicontazione', en: 'Reporting' },
              description: { it: 'y', en: 'y' },
              keywords: ['rendiconto'],
              levels: { base: level('b'), intermedio: level('i'), avanzato: level('a') },
            },
          ],
        },
      ],
    },
  ],
});

describe('the JSON format', () => {
  it('reads the default framework file', () => {
    const file = ok(readFrameworkJson(seedFile, DOMAINS));
    expect(file.domains.map((d) => d.code).sort()).toEqual([...DOMAINS].sort());
  });

  it('says where each problem is, in Italian and English', () => {
    const file = small() as unknown as { domains: { areas: { code: string; competencies: unknown[] }[] }[] };
    const c = file.domains[0]?.areas[0]?.competencies[0] as Record<string, unknown>;
    c.name = { it: 'Interoperabilità', en: '' };
    c.code = 'TE 1';
    delete c.levels;
    const found = problems(validateFrameworkFile(file, DOMAINS));
    expect(found).toContainEqual({
      path: 'domains.0.areas.0.competencies.0.name.en',
      it: 'domains[0].areas[0].competencies[0].name.en: obbligatorio',
      en: 'domains[0].areas[0].competencies[0].name.en: required',
    });
    expect(found).toContainEqual({
      path: 'domains.0.areas.0.competencies.0.code',
      it: 'domains[0].areas[0].competencies[0].code: lettere e cifre unite da . _ o -',
      en: 'domains[0].areas[0].competencies[0].code: letters and digits joined by . _ or -',
    });
    expect(found.map((p) => p.path)).toContain('domains.0.areas.0.competencies.0.levels');
  });

  it('refuses unknown domains, repeated codes and an empty framework', () => {
    const file = small();
    (file.domains[1] as { code: string }).code = 'sanitario';
    const second = file.domains[0]?.areas[0]?.competencies[1];
    if (second) second.code = 'te.1.1';
    const found = problems(validateFrameworkFile(file, DOMAINS));
    expect(found.map((p) => p.en)).toEqual([
      'domains[0].areas[0].competencies[1].code: competency code "te.1.1" already used in domains[0].areas[0].competencies[0]',
      'domains[1].code: unknown domain "sanitario" (allowed: giuridico-amministrativo, tecnologico, gestionale)',
    ]);
    expect(problems(validateFrameworkFile({ ...meta, domains: [] }, DOMAINS))[0]?.it).toBe(
      'domains: il quadro non contiene competenze',
    );
    expect(problems(readFrameworkJson('{"version": ', DOMAINS))[0]?.it).toMatch(/^JSON non valido: /);
  });
});

describe('the CSV format', () => {
  it('writes one row per competency and reads back the same content', () => {
    const file = small();
    const csv = writeFrameworkCsv(file);
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(
      lines[1]?.startsWith('tecnologico,TE.1,"Dati, ""aperti"" e non",Data,TE.1.1,Interoperabilità,'),
    ).toBe(true);
    expect(csv).toContain('"API; PDND; interoperabilita"');
    expect(ok(readFrameworkCsv(csv, DOMAINS, meta))).toEqual(file);
    // The default file survives the trip too.
    const seed = ok(readFrameworkJson(seedFile, DOMAINS));
    expect(ok(readFrameworkCsv(writeFrameworkCsv(seed), DOMAINS, seed))).toEqual(seed);
  });

  it('reads a spreadsheet’s semicolon-separated export', () => {
    const file = small();
    const rows = file.domains.flatMap((d) =>
      d.areas.flatMap((a) =>
        a.competencies.map((c) =>
          [
            d.code,
            a.code,
            a.name.it,
            a.name.en,
            c.code,
            c.name.it,
            c.name.en,
            c.description.it,
            c.description.en,
            c.keywords.join(';'),
            ...['base', 'intermedio', 'avanzato'].flatMap((l) => {
              const v = c.levels[l as 'base'];
              return [v.it, v.en];
            }),
          ]
            .map((v) => `"${v.replaceAll('"', '""')}"`)
            .join(';'),
        ),
      ),
    );
    expect(ok(readFrameworkCsv([CSV_COLUMNS.join(';'), ...rows].join('\n'), DOMAINS, meta))).toEqual(file);
  });

  it('gives each bad row and column', () => {
    const header = CSV_COLUMNS.join(',');
    const row = (over: Partial<Record<(typeof CSV_COLUMNS)[number], string>>) =>
      CSV_COLUMNS.map((c) => over[c] ?? (c === 'domain' ? 'gestionale' : `${c} x`)).join(',');
    const csv = [
      header,
      row({ area_code: 'A', competency_code: 'A.1' }),
      row({ area_code: 'A', competency_code: 'A.2', area_name_en: '' }),
      row({ area_code: 'B', competency_code: 'A.1', domain: 'sanitario' }),
      row({ area_code: 'A', competency_code: 'a.1' }),
      row({ area_code: 'A', competency_code: 'A.3', area_name_it: 'Altro nome' }),
      row({ area_code: 'C', competency_code: 'C.1', level_intermedio_en: '', keywords: 'uno;;due' }),
    ].join('\n');
    expect(problems(readFrameworkCsv(csv, DOMAINS, meta))).toEqual([
      {
        path: 'rows.3.area_name_en',
        it: 'Riga 3, colonna area_name_en: obbligatorio',
        en: 'Row 3, column area_name_en: required',
      },
      {
        path: 'rows.4.domain',
        it: 'Riga 4, colonna domain: ambito sconosciuto "sanitario" (ammessi: giuridico-amministrativo, tecnologico, gestionale)',
        en: 'Row 4, column domain: unknown domain "sanitario" (allowed: giuridico-amministrativo, tecnologico, gestionale)',
      },
      {
        path: 'rows.5.competency_code',
        it: 'Riga 5, colonna competency_code: codice "a.1" già usato alla riga 2',
        en: 'Row 5, column competency_code: code "a.1" already used on row 2',
      },
      {
        path: 'rows.6.area_code',
        it: 'Riga 6, colonna area_code: l’area "A" ha ambito o nomi diversi alla riga 2',
        en: 'Row 6, column area_code: area "A" has another domain or other names on row 2',
      },
      {
        path: 'rows.7.level_intermedio_en',
        it: 'Riga 7, colonna level_intermedio_en: obbligatorio',
        en: 'Row 7, column level_intermedio_en: required',
      },
    ]);
  });

  it('names the missing columns', () => {
    const [p] = problems(readFrameworkCsv('domain,area_code\ngestionale,A\n', DOMAINS, meta));
    expect(p?.path).toBe('header');
    expect(p?.it).toContain('mancano: area_name_it, area_name_en, competency_code');
    expect(problems(readFrameworkCsv(`${CSV_COLUMNS.join(',')}\n`, DOMAINS, meta))[0]?.en).toContain(
      'data rows are needed',
    );
  });
});

describe('uploads are judged by their content', () => {
  const code = (f: () => unknown) => {
    try {
      f();
    } catch (err) {
      if (err instanceof AppError) return [err.code, err.messages.it];
      throw err;
    }
    return null;
  };

  it('accepts JSON and CSV text that says what it is, with or without a BOM', () => {
    expect(readUpload(Buffer.from('\uFEFF{"a":1}'), 'quadro.JSON')).toEqual({
      kind: 'json',
      text: '{"a":1}',
    });
    expect(readUpload(Buffer.from('domain,area_code\n'), 'quadro.csv').kind).toBe('csv');
  });

  it('refuses a file whose content is not what its name says', () => {
    expect(code(() => readUpload(Buffer.from('domain,area_code\n'), 'quadro.json'))).toEqual([
      'FILE_TYPE_MISMATCH',
      'Il file "quadro.json" ha estensione .json ma il contenuto è CSV.',
    ]);
    expect(code(() => readUpload(Buffer.from('  {"version":"1"}'), 'quadro.csv'))?.[0]).toBe(
      'FILE_TYPE_MISMATCH',
    );
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0, 1, 2])]);
    expect(code(() => readUpload(pdf, 'quadro.csv'))).toEqual([
      'FILE_TYPE_MISMATCH',
      'Il file "quadro.csv" non è un testo CSV (il contenuto è PDF): salvalo come CSV in UTF-8.',
    ]);
    const xlsx = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);
    expect(code(() => readUpload(xlsx, 'quadro.csv'))?.[1]).toContain('ZIP/Office');
    expect(code(() => readUpload(Buffer.from([0x61, 0xe0, 0x2c, 0x62]), 'latin1.csv'))?.[0]).toBe(
      'FILE_TYPE_MISMATCH',
    );
  });

  it('takes only .json and .csv names', () => {
    expect(code(() => readUpload(Buffer.from('{}'), 'quadro.xlsx'))?.[0]).toBe('UNSUPPORTED_FILE');
    expect(code(() => readUpload(Buffer.from('{}'), 'quadro'))?.[0]).toBe('UNSUPPORTED_FILE');
  });
});

describe('version labels', () => {
  it('raise the last number, or add one', () => {
    const none = () => false;
    expect(proposeVersion('2026.1', none)).toBe('2026.2');
    expect(proposeVersion('v9', none)).toBe('v10');
    expect(proposeVersion('2026.0-segnaposto', none)).toBe('2026.0-segnaposto.1');
    const taken = new Set(['2026.2', '2026.3']);
    expect(proposeVersion('2026.1', (l) => taken.has(l))).toBe('2026.4');
  });
});
