import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';
import { afterAll } from 'vitest';

/**
 * A small BigBlueButton for tests: a real HTTP server answering create, join, end and getRecordings
 * under /bigbluebutton/api/ as the API reference describes, refusing a call whose checksum (SHA-1 or
 * SHA-256 of call name + query without the checksum + shared secret) does not match.
 */

export type PeerMeeting = { params: URLSearchParams; createdAt: number; joins: URLSearchParams[] };
export type PeerRecording = { recordID: string; published: boolean; url: string };

const xml = (body: string) => `<response>${body}</response>`;
const ok = (rest = '') => xml(`<returncode>SUCCESS</returncode>${rest}`);
const failed = (key: string, message: string) =>
  xml(`<returncode>FAILED</returncode><messageKey>${key}</messageKey><message>${message}</message>`);

export async function startBbbPeer(secret: string) {
  const meetings = new Map<string, PeerMeeting>();
  const recordings = new Map<string, PeerRecording[]>();
  const calls: { call: string; params: URLSearchParams; valid: boolean }[] = [];

  /** The server's check: the checksum over everything after "?" except the checksum parameter. */
  function checksumValid(call: string, rawQuery: string): boolean {
    const parts = rawQuery.split('&');
    const given = parts.find((p) => p.startsWith('checksum='))?.slice('checksum='.length) ?? '';
    const query = parts.filter((p) => !p.startsWith('checksum=')).join('&');
    const algorithm = given.length === 64 ? 'sha256' : given.length === 40 ? 'sha1' : null;
    if (!algorithm) return false;
    return createHash(algorithm).update(`${call}${query}${secret}`).digest('hex') === given;
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://peer');
    const call = url.pathname.replace(/^\/bigbluebutton\/api\//, '');
    const raw = (req.url ?? '').split('?')[1] ?? '';
    const params = url.searchParams;
    const valid = checksumValid(call, raw);
    calls.push({ call, params, valid });
    const send = (body: string, status = 200) => {
      res.writeHead(status, { 'content-type': 'text/xml; charset=utf-8' });
      res.end(body);
    };
    if (!valid) return send(failed('checksumError', 'You did not pass the checksum security check'));
    const meetingID = params.get('meetingID') ?? '';
    switch (call) {
      case 'create': {
        const existing = meetings.get(meetingID);
        if (existing)
          return send(ok(`<meetingID>${meetingID}</meetingID><messageKey>duplicateWarning</messageKey>`));
        meetings.set(meetingID, { params, createdAt: Date.now(), joins: [] });
        return send(ok(`<meetingID>${meetingID}</meetingID><createTime>${Date.now()}</createTime>`));
      }
      case 'join': {
        const m = meetings.get(meetingID);
        if (!m) return send(failed('invalidMeetingIdentifier', 'The meeting ID does not exist'));
        if (!['MODERATOR', 'VIEWER'].includes(params.get('role') ?? ''))
          return send(failed('invalidRole', 'Role must be MODERATOR or VIEWER'));
        m.joins.push(params);
        res.writeHead(302, { location: `http://peer/html5client/join?sessionToken=t${m.joins.length}` });
        return res.end();
      }
      case 'end': {
        if (!meetings.delete(meetingID))
          return send(failed('notFound', 'We could not find a meeting with that meeting ID'));
        return send(ok('<messageKey>sentEndMeetingRequest</messageKey>'));
      }
      case 'getRecordings': {
        const list = recordings.get(meetingID) ?? [];
        const items = list
          .map(
            (r) =>
              `<recording><recordID>${r.recordID}</recordID><meetingID>${meetingID}</meetingID><name>Registrazione</name><published>${r.published}</published><state>${r.published ? 'published' : 'unpublished'}</state><startTime>1767258000000</startTime><endTime>1767261600000</endTime><playback><format><type>presentation</type><url>${r.url}</url><length>60</length></format></playback></recording>`,
          )
          .join('');
        return send(ok(`<recordings>${items}</recordings>`));
      }
      default:
        return send(failed('unsupportedRequest', 'This request is not supported.'));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const peer = {
    url: `http://127.0.0.1:${port}/bigbluebutton/`,
    meetings,
    recordings,
    calls,
    /** The analytics callback's token: HS512 with the shared secret and an expiry, as BBB signs it. */
    token: (opts: { secret?: string; expiresAt?: Date; alg?: string } = {}) =>
      new SignJWT({})
        .setProtectedHeader({ alg: opts.alg ?? 'HS512', typ: 'JWT' })
        .setExpirationTime(Math.floor((opts.expiresAt ?? new Date(Date.now() + 86_400_000)).getTime() / 1000))
        .sign(new TextEncoder().encode(opts.secret ?? secret)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  afterAll(peer.close);
  return peer;
}
