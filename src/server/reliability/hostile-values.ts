/**
 * The catalogue of hostile values, by the kind of field they are aimed at. Each entry has a label
 * (the defect class it probes, as reported when it breaks a route) and the value sent.
 */

export type Hostile = { label: string; value: unknown };

/** A value that is not JSON at all but the raw text (or bytes) sent in its place. */
export class Raw {
  constructor(readonly text: string | Buffer) {}
}

/** A field left out of its object. */
export const OMIT = Symbol('omit');

/** A change of the value found at its place (an uploaded file's content or name), not a replacement. */
export class Edit {
  constructor(readonly apply: (v: unknown) => unknown) {}
}

/** A whole request body sent as it is, with its own content type, in place of the upload. */
export class WholeBody {
  constructor(
    readonly payload: string | Buffer,
    readonly contentType: string,
  ) {}
}

/** An uploaded file: the multipart field "file", with text fields sent before it. */
export type Upload = {
  filename: string | Raw;
  content: string | Buffer | Uint8Array;
  type?: string;
  field?: string;
  fields?: Record<string, string>;
};

/** The boundary of the multipart bodies the cases send. */
export const BOUNDARY = '----officina-hostile';

/** The body limit of the app (buildApp: 1 MB). */
const BODY_LIMIT = 1024 * 1024;

// Built once and shared: the large values cost memory, not time, when reused.
const nearBodyLimit = 'a'.repeat(BODY_LIMIT - 4096);
const overBodyLimit = 'a'.repeat(BODY_LIMIT + 16);
const veryLong = 'x'.repeat(100_000);

function deepObject(depth: number): unknown {
  let v: unknown = { a: 1 };
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

function deepArray(depth: number): unknown {
  let v: unknown = [1];
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

/** An object whose own keys are the names that pollute prototypes when merged naively. */
export function withOwnKey(base: Record<string, unknown>, key: string, value: unknown) {
  const o = { ...base };
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
  return o;
}

/** Wrong types: sent in place of any field. */
export const WRONG_TYPES: Hostile[] = [
  { label: 'wrong type: null', value: null },
  { label: 'wrong type: boolean', value: true },
  { label: 'wrong type: number', value: 7 },
  { label: 'wrong type: string', value: 'x' },
  { label: 'wrong type: object', value: { a: 1 } },
  { label: 'wrong type: array', value: [1, 'a'] },
  { label: 'deep nesting (object)', value: deepObject(2000) },
  { label: 'deep nesting (array)', value: deepArray(2000) },
];

/** Integer and number fields, in a JSON body (numbers and numeric strings). */
export const NUMBERS: Hostile[] = [
  { label: 'int32 max', value: 2147483647 },
  { label: 'int32 overflow', value: 2147483648 },
  { label: 'int32 underflow', value: -2147483649 },
  { label: 'beyond safe integer', value: 2 ** 53 + 2 },
  { label: 'negative', value: -1 },
  { label: 'zero', value: 0 },
  { label: 'huge (1e21)', value: 1e21 },
  { label: 'fraction', value: 1.5 },
  { label: 'numeric string', value: '1' },
  { label: 'numeric string NaN', value: 'NaN' },
  { label: 'numeric string Infinity', value: 'Infinity' },
  { label: 'numeric string 1e400', value: '1e400' },
];

/** Integer fields in a path or query: everything arrives as text. */
export const NUMERIC_TEXT: Hostile[] = [
  { label: 'int32 max', value: '2147483647' },
  { label: 'int32 overflow', value: '2147483648' },
  { label: 'int32 underflow', value: '-2147483649' },
  { label: 'beyond safe integer', value: '9007199254740993' },
  { label: 'negative', value: '-1' },
  { label: 'zero', value: '0' },
  { label: 'huge (1e21)', value: '1e21' },
  { label: 'fraction', value: '1.5' },
  { label: 'numeric string NaN', value: 'NaN' },
  { label: 'numeric string Infinity', value: 'Infinity' },
  { label: 'numeric string 1e400', value: '1e400' },
  { label: 'hexadecimal', value: '0x10' },
  { label: 'padded number', value: ' 1 ' },
  { label: 'empty', value: '' },
];

/** Text fields. `minLength` keeps the value long enough to pass a length check and reach the code. */
export function strings(minLength: number, maxLength: number | undefined): Hostile[] {
  const pad = (s: string) => (s.length >= minLength ? s : s + 'a'.repeat(minLength - s.length));
  return [
    { label: 'NUL byte', value: pad('ab\u0000cd') },
    { label: 'lone surrogate', value: pad('ab\uD800cd') },
    { label: 'lone low surrogate', value: pad('\uDFFFabcd') },
    { label: 'bidi control', value: pad('abc\u202Edef') },
    { label: 'bidi isolate', value: pad('\u2066abcd\u2069') },
    { label: 'decomposed unicode', value: pad('Cafe\u0301 perche\u0300') },
    { label: 'zero-width characters', value: pad('a\u200Bb\uFEFFc') },
    { label: 'control characters', value: pad('a\u0001\u001b[31m\u007f') },
    { label: 'whitespace only', value: ' '.repeat(Math.max(minLength, 3)) },
    { label: 'empty', value: '' },
    { label: 'SQL and LIKE metacharacters', value: pad("%_\\' OR 1=1 --") },
    { label: 'emoji (4-byte UTF-8)', value: pad('😀🇮🇹') },
    ...(maxLength !== undefined ? [{ label: 'one past maxLength', value: 'a'.repeat(maxLength + 1) }] : []),
    { label: 'very long string', value: veryLong },
    { label: 'string near the body limit', value: nearBodyLimit },
    { label: 'string past the body limit', value: overBodyLimit },
  ];
}

/** Strings that match a `YYYY-MM-DD` pattern but are not dates. */
export const DATES: Hostile[] = [
  { label: 'impossible date 2026-02-30', value: '2026-02-30' },
  { label: 'impossible date 2026-13-01', value: '2026-13-01' },
  { label: 'impossible date 0000-00-00', value: '0000-00-00' },
  { label: 'impossible date 2026-02-29', value: '2026-02-29' },
  { label: 'impossible date 2026-04-31', value: '2026-04-31' },
  { label: 'extreme date 9999-12-31', value: '9999-12-31' },
  { label: 'extreme date 0001-01-01', value: '0001-01-01' },
  { label: 'date without padding', value: '2026-1-1' },
];

/** Instants: impossible days and times, no zone, out of range. */
export const DATE_TIMES: Hostile[] = [
  { label: 'impossible date-time (Feb 30)', value: '2026-02-30T10:00:00Z' },
  { label: 'impossible time 25:61', value: '2026-03-10T25:61:00Z' },
  { label: 'date-time without zone', value: '2026-03-10T10:00:00' },
  { label: 'extreme date-time', value: '+275760-09-13T00:00:00.000Z' },
  { label: 'extreme date-time year 9999', value: '9999-12-31T23:59:59Z' },
  { label: 'time only 25:61', value: '25:61' },
];

export const UUIDS: Hostile[] = [
  { label: 'malformed uuid', value: '00000000-0000-0000-0000-00000000000g' },
  { label: 'nil uuid', value: '00000000-0000-0000-0000-000000000000' },
  { label: 'max uuid', value: 'ffffffff-ffff-ffff-ffff-ffffffffffff' },
  { label: 'uuid with NUL', value: '\u000000000000-0000-4000-8000-000000000000' },
];

export const URIS: Hostile[] = [
  { label: 'javascript: URL', value: 'javascript:alert(1)' },
  { label: 'URL with NUL', value: 'https://example.org/\u0000' },
  { label: 'malformed URL', value: 'http://[::1' },
];

export const EMAILS: Hostile[] = [
  { label: 'malformed e-mail', value: 'a@' },
  { label: 'e-mail with NUL', value: 'a\u0000@example.org' },
  { label: 'e-mail with bidi control', value: 'a\u202E@example.org' },
  { label: 'e-mail past column size', value: `${'a'.repeat(300)}@example.org` },
];

export function enums(values: unknown[]): Hostile[] {
  const first = String(values[0] ?? 'x');
  return [
    { label: 'unknown enum value', value: 'not-a-value' },
    {
      label: 'enum value in another case',
      value: first.toUpperCase() === first ? first.toLowerCase() : first.toUpperCase(),
    },
    { label: 'enum value with NUL', value: `${first}\u0000` },
  ];
}

export const BOOLEANS: Hostile[] = [
  { label: 'boolean as string', value: 'true' },
  { label: 'boolean as number', value: 1 },
];

export function arrays(maxItems: number | undefined, item: unknown): Hostile[] {
  return [
    ...(maxItems !== undefined
      ? [{ label: 'one past maxItems', value: Array.from({ length: maxItems + 1 }, () => item) }]
      : []),
    { label: 'huge array', value: Array.from({ length: 100_000 }, () => item) },
    { label: 'empty array', value: [] },
    { label: 'sparse nulls in array', value: [item, null, item] },
  ];
}

/** Keys added to an object. */
export const EXTRA_KEYS: { label: string; key: string; value: unknown }[] = [
  { label: 'extra key __proto__', key: '__proto__', value: { isAdmin: true, polluted: 1 } },
  { label: 'extra key constructor', key: 'constructor', value: { prototype: { polluted: 1 } } },
  { label: 'extra unknown field', key: 'unexpectedField', value: 'x' },
];

/** Whole bodies that are not what a JSON route expects. */
export const BODIES: Hostile[] = [
  { label: 'invalid JSON', value: new Raw('{"a":') },
  { label: 'empty JSON body', value: new Raw('') },
  {
    label: 'invalid UTF-8 in JSON',
    value: new Raw(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])),
  },
  { label: 'body is an array', value: [] },
  { label: 'body is a string', value: 'x' },
  { label: 'body is null', value: null },
  { label: 'deep nesting (raw JSON)', value: new Raw(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) },
  { label: '__proto__ in raw JSON', value: new Raw('{"__proto__":{"polluted":1}}') },
  { label: 'body past the limit', value: { a: overBodyLimit } },
];

/** Path segments, sent as they are (already percent-encoded where needed). */
export const SEGMENTS: Hostile[] = [
  { label: 'id past int32', value: new Raw('2147483648') },
  { label: 'id past safe integer', value: new Raw('99999999999999999999') },
  { label: 'negative id', value: new Raw('-1') },
  { label: 'fractional id', value: new Raw('1.5') },
  { label: 'encoded NUL', value: new Raw('%00') },
  { label: 'encoded traversal', value: new Raw('..%2f..%2fetc%2fpasswd') },
  { label: 'malformed percent-encoding', value: new Raw('%ZZ') },
  { label: 'encoded lone surrogate', value: new Raw('%ED%A0%80') },
  { label: 'encoded bidi control', value: new Raw('%E2%80%AEabc') },
  { label: 'very long segment', value: new Raw('9'.repeat(5000)) },
  { label: 'empty segment', value: new Raw('') },
];

/** Query-string additions, sent as they are. */
export const QUERY_FRAGMENTS: Hostile[] = [
  { label: 'unknown query parameter', value: new Raw('unknownParam=1') },
  { label: '__proto__ query parameter', value: new Raw('__proto__=1&constructor=x') },
  { label: 'encoded NUL in query', value: new Raw('q=%00') },
  { label: 'malformed percent-encoding in query', value: new Raw('q=%ZZ&%E0%A4%A=1') },
];

const bytesOf = (v: unknown) => Buffer.from((v as Upload['content'] | undefined) ?? '');
const lines = (b: Buffer) => b.toString('latin1').split('\n');

/** The content with `bytes` put in the middle of its last line that holds something. */
function intoLastLine(bytes: Buffer) {
  return new Edit((content) => {
    const b = bytesOf(content);
    const all = lines(b);
    let i = all.length - 1;
    while (i > 0 && !all[i]?.trim()) i--;
    const offset =
      all.slice(0, i).reduce((n, l) => n + l.length + 1, 0) + Math.floor((all[i]?.length ?? 0) / 2);
    return Buffer.concat([b.subarray(0, offset), bytes, b.subarray(offset)]);
  });
}

const onContent = (change: (b: Buffer) => Buffer) => new Edit((content) => change(bytesOf(content)));
/** A change of the upload; a body already replaced by a whole one stays as it is. */
const onUpload = (change: (f: Upload) => Upload) =>
  new Edit((u) => (u instanceof WholeBody ? u : change(u as Upload)));

const HUGE_LINE = 'x'.repeat(1024 * 1024);
/** Past the multipart file limit of the app (5 MB). */
const PAST_FILE_LIMIT = Buffer.alloc(5 * 1024 * 1024 + 16, 0x61);
const utf8 = (s: string) => Buffer.from(s, 'utf8');

/** Multipart bodies built by hand: no file, two files, a part never closed. */
const multipartOf = (parts: string[], close = true) =>
  new WholeBody(
    `${parts.map((p) => `--${BOUNDARY}\r\n${p}\r\n`).join('')}${close ? `--${BOUNDARY}--\r\n` : ''}`,
    `multipart/form-data; boundary=${BOUNDARY}`,
  );
const filePart = (name: string) =>
  `Content-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/plain\r\n\r\na;b\n1;2`;

/**
 * Uploaded files: at `content` the valid file changed (a NUL, a bidirectional control, bytes that
 * are not UTF-8, another format's signature, a line of a megabyte), at `filename` hostile names, and
 * whole bodies that are not the one-file multipart the routes read.
 */
export const FILES: { path: string[]; hostile: Hostile[] }[] = [
  {
    path: ['content'],
    hostile: [
      { label: 'NUL byte in the file', value: intoLastLine(Buffer.from([0])) },
      { label: 'bidi control in the file', value: intoLastLine(utf8('\u202E')) },
      { label: 'decomposed unicode in the file', value: intoLastLine(utf8('Cafe\u0301')) },
      { label: 'invalid UTF-8 in the file', value: intoLastLine(Buffer.from([0xff, 0xfe, 0xe2, 0x82])) },
      {
        label: 'overlong UTF-8 in the file',
        value: intoLastLine(Buffer.from([0xc0, 0xaf, 0xe0, 0x80, 0xaf])),
      },
      { label: 'encoded lone surrogate in the file', value: intoLastLine(Buffer.from([0xed, 0xa0, 0x80])) },
      { label: 'control characters in the file', value: intoLastLine(utf8('\u0001\u001b[31m\u007f')) },
      { label: 'spreadsheet formula in the file', value: intoLastLine(utf8('=HYPERLINK("http://x")')) },
      {
        label: 'file with the PNG signature',
        value: onContent((b) => Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), b])),
      },
      {
        label: 'file with the ZIP signature',
        value: onContent((b) => Buffer.concat([Buffer.from('504b0304', 'hex'), b])),
      },
      {
        label: 'file with the PDF signature',
        value: onContent((b) => Buffer.concat([utf8('%PDF-1.7\n'), b])),
      },
      { label: 'file without its first bytes', value: onContent((b) => b.subarray(8)) },
      { label: 'UTF-8 BOM', value: onContent((b) => Buffer.concat([Buffer.from('efbbbf', 'hex'), b])) },
      {
        label: 'UTF-16 file',
        value: onContent((b) =>
          Buffer.concat([Buffer.from('fffe', 'hex'), Buffer.from(b.toString('utf8'), 'utf16le')]),
        ),
      },
      { label: 'CR line endings', value: onContent((b) => utf8(b.toString('utf8').replace(/\n/g, '\r'))) },
      {
        label: 'very long line in the file (1 MB)',
        value: onContent((b) => Buffer.concat([b, utf8(`${HUGE_LINE}\n`)])),
      },
      { label: 'file past the upload limit', value: onContent(() => PAST_FILE_LIMIT) },
      { label: 'empty file', value: onContent(() => Buffer.alloc(0)) },
      { label: 'first line only', value: onContent((b) => utf8(`${b.toString('utf8').split('\n')[0]}\n`)) },
      {
        label: 'last line repeated',
        value: onContent((b) =>
          utf8(
            `${b.toString('utf8').trimEnd()}\n${lines(b)
              .filter((l) => l.trim())
              .at(-1)}\n`,
          ),
        ),
      },
    ],
  },
  {
    path: ['filename'],
    hostile: [
      { label: 'NUL byte in the file name', value: new Raw(`filename*=UTF-8''a%00b.csv`) },
      { label: 'bidi control in the file name', value: new Raw(`filename*=UTF-8''abc%E2%80%AEvsc.exe`) },
      { label: 'invalid UTF-8 in the file name', value: new Raw(`filename*=UTF-8''%FF%FE.csv`) },
      { label: 'encoded lone surrogate in the file name', value: new Raw(`filename*=UTF-8''%ED%A0%80.csv`) },
      { label: 'traversal in the file name', value: '../../etc/passwd' },
      { label: 'very long file name', value: `${'n'.repeat(5000)}.csv` },
      { label: 'empty file name', value: '' },
      { label: 'file name of another type', value: 'programma.exe' },
      { label: 'quote in the file name', value: new Raw('filename="a\\"b.csv"') },
    ],
  },
  {
    path: [],
    hostile: [
      { label: 'file in another field', value: onUpload((f) => ({ ...f, field: 'upload' })) },
      {
        label: 'file of an executable type',
        value: onUpload((f) => ({ ...f, type: 'application/x-msdownload' })),
      },
      {
        label: 'hostile multipart fields',
        value: onUpload((f) => ({ ...f, fields: { kind: 'x\u0000', title: 'a\u202Eb', version: '\uD800' } })),
      },
      { label: 'multipart without a file', value: multipartOf([]) },
      { label: 'multipart with two files', value: multipartOf([filePart('a.csv'), filePart('b.csv')]) },
      { label: 'multipart never closed', value: multipartOf([filePart('a.csv')], false) },
      { label: 'multipart without its boundary', value: new WholeBody('a;b\n1;2\n', 'multipart/form-data') },
      { label: 'JSON body in place of the file', value: new WholeBody('{"file":"a;b"}', 'application/json') },
    ],
  },
];

/** The defect class of a label, to report one line per route and class. */
const CLASSES: [RegExp, string][] = [
  [/int32|safe integer|1e21|id past/, 'integer beyond the 32-bit columns'],
  [/NUL/, 'NUL byte'],
  [/surrogate/, 'lone surrogate'],
  [/bidi/, 'bidirectional control character'],
  [/impossible date|extreme date|date without/, 'impossible or extreme date'],
  [/date-time|time only/, 'impossible or extreme date-time'],
  [/long|maxLength|body limit|past column/, 'long string'],
  [/nesting/, 'deep nesting'],
  [/array|maxItems/, 'array size'],
  [/enum/, 'unknown enum value'],
  [/__proto__|constructor/, 'prototype keys'],
  [
    /multipart|another field|executable type|file name|in the file|signature|first bytes|BOM|UTF-16|line endings|file past|empty file|first line|line repeated/,
    'hostile upload',
  ],
  [/percent-encoding|encoded|segment/, 'hostile path or query encoding'],
];

export function classOf(label: string): string {
  return CLASSES.find(([re]) => re.test(label))?.[1] ?? label;
}
