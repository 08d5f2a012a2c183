import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

let clients = 1;

type Method = 'GET' | 'HEAD' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Speaks to the app through inject() the way the web app does: cookies, CSRF header, language. */
export class TestClient {
  private cookies = new Map<string, string>();
  private csrf: string | null = null;
  private skipCsrf = false;
  lang: 'it' | 'en' = 'it';
  /** The client's address, as the rate limiter sees it: one per client, like separate users. */
  remoteAddress = `127.0.${(clients >> 8) & 255}.${clients++ & 255}`;

  constructor(private readonly app: FastifyInstance) {}

  async request(method: Method, url: string, body?: unknown, extra: Partial<InjectOptions> = {}) {
    const safe = method === 'GET' || method === 'HEAD';
    if (!safe && this.cookies.size && !this.csrf && !this.skipCsrf) await this.refreshCsrf();
    const res = await this.app.inject({
      method,
      url,
      remoteAddress: this.remoteAddress,
      headers: {
        'accept-language': this.lang,
        ...(this.cookies.size ? { cookie: this.cookieHeader() } : {}),
        ...(!safe && this.csrf ? { 'x-csrf-token': this.csrf } : {}),
        ...(extra.headers ?? {}),
      },
      ...(body !== undefined ? { payload: body as InjectOptions['payload'] } : {}),
      ...(extra.payload !== undefined ? { payload: extra.payload } : {}),
    });
    this.keepCookies(res);
    return res;
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: unknown) => this.request('POST', url, body ?? {});
  patch = (url: string, body: unknown) => this.request('PATCH', url, body);
  put = (url: string, body: unknown) => this.request('PUT', url, body);
  delete = (url: string) => this.request('DELETE', url);

  async login(email: string, password: string) {
    const res = await this.post('/api/v1/auth/login', { email, password });
    if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
    await this.refreshCsrf();
    return res;
  }

  async refreshCsrf() {
    const res = await this.app.inject({
      method: 'GET',
      url: '/api/v1/auth/csrf',
      headers: { cookie: this.cookieHeader() },
    });
    this.keepCookies(res);
    this.csrf = res.json().token;
    this.skipCsrf = false;
  }

  /** Drop the CSRF token, to test that mutations without it are refused. */
  forgetCsrf() {
    this.csrf = null;
    this.skipCsrf = true;
  }
  setCsrf(token: string) {
    this.csrf = token;
  }

  hasCookie(name: string) {
    return this.cookies.has(name);
  }

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keepCookies(res: LightMyRequestResponse) {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now()) || c.value === '';
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }
}
