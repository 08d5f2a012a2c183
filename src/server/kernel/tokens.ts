import { createHash, randomBytes } from 'node:crypto';

/** A URL-safe random secret (256 bits). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens are stored hashed, so a leaked table does not leak usable links or sessions. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
