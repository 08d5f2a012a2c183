import { z } from 'zod';
import {
  areaContent,
  type CompetencyContent,
  competencyContent,
  type FrameworkFile,
  frameworkFile,
} from '../../../../common/framework.js';
import { type FileProblem, readCsv, rowProblem, shapeProblems, writeCsv } from '../../../kernel/csv.js';
import { type Bilingual, errors } from '../../../kernel/errors.js';
import { cleanTree, TEXT_PROBLEMS } from '../../../kernel/text.js';

/**
 * The framework's file formats: the JSON of `frameworkFile` (the seed file's shape) and a CSV with one
 * row per competency (documented in docs/competency-framework.md). Reading either gives every
 * problem found, with its place (a JSON path, or a CSV row and column) and an Italian and English
 * message, so an admin can fix the whole file at once.
 */

export type Problem = FileProblem;
export type ReadResult = { ok: true; file: FrameworkFile } | { ok: false; problems: Problem[] };

export const CSV_COLUMNS = [
  'domain',
  'area_code',
  'area_name_it',
  'area_name_en',
  'competency_code',
  'competency_name_it',
  'competency_name_en',
  'description_it',
  'description_en',
  'keywords',
  'level_base_it',
  'level_base_en',
  'level_intermedio_it',
  'level_intermedio_en',
  'level_avanzato_it',
  'level_avanzato_en',
] as const;

/** Keywords are one CSV cell, separated by this. */
const KEYWORD_SEPARATOR = ';';
const MAX_ROWS = 5000;
const MAX_PROBLEMS = 100;

const italian = z.locales.it();
/** Italian for the English messages the shared schemas set themselves. */
const OWN_MESSAGES: Record<string, string> = {
  'letters and digits joined by . _ or -': 'lettere e cifre unite da . _ o -',
  'no semicolons': 'senza punto e virgola',
};

/** One zod issue in both languages; an empty or missing value reads "required". */
export function describeIssue(issue: z.core.$ZodIssue): Bilingual {
  const input = (issue as { input?: unknown }).input;
  if (
    (issue.code === 'invalid_type' && input === undefined) ||
    (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) === 1)
  )
    return { it: 'obbligatorio', en: 'required' };
  const own = OWN_MESSAGES[issue.message];
  if (own) return { it: own, en: issue.message };
  const it = italian.localeError(issue as never);
  return { it: (typeof it === 'string' ? it : it?.message) ?? issue.message, en: issue.message };
}

/** domains.0.areas.1.code → domains[0].areas[1].code */
const readablePath = (path: readonly PropertyKey[]) =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');

function jsonProblem(path: readonly PropertyKey[], m: Bilingual): Problem {
  const where = readablePath(path) || '(file)';
  return { path: path.map(String).join('.'), messages: { it: `${where}: ${m.it}`, en: `${where}: ${m.en}` } };
}

/**
 * What the schema cannot see: domains known to the reference data, and codes unique in the version
 * (areas and competencies, as the database requires).
 */
function crossChecks(file: FrameworkFile, knownDomains: readonly string[]) {
  const problems: { path: (string | number)[]; messages: Bilingual }[] = [];
  const domainsSeen = new Set<string>();
  const areas = new Map<string, string>();
  const competencies = new Map<string, string>();
  let count = 0;
  file.domains.forEach((d, di) => {
    if (!knownDomains.includes(d.code))
      problems.push({
        path: ['domains', di, 'code'],
        messages: {
          it: `ambito sconosciuto "${d.code}" (ammessi: ${knownDomains.join(', ')})`,
          en: `unknown domain "${d.code}" (allowed: ${knownDomains.join(', ')})`,
        },
      });
    else if (domainsSeen.has(d.code))
      problems.push({
        path: ['domains', di, 'code'],
        messages: { it: `ambito "${d.code}" ripetuto`, en: `domain "${d.code}" repeated` },
      });
    domainsSeen.add(d.code);
    d.areas.forEach((a, ai) => {
      const where = readablePath(['domains', di, 'areas', ai]);
      const first = areas.get(a.code.toLowerCase());
      if (first)
        problems.push({
          path: ['domains', di, 'areas', ai, 'code'],
          messages: {
            it: `codice di area "${a.code}" già usato in ${first}`,
            en: `area code "${a.code}" already used in ${first}`,
          },
        });
      else areas.set(a.code.toLowerCase(), where);
      a.competencies.forEach((c, ci) => {
        count++;
        const cWhere = `${where}.competencies[${ci}]`;
        const cFirst = competencies.get(c.code.toLowerCase());
        if (cFirst)
          problems.push({
            path: ['domains', di, 'areas', ai, 'competencies', ci, 'code'],
            messages: {
              it: `codice di competenza "${c.code}" già usato in ${cFirst}`,
              en: `competency code "${c.code}" already used in ${cFirst}`,
            },
          });
        else competencies.set(c.code.toLowerCase(), cWhere);
      });
    });
  });
  if (!count)
    problems.push({
      path: ['domains'],
      messages: { it: 'il quadro non contiene competenze', en: 'the framework holds no competencies' },
    });
  return problems;
}

/** Validates a parsed JSON value as a framework file. */
export function validateFrameworkFile(data: unknown, knownDomains: readonly string[]): ReadResult {
  const parsed = frameworkFile.safeParse(data, { reportInput: true });
  if (!parsed.success)
    return { ok: false, problems: parsed.error.issues.map((i) => jsonProblem(i.path, describeIssue(i))) };
  const problems = crossChecks(parsed.data, knownDomains);
  if (problems.length) return { ok: false, problems: problems.map((p) => jsonProblem(p.path, p.messages)) };
  return { ok: true, file: parsed.data };
}

export function readFrameworkJson(text: string, knownDomains: readonly string[]): ReadResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const reason = (err as Error).message;
    return {
      ok: false,
      problems: [{ path: '', messages: { it: `JSON non valido: ${reason}`, en: `Invalid JSON: ${reason}` } }],
    };
  }
  // The strings of an uploaded file follow the same text rule as those of a request.
  const { issues } = cleanTree(data);
  if (issues.length)
    return { ok: false, problems: issues.map((i) => jsonProblem(i.path, TEXT_PROBLEMS[i.problem])) };
  return validateFrameworkFile(data, knownDomains);
}

// ---- CSV -----------------------------------------------------------------------------------------

const areaHead = areaContent.omit({ competencies: true });

/** The CSV column a schema path of an area or a competency comes from. */
function columnOf(part: 'area' | 'competency', path: readonly PropertyKey[]): string {
  const [first, second, third] = path.map(String);
  if (part === 'area') return first === 'code' ? 'area_code' : `area_name_${second}`;
  if (first === 'code') return 'competency_code';
  if (first === 'name') return `competency_name_${second}`;
  if (first === 'description') return `description_${second}`;
  if (first === 'levels') return `level_${second}_${third}`;
  return first ?? '';
}

/**
 * Reads the CSV format. The rows' order gives the order of domains, areas and competencies; an area
 * spans the rows that carry its code, with the same domain and names on each.
 */
export function readFrameworkCsv(
  text: string,
  knownDomains: readonly string[],
  meta: Pick<FrameworkFile, 'version' | 'title' | 'source'>,
): ReadResult {
  const records = readCsv(text);
  const shape = shapeProblems(records, CSV_COLUMNS, MAX_ROWS);
  if (shape.length) return { ok: false, problems: shape };

  const problems: Problem[] = [];
  const domains = new Map<string, FrameworkFile['domains'][number]>();
  const areas = new Map<
    string,
    { row: number; domain: string; area: FrameworkFile['domains'][number]['areas'][number] }
  >();
  const competencyRows = new Map<string, number>();
  records.forEach((rec, i) => {
    const row = i + 2;
    const before = problems.length;
    const domain = rec.domain ?? '';
    if (!domain) problems.push(rowProblem(row, 'domain', { it: 'obbligatorio', en: 'required' }));
    else if (!knownDomains.includes(domain))
      problems.push(
        rowProblem(row, 'domain', {
          it: `ambito sconosciuto "${domain}" (ammessi: ${knownDomains.join(', ')})`,
          en: `unknown domain "${domain}" (allowed: ${knownDomains.join(', ')})`,
        }),
      );
    const head = areaHead.safeParse(
      { code: rec.area_code, name: { it: rec.area_name_it, en: rec.area_name_en } },
      { reportInput: true },
    );
    if (!head.success)
      for (const issue of head.error.issues)
        problems.push(rowProblem(row, columnOf('area', issue.path), describeIssue(issue)));
    const keywords = (rec.keywords ?? '')
      .split(KEYWORD_SEPARATOR)
      .map((k) => k.trim())
      .filter(Boolean);
    const competency = competencyContent.safeParse(
      {
        code: rec.competency_code,
        name: { it: rec.competency_name_it, en: rec.competency_name_en },
        description: { it: rec.description_it, en: rec.description_en },
        keywords,
        levels: {
          base: { it: rec.level_base_it, en: rec.level_base_en },
          intermedio: { it: rec.level_intermedio_it, en: rec.level_intermedio_en },
          avanzato: { it: rec.level_avanzato_it, en: rec.level_avanzato_en },
        },
      },
      { reportInput: true },
    );
    if (!competency.success)
      for (const issue of competency.error.issues)
        problems.push(rowProblem(row, columnOf('competency', issue.path), describeIssue(issue)));
    if (problems.length > before || !head.success || !competency.success) return;

    const c: CompetencyContent = competency.data;
    const firstRow = competencyRows.get(c.code.toLowerCase());
    if (firstRow) {
      problems.push(
        rowProblem(row, 'competency_code', {
          it: `codice "${c.code}" già usato alla riga ${firstRow}`,
          en: `code "${c.code}" already used on row ${firstRow}`,
        }),
      );
      return;
    }
    competencyRows.set(c.code.toLowerCase(), row);
    const known = areas.get(head.data.code.toLowerCase());
    if (known) {
      const same =
        known.domain === domain &&
        known.area.code === head.data.code &&
        known.area.name.it === head.data.name.it &&
        known.area.name.en === head.data.name.en;
      if (!same) {
        problems.push(
          rowProblem(row, 'area_code', {
            it: `l’area "${head.data.code}" ha ambito o nomi diversi alla riga ${known.row}`,
            en: `area "${head.data.code}" has another domain or other names on row ${known.row}`,
          }),
        );
        return;
      }
      known.area.competencies.push(c);
      return;
    }
    const area = { ...head.data, competencies: [c] };
    areas.set(head.data.code.toLowerCase(), { row, domain, area });
    const d = domains.get(domain) ?? { code: domain, areas: [] };
    domains.set(domain, d);
    d.areas.push(area);
  });
  if (problems.length) return { ok: false, problems };
  return validateFrameworkFile({ ...meta, domains: [...domains.values()] }, knownDomains);
}

/** The CSV of a framework version: one row per competency, in the version's order. */
export function writeFrameworkCsv(file: FrameworkFile): string {
  const rows = file.domains.flatMap((d) =>
    d.areas.flatMap((a) =>
      a.competencies.map((c) => [
        d.code,
        a.code,
        a.name.it,
        a.name.en,
        c.code,
        c.name.it,
        c.name.en,
        c.description.it,
        c.description.en,
        c.keywords.join(`${KEYWORD_SEPARATOR} `),
        c.levels.base.it,
        c.levels.base.en,
        c.levels.intermedio.it,
        c.levels.intermedio.en,
        c.levels.avanzato.it,
        c.levels.avanzato.en,
      ]),
    ),
  );
  return writeCsv(CSV_COLUMNS, rows);
}

// ---- Uploads -------------------------------------------------------------------------------------

const MAGIC: [string, number[]][] = [
  ['PDF', [0x25, 0x50, 0x44, 0x46]],
  ['ZIP/Office', [0x50, 0x4b, 0x03, 0x04]],
  ['OLE/Office', [0xd0, 0xcf, 0x11, 0xe0]],
  ['PNG', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG', [0xff, 0xd8, 0xff]],
  ['GIF', [0x47, 0x49, 0x46, 0x38]],
  ['gzip', [0x1f, 0x8b]],
];

const unsupported = (it: string, en: string) => errors.badRequest('UNSUPPORTED_FILE', { it, en }, ['file']);

/**
 * What an uploaded file is, judged by its content: UTF-8 text starting with `{` is JSON, other text
 * is CSV; anything else (binary, another encoding) is refused. The name's extension must say the
 * same (.json or .csv): a file that claims one type and holds another is refused.
 */
export function readUpload(buffer: Buffer, filename: string): { kind: 'json' | 'csv'; text: string } {
  const ext = /\.([A-Za-z0-9]+)$/.exec(filename)?.[1]?.toLowerCase() ?? '';
  if (ext !== 'json' && ext !== 'csv')
    throw unsupported(
      `Formato non ammesso "${filename}": carica un file .json o .csv.`,
      `Format not allowed "${filename}": upload a .json or .csv file.`,
    );
  const binary = MAGIC.find(([, bytes]) => bytes.every((b, i) => buffer[i] === b))?.[0];
  let text: string;
  try {
    if (binary || buffer.includes(0)) throw new Error('binary');
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    throw errors.badRequest(
      'FILE_TYPE_MISMATCH',
      {
        it: `Il file "${filename}" non è un testo ${ext.toUpperCase()}${binary ? ` (il contenuto è ${binary})` : ''}: salvalo come ${ext.toUpperCase()} in UTF-8.`,
        en: `The file "${filename}" is not ${ext.toUpperCase()} text${binary ? ` (its content is ${binary})` : ''}: save it as UTF-8 ${ext.toUpperCase()}.`,
      },
      ['file'],
    );
  }
  text = text.replace(/^\uFEFF/, '');
  const kind = /^\s*[{[]/.test(text) ? 'json' : 'csv';
  if (kind !== ext)
    throw errors.badRequest(
      'FILE_TYPE_MISMATCH',
      {
        it: `Il file "${filename}" ha estensione .${ext} ma il contenuto è ${kind.toUpperCase()}.`,
        en: `The file "${filename}" is named .${ext} but its content is ${kind.toUpperCase()}.`,
      },
      ['file'],
    );
  return { kind, text };
}

/** Throws the problems of a file as one 400 answer. */
export function refuse(problems: Problem[]): never {
  const n = problems.length;
  throw errors.invalid(
    'INVALID_FRAMEWORK_FILE',
    {
      it: `Il file non è valido (${n} ${n === 1 ? 'problema' : 'problemi'}): correggilo e riprova.`,
      en: `The file is not valid (${n} ${n === 1 ? 'problem' : 'problems'}): fix it and try again.`,
    },
    problems.slice(0, MAX_PROBLEMS),
  );
}
