import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signed part of a content address: `/scorm-content/<token>/<file>`. The token names the package,
 * the person and an expiry, signed with an HMAC (a key derived from the session secret), so the content
 * origin serves a package's files to whoever the app launched it for, for a few hours, without cookies.
 */

export const TOKEN_HOURS = 6;

export type ContentGrant = { packageId: number; userId: string; expires: number };

const sign = (key: Buffer, body: string) => createHmac('sha256', key).update(body).digest('base64url');

/** `<packageId>.<userId>.<expiry in seconds>.<signature>` */
export function contentToken(key: Buffer, grant: ContentGrant): string {
  const body = `${grant.packageId}.${grant.userId}.${grant.expires}`;
  return `${body}.${sign(key, body)}`;
}

/** The grant a token carries, or null when it is malformed, forged or expired. */
export function readContentToken(key: Buffer, token: string, nowSeconds: number): ContentGrant | null {
  const m = /^(\d{1,10})\.([0-9a-f-]{36})\.(\d{1,12})\.([\w-]{43})$/.exec(token);
  if (!m) return null;
  const [, pkg, userId, exp, signature] = m as unknown as [string, string, string, string, string];
  const expected = Buffer.from(sign(key, `${pkg}.${userId}.${exp}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const expires = Number(exp);
  if (expires <= nowSeconds) return null;
  return { packageId: Number(pkg), userId, expires };
}

/** The token key, derived from the session secret so that neither can be computed from the other. */
export const contentKey = (secret: string) => createHmac('sha256', secret).update('scorm-content').digest();
