import fc from 'fast-check';
import { z } from 'zod';
import type { RouteSummary } from '../app.js';
import { RAW_QUERY_KEY, textOf } from './hostile-requests.js';
import {
  arrays,
  BODIES,
  BOOLEANS,
  DATE_TIMES,
  DATES,
  Edit,
  EMAILS,
  EXTRA_KEYS,
  enums,
  FILES,
  type Hostile,
  NUMBERS,
  NUMERIC_TEXT,
  OMIT,
  QUERY_FRAGMENTS,
  Raw,
  SEGMENTS,
  strings,
  URIS,
  UUIDS,
  WholeBody,
  WRONG_TYPES,
  withOwnKey,
} from './hostile-values.js';

/**
 * Arbitraries for a route's input, built from the JSON schema of its zod schemas: a valid instance
 * of every section (params, query, body) and one to three mutations that each put a hostile value at
 * one place of it. A case is the valid instance with its mutations applied.
 */

/** The part of JSON Schema that z.toJSONSchema produces for the app's input schemas. */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minItems?: number;
  maxItems?: number;
};

export type Section = 'params' | 'query' | 'body' | 'file';

/**
 * A request known to pass, section by section (the authorisation matrix's request for an allowed
 * caller): its values replace the drawn ones, so that hostile values meet real objects. `file` is
 * the upload of a multipart route, which then has no JSON body.
 */
export type Base = Partial<Record<Section, unknown>>;
type Path = (string | number)[];

export type Mutation = {
  section: Section;
  path: Path;
  label: string;
  /** The value put at `path`; OMIT removes it; Raw is sent as it is. */
  value: unknown;
  /** Set when the mutation adds a key to the object at `path` instead of replacing it. */
  extraKey?: string;
};

/** `bare`: the base's query alone, without the drawn filters it leaves out (see withBase). */
export type Case = { valid: Record<Section, unknown>; mutations: Mutation[]; bare?: boolean };

/**
 * Values known to the database, so valid input reaches the code behind validation: user ids, and
 * codes and ids by the name of the field that holds them.
 */
export type Pools = { userIds: string[]; codes: Record<string, string[]>; ids?: Record<string, number[]> };

const EMPTY_OBJECT: JsonSchema = { type: 'object', properties: {} };
const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

export function jsonSchemaOf(schema: z.ZodType | undefined): JsonSchema | undefined {
  if (!schema) return undefined;
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

/** The names of a URL's path parameters (`:id`, and `*` as `wildcard`). */
export function paramNames(url: string): string[] {
  return [...url.matchAll(/:(\w+)|\*/g)].map((m) => m[1] ?? 'wildcard');
}

/**
 * The schemas of a route's sections; a section with no declared input still gets probed. An upload
 * route sends its file in place of a JSON body (the `file` section has no schema).
 */
export function sectionsOf(route: RouteSummary, upload = false): Partial<Record<Section, JsonSchema>> {
  const names = paramNames(route.url);
  const declared = jsonSchemaOf(route.input.params);
  const params: JsonSchema | undefined = names.length
    ? {
        type: 'object',
        properties: Object.fromEntries(
          names.map((n) => [n, declared?.properties?.[n] ?? { type: 'string' }]),
        ),
        required: names,
      }
    : undefined;
  const body =
    !upload && (BODY_METHODS.has(route.method) || route.input.body)
      ? (jsonSchemaOf(route.input.body) ?? EMPTY_OBJECT)
      : undefined;
  return {
    ...(params ? { params } : {}),
    query: jsonSchemaOf(route.input.querystring) ?? EMPTY_OBJECT,
    ...(body ? { body } : {}),
  };
}

const anyDates = fc
  .date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());
const DAY_MS = 86_400_000;
/** Midnight (UTC) of the run's day: a seed draws the same instants all day long. */
const TODAY = Math.floor(Date.now() / DAY_MS) * DAY_MS;
const daysFromNow = (min: number, max: number) =>
  fc
    .tuple(fc.integer({ min, max }), fc.integer({ min: 7 * 4, max: 19 * 4 }))
    .map(([d, quarter]) => new Date(TODAY + d * DAY_MS + quarter * 15 * 60_000).toISOString());

/**
 * Instants for a field, mostly near today and in the order its name says (a start before an end,
 * both within a few months), so that a range's own rules let it through; sometimes any day of three years.
 */
function datesFor(key: string): fc.Arbitrary<string> {
  const near = /^(from|since)$|start|opens|begin|From$/i.test(key)
    ? daysFromNow(-60, -1)
    : /^(to|until)$|ends?(On|At)?$|closes|until|due|To$/i.test(key)
      ? daysFromNow(1, 90)
      : daysFromNow(-30, 30);
  return fc.oneof({ weight: 3, arbitrary: near }, { weight: 1, arbitrary: anyDates });
}

const words = fc.constantFrom(...'abcdefghilmnoprstuvzàèéìòù ABCDEFGLMNOPRSTUVZ0123456789'.split(''));

function text(min: number, max: number): fc.Arbitrary<string> {
  const hi = Math.max(min, Math.min(max, min + 30));
  return fc
    .string({ unit: words, minLength: min, maxLength: hi })
    .map((s) => (s.length ? `A${s.slice(1)}` : s));
}

function typesOf(s: JsonSchema): string[] {
  if (s.type) return [s.type].flat();
  if (s.properties || s.additionalProperties) return ['object'];
  if (s.items) return ['array'];
  return [];
}

/** A valid value of a schema node (as far as its JSON schema says). */
export function validOf(s: JsonSchema, pools: Pools, key = ''): fc.Arbitrary<unknown> {
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((a) => validOf(a, pools, key)));
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const types = typesOf(s);
  if (types.length > 1) return fc.oneof(...types.map((type) => validOf({ ...s, type }, pools, key)));
  switch (types[0]) {
    case 'integer':
    case 'number': {
      const step = s.multipleOf ?? 1;
      const lo = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + step : 1);
      const from = lo < -1e6 ? 1 : lo;
      const top =
        s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - step : Number.MAX_SAFE_INTEGER);
      const to = Math.min(top, from + 40 * step);
      const known = pools.ids?.[key]?.filter((v) => v >= from && v <= top);
      // The demo's tables hold a handful of rows each: small ids find them most often.
      const n = fc
        .oneof(
          {
            weight: 3,
            arbitrary: fc.integer({
              min: Math.ceil(from / step),
              max: Math.floor(Math.min(to, from + 5 * step) / step),
            }),
          },
          { weight: 1, arbitrary: fc.integer({ min: Math.ceil(from / step), max: Math.floor(to / step) }) },
        )
        .map((k) => k * step);
      if (known?.length && types[0] === 'integer')
        return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: n });
      return types[0] === 'number'
        ? fc.oneof(
            n,
            n.map((v) => (v + 0.5 <= to ? v + 0.5 : v)),
          )
        : n;
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'string':
      return validString(s, pools, key);
    case 'array': {
      const min = s.minItems ?? 0;
      const max = Math.min(s.maxItems ?? min + 3, min + 3);
      return fc.array(validOf(s.items ?? {}, pools, key), { minLength: min, maxLength: max });
    }
    case 'object': {
      if (s.properties && Object.keys(s.properties).length) {
        const model = Object.fromEntries(
          Object.entries(s.properties).map(([k, v]) => [k, validOf(v, pools, k)]),
        );
        return fc.record(model, { requiredKeys: s.required ?? [] });
      }
      if (typeof s.additionalProperties === 'object') {
        const keys = s.propertyNames?.pattern
          ? fc.stringMatching(new RegExp(s.propertyNames.pattern))
          : text(1, 8);
        return fc.dictionary(keys, validOf(s.additionalProperties, pools), { maxKeys: 3 });
      }
      return fc.constant({});
    }
    default:
      return fc.constantFrom('x', 1, true);
  }
}

function validString(s: JsonSchema, pools: Pools, key: string): fc.Arbitrary<string> {
  const known = pools.codes[key];
  if (known?.length) return fc.oneof(fc.constantFrom(...known), validString(s, { ...pools, codes: {} }, key));
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? 60;
  if (s.format === 'uuid') {
    return pools.userIds.length
      ? fc.oneof(fc.constantFrom(...pools.userIds), fc.uuid({ version: 4 }))
      : fc.uuid({ version: 4 });
  }
  if (s.format === 'date-time') return datesFor(key);
  if (s.pattern === DATE_PATTERN) return datesFor(key).map((d) => d.slice(0, 10));
  if (s.format === 'uri') return fc.constantFrom('https://example.org/room', 'https://meet.example.org/x');
  if (/email/i.test(key) || s.format === 'email') {
    // Addresses no one has (not even an account a case created: hence no bias towards "aaaa…"),
    // since a refused sign-in of a real account counts against it, by design.
    return fc.noBias(fc.stringMatching(/^[a-z]{12}$/)).map((local) => `${local}@example.org`);
  }
  if (s.pattern) {
    return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length >= min && v.length <= max);
  }
  return text(min, max);
}

/** Every place of a section where a hostile value can go, with the schema node found there. */
function placesOf(s: JsonSchema, path: Path = []): { path: Path; node: JsonSchema; required: boolean }[] {
  const here = [{ path, node: s, required: true }];
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) {
    const objectLike = alternatives.find((a) => a.properties);
    return objectLike ? [...here, ...placesOf(objectLike, path).slice(1)] : here;
  }
  if (s.properties) {
    const required = new Set(s.required ?? []);
    return [
      ...here,
      ...Object.entries(s.properties).flatMap(([k, v]) =>
        placesOf(v, [...path, k]).map((p, i) => (i === 0 ? { ...p, required: required.has(k) } : p)),
      ),
    ];
  }
  if (s.items) return [...here, ...placesOf(s.items, [...path, 0])];
  if (typeof s.additionalProperties === 'object')
    return [...here, ...placesOf(s.additionalProperties, [...path, '1'])];
  return here;
}

/** The hostile values aimed at one node, in a JSON body or in text (path and query). */
function hostileFor(
  node: JsonSchema,
  key: string,
  asText: boolean,
  place: { required: boolean; root: boolean },
): Hostile[] {
  const types = typesOf(node.anyOf?.[0] ?? node.oneOf?.[0] ?? node);
  const out: Hostile[] = [];
  const enumValues = node.enum ?? (node.const !== undefined ? [node.const] : undefined);
  if (enumValues) out.push(...enums(enumValues));
  if (types.includes('integer') || types.includes('number')) out.push(...(asText ? NUMERIC_TEXT : NUMBERS));
  if (types.includes('string')) {
    if (node.format === 'uuid') out.push(...UUIDS);
    else if (node.format === 'date-time') out.push(...DATE_TIMES);
    else if (node.pattern === DATE_PATTERN) out.push(...DATES);
    else if (node.format === 'uri') out.push(...URIS);
    else if (/email/i.test(key)) out.push(...EMAILS);
    const texts = strings(node.minLength ?? 0, node.maxLength);
    // A megabyte belongs in a body; in a URL it only measures the router.
    out.push(...(asText ? texts.filter((h) => !h.label.includes('body limit')) : texts));
  }
  if (types.includes('boolean')) out.push(...BOOLEANS);
  if (types.includes('array')) out.push(...arrays(node.maxItems, 1));
  if (!asText) out.push(...WRONG_TYPES);
  else
    out.push(
      { label: 'wrong type: JSON text', value: '{"a":1}' },
      { label: 'repeated parameter', value: ['1', '2'] },
    );
  if (!place.required) out.push({ label: 'absent optional field', value: OMIT });
  else if (!place.root) out.push({ label: 'missing required field', value: OMIT });
  return out;
}

function mutationsOf(section: Section, s: JsonSchema): Mutation[] {
  const asText = section !== 'body';
  const choices: Mutation[] = [];
  for (const { path, node, required } of placesOf(s)) {
    const key = String(path.at(-1) ?? '');
    const root = path.length === 0;
    if (root && section === 'body') choices.push(...BODIES.map((h) => ({ section, path, ...h })));
    if (root && section === 'query') {
      choices.push(...QUERY_FRAGMENTS.map((h) => ({ section, path: [RAW_QUERY_KEY], ...h })));
    }
    if (section === 'params' && path.length === 1) {
      choices.push(...SEGMENTS.map((h) => ({ section, path, ...h })));
    }
    if (!root) {
      const hostile = hostileFor(node, key, asText, { required, root });
      choices.push(...hostile.map((h) => ({ section, path, ...h })));
    }
    if (typesOf(node).includes('object') && section !== 'params') {
      choices.push(
        ...EXTRA_KEYS.map(({ label, key: extraKey, value }) => ({ section, path, label, value, extraKey })),
      );
    }
  }
  return choices;
}

const ZOD_OF: Record<Section, keyof RouteSummary['input'] | null> = {
  params: 'params',
  query: 'querystring',
  body: 'body',
  // An upload has no schema: whatever its content, it reaches the code that reads it.
  file: null,
};

/**
 * Whether the route's own schema lets a mutated instance through. Those mutations are the ones that
 * reach the code behind validation, where the defects are; the others only meet the validator.
 */
function passesValidation(route: RouteSummary, section: Section, instance: unknown): boolean {
  const zod = ZOD_OF[section];
  const schema = zod && route.input[zod];
  if (!schema) return true;
  if (instance instanceof Raw) return false;
  return schema.safeParse(
    section === 'body' ? JSON.parse(JSON.stringify(instance) ?? 'null') : onTheWire(instance),
  ).success;
}

/** Path and query values as the server receives them: text, or lists of text. */
function onTheWire(instance: unknown): unknown {
  if (!instance || typeof instance !== 'object') return instance;
  return Object.fromEntries(
    Object.entries(instance as Record<string, unknown>)
      .filter(([k]) => k !== RAW_QUERY_KEY)
      .map(([k, v]) => [k, v instanceof Raw ? String(v.text) : Array.isArray(v) ? v.map(textOf) : textOf(v)]),
  );
}

/**
 * Valid instances of a section. The JSON schema does not carry the refinements of the zod schema
 * (an end after a start, a choice that needs another field), so drawn instances that the route's own
 * schema accepts are kept and preferred.
 */
function validIn(
  route: RouteSummary,
  section: Section,
  s: JsonSchema,
  pools: Pools,
  seed: number,
): fc.Arbitrary<unknown> {
  const drawn = validOf(s, pools);
  const accepted = fc
    .sample(drawn, { numRuns: 200, seed })
    .filter((v) => passesValidation(route, section, v))
    .slice(0, 20);
  return accepted.length
    ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...accepted) }, { weight: 1, arbitrary: drawn })
    : drawn;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Raw);

/**
 * The drawn instance with the base's sections in place of the drawn ones. Unless `bare`, a GET
 * route's query keeps the drawn filters the base does not set, when the route's schema takes them
 * together (the service may still refuse a combination: hence the bare cases).
 */
export function withBase(
  route: RouteSummary,
  valid: Record<Section, unknown>,
  base: Base,
  bare = false,
): Record<Section, unknown> {
  const out = { ...valid };
  for (const section of Object.keys(base) as Section[]) {
    const given = base[section];
    if (given === undefined) continue;
    const drawn = valid[section];
    const merged =
      !bare && section === 'query' && route.method === 'GET' && isRecord(drawn) && isRecord(given)
        ? { ...drawn, ...given }
        : null;
    out[section] = merged && passesValidation(route, section, merged) ? merged : given;
  }
  return out;
}

/**
 * Cases for a route: one to three hostile mutations on a valid instance, or none. `seed` draws the
 * instances kept as valid: one per route, so two routes do not share values. With a `base` (a request
 * known to pass), the cases are meant to be applied to `withBase(route, c.valid, base)`, and the
 * hostile values that the route's schema takes are told from the refused ones on it.
 */
export function casesOf(
  route: RouteSummary,
  pools: Pools,
  seed: number,
  base: Base = {},
): fc.Arbitrary<Case> {
  const sections = sectionsOf(route, base.file !== undefined);
  const entries = Object.entries(sections) as [Section, JsonSchema][];
  const validBySection = Object.fromEntries(entries.map(([k, s]) => [k, validIn(route, k, s, pools, seed)]));
  const valid = fc.record(validBySection as Record<Section, fc.Arbitrary<unknown>>);
  const [drawn] = fc.sample(valid, { numRuns: 1, seed });
  const sample = withBase(route, drawn as Record<Section, unknown>, base);
  const passing: Mutation[] = [];
  const refused: Mutation[] = [];
  for (const [section, s] of entries) {
    for (const m of mutationsOf(section, s)) {
      const mutated = applyMutations({ valid: sample, mutations: [] }, [m]);
      (passesValidation(route, section, mutated[section]) ? passing : refused).push(m);
    }
  }
  if (base.file !== undefined)
    for (const { path, hostile } of FILES)
      passing.push(...hostile.map((h) => ({ section: 'file' as const, path, ...h })));
  const mutation = fc.oneof(
    ...(passing.length ? [{ weight: 3, arbitrary: fc.constantFrom(...passing) }] : []),
    ...(refused.length ? [{ weight: 1, arbitrary: fc.constantFrom(...refused) }] : []),
  );
  return fc.record({
    valid,
    bare: fc.boolean(),
    // Mostly one mutation, so that a hostile value meets a request that is otherwise valid and reaches
    // the code behind validation; sometimes none, to keep valid requests in the mix.
    mutations: fc.oneof(
      { weight: 1, arbitrary: fc.constant<Mutation[]>([]) },
      { weight: 6, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 1 }) },
      { weight: 3, arbitrary: fc.array(mutation, { minLength: 2, maxLength: 3 }) },
    ),
  });
}

/** The valid instance with the given mutations applied (the instance is not changed). */
export function applyMutations(c: Case, mutations: Mutation[]): Record<Section, unknown> {
  const out = structuredClone(c.valid);
  for (const m of mutations) {
    const holder = out as Record<string, unknown>;
    holder[m.section] = put(holder[m.section], m.path, m);
  }
  return out;
}

function put(target: unknown, path: Path, m: Mutation): unknown {
  if (path.length === 0 && m.value instanceof Edit) return m.value.apply(target);
  // A body replaced by a whole one has no fields left to change.
  if (path.length > 0 && target instanceof WholeBody) return target;
  if (path.length === 0) {
    if (m.extraKey === undefined) return m.value;
    const base =
      target && typeof target === 'object' && !Array.isArray(target)
        ? (target as Record<string, unknown>)
        : {};
    return withOwnKey(base, m.extraKey, m.value);
  }
  const [head, ...rest] = path as [string | number, ...Path];
  const container = (
    target && typeof target === 'object' ? target : typeof head === 'number' ? [] : {}
  ) as Record<string | number, unknown>;
  const next = put(container[head], rest, m);
  if (next === OMIT) delete container[head];
  else container[head] = next;
  return container;
}
