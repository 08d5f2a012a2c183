import type { ErrorBody } from '../../common/api';
import { type ApiUrl, apiRoutes, apiUrl } from '../../common/api-routes';
import { currentLanguage } from '../i18n';

/** An answer of the API that is not 2xx, with the server's (already translated) message. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: { path: string; message: string }[];

  constructor(status: number, body: Partial<ErrorBody>) {
    super(body.message ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code ?? 'HTTP_ERROR';
    this.details = body.details ?? [];
  }

  /** Field problems keyed by the last segment of their path ("body.email" → "email"). */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const d of this.details) {
      const key =
        d.path
          .split(/[./[\]]/)
          .filter(Boolean)
          .pop() ?? d.path;
      if (!(key in out)) out[key] = d.message;
    }
    return out;
  }
}

/** Thrown when the network or the server did not answer with JSON (e.g. the server is down). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('network', { cause });
    this.name = 'NetworkError';
  }
}

let csrfToken: Promise<string> | null = null;

async function fetchCsrf(): Promise<string> {
  let res: Response;
  try {
    res = await fetch(apiUrl(apiRoutes.auth.csrf), {
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Accept-Language': currentLanguage() },
    });
  } catch (err) {
    throw new NetworkError(err);
  }
  if (!res.ok) throw new ApiError(res.status, await readError(res));
  const body = (await res.json()) as { token: string };
  return body.token;
}

/** The CSRF token, fetched once; the session cookie it is bound to changes at login and logout. */
export function csrf(): Promise<string> {
  if (!csrfToken) {
    csrfToken = fetchCsrf().catch((err: unknown) => {
      csrfToken = null;
      throw err;
    });
  }
  return csrfToken;
}

export function resetCsrf(): void {
  csrfToken = null;
}

async function readError(res: Response): Promise<Partial<ErrorBody>> {
  try {
    return (await res.json()) as Partial<ErrorBody>;
  } catch {
    return { code: 'HTTP_ERROR', message: res.statusText || `HTTP ${res.status}` };
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export type RequestOptions = {
  method?: Method;
  /** JSON-serialised unless it is FormData. */
  body?: unknown;
  signal?: AbortSignal;
  /** fetch's cache mode, e.g. 'no-cache' to revalidate (ETag) an answer the server lets browsers keep. */
  cache?: RequestCache;
  /** Lets the request finish after the page is gone (a report sent as the tab closes). */
  keepalive?: boolean;
};

/** Calls the API; the address comes from apiUrl(), so that it is one the server registers. */
export async function api<T>(path: ApiUrl, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const mutating = method !== 'GET';
  for (let attempt = 0; ; attempt++) {
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'Accept-Language': currentLanguage(),
    };
    let body: BodyInit | undefined;
    if (options.body instanceof FormData) body = options.body;
    else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['Content-Type'] = 'application/json';
    }
    if (mutating) headers['x-csrf-token'] = await csrf();
    let res: Response;
    try {
      res = await fetch(path, {
        method,
        headers,
        body,
        credentials: 'same-origin',
        signal: options.signal,
        cache: options.cache,
        keepalive: options.keepalive,
      });
    } catch (err) {
      if (err instanceof DOMException && err.name === 'AbortError') throw err;
      throw new NetworkError(err);
    }
    if (res.ok) {
      if (res.status === 204) return undefined as T;
      return (await res.json()) as T;
    }
    const error = new ApiError(res.status, await readError(res));
    if (mutating && res.status === 403 && error.code === 'CSRF_INVALID' && attempt === 0) {
      resetCsrf();
      continue;
    }
    throw error;
  }
}

export type Paged<T> = { items: T[]; total: number; page: number; pageSize: number };
