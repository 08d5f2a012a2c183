import { z } from 'zod';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

export type PasswordProblem = 'too_short' | 'too_long' | 'too_simple' | 'contains_email';

const COMMON = [
  'password',
  'passw0rd',
  'qwerty',
  '123456',
  'abcdef',
  'letmein',
  'welcome',
  'benvenuto',
  'officina',
];

/**
 * Password policy (NIST SP 800-63B style): length over composition rules, no trivial or common
 * passwords, not the e-mail address. Shared by the server and the web forms.
 */
export function passwordProblems(password: string, email?: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.length < PASSWORD_MIN) problems.push('too_short');
  if (password.length > PASSWORD_MAX) problems.push('too_long');
  const lower = password.toLowerCase();
  const letters = lower.replace(/[^\p{L}]/gu, '');
  const trivial =
    new Set(lower).size < 5 ||
    COMMON.includes(letters) ||
    COMMON.includes(lower) ||
    /^\d+$/.test(lower) ||
    isRun(lower);
  if (trivial) problems.push('too_simple');
  const local = email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) problems.push('contains_email');
  return problems;
}

export const newPassword = z.string().min(1).max(PASSWORD_MAX);

/** A keyboard or alphabet run such as 'abcdefghijkl', 'qwertyuiopas' or '987654321098'. */
function isRun(s: string): boolean {
  const rows = ['abcdefghijklmnopqrstuvwxyz', '01234567890123456789', 'qwertyuiopasdfghjklzxcvbnm'];
  return rows.some((row) => {
    const twice = row + row;
    const reversed = [...twice].reverse().join('');
    return twice.includes(s) || reversed.includes(s);
  });
}
