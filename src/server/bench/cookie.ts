import { sign } from '@fastify/cookie';
import { SESSION_COOKIE } from '../http/session.js';

/**
 * The `Cookie` header of a signed-in browser: the raw session token signed with SESSION_SECRET by
 * @fastify/cookie's own signer, as the server's `setCookie(…, { signed: true })` writes it.
 */
export function sessionCookie(token: string, secret: string): string {
  return `${SESSION_COOKIE}=${encodeURIComponent(sign(token, secret))}`;
}

/** The `name=value` pairs of a response's Set-Cookie headers. */
export function cookiePairs(setCookie: string[]): string[] {
  return setCookie.map((c) => c.split(';')[0]?.trim() ?? '').filter((c) => c.includes('='));
}

export type Credentials = { cookie: string; csrf: string };

/**
 * What a signed-in browser holds before a mutation: its session cookie, the CSRF cookie the server
 * set with `GET /api/v1/auth/csrf`, and the token of that answer (sent back as x-csrf-token).
 */
export async function fetchCredentials(base: string, cookie: string, csrfPath: string): Promise<Credentials> {
  const res = await fetch(`${base}${csrfPath}`, { headers: { cookie } });
  if (!res.ok) throw new Error(`GET ${csrfPath} answered ${res.status}`);
  const { token } = (await res.json()) as { token: string };
  return { cookie: [cookie, ...cookiePairs(res.headers.getSetCookie())].join('; '), csrf: token };
}
