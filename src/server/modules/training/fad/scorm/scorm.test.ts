import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { cmiForLaunch, deriveCmi, duration2004, formatTime, jsonDepth, timespan12 } from './cmi.js';
import { parseManifest, versionOf, withParameters } from './manifest.js';
import { readPackage } from './package.js';
import { contentTypeOf, entryPathProblem, packagePath } from './paths.js';
import { MANIFEST_12, MANIFEST_2004 } from './test-manifests.js';
import { contentKey, contentToken, readContentToken } from './token.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('entry paths', () => {
  it('accepts clean relative paths and folders', () => {
    for (const p of ['imsmanifest.xml', 'a/b/c.html', 'shared/', 'x y/é.png'])
      expect(entryPathProblem(p)).toBeNull();
  });
  it('refuses zip-slip and odd names', () => {
    for (const p of [
      '../evil.html',
      'a/../../evil',
      'a/..',
      '/etc/passwd',
      'C:/windows/x',
      'c:evil',
      'a\\..\\b',
      'a\u0000b',
      'a//b',
      './a',
      '',
    ])
      expect(entryPathProblem(p), p).not.toBeNull();
  });
  it('resolves launch and request paths inside the package only', () => {
    expect(packagePath('Playing/Playing.html?lesson=1#x')).toBe('Playing/Playing.html');
    expect(packagePath('./a/b.html')).toBe('a/b.html');
    expect(packagePath('a/%20b.html')).toBe('a/ b.html');
    expect(packagePath('../x.html')).toBeNull();
    expect(packagePath('a/%2e%2e/%2e%2e/x')).toBeNull();
    expect(packagePath('%E0%A4%A')).toBeNull();
  });
  it('gives content types from the extension, never sniffed', () => {
    expect(contentTypeOf('a/B.HTML')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('x.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('noext')).toBe('application/octet-stream');
  });
});

describe('manifest', () => {
  it('reads a SCORM 1.2 manifest: the first SCO item of the default organization, with its parameters', () => {
    const r = parseManifest(MANIFEST_12, new Set(['Playing/Playing.html', 'shared/style.css']));
    expect(r).toEqual({
      ok: true,
      manifest: {
        version: '1.2',
        identifier: 'com.example.golf.12',
        title: 'Golf Explained',
        launchHref: 'Playing/Playing.html?lesson=1',
        launchPath: 'Playing/Playing.html',
      },
    });
  });
  it('reads a SCORM 2004 4th edition manifest: default organization, scormType, xml:base', () => {
    const r = parseManifest(MANIFEST_2004, new Set(['content/etiquette/index.html', 'content/other.html']));
    expect(r.ok && r.manifest).toMatchObject({
      version: '2004',
      title: 'Golf Explained 2004',
      launchHref: 'content/etiquette/index.html#start',
    });
  });
  it('refuses a launch file missing from the package', () => {
    const r = parseManifest(MANIFEST_12, new Set(['shared/style.css']));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problem.en).toMatch(/launch file "Playing\/Playing.html" is not in the package/);
  });
  it('refuses manifests without a SCO, without a version, with entities, not XML', () => {
    const noSco = MANIFEST_12.replace('adlcp:scormtype="sco"', 'adlcp:scormtype="asset"');
    expect(parseManifest(noSco, new Set(['Playing/Playing.html'])).ok).toBe(false);
    const noVersion = MANIFEST_12.replace('<schemaversion>1.2</schemaversion>', '').replace(
      'adlcp_rootv1p2"',
      'other"',
    );
    expect(
      parseManifest(noVersion.replaceAll('adlcp_rootv1p2', 'x'), new Set(['Playing/Playing.html'])).ok,
    ).toBe(false);
    expect(parseManifest('<!DOCTYPE x [<!ENTITY a "b">]><manifest/>', new Set()).ok).toBe(false);
    expect(parseManifest('<manifest><unclosed></manifest>', new Set()).ok).toBe(false);
    const outside = MANIFEST_12.replace(
      'href="Playing/Playing.html">',
      'href="https://evil.example/x.html">',
    );
    expect(parseManifest(outside, new Set(['Playing/Playing.html'])).ok).toBe(false);
  });
  it('tells the version from schemaversion or the namespaces', () => {
    expect(versionOf('CAM 1.3', '')).toBe('2004');
    expect(versionOf('2004 3rd Edition', '')).toBe('2004');
    expect(versionOf('', 'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"')).toBe('2004');
    expect(versionOf('', 'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"')).toBe('1.2');
    expect(versionOf('', '')).toBeNull();
  });
  it('joins parameters as the packaging specification says', () => {
    expect(withParameters('a.html', '?x=1')).toBe('a.html?x=1');
    expect(withParameters('a.html?y=2', 'x=1')).toBe('a.html?y=2&x=1');
    expect(withParameters('a.html', '#p')).toBe('a.html#p');
  });
});

describe('package', () => {
  const good = () =>
    zipSync({
      'imsmanifest.xml': enc(MANIFEST_12),
      'Playing/Playing.html': enc('<p>hi</p>'),
      'shared/style.css': enc(''),
    });

  it('reads a good package', () => {
    const r = readPackage(good());
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.files.map((f) => f.path).sort()).toEqual([
        'Playing/Playing.html',
        'imsmanifest.xml',
        'shared/style.css',
      ]);
      expect(r.files.find((f) => f.path === 'imsmanifest.xml')?.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });
  it('refuses a file whose name lies about its type (not a zip)', () => {
    const r = readPackage(enc('%PDF-1.7 this is no zip'));
    expect(!r.ok && r.problems[0]?.en).toMatch(/not a zip archive/);
  });
  it('refuses a package without imsmanifest.xml at its root', () => {
    const r = readPackage(zipSync({ 'pkg/imsmanifest.xml': enc(MANIFEST_12), 'a.html': enc('') }));
    expect(!r.ok && r.problems[0]?.en).toMatch(/imsmanifest.xml is missing/);
  });
  it('refuses zip-slip entries, listing them', () => {
    const r = readPackage(zipSync({ 'imsmanifest.xml': enc(MANIFEST_12), '../../evil.html': enc('x') }));
    expect(!r.ok && r.problems.map((p) => p.en).join()).toMatch(/evil.html.*climbs/);
  });
  it('refuses too many entries and too many unpacked bytes before inflating', () => {
    const limits = { uploadBytes: 1e6, unpackedBytes: 5000, entries: 3, cmiChars: 1000 };
    const many = zipSync(Object.fromEntries([...Array(5).keys()].map((i) => [`f${i}.txt`, enc('x')])));
    expect(!readPackage(many, limits).ok && JSON.stringify(readPackage(many, limits))).toMatch(/5 entries/);
    const bomb = zipSync({ 'imsmanifest.xml': new Uint8Array(100_000) }, { level: 9 });
    expect(bomb.length).toBeLessThan(1000);
    expect(JSON.stringify(readPackage(bomb, limits))).toMatch(/would exceed/);
    expect(JSON.stringify(readPackage(good(), { ...limits, entries: 10, uploadBytes: 10 }))).toMatch(
      /larger than/,
    );
  });
  it('never inflates more than the sizes the zip declares, even when they lie', () => {
    const zip = Buffer.from(
      zipSync(
        { 'imsmanifest.xml': enc(MANIFEST_12), 'Playing/Playing.html': new Uint8Array(2_000_000) },
        { level: 9 },
      ),
    );
    // Declare 10 bytes for the 2 MB file, in its local header and in the central directory.
    for (let i = 0; i < zip.length - 30; i++) {
      const sig = zip.readUInt32LE(i);
      const name = (at: number) => zip.toString('latin1', at, at + 20);
      if (sig === 0x04034b50 && name(i + 30) === 'Playing/Playing.html') zip.writeUInt32LE(10, i + 22);
      if (sig === 0x02014b50 && name(i + 46) === 'Playing/Playing.html') zip.writeUInt32LE(10, i + 24);
    }
    const r = readPackage(zip);
    expect(r.ok && r.files.find((f) => f.path === 'Playing/Playing.html')?.bytes.length).toBe(10);
  });

  it('refuses a damaged zip', () => {
    const z = good();
    expect(readPackage(z.slice(0, z.length - 30)).ok).toBe(false);
  });
});

describe('content token', () => {
  const key = contentKey('x'.repeat(40));
  const grant = { packageId: 7, userId: '0b6f1c3e-8d4c-4f7a-9a7e-2b1c3d4e5f60', expires: 2000 };
  it('round-trips, and refuses forged, other-key and expired tokens', () => {
    const t = contentToken(key, grant);
    expect(readContentToken(key, t, 1000)).toEqual(grant);
    expect(readContentToken(key, t, 2000)).toBeNull();
    expect(readContentToken(contentKey('y'.repeat(40)), t, 1000)).toBeNull();
    expect(readContentToken(key, t.replace('7.', '8.'), 1000)).toBeNull();
    expect(readContentToken(key, `${t}x`, 1000)).toBeNull();
    expect(readContentToken(key, 'nonsense', 1000)).toBeNull();
  });
});

describe('CMI', () => {
  it('parses 1.2 and 2004 times', () => {
    expect(timespan12('0001:02:03.50')).toBe(3723);
    expect(timespan12('00:00:30')).toBe(30);
    expect(timespan12('bad')).toBe(0);
    expect(duration2004('PT1H2M3.5S')).toBe(3723);
    expect(duration2004('P1DT1S')).toBe(86401);
    expect(duration2004('PT')).toBe(0);
    expect(duration2004('1H')).toBe(0);
    expect(formatTime('1.2', 3723)).toBe('0001:02:03');
    expect(formatTime('2004', 3723)).toBe('PT1H2M3S');
  });
  it('derives a 1.2 status, score and time', () => {
    const d = deriveCmi('1.2', {
      suspend_data: 'abc',
      core: {
        lesson_status: 'passed',
        lesson_location: 'p3',
        session_time: '00:05:00',
        score: { raw: '80', max: '100', min: '' },
      },
    });
    expect(d).toEqual({
      lessonStatus: 'passed',
      successStatus: 'passed',
      scoreRaw: 80,
      scoreScaled: 0.8,
      location: 'p3',
      suspendData: 'abc',
      sessionSeconds: 300,
      complete: true,
    });
    expect(deriveCmi('1.2', { core: { lesson_status: 'incomplete' } }).complete).toBe(false);
    expect(deriveCmi('1.2', { core: 'nonsense' }).lessonStatus).toBe('not attempted');
  });
  it('derives a 2004 status: complete when completed or passed', () => {
    expect(deriveCmi('2004', { completion_status: 'completed', session_time: 'PT2M' })).toMatchObject({
      complete: true,
      sessionSeconds: 120,
    });
    expect(deriveCmi('2004', { completion_status: 'incomplete', success_status: 'passed' }).complete).toBe(
      true,
    );
    expect(deriveCmi('2004', { completion_status: 'incomplete', score: { scaled: '0.5' } })).toMatchObject({
      complete: false,
      scoreScaled: 0.5,
    });
  });
  it('hands back the CMI without the visit’s own elements, with the total time and entry', () => {
    expect(
      cmiForLaunch(
        '1.2',
        { core: { session_time: '00:01:00', exit: 'suspend', lesson_status: 'incomplete' } },
        90,
      ),
    ).toEqual({
      core: { lesson_status: 'incomplete', total_time: '0000:01:30', entry: 'resume' },
    });
    expect(cmiForLaunch('2004', { session_time: 'PT1M', completion_status: 'incomplete' }, 60)).toEqual({
      completion_status: 'incomplete',
      total_time: 'PT0H1M0S',
      entry: '',
    });
    expect(cmiForLaunch('2004', {}, 0)).toEqual({});
  });
});

describe('jsonDepth', () => {
  it('measures nesting without recursion, even for a hostile depth', () => {
    expect(jsonDepth('x', 12)).toBe(0);
    expect(jsonDepth({ core: { score: { raw: 80 } } }, 12)).toBe(3);
    expect(jsonDepth({ interactions: [{ correct_responses: [{ pattern: 'a' }] }] }, 12)).toBe(5);
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(jsonDepth(deep, 12)).toBe(13);
  });
});
