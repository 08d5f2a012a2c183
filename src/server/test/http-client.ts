/**
 * A browser-like client of a server process (see process.ts): keeps cookies and the CSRF token, and
 * comes from its own address through `x-forwarded-for` (start the server with TRUST_PROXY=127.0.0.1),
 * or through `addressHeader` when a proxy in front reads the address from another header.
 * `server.base` may change, as when the process is started again on another port.
 */
export class HttpClient {
  private cookies = new Map<string, string>();
  private csrf: string | null = null;
  private readonly addressHeader: string;
  constructor(
    private readonly server: { base: string },
    readonly ip: string,
    opts: { addressHeader?: string } = {},
  ) {
    this.addressHeader = opts.addressHeader ?? 'x-forwarded-for';
  }

  async call(
    method: string,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
    // biome-ignore lint/suspicious/noExplicitAny: the answers of many routes, read field by field
  ): Promise<{ status: number; json: any }> {
    if (method !== 'GET' && this.cookies.size && !this.csrf) await this.refreshCsrf();
    const res = await fetch(this.server.base + url, {
      method,
      headers: {
        [this.addressHeader]: this.ip,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
        ...(method !== 'GET' && this.csrf ? { 'x-csrf-token': this.csrf } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    for (const c of res.headers.getSetCookie()) {
      const pair = c.split(';')[0] ?? '';
      const at = pair.indexOf('=');
      const [name, value] = [pair.slice(0, at), pair.slice(at + 1)];
      if (value) this.cookies.set(name, value);
      else this.cookies.delete(name);
    }
    const text = await res.text();
    return {
      status: res.status,
      json: text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : null,
    };
  }

  async refreshCsrf() {
    this.csrf = (await this.call('GET', '/api/v1/auth/csrf')).json.token;
  }

  async login(email: string, password: string) {
    const res = await this.call('POST', '/api/v1/auth/login', { email, password });
    if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${JSON.stringify(res.json)}`);
    await this.refreshCsrf();
  }
}
