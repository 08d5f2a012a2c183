import argon2 from 'argon2';
import { passwordProblems } from '../../common/password.js';
import { AppError, type Bilingual } from './errors.js';

const PROBLEM_TEXT: Record<ReturnType<typeof passwordProblems>[number], Bilingual> = {
  too_short: { it: 'deve avere almeno 12 caratteri', en: 'must be at least 12 characters long' },
  too_long: { it: 'può avere al massimo 128 caratteri', en: 'may have at most 128 characters' },
  too_simple: { it: 'è troppo semplice da indovinare', en: 'is too easy to guess' },
  contains_email: {
    it: 'non deve contenere il tuo indirizzo e-mail',
    en: 'must not contain your e-mail address',
  },
};

/** Throws a 400 listing every rule the password breaks. */
export function assertPasswordPolicy(password: string, email: string, field = 'password'): void {
  const problems = passwordProblems(password, email);
  if (!problems.length) return;
  const it = problems.map((p) => PROBLEM_TEXT[p].it).join('; ');
  const en = problems.map((p) => PROBLEM_TEXT[p].en).join('; ');
  throw new AppError(400, 'WEAK_PASSWORD', { it: `La password ${it}.`, en: `The password ${en}.` }, [field]);
}

// OWASP's argon2id recommendation: 19 MiB, 2 iterations, 1 lane.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

/** A real hash to verify against when the account does not exist, so timing reveals nothing. */
let decoy: Promise<string> | undefined;

export async function verifyPassword(hash: string | null | undefined, password: string): Promise<boolean> {
  if (!hash) {
    decoy ??= hashPassword('decoy-password-never-matches');
    await argon2.verify(await decoy, password).catch(() => false);
    return false;
  }
  return argon2.verify(hash, password).catch(() => false);
}
