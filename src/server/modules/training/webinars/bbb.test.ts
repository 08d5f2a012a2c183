import { describe, expect, it } from 'vitest';
import {
  attendeeIntervals,
  bbbChecksum,
  bbbQuery,
  bbbUrl,
  meetingIdOf,
  readAnswer,
  readBbbInstant,
  readRecordings,
  sessionOfMeeting,
} from './bbb.js';

// The worked example of BigBlueButton's API reference, section "Usage"
// (https://docs.bigbluebutton.org/development/api/#usage): the create call's query, the shared secret,
// and the SHA-1 the documentation gives for them.
const DOC_QUERY = 'name=Test+Meeting&meetingID=abc123&attendeePW=111222&moderatorPW=333444';
const DOC_SECRET = '639259d4-9dd8-4b25-bf01-95f9567eaf4b';
const DOC_SHA1 = '1fcbb0c4fc1f039f73aa6d697d2db9ba7f803f17';

describe('BigBlueButton checksums', () => {
  it('match the documented SHA-1 of the create example', () => {
    expect(bbbChecksum('create', DOC_QUERY, DOC_SECRET, 'sha1')).toBe(DOC_SHA1);
  });

  it('build the documented query from parameters (a space as +, in the given order)', () => {
    const q = bbbQuery({
      name: 'Test Meeting',
      meetingID: 'abc123',
      attendeePW: '111222',
      moderatorPW: '333444',
    });
    expect(q).toBe(DOC_QUERY);
    expect(bbbChecksum('create', q, DOC_SECRET, 'sha1')).toBe(DOC_SHA1);
  });

  it('take SHA-256 over the same string when asked (BBB 2.4+), a 64-digit hex', () => {
    const sum = bbbChecksum('create', DOC_QUERY, DOC_SECRET, 'sha256');
    expect(sum).toMatch(/^[0-9a-f]{64}$/);
    expect(sum).not.toBe(bbbChecksum('join', DOC_QUERY, DOC_SECRET, 'sha256'));
  });
});

describe('BigBlueButton addresses', () => {
  const settings = {
    apiUrl: 'https://bbb.example.org/bigbluebutton/api/',
    secret: DOC_SECRET,
    checksum: 'sha1' as const,
  };

  it('sign the documented create call as the documentation shows it', () => {
    expect(
      bbbUrl(settings, 'create', {
        name: 'Test Meeting',
        meetingID: 'abc123',
        attendeePW: '111222',
        moderatorPW: '333444',
      }),
    ).toBe(`https://bbb.example.org/bigbluebutton/api/create?${DOC_QUERY}&checksum=${DOC_SHA1}`);
  });

  it('encode names with accents and symbols, and leave out unset parameters', () => {
    const url = bbbUrl(settings, 'join', {
      fullName: 'Niccolò D’Amico & co.',
      meetingID: 'm1',
      role: 'VIEWER',
      password: undefined,
    });
    const u = new URL(url);
    expect(u.searchParams.get('fullName')).toBe('Niccolò D’Amico & co.');
    expect(u.searchParams.has('password')).toBe(false);
    const query = url.slice(url.indexOf('?') + 1, url.indexOf('&checksum='));
    expect(u.searchParams.get('checksum')).toBe(bbbChecksum('join', query, DOC_SECRET, 'sha1'));
  });

  it('derive one meeting per session and platform, and read it back only for this platform', () => {
    const id = meetingIdOf(42, 'https://officina.example.it');
    expect(id).toMatch(/^officina-[0-9a-f]{10}-session-42$/);
    expect(meetingIdOf(42, 'https://prova.example.it')).not.toBe(id);
    expect(sessionOfMeeting(id, 'https://officina.example.it')).toBe(42);
    expect(sessionOfMeeting(id, 'https://prova.example.it')).toBeNull();
    expect(sessionOfMeeting('officina-0000000000-session-42', 'https://officina.example.it')).toBeNull();
    expect(sessionOfMeeting('session-99999999999', 'https://officina.example.it')).toBeNull();
  });
});

describe('BigBlueButton answers', () => {
  it('read the return code and message key', () => {
    const a = readAnswer(
      '<response><returncode>FAILED</returncode><messageKey>notFound</messageKey><message>We could not find a meeting with that meeting ID</message></response>',
    );
    expect(a).toMatchObject({ ok: false, messageKey: 'notFound' });
    expect(readAnswer('<response><returncode>SUCCESS</returncode></response>').ok).toBe(true);
  });

  it('read recordings with their playback links (epoch milliseconds to ISO)', () => {
    const xml = `<response><returncode>SUCCESS</returncode><recordings><recording>
      <recordID>c62c9c-1673282694493</recordID><meetingID>m</meetingID><name>Corso &amp; prova</name>
      <published>true</published><state>published</state>
      <startTime>1673282694493</startTime><endTime>1673282727208</endTime>
      <playback><format><type>presentation</type><url>https://bbb.example.org/playback/presentation/2.3/c62c9c</url><length>0</length></format>
      <format><type>bad</type><url>javascript:alert(1)</url></format></playback>
    </recording></recordings></response>`;
    expect(readRecordings(xml)).toEqual([
      {
        recordId: 'c62c9c-1673282694493',
        name: 'Corso & prova',
        startsAt: '2023-01-09T16:44:54.493Z',
        endsAt: '2023-01-09T16:45:27.208Z',
        published: true,
        playback: [{ type: 'presentation', url: 'https://bbb.example.org/playback/presentation/2.3/c62c9c' }],
      },
    ]);
  });
});

describe('analytics callback instants and intervals', () => {
  it('read the instants as the callback writes them ("2023-08-07 14:06:17 -0300"), ISO and epoch', () => {
    expect(readBbbInstant('2023-08-07 14:06:17 -0300')).toBe(Date.parse('2023-08-07T17:06:17Z'));
    expect(readBbbInstant('2023-08-07T17:06:17Z')).toBe(Date.parse('2023-08-07T17:06:17Z'));
    expect(readBbbInstant(1691427977)).toBe(1691427977000);
    expect(readBbbInstant(1691427977000)).toBe(1691427977000);
    expect(readBbbInstant('ieri')).toBeNull();
    expect(readBbbInstant(-1)).toBeNull();
  });

  it('pair joins with leaves in order, and close an open join at the meeting’s end', () => {
    const finish = Date.parse('2026-03-10T10:00:00Z');
    expect(
      attendeeIntervals(
        ['2026-03-10 09:00:00 +0000', '2026-03-10 09:40:00 +0000'],
        ['2026-03-10 09:30:00 +0000'],
        finish,
      ),
    ).toEqual([
      { start: Date.parse('2026-03-10T09:00:00Z'), end: Date.parse('2026-03-10T09:30:00Z') },
      { start: Date.parse('2026-03-10T09:40:00Z'), end: finish },
    ]);
    expect(attendeeIntervals(['2026-03-10 09:40:00 +0000'], [], null)).toEqual([]);
  });
});
