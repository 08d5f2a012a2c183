import { createHash } from 'node:crypto';
import type { BbbConfig } from '../../../config.js';
import type { Interval } from '../attendance/index.js';

/**
 * BigBlueButton's API (https://docs.bigbluebutton.org/development/api): every call is a GET on
 * `<server>/bigbluebutton/api/<call>?<query>&checksum=<hash>`, where the hash is taken over the call's
 * name, its query string as sent and the shared secret, concatenated without separators. The pure parts
 * (query, checksum, signed URLs, meeting ids, reading the XML answers and the analytics timestamps) are
 * here so they can be tested against the documented examples; `createBbbClient` only adds the HTTP calls.
 */

export type BbbChecksum = BbbConfig['checksum'];
export type BbbSettings = BbbConfig;

export type BbbParams = Record<string, string | number | boolean | undefined>;

/**
 * The query string as BBB reads it back: parameters in the given order, values encoded like a form
 * (a space as "+"), so the checksum the server recomputes over the received query is the same.
 */
export function bbbQuery(params: BbbParams): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) q.append(k, String(v));
  return q.toString();
}

/** checksum = hash(callName + query + sharedSecret), hex. */
export function bbbChecksum(call: string, query: string, secret: string, algorithm: BbbChecksum = 'sha1') {
  return createHash(algorithm).update(`${call}${query}${secret}`, 'utf8').digest('hex');
}

/** A signed API address. */
export function bbbUrl(s: BbbSettings, call: string, params: BbbParams): string {
  const query = bbbQuery(params);
  const checksum = bbbChecksum(call, query, s.secret, s.checksum);
  return `${s.apiUrl}${call}?${query ? `${query}&` : ''}checksum=${checksum}`;
}

/**
 * The meeting of a session. The platform's address is folded in so that two platforms (a test and a
 * production instance) sharing one BBB server never meet in the same room.
 */
export function meetingIdOf(sessionId: number, publicUrl: string): string {
  const site = createHash('sha256').update(publicUrl).digest('hex').slice(0, 10);
  return `officina-${site}-session-${sessionId}`;
}

/** The session a meeting id belongs to, when it is one of this platform's; null otherwise. */
export function sessionOfMeeting(meetingId: string, publicUrl: string): number | null {
  const m = /-session-(\d{1,10})$/.exec(meetingId);
  const id = m ? Number(m[1]) : Number.NaN;
  if (!Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) return null;
  return meetingIdOf(id, publicUrl) === meetingId ? id : null;
}

// ---- XML answers ------------------------------------------------------------------------------------

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  const text = s.replace(/^\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*$/, '$1');
  return text
    .replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
      e[0] === '#'
        ? String.fromCodePoint(
            e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)),
          )
        : (ENTITIES[e.toLowerCase()] ?? ''),
    )
    .trim();
}

/** The text of the first `<tag>` in a piece of XML (BBB's answers are small and flat enough for this). */
export function xmlText(xml: string, tag: string): string | null {
  const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`).exec(xml);
  return m ? decode(m[1] ?? '') : null;
}

function xmlBlocks(xml: string, tag: string): string[] {
  return [...xml.matchAll(new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'g'))].map(
    (m) => m[1] ?? '',
  );
}

export type BbbAnswer = { ok: boolean; messageKey: string | null; message: string | null; xml: string };

/** `<response><returncode>SUCCESS|FAILED</returncode><messageKey>…</messageKey>…</response>`. */
export function readAnswer(xml: string): BbbAnswer {
  return {
    ok: xmlText(xml, 'returncode') === 'SUCCESS',
    messageKey: xmlText(xml, 'messageKey'),
    message: xmlText(xml, 'message'),
    xml,
  };
}

export type BbbRecording = {
  recordId: string;
  name: string;
  startsAt: string | null;
  endsAt: string | null;
  published: boolean;
  playback: { type: string; url: string }[];
};

const epoch = (v: string | null) => {
  const n = Number(v);
  return v && Number.isFinite(n) && n > 0 ? new Date(n).toISOString() : null;
};

/** The recordings of a `getRecordings` answer; start and end times are epoch milliseconds. */
export function readRecordings(xml: string): BbbRecording[] {
  return xmlBlocks(xml, 'recording').map((r) => ({
    recordId: xmlText(r, 'recordID') ?? '',
    name: xmlText(r, 'name') ?? '',
    startsAt: epoch(xmlText(r, 'startTime')),
    endsAt: epoch(xmlText(r, 'endTime')),
    published: xmlText(r, 'published') === 'true',
    playback: xmlBlocks(r, 'format')
      .map((f) => ({ type: xmlText(f, 'type') ?? '', url: xmlText(f, 'url') ?? '' }))
      .filter((f) => /^https?:\/\//.test(f.url)),
  }));
}

// ---- Analytics callback ------------------------------------------------------------------------------

/**
 * An instant of the analytics callback: BBB writes Ruby's `Time#to_s` ("2023-08-07 14:06:17 -0300");
 * ISO 8601 and epoch numbers (seconds or milliseconds) are read too. Null when unreadable.
 */
export function readBbbInstant(v: string | number): number | null {
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || v <= 0) return null;
    return v > 1e11 ? v : v * 1000;
  }
  const ruby = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?) ?([+-])(\d{2}):?(\d{2})$/.exec(v.trim());
  const iso = ruby ? `${ruby[1]}T${ruby[2]}${ruby[3]}${ruby[4]}:${ruby[5]}` : v.trim();
  if (!ruby && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(iso))
    return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
}

/**
 * A person's connections from their join and leave instants, taken in order: the n-th join with the n-th
 * leave (two devices at once give overlapping pairs, merged later by the ledger's counting); a join left
 * open (the meeting ended under them) lasts until `finish`. Unreadable instants are dropped.
 */
export function attendeeIntervals(
  joins: readonly (string | number)[],
  leaves: readonly (string | number)[],
  finish: number | null,
): Interval[] {
  const sorted = (list: readonly (string | number)[]) =>
    list
      .map(readBbbInstant)
      .filter((x): x is number => x !== null)
      .sort((a, b) => a - b);
  const l = sorted(leaves);
  const out: Interval[] = [];
  for (const [i, start] of sorted(joins).entries()) {
    const end = l[i] ?? finish;
    if (end !== null && end > start) out.push({ start, end });
  }
  return out;
}

// ---- HTTP client ------------------------------------------------------------------------------------

export type BbbClient = ReturnType<typeof createBbbClient>;

export type CreateMeeting = {
  meetingID: string;
  name: string;
  welcome: string;
  logoutURL: string;
  analyticsCallbackUrl: string;
  durationMinutes: number;
};

/** Calls BigBlueButton; a network failure or a timeout throws, a FAILED answer is returned as such. */
export function createBbbClient(s: BbbSettings, opts: { timeoutMs?: number } = {}) {
  const timeoutMs = opts.timeoutMs ?? 8000;
  async function call(name: string, params: BbbParams): Promise<BbbAnswer> {
    const res = await fetch(bbbUrl(s, name, params), { signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) throw new Error(`BigBlueButton ${name} answered HTTP ${res.status}`);
    return readAnswer(await res.text());
  }
  return {
    settings: s,
    /**
     * Creates the meeting, or finds it running: BBB answers a create for a running meeting with the same
     * id as a success (messageKey duplicateWarning), so calling it before every join is safe.
     */
    create(m: CreateMeeting) {
      return call('create', {
        name: m.name,
        meetingID: m.meetingID,
        welcome: m.welcome,
        logoutURL: m.logoutURL,
        record: true,
        // A room kept open at most the session's length plus an hour, whatever happens.
        duration: m.durationMinutes + 60,
        meetingKeepEvents: true,
        'meta_analytics-callback-url': m.analyticsCallbackUrl,
        'meta_bbb-origin': 'Officina',
      });
    },
    /** A signed join address (BBB 2.4+: the role is given, no password). */
    joinUrl(p: { meetingID: string; fullName: string; userID: string; role: 'MODERATOR' | 'VIEWER' }) {
      return bbbUrl(s, 'join', {
        fullName: p.fullName,
        meetingID: p.meetingID,
        role: p.role,
        userID: p.userID,
        redirect: true,
      });
    },
    end(meetingID: string) {
      return call('end', { meetingID });
    },
    async recordings(meetingID: string) {
      const a = await call('getRecordings', { meetingID, state: 'published,unpublished' });
      return a.ok ? readRecordings(a.xml) : [];
    },
  };
}
