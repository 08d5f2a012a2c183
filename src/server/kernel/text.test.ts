import { describe, expect, it } from 'vitest';
import { readCsv, readCsvRows } from './csv.js';
import { AppError } from './errors.js';
import { cleanText, cleanTree, headerText } from './text.js';

const decomposed = 'Citta\u0300 e\u0300 perche\u0301';
const composed = 'Città è perché';

describe('cleanText', () => {
  it('normalises to NFC: a decomposed letter becomes the composed one', () => {
    expect(decomposed).not.toBe(composed);
    expect(cleanText(decomposed)).toEqual({ ok: true, value: composed });
    expect(cleanText(composed)).toEqual({ ok: true, value: composed });
  });

  it('keeps tabs, new lines, emoji and every script', () => {
    for (const s of ['a\tb\r\nc', 'ciao 👋🏽', 'Ελληνικά', 'مرحبا', 'עברית', '中文', '']) {
      expect(cleanText(s)).toEqual({ ok: true, value: s });
    }
  });

  it.each([
    ['NUL', 'a\u0000b', 'control'],
    ['a C0 control', 'a\u0007b', 'control'],
    ['form feed', 'a\u000Cb', 'control'],
    ['DEL', 'a\u007Fb', 'control'],
    ['a C1 control', 'a\u0085b', 'control'],
    ['a lone high surrogate', 'a\uD800b', 'surrogate'],
    ['a lone low surrogate', '\uDFFFabcd', 'surrogate'],
    ['a reversed pair', '\uDC00\uD800', 'surrogate'],
    ['RLO', 'Mario \u202ERossi', 'bidi'],
    ['LRE', '\u202Ax', 'bidi'],
    ['PDF', 'x\u202C', 'bidi'],
    ['RLI', '\u2067x', 'bidi'],
    ['PDI', 'x\u2069', 'bidi'],
  ] as const)('refuses %s', (_, s, problem) => {
    expect(cleanText(s)).toEqual({ ok: false, problem });
  });

  it('drops the implicit direction marks LRM, RLM and ALM', () => {
    expect(cleanText('\u200FMario\u200E Rossi\u061C')).toEqual({ ok: true, value: 'Mario Rossi' });
  });

  it('leaves a secret as sent, refusing only a NUL or a lone surrogate', () => {
    for (const s of [decomposed, 'pass\u202Eword', 'a\u0007b', '\u200Fx'])
      expect(cleanText(s, 'secret')).toEqual({ ok: true, value: s });
    expect(cleanText('a\u0000b', 'secret')).toEqual({ ok: false, problem: 'control' });
    expect(cleanText('a\uD800b', 'secret')).toEqual({ ok: false, problem: 'surrogate' });
  });
});

describe('cleanTree', () => {
  it('cleans every string in place, at any depth, and keeps other values', () => {
    const body = {
      name: decomposed,
      tags: [decomposed, 3, null, true],
      nested: { deep: [{ x: decomposed }] },
    };
    const { value, issues } = cleanTree(body);
    expect(issues).toEqual([]);
    expect(value).toBe(body);
    expect(body).toEqual({
      name: composed,
      tags: [composed, 3, null, true],
      nested: { deep: [{ x: composed }] },
    });
  });

  it('returns a new value when the value itself is a string', () => {
    expect(cleanTree(decomposed)).toEqual({ value: composed, issues: [] });
  });

  it('names the place of every problem, keys included', () => {
    const { issues } = cleanTree({
      name: 'a\u0000',
      answers: { '12': ['ok', 'b\uD800'] },
      'bad\u202Ekey': 'x',
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: ['name'], problem: 'control' },
        { path: ['answers', '12', 1], problem: 'surrogate' },
        { path: ['bad\u202Ekey'], problem: 'bidi' },
      ]),
    );
    expect(issues).toHaveLength(3);
  });

  it('treats the strings under a key naming a password as secrets', () => {
    const body = {
      email: 'x@y.it',
      password: decomposed,
      newPassword: decomposed,
      currentPassword: '\u202E',
    };
    expect(cleanTree(body).issues).toEqual([]);
    expect(body.password).toBe(decomposed);
    expect(body.newPassword).toBe(decomposed);
    expect(cleanTree({ password: 'a\u0000' }).issues).toEqual([{ path: ['password'], problem: 'control' }]);
  });

  it('stops after twenty problems', () => {
    expect(cleanTree(Array.from({ length: 1000 }, () => '\u0000')).issues).toHaveLength(20);
  });

  it('walks a very deep value without overflowing the stack', () => {
    let deep: unknown = 'a\u0000';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    const { issues } = cleanTree(deep);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toHaveLength(200_000);
  });
});

describe('readCsv under the text rule', () => {
  it('normalises every cell', () => {
    expect(readCsv(`name,email\n${decomposed},x@y.it\n`)).toEqual([{ name: composed, email: 'x@y.it' }]);
  });

  it('refuses a file with a bad cell, naming its row and column', () => {
    const read = () => readCsv('name,email\nMario,a@b.it\nMario \u202ERossi,x@y.it\n');
    expect(read).toThrow(AppError);
    try {
      read();
    } catch (err) {
      const e = err as AppError;
      expect(e.statusCode).toBe(400);
      expect(e.code).toBe('INVALID_TEXT');
      expect(e.details?.map((d) => d.path)).toEqual(['rows.3.name']);
      expect(e.details?.[0]?.messages.en).toMatch(/^Row 3, column name: .*bidirectional/);
    }
  });
});

describe('headerText', () => {
  it('drops control characters from a header kept for reading, and bounds its length', () => {
    expect(headerText('Mozilla/5.0\u0085 (X11)\u0007', 300)).toBe('Mozilla/5.0 (X11)');
    expect(headerText('x'.repeat(400), 300)).toHaveLength(300);
    expect(headerText('\u0001\u009f', 300)).toBeNull();
    expect(headerText(undefined, 300)).toBeNull();
  });
});

describe('readCsvRows under the text rule', () => {
  it('keeps every line with its number, blank ones and uneven ones included, cells normalised', () => {
    expect(readCsvRows(`1. Summary\r\n\r\nname\temail\r\n${decomposed}\tx@y.it\r\n`, '\t')).toEqual([
      { line: 1, cells: ['1. Summary'] },
      { line: 2, cells: [''] },
      { line: 3, cells: ['name', 'email'] },
      { line: 4, cells: [composed, 'x@y.it'] },
    ]);
  });

  it('refuses a bad cell with its line and column, and text it cannot split', () => {
    try {
      readCsvRows('a;b\nMario;\u202ERossi\n', ';');
      expect.unreachable();
    } catch (err) {
      expect((err as AppError).code).toBe('INVALID_TEXT');
      expect((err as AppError).details?.map((d) => d.path)).toEqual(['rows.2.2']);
    }
    expect(() => readCsvRows('"a"b,c\n', ',')).toThrow(expect.objectContaining({ code: 'INVALID_CSV' }));
  });
});
