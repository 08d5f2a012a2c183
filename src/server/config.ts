import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { z } from 'zod';

/** The issuing body printed on attestati unless CERT_ISSUER says otherwise. */
export const DEFAULT_CERT_ISSUER = 'Programma di formazione delle Province italiane';

const boolish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

const envSchema = z.object({
  NODE_ENV: z.string().optional(),
  DATABASE_URL: z.string().min(1).optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  PUBLIC_URL: z.string().url().optional(),
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/\S+$/, 'SMTP_URL must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().default('Officina <noreply@officina.local>'),
  ADMIN_EMAIL: z.string().email().optional(),
  ADMIN_PASSWORD: z.string().optional(),
  SEED_DEMO: boolish.optional(),
  TRUST_PROXY: z.string().optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/\S+$/, 'REDIS_URL must be a redis:// or rediss:// URL')
    .optional(),
  SIGN_IN_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100000).default(10),
  PUBLIC_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(32),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CERT_ISSUER: z.string().trim().min(3).max(200).default(DEFAULT_CERT_ISSUER),
  CERT_LOGO_FILE: z.string().trim().min(1).optional(),
  CERT_SIGNATORY_NAME: z.string().trim().min(3).max(120).optional(),
  CERT_SIGNATORY_ROLE: z.string().trim().min(3).max(160).optional(),
  CERT_PLACE: z.string().trim().min(2).max(80).optional(),
  BBB_URL: z
    .string()
    .regex(/^https?:\/\/\S+$/, 'BBB_URL must be an http:// or https:// URL')
    .pipe(z.url())
    .optional(),
  BBB_SECRET: z.string().trim().min(20, 'BBB_SECRET must be at least 20 characters').max(200).optional(),
  BBB_CHECKSUM: z.enum(['sha1', 'sha256']).default('sha256'),
  SCORM_CONTENT_URL: z
    .string()
    .regex(/^https?:\/\/[^/?#\s]+\/?$/, 'SCORM_CONTENT_URL must be an origin: http(s)://host[:port]')
    .optional(),
});

/** The largest logo accepted for attestati: it is embedded in every PDF. */
export const CERT_LOGO_MAX_BYTES = 1024 * 1024;

export type Config = {
  databaseUrl: string | undefined;
  port: number;
  host: string;
  dataDir: string;
  publicUrl: string;
  secureCookies: boolean;
  sessionSecret: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  /** undefined: decided at start-up (on for a new embedded database, off with DATABASE_URL). */
  seedDemo: boolean | undefined;
  logLevel: string;
  outboxIntervalMs: number;
  /** Fastify trustProxy: false, true, a hop count, or addresses/CIDRs of the load balancers. */
  trustProxy: boolean | number | string;
  /** Redis for the per-address rate limits of every instance; without it, PostgreSQL keeps them. */
  redisUrl: string | undefined;
  /** Sign-ins accepted per client address per minute (an office behind one NAT shares an address). */
  signInLimitPerMinute: number;
  /** Memory budget of the public read cache, in bytes (PUBLIC_CACHE_MB; 0 turns the cache off). */
  publicCacheBytes: number;
  /** NODE_ENV=production. */
  production: boolean;
  /** PUBLIC_URL was not set, so links point to http://localhost:PORT. */
  publicUrlDefaulted: boolean;
  /** The issuing body printed on certificates (attestati). */
  certIssuer: string;
  /** What the attestato prints besides the issuer, all optional (read at each rendering). */
  certificate: CertificateLayout;
  /** The BigBlueButton server of live webinars (BBB_URL, BBB_SECRET); without it, sessions' own links. */
  bbb: BbbConfig | undefined;
  /**
   * The origin that serves SCORM packages' files (SCORM_CONTENT_URL), never the app's own; by default,
   * for a PUBLIC_URL on localhost or 127.0.0.1, the same address with the other of the two names.
   * Undefined: SCORM modules cannot be played.
   */
  scormContentUrl: string | undefined;
};

export type BbbConfig = {
  /** The API endpoint, ending in /api/. */
  apiUrl: string;
  secret: string;
  checksum: 'sha1' | 'sha256';
};

export type CertificateLayout = {
  /** The issuing body's logo, PNG or JPEG, read and checked at start-up. */
  logo: { data: Buffer; type: 'png' | 'jpeg' } | undefined;
  signatoryName: string | undefined;
  signatoryRole: string | undefined;
  /** Where the attestato is issued: "Roma, 19 dic 2026". */
  place: string | undefined;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')),
  );
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if ((e.BBB_URL === undefined) !== (e.BBB_SECRET === undefined))
    throw new Error(
      'Invalid configuration:\n  BBB_URL, BBB_SECRET: set both to use BigBlueButton for webinars, or neither',
    );
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return {
    databaseUrl: e.DATABASE_URL,
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    publicUrl,
    secureCookies: publicUrl.startsWith('https://'),
    sessionSecret: e.SESSION_SECRET,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    adminEmail: e.ADMIN_EMAIL,
    adminPassword: e.ADMIN_PASSWORD,
    seedDemo: e.SEED_DEMO,
    logLevel: e.LOG_LEVEL,
    outboxIntervalMs: 5000,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    redisUrl: e.REDIS_URL,
    signInLimitPerMinute: e.SIGN_IN_LIMIT_PER_MINUTE,
    publicCacheBytes: e.PUBLIC_CACHE_MB * 1024 * 1024,
    production: e.NODE_ENV === 'production',
    publicUrlDefaulted: e.PUBLIC_URL === undefined,
    certIssuer: e.CERT_ISSUER,
    certificate: {
      logo: e.CERT_LOGO_FILE === undefined ? undefined : readLogo(e.CERT_LOGO_FILE),
      signatoryName: e.CERT_SIGNATORY_NAME,
      signatoryRole: e.CERT_SIGNATORY_ROLE,
      place: e.CERT_PLACE,
    },
    bbb:
      e.BBB_URL && e.BBB_SECRET
        ? { apiUrl: bbbApiUrl(e.BBB_URL), secret: e.BBB_SECRET, checksum: e.BBB_CHECKSUM }
        : undefined,
    scormContentUrl: scormContentOrigin(e.SCORM_CONTENT_URL, publicUrl),
  };
}

/**
 * The content origin of SCORM packages: SCORM_CONTENT_URL, or for a local PUBLIC_URL the same address
 * with `localhost` and `127.0.0.1` swapped (a different origin, and a host that gets no session cookie).
 */
export function scormContentOrigin(configured: string | undefined, publicUrl: string): string | undefined {
  const app = new URL(publicUrl);
  if (configured !== undefined) {
    const origin = new URL(configured).origin;
    if (origin === app.origin || new URL(configured).hostname === app.hostname)
      throw new Error(
        'Invalid configuration:\n  SCORM_CONTENT_URL: must be another host name than PUBLIC_URL (e.g. https://contenuti.example.it)',
      );
    return origin;
  }
  const swap: Record<string, string> = { localhost: '127.0.0.1', '127.0.0.1': 'localhost' };
  const other = swap[app.hostname];
  if (!other) return undefined;
  app.hostname = other;
  return app.origin;
}

/** The API endpoint from the address `bbb-conf --secret` prints (…/bigbluebutton/), with or without api/. */
export function bbbApiUrl(url: string): string {
  const base = url.endsWith('/') ? url : `${url}/`;
  return base.endsWith('/api/') ? base : `${base}api/`;
}

/**
 * The logo file, refused at start-up rather than at the first attestato: it must be a PNG or a JPEG
 * (told by its first bytes, not its name) of at most CERT_LOGO_MAX_BYTES.
 */
function readLogo(file: string): NonNullable<CertificateLayout['logo']> {
  const refuse = (why: string): never => {
    throw new Error(`Invalid configuration:\n  CERT_LOGO_FILE: ${why}`);
  };
  let data: Buffer;
  try {
    data = fs.readFileSync(path.resolve(file));
  } catch (err) {
    return refuse(`cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  if (data.length > CERT_LOGO_MAX_BYTES)
    refuse(
      `${file} is ${Math.ceil(data.length / 1024)} KB; the logo may be at most ${CERT_LOGO_MAX_BYTES / 1024} KB`,
    );
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    if (!pngDecodes(data)) refuse(`${file} is a damaged or truncated PNG image`);
    return { data, type: 'png' };
  }
  if (data.length > 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) {
    if (!jpegHasFrame(data)) refuse(`${file} is a damaged or truncated JPEG image`);
    return { data, type: 'jpeg' };
  }
  return refuse(`${file} is not a PNG or JPEG image`);
}

/**
 * Whether a PNG's chunks are whole, it has a header and an end, and its image data inflates: the PDF writer
 * inflates it only when an attestato is drawn, where a damaged file would fail every download.
 */
function pngDecodes(data: Buffer): boolean {
  const idat: Buffer[] = [];
  let header = false;
  for (let at = 8; at + 8 <= data.length; ) {
    const length = data.readUInt32BE(at);
    const type = data.toString('latin1', at + 4, at + 8);
    const end = at + 12 + length;
    if (end > data.length) return false;
    if (type === 'IHDR') header = length === 13;
    if (type === 'IDAT') idat.push(data.subarray(at + 8, at + 8 + length));
    if (type === 'IEND') {
      if (!header || idat.length === 0) return false;
      try {
        return zlib.inflateSync(Buffer.concat(idat)).length > 0;
      } catch {
        return false;
      }
    }
    at = end;
  }
  return false;
}

/** Whether a JPEG's markers lead, whole, to a frame header (SOFn), where the PDF writer reads its size. */
function jpegHasFrame(data: Buffer): boolean {
  for (let at = 2; at + 4 <= data.length; ) {
    if (data[at] !== 0xff) return false;
    const marker = data[at + 1] ?? 0;
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker))
      return at + 9 <= data.length;
    at += 2 + data.readUInt16BE(at + 2);
  }
  return false;
}

/**
 * The start-up warning for a production server without PUBLIC_URL: every link it writes, in e-mails and
 * on attestati (the verification address and its QR code), would point to localhost.
 */
export function publicUrlWarning(
  c: Pick<Config, 'production' | 'publicUrlDefaulted' | 'publicUrl'>,
): string | null {
  if (!c.production || !c.publicUrlDefaulted) return null;
  return `PUBLIC_URL is not set: links in e-mails and the verification address and QR code printed on attestati will point to ${c.publicUrl}. Set PUBLIC_URL to the address people use (e.g. PUBLIC_URL=https://officina.example.it); see docs/operations.md.`;
}

/**
 * The start-up warning for TRUST_PROXY=true: it believes every X-Forwarded-For, so a client can send
 * a new address with each request and never reach its limits.
 */
export function trustProxyWarning(c: Pick<Config, 'trustProxy'>): string | null {
  const tp = c.trustProxy;
  const anyone = tp === true || (typeof tp === 'string' && /(^|,)\s*(0\.0\.0\.0\/0|::\/0)\s*(,|$)/.test(tp));
  if (anyone)
    return `TRUST_PROXY=${tp} trusts any X-Forwarded-For: a client can choose the address its rate limits count. Set the proxies' addresses (e.g. TRUST_PROXY=10.0.0.0/8), or their number (e.g. TRUST_PROXY=1) when the instances can be reached through them alone; see docs/operations.md.`;
  if (typeof tp === 'number' && tp > 0)
    return `TRUST_PROXY=${tp} trusts the nearest ${tp} hop(s): a client that reaches an instance directly can choose the address its rate limits count. Make sure the instances can be reached through the proxies alone, or set the proxies' addresses instead (e.g. TRUST_PROXY=10.0.0.0/8); see docs/operations.md.`;
  return null;
}

/**
 * Fastify's `trustProxy` for the configured value. Fastify trusts no hop at all when given a bare
 * count (it cannot tell a proxy from a client that reaches the app directly), so a count becomes the
 * rule it stands for: the nearest `n` hops are proxies. That holds only while the instances can be
 * reached through the proxies alone; addresses are safe anywhere.
 */
export function trustProxyOption(
  tp: Config['trustProxy'],
): boolean | string | ((address: string, hop: number) => boolean) {
  return typeof tp === 'number' ? (_address, hop) => hop < tp : tp;
}

function parseTrustProxy(v: string | undefined): boolean | number | string {
  if (v === undefined || v === 'false') return false;
  if (v === 'true') return true;
  return /^\d+$/.test(v) ? Number(v) : v;
}
