import { type Credentials, fetchCredentials, sessionCookie } from './cookie.js';
import { percentile } from './stats.js';

export type BurstAnswer = {
  userId: string;
  status: number;
  /** The enrolment's status in the answer (confirmed, waitlisted…), when it was one. */
  enrolmentStatus: string | null;
  ms: number;
};

export type BurstResult = {
  requests: number;
  enrolmentsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  answers: BurstAnswer[];
};

/**
 * Every user's session cookie and CSRF token, fetched beforehand (a few at a time) so that the burst
 * itself is one POST per user.
 */
export async function prepareBurst(
  base: string,
  users: { userId: string; sessionToken: string }[],
  secret: string,
  csrfPath: string,
): Promise<{ userId: string; credentials: Credentials }[]> {
  const out: { userId: string; credentials: Credentials }[] = [];
  const batch = 25;
  for (let i = 0; i < users.length; i += batch) {
    const part = users.slice(i, i + batch);
    out.push(
      ...(await Promise.all(
        part.map(async (u) => ({
          userId: u.userId,
          credentials: await fetchCredentials(base, sessionCookie(u.sessionToken, secret), csrfPath),
        })),
      )),
    );
  }
  return out;
}

/**
 * All users ask for a seat at once: one `POST <enrolPath> {editionId}` each, all sent before any answer
 * comes back. Enrolments per second count the requests over the time from the first sent to the last
 * answered.
 */
export async function runBurst(
  base: string,
  enrolPath: string,
  editionId: number,
  prepared: { userId: string; credentials: Credentials }[],
): Promise<BurstResult> {
  const started = performance.now();
  const answers = await Promise.all(
    prepared.map(async ({ userId, credentials }): Promise<BurstAnswer> => {
      const t0 = performance.now();
      try {
        const res = await fetch(`${base}${enrolPath}`, {
          method: 'POST',
          headers: {
            cookie: credentials.cookie,
            'x-csrf-token': credentials.csrf,
            'content-type': 'application/json',
          },
          body: JSON.stringify({ editionId }),
        });
        const body = (await res.json().catch(() => null)) as { status?: unknown } | null;
        return {
          userId,
          status: res.status,
          enrolmentStatus: typeof body?.status === 'string' ? body.status : null,
          ms: performance.now() - t0,
        };
      } catch {
        return { userId, status: 0, enrolmentStatus: null, ms: performance.now() - t0 };
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const times = answers.map((a) => a.ms);
  return {
    requests: answers.length,
    enrolmentsPerSec: answers.filter((a) => a.status === 201).length / seconds,
    p50Ms: percentile(times, 50),
    p99Ms: percentile(times, 99),
    maxMs: Math.max(...times),
    errors: answers.filter((a) => a.status !== 201).length,
    answers,
  };
}
