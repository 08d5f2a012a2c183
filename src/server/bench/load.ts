import autocannon from 'autocannon';

/** What one route did under load: the figures of docs/benchmarks.md. */
export type RouteResult = {
  name: string;
  path: string;
  signedIn: boolean;
  reqPerSec: number;
  p50Ms: number;
  p975Ms: number;
  p99Ms: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  bytesPerResponse: number;
};

export type RouteSpec = { name: string; path: string; cookie?: string | undefined };

/** The Accept-Encoding of today's browsers. */
export const BROWSER_ENCODINGS = 'gzip, deflate, br';

/** For `seconds` seconds, or until `amount` requests have been answered (the quick check's way). */
export type LoadOptions = { connections: number } & ({ seconds: number } | { amount: number });

/**
 * Sends GET requests to one address from `connections` connections (autocannon) and summarises the
 * answers. Latencies are autocannon's, in milliseconds; req/s are the answers over the run's duration.
 */
export async function measureRoute(base: string, spec: RouteSpec, opts: LoadOptions): Promise<RouteResult> {
  const result = await autocannon({
    url: `${base}${spec.path}`,
    connections: opts.connections,
    ...('amount' in opts ? { amount: opts.amount } : { duration: opts.seconds }),
    // As a browser or a calendar app asks: compressed answers welcome.
    headers: { 'accept-encoding': BROWSER_ENCODINGS, ...(spec.cookie ? { cookie: spec.cookie } : {}) },
    timeout: 30,
  });
  const answered = result['1xx'] + result['2xx'] + result['3xx'] + result['4xx'] + result['5xx'];
  return {
    name: spec.name,
    path: spec.path,
    signedIn: !!spec.cookie,
    reqPerSec: result.duration > 0 ? answered / result.duration : 0,
    p50Ms: result.latency.p50,
    p975Ms: result.latency.p97_5,
    p99Ms: result.latency.p99,
    requests: answered,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    bytesPerResponse: answered ? Math.round(result.throughput.total / answered) : 0,
  };
}
