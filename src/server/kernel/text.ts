import { AppError, type Bilingual } from './errors.js';

declare global {
  interface String {
    /** ES2024; Node 20 has it. False when the string holds a lone surrogate. */
    isWellFormed(): boolean;
  }
}

/** Why a piece of text is refused. */
export type TextProblem = 'control' | 'surrogate' | 'bidi';

/**
 * Control characters other than tab, line feed and carriage return: C0, DEL and C1. NUL cannot be
 * stored in a PostgreSQL text; the others are never typed on purpose and garble PDFs and CSV files.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/**
 * Explicit bidirectional embeddings, overrides and isolates (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI,
 * PDI): they reorder whole runs of text, so a name or a reason could print on an attestato or a
 * register as something else than what was stored ("Trojan Source", CVE-2021-42574).
 */
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;
/**
 * The implicit marks LRM, RLM and ALM open no embedding, but they can still swap neighbouring digits
 * and punctuation, and they often arrive unseen inside pasted text. The platform's languages are
 * written left to right, where the marks carry nothing a reader needs: they are removed, rather than
 * refused with an error about a character nobody can see.
 */
const MARKS = /[\u200E\u200F\u061C]/g;

/** What a secret (a password) is: checked, never changed, so that existing hashes keep matching. */
export type TextKind = 'text' | 'secret';

export type CleanText = { ok: true; value: string } | { ok: false; problem: TextProblem };

/**
 * The one rule for text that comes from outside (JSON bodies, query strings, route parameters,
 * uploaded files): refuses lone surrogates, control characters (NUL among them) and bidirectional
 * controls, drops the implicit direction marks, and normalises to NFC so that "è" is stored the same
 * however it was typed. A secret is only refused for what cannot be hashed consistently (a lone
 * surrogate) or that ends a C string (NUL), and is otherwise left exactly as sent.
 */
export function cleanText(s: string, kind: TextKind = 'text'): CleanText {
  if (!s.isWellFormed()) return { ok: false, problem: 'surrogate' };
  if (kind === 'secret')
    return s.includes('\u0000') ? { ok: false, problem: 'control' } : { ok: true, value: s };
  if (CONTROL.test(s)) return { ok: false, problem: 'control' };
  if (BIDI.test(s)) return { ok: false, problem: 'bidi' };
  return { ok: true, value: s.replace(MARKS, '').normalize('NFC') };
}

/**
 * A header value kept for people to read (the browser's User-Agent of a session): headers arrive as
 * Latin-1, so what the text rule would refuse there is C1 and other control characters; they are
 * dropped rather than refusing a sign-in over a header nobody typed. At most `max` characters.
 */
export function headerText(value: string | undefined, max: number): string | null {
  if (!value) return null;
  const kept = value.replace(new RegExp(CONTROL.source, 'g'), '').replace(MARKS, '').trim().slice(0, max);
  return kept || null;
}

export const TEXT_PROBLEMS: Record<TextProblem, Bilingual> = {
  control: {
    it: 'contiene un carattere di controllo (per esempio NUL) non ammesso',
    en: 'contains a control character (such as NUL) that is not allowed',
  },
  surrogate: {
    it: 'contiene caratteri Unicode non validi (surrogati isolati)',
    en: 'contains invalid Unicode characters (lone surrogates)',
  },
  bidi: {
    it: 'contiene caratteri che invertono la direzione del testo (controlli bidirezionali), non ammessi',
    en: 'contains characters that reverse the direction of text (bidirectional controls), which are not allowed',
  },
};

/** A problem of a piece of text with its place: the keys from the root (`['name']`, `['rows', 3]`). */
export type TextIssue = { path: (string | number)[]; problem: TextProblem };

/** Past this many, the rest of a request or file is not examined: the answer is already a 400. */
const MAX_ISSUES = 20;

/** Keys whose strings are secrets: `password`, `currentPassword`, `newPassword`. */
const isSecretKey = (key: string | number) => typeof key === 'string' && /password$/i.test(key);

/**
 * Cleans every string of a parsed JSON value (a body, a query, route parameters, an uploaded JSON
 * file) with `cleanText`, in place; object keys are checked but not changed. Strings under a key that
 * names a password are secrets. Walks without recursion, so no nesting depth can overflow the stack.
 * Returns the value (a new one when the value itself is a string) and the problems found.
 */
export function cleanTree(root: unknown): { value: unknown; issues: TextIssue[] } {
  const issues: TextIssue[] = [];
  const holder: Record<string, unknown> = { value: root };
  // Each slot links to its parent's, so a deep value costs no copying of paths; a path is only
  // spelled out for a problem.
  type Slot = {
    parent: Record<string | number, unknown>;
    key: string | number;
    up: Slot | null;
    secret: boolean;
  };
  const pathOf = (slot: Slot) => {
    const path: (string | number)[] = [];
    for (let s: Slot | null = slot; s?.up; s = s.up) path.push(s.key);
    return path.reverse();
  };
  const stack: Slot[] = [{ parent: holder, key: 'value', up: null, secret: false }];
  while (stack.length && issues.length < MAX_ISSUES) {
    const slot = stack.pop() as Slot;
    const value = slot.parent[slot.key];
    if (typeof value === 'string') {
      const clean = cleanText(value, slot.secret ? 'secret' : 'text');
      if (!clean.ok) issues.push({ path: pathOf(slot), problem: clean.problem });
      else if (clean.value !== value) slot.parent[slot.key] = clean.value;
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--)
        stack.push({ parent: value as Record<number, unknown>, key: i, up: slot, secret: slot.secret });
    } else if (value !== null && typeof value === 'object') {
      const parent = value as Record<string, unknown>;
      const keys = Object.keys(parent);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i] as string;
        const child = { parent, key, up: slot, secret: slot.secret || isSecretKey(key) };
        const clean = cleanText(key);
        if (clean.ok) stack.push(child);
        else issues.push({ path: pathOf(child), problem: clean.problem });
      }
    }
  }
  return { value: holder.value, issues: issues.slice(0, MAX_ISSUES) };
}

/** Where a problem is, for people: `name`, `answers.12`, `rows.3.email`. */
export type PlacedProblem = { path: string; messages: Bilingual };

/** The 400 INVALID_TEXT answer: each place with what is wrong there, the places named in the message. */
export function invalidText(problems: readonly PlacedProblem[], where: readonly string[]): AppError {
  const list = [...new Set(where)].join(', ');
  return new AppError(
    400,
    'INVALID_TEXT',
    {
      it: `Caratteri non ammessi in: ${list}.`,
      en: `Characters that are not allowed in: ${list}.`,
    },
    undefined,
    undefined,
    [...problems],
  );
}
