import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  CERT_LOGO_MAX_BYTES,
  loadConfig,
  publicUrlWarning,
  trustProxyOption,
  trustProxyWarning,
} from './config.js';

describe('loadConfig', () => {
  it('has working defaults for a fresh clone', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.host).toBe('0.0.0.0');
    expect(path.isAbsolute(c.dataDir)).toBe(true);
    expect(c.dataDir).toBe(path.resolve('./data'));
    expect(c.publicUrl).toBe('http://localhost:3000');
    expect(c.secureCookies).toBe(false);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.smtpUrl).toBeUndefined();
    expect(c.seedDemo).toBeUndefined();
  });

  it('derives the public URL from PORT, and resolves DATA_DIR to an absolute path', () => {
    const c = loadConfig({ PORT: '8080', DATA_DIR: 'var/officina' });
    expect(c.port).toBe(8080);
    expect(c.publicUrl).toBe('http://localhost:8080');
    expect(c.dataDir).toBe(path.resolve('var/officina'));
  });

  it('treats empty variables as unset', () => {
    const c = loadConfig({ PORT: '', DATABASE_URL: '', SEED_DEMO: '' });
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.seedDemo).toBeUndefined();
  });

  it('uses secure cookies behind an https PUBLIC_URL, without the trailing slash', () => {
    const c = loadConfig({ PUBLIC_URL: 'https://officina.example.it/' });
    expect(c.publicUrl).toBe('https://officina.example.it');
    expect(c.secureCookies).toBe(true);
    expect(loadConfig({ PUBLIC_URL: 'http://officina.example.it' }).secureCookies).toBe(false);
  });

  it.each(['abc', '70000', '-1', '3.5'])('refuses PORT=%s with a message naming PORT', (port) => {
    expect(() => loadConfig({ PORT: port })).toThrow(/Invalid configuration:[\s\S]*PORT/);
  });

  it('refuses a SESSION_SECRET shorter than 32 characters, naming the variable', () => {
    expect(() => loadConfig({ SESSION_SECRET: 'too-short' })).toThrow(
      /SESSION_SECRET: SESSION_SECRET must be at least 32 characters/,
    );
    expect(loadConfig({ SESSION_SECRET: 'x'.repeat(32) }).sessionSecret).toBe('x'.repeat(32));
  });

  it('gives SCORM packages another origin: SCORM_CONTENT_URL, or localhost and 127.0.0.1 swapped', () => {
    expect(loadConfig({}).scormContentUrl).toBe('http://127.0.0.1:3000');
    expect(loadConfig({ PUBLIC_URL: 'http://127.0.0.1:4000' }).scormContentUrl).toBe('http://localhost:4000');
    expect(loadConfig({ PUBLIC_URL: 'https://officina.example.it' }).scormContentUrl).toBeUndefined();
    expect(
      loadConfig({
        PUBLIC_URL: 'https://officina.example.it',
        SCORM_CONTENT_URL: 'https://contenuti.example.it/',
      }).scormContentUrl,
    ).toBe('https://contenuti.example.it');
    expect(() =>
      loadConfig({
        PUBLIC_URL: 'https://officina.example.it',
        SCORM_CONTENT_URL: 'https://officina.example.it:8443',
      }),
    ).toThrow(/SCORM_CONTENT_URL: must be another host name/);
    expect(() => loadConfig({ SCORM_CONTENT_URL: 'https://contenuti.example.it/percorso' })).toThrow(
      /SCORM_CONTENT_URL must be an origin/,
    );
  });

  it('reads BigBlueButton settings: both or neither, the API address from what bbb-conf prints', () => {
    expect(loadConfig({}).bbb).toBeUndefined();
    const secret = 's'.repeat(40);
    expect(loadConfig({ BBB_URL: 'https://bbb.example.it/bigbluebutton/', BBB_SECRET: secret }).bbb).toEqual({
      apiUrl: 'https://bbb.example.it/bigbluebutton/api/',
      secret,
      checksum: 'sha256',
    });
    expect(
      loadConfig({
        BBB_URL: 'https://bbb.example.it/bigbluebutton/api',
        BBB_SECRET: secret,
        BBB_CHECKSUM: 'sha1',
      }).bbb,
    ).toMatchObject({ apiUrl: 'https://bbb.example.it/bigbluebutton/api/', checksum: 'sha1' });
    expect(() => loadConfig({ BBB_URL: 'https://bbb.example.it/bigbluebutton/' })).toThrow(
      /BBB_URL, BBB_SECRET: set both/,
    );
    expect(() => loadConfig({ BBB_URL: 'ftp://bbb.example.it/', BBB_SECRET: secret })).toThrow(/BBB_URL/);
    expect(() => loadConfig({ BBB_URL: 'https://bbb.example.it/', BBB_SECRET: 'short' })).toThrow(
      /BBB_SECRET must be at least 20 characters/,
    );
    expect(() =>
      loadConfig({ BBB_URL: 'https://bbb.example.it/', BBB_SECRET: secret, BBB_CHECKSUM: 'md5' }),
    ).toThrow(/BBB_CHECKSUM/);
  });

  it('names every bad variable at once', () => {
    let message = '';
    try {
      loadConfig({ PORT: 'nope', PUBLIC_URL: 'not a url', LOG_LEVEL: 'loud' });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/PUBLIC_URL/);
    expect(message).toMatch(/LOG_LEVEL/);
  });

  it.each([
    ['true', true],
    ['1', true],
    ['yes', true],
    ['on', true],
    ['false', false],
    ['0', false],
    ['no', false],
    ['off', false],
  ] as const)('parses SEED_DEMO=%s as %s', (value, expected) => {
    expect(loadConfig({ SEED_DEMO: value }).seedDemo).toBe(expected);
  });

  it('refuses an unrecognised SEED_DEMO value rather than guessing', () => {
    expect(() => loadConfig({ SEED_DEMO: 'maybe' })).toThrow(/SEED_DEMO/);
  });

  it.each([
    [undefined, false],
    ['false', false],
    ['true', true],
    ['2', 2],
    ['10.0.0.0/8, 192.168.1.10', '10.0.0.0/8, 192.168.1.10'],
  ] as const)('reads TRUST_PROXY=%s as %s', (value, expected) => {
    expect(loadConfig(value === undefined ? {} : { TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it('turns a hop count into a rule Fastify follows: the nearest hops are proxies', () => {
    const trust = trustProxyOption(2);
    if (typeof trust !== 'function') throw new Error('expected a function');
    expect([0, 1, 2, 3].map((hop) => trust('192.0.2.1', hop))).toEqual([true, true, false, false]);
    expect(trustProxyOption('10.0.0.0/8')).toBe('10.0.0.0/8');
    expect(trustProxyOption(false)).toBe(false);
  });

  it('warns about TRUST_PROXY settings a client can get round, naming the safe ones', () => {
    for (const anyone of ['true', '0.0.0.0/0', '10.0.0.1, ::/0'])
      expect(trustProxyWarning(loadConfig({ TRUST_PROXY: anyone }))).toMatch(
        /trusts any X-Forwarded-For.*TRUST_PROXY=10\.0\.0\.0\/8.*TRUST_PROXY=1/,
      );
    expect(trustProxyWarning(loadConfig({ TRUST_PROXY: '2' }))).toMatch(
      /TRUST_PROXY=2 trusts the nearest 2 hop\(s\).*through the proxies alone.*TRUST_PROXY=10\.0\.0\.0\/8/,
    );
    for (const safe of [undefined, 'false', '0', '10.0.0.0/8', '127.0.0.1,192.168.0.0/16'])
      expect(trustProxyWarning(loadConfig(safe ? { TRUST_PROXY: safe } : {}))).toBeNull();
  });

  it('takes a redis:// or rediss:// REDIS_URL and refuses anything else', () => {
    expect(loadConfig({}).redisUrl).toBeUndefined();
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379/2' }).redisUrl).toBe('redis://127.0.0.1:6379/2');
    expect(loadConfig({ REDIS_URL: 'rediss://:secret@cache.example.it' }).redisUrl).toBe(
      'rediss://:secret@cache.example.it',
    );
    expect(() => loadConfig({ REDIS_URL: 'localhost:6379' })).toThrow(/REDIS_URL must be a redis:\/\//);
  });

  it('takes an smtp:// or smtps:// SMTP_URL and refuses anything else at start-up', () => {
    expect(loadConfig({}).smtpUrl).toBeUndefined();
    expect(loadConfig({ SMTP_URL: 'smtps://officina:secret@mail.example.it:465' }).smtpUrl).toBe(
      'smtps://officina:secret@mail.example.it:465',
    );
    for (const bad of ['mail.example.it', 'smtp//host', 'http://mail.example.it'])
      expect(() => loadConfig({ SMTP_URL: bad })).toThrow(/SMTP_URL must be an smtp:\/\//);
  });

  it('limits sign-ins to 10 per address and minute unless SIGN_IN_LIMIT_PER_MINUTE says otherwise', () => {
    expect(loadConfig({}).signInLimitPerMinute).toBe(10);
    expect(loadConfig({ SIGN_IN_LIMIT_PER_MINUTE: '200' }).signInLimitPerMinute).toBe(200);
    for (const bad of ['0', '-5', '2.5', 'many'])
      expect(() => loadConfig({ SIGN_IN_LIMIT_PER_MINUTE: bad })).toThrow(/SIGN_IN_LIMIT_PER_MINUTE/);
  });

  it('warns a production server without PUBLIC_URL that its links point to localhost', () => {
    expect(publicUrlWarning(loadConfig({ NODE_ENV: 'production', PORT: '8080' }))).toMatch(
      /PUBLIC_URL is not set: links in e-mails .*attestati will point to http:\/\/localhost:8080/,
    );
    expect(
      publicUrlWarning(loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://o.example.it' })),
    ).toBeNull();
    expect(publicUrlWarning(loadConfig({}))).toBeNull();
  });

  it('reads the attestato settings, all optional', () => {
    expect(loadConfig({}).certificate).toEqual({
      logo: undefined,
      signatoryName: undefined,
      signatoryRole: undefined,
      place: undefined,
    });
    const c = loadConfig({
      CERT_SIGNATORY_NAME: 'Maria Rossi',
      CERT_SIGNATORY_ROLE: 'La Dirigente del Settore Personale',
      CERT_PLACE: 'Roma',
    });
    expect(c.certificate).toMatchObject({
      signatoryName: 'Maria Rossi',
      signatoryRole: 'La Dirigente del Settore Personale',
      place: 'Roma',
    });
  });

  it('takes a PNG or JPEG logo of at most 1 MB, told by its bytes, and refuses anything else at start-up', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'officina-logo-'));
    const file = (name: string, bytes: Buffer) => {
      const f = path.join(dir, name);
      fs.writeFileSync(f, bytes);
      return f;
    };
    const chunk = (type: string, body: Buffer) => {
      const length = Buffer.alloc(4);
      length.writeUInt32BE(body.length);
      return Buffer.concat([length, Buffer.from(type, 'latin1'), body, Buffer.alloc(4)]);
    };
    // A 1 × 1 grey PNG: header, one row of image data, end.
    const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', zlib.deflateSync(Buffer.from([0, 128]))),
      chunk('IEND', Buffer.alloc(0)),
    ]);
    // A JPEG's start, an APP0 segment and a frame header (SOF0) for 1 × 1 pixels, one component.
    const jpeg = Buffer.from([
      0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x01, 0x00, 0x01,
      0x01, 0x01, 0x11, 0x00,
    ]);
    try {
      expect(loadConfig({ CERT_LOGO_FILE: file('logo.png', png) }).certificate.logo?.type).toBe('png');
      // The name does not matter, the content does.
      expect(loadConfig({ CERT_LOGO_FILE: file('logo.png.jpg', jpeg) }).certificate.logo?.type).toBe('jpeg');
      // A file that starts as an image but is cut short, or whose image data does not inflate.
      expect(() => loadConfig({ CERT_LOGO_FILE: file('cut.png', png.subarray(0, png.length - 20)) })).toThrow(
        /CERT_LOGO_FILE: .* is a damaged or truncated PNG image/,
      );
      const bad = Buffer.concat([
        png.subarray(0, 33),
        chunk('IDAT', Buffer.from('not zlib')),
        chunk('IEND', Buffer.alloc(0)),
      ]);
      expect(() => loadConfig({ CERT_LOGO_FILE: file('bad.png', bad) })).toThrow(/damaged or truncated PNG/);
      expect(() => loadConfig({ CERT_LOGO_FILE: file('cut.jpg', jpeg.subarray(0, 10)) })).toThrow(
        /CERT_LOGO_FILE: .* is a damaged or truncated JPEG image/,
      );
      expect(() => loadConfig({ CERT_LOGO_FILE: file('logo.svg.png', Buffer.from('<svg/>')) })).toThrow(
        /CERT_LOGO_FILE: .* is not a PNG or JPEG image/,
      );
      const big = Buffer.concat([png, Buffer.alloc(CERT_LOGO_MAX_BYTES)]);
      expect(() => loadConfig({ CERT_LOGO_FILE: file('big.png', big) })).toThrow(
        /CERT_LOGO_FILE: .* may be at most 1024 KB/,
      );
      expect(() => loadConfig({ CERT_LOGO_FILE: path.join(dir, 'missing.png') })).toThrow(
        /CERT_LOGO_FILE: cannot read .*ENOENT/,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
