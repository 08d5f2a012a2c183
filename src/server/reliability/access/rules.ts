import type { QueryParams } from '../../../common/api-routes.js';
import type { TestClient } from '../../test/client.js';
import type { Side, World } from '../world.js';

/** The vocabulary of the authorisation declaration (src/server/reliability/access.ts). */

/** Who calls: signed out, or a member of the demo cast (src/server/db/seed/demo.ts). */
export type Caller = 'anonymous' | SignedIn;
export type SignedIn = keyof typeof CAST;

/**
 * The cast: one person per role. The learner and the officer belong to Cuneo; the trainer holds a
 * national grant and trains the editions of the `own` side; the others hold national roles.
 */
export const CAST = {
  learner: 'discente.cuneo@officina.demo',
  officer: 'referente.cuneo@officina.demo',
  trainer: 'formatore@officina.demo',
  taskForce: 'taskforce@officina.demo',
  admin: 'admin@officina.demo',
  helpdesk: 'helpdesk@officina.demo',
  moderator: 'moderatore@officina.demo',
} as const;

export const CALLERS: Caller[] = ['anonymous', ...(Object.keys(CAST) as SignedIn[])];

/**
 * What a call gets:
 * - `ok`: it passes (2xx; where the route counts what it shows, something of the caller's own);
 * - `empty`: it passes but shows nothing, because nothing asked for is in the caller's scope;
 * - 401, 403, 404: refused with the error body `{code, message}` (404 where the service hides
 *   whether the object exists).
 */
export type Outcome = 'ok' | 'empty' | 401 | 403 | 404;

/** One outcome for every target, or one on the caller's own object and one on someone else's. */
export type Expect = Outcome | readonly [own: Outcome, other: Outcome];

/** Which object a case works on: the caller's own (Cuneo, its learner, the trainer's editions) or not. */
export type Target = 'own' | 'other';

export type Case = {
  caller: Caller;
  target: Target;
  /** The objects of the target: `w.own` or `w.other`. */
  side: Side;
  w: World;
  /** The caller's signed-in client (null when signed out), for what must be read as the caller sees it. */
  client: TestClient | null;
  /**
   * Whether the declaration lets the call through. A change that may pass needs an object of its
   * own; one that must be refused may share one (should it pass after all, the case fails anyway).
   */
  allowed: boolean;
};

/** The concrete request of a case. */
export type Req = {
  /** Values of the pattern's `:name` segments. */
  params?: Record<string, string | number>;
  query?: QueryParams;
  body?: unknown;
  /** A file sent as multipart field "file". */
  upload?: { filename: string; content: string | Uint8Array };
  /** Headers of the request (e.g. the Host of the SCORM content origin). */
  headers?: Record<string, string>;
  /**
   * The session it goes out on: the caller's shared one by default; `fresh`, a new sign-in of the same
   * person, for requests that end or replace the session; `twin`, a new person with the caller's
   * unit and roles, for requests that change the person (their password).
   */
  session?: 'fresh' | 'twin';
};

export type RouteAccess = {
  /** Reached without signing in (`config: { public: true }`): anonymous callers pass. */
  public?: true;
  /** Each signed-in caller is tried on its own object and on someone else's (`w.own`, `w.other`). */
  scoped?: true;
  /** The callers that pass, or that get something other than `denied`. */
  allow: Partial<Record<Caller, Expect>>;
  /** What the signed-in callers not in `allow` get: 403 unless the service hides the object (404). */
  denied?: Expect;
  /**
   * How many of the target's things the answer shows, for `ok` (at least one) and `empty` (none);
   * the case tells which target (its side) the call was on.
   */
  count?: (body: Json, c: Case) => number;
  /** The request of a case; none for routes that need no parameters, query or body. */
  request?: (c: Case) => Req | Promise<Req>;
  /**
   * The same route tried again on other requests (a list without its filter), each declared in full
   * and tried as a test of its own, named after the route and the variant.
   */
  variants?: Record<string, Omit<RouteAccess, 'variants' | 'public'>>;
};

// biome-ignore lint/suspicious/noExplicitAny: answers are read field by field, as JSON
export type Json = any;

/** `'METHOD /pattern'` as the app registers it. */
export type AccessTable = Record<string, RouteAccess>;

/** Every signed-in caller passes. */
export const SIGNED_IN: Partial<Record<Caller, Expect>> = {
  learner: 'ok',
  officer: 'ok',
  trainer: 'ok',
  taskForce: 'ok',
  admin: 'ok',
  helpdesk: 'ok',
  moderator: 'ok',
};

/** Everyone passes, signed in or not. */
export const EVERYONE: Partial<Record<Caller, Expect>> = { anonymous: 'ok', ...SIGNED_IN };

/** The length of a list field of the answer. */
export const listed =
  (field = 'items') =>
  (body: Json) =>
    (body[field] as unknown[]).length;

/** What a caller gets on a target, by the declaration. */
export function expected(rule: RouteAccess, caller: Caller, target: Target): Outcome {
  const pick = (e: Expect) => (Array.isArray(e) ? e[target === 'own' ? 0 : 1] : e) as Outcome;
  const listedAs = rule.allow[caller];
  if (listedAs !== undefined) return pick(listedAs);
  if (caller === 'anonymous') return rule.public ? 'ok' : 401;
  return pick(rule.denied ?? 403);
}
