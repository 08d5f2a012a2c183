import { inArray } from 'drizzle-orm';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { CalendarEntry, Edition, Session, TrainingPath } from '../../../../common/catalogue.js';
import { addDays, romeDate, romeInstant } from '../../../../common/rome-time.js';
import { editionSessions } from '../../../db/schema/index.js';
import { startTestApp } from '../../../test/app.js';

const t = await startTestApp();
const admin = await t.as('admin@officina.demo');
const trainer = await t.as('formatore@officina.demo');
const anon = t.client();
const trainerId = (await trainer.get('/api/v1/me')).json().id as string;
const cuneo = (await admin.get('/api/v1/units?q=004')).json().items[0].id as number;
const bergamo = (await admin.get('/api/v1/units?q=016')).json().items[0].id as number;
const today = romeDate(new Date());
const at = (day: number, time: string) => romeInstant(addDays(today, day), time).toISOString();

type Parsed = { cal: ICAL.Component; vtimezone: ICAL.Component | null; events: ICAL.Event[] };
/** Parses an iCalendar body and registers its VTIMEZONE, as calendar clients do. */
function parseIcs(body: string): Parsed {
  const cal = new ICAL.Component(ICAL.parse(body));
  const vtimezone = cal.getFirstSubcomponent('vtimezone');
  if (vtimezone) ICAL.TimezoneService.register(vtimezone);
  return { cal, vtimezone, events: cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}
/**
 * Reads DTSTAMP and LAST-MODIFIED of every event from the feed's text (lines unfolded): RFC 5545
 * wants them in UTC, so each must be a bare `YYYYMMDDTHHMMSSZ`, and both say when the session last
 * changed. Returns them by UID.
 */
function utcStamps(body: string) {
  const lines = body.replace(/\r\n[ \t]/g, '').split('\r\n');
  const stamps = new Map<string, { stamp: string; modified: string }>();
  let uid = '';
  let stamp = '';
  let modified = '';
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') [uid, stamp, modified] = ['', '', ''];
    else if (line.startsWith('UID:')) uid = line.slice(4);
    else if (line.startsWith('DTSTAMP')) stamp = line;
    else if (line.startsWith('LAST-MODIFIED')) modified = line;
    else if (line === 'END:VEVENT') {
      expect(stamp, uid).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/);
      expect(modified, uid).toMatch(/^LAST-MODIFIED:\d{8}T\d{6}Z$/);
      stamps.set(uid, { stamp: stamp.split(':')[1] as string, modified: modified.split(':')[1] as string });
    }
  }
  return stamps;
}
/** A Date as an iCalendar UTC date-time. */
const icalUtc = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');

/** Every event of the feed stamped in UTC with its session's last change. */
async function expectUtcStamps(body: string) {
  const stamps = utcStamps(body);
  expect(stamps.size).toBeGreaterThan(0);
  const ids = [...stamps.keys()].map(sessionIdOf);
  const rows = await t.db.select().from(editionSessions).where(inArray(editionSessions.id, ids));
  for (const r of rows) {
    const found = [...stamps].find(([uid]) => sessionIdOf(uid) === r.id)?.[1];
    expect(found).toEqual({ stamp: icalUtc(r.updatedAt), modified: icalUtc(r.updatedAt) });
  }
}
const sessionIdOf = (uid: string) => Number(/^officina-session-(\d+)@/.exec(uid)?.[1]);
const statusOf = (e: ICAL.Event) => e.component.getFirstPropertyValue('status');
const byNumber = (a: number, b: number) => a - b;

async function getIcs(url: string) {
  const res = await anon.get(url);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/calendar/);
  return { res, ...parseIcs(res.body) };
}
const eventOf = (p: Parsed, sessionId: number) => {
  const found = p.events.find((e) => sessionIdOf(e.uid) === sessionId);
  if (!found) throw new Error(`session ${sessionId} is not in the calendar`);
  return found;
};

async function createPublishedPath(title: string) {
  const res = await admin.post('/api/v1/training-paths', {
    title,
    summary: 'Un percorso creato per le prove dei calendari iCalendar.',
    domainCode: 'tecnologico',
    serviceModelCode: null,
    level: 'base',
    totalHours: 8,
    deliveryModes: ['aula', 'webinar'],
  });
  expect(res.statusCode, res.body).toBe(201);
  const path = res.json() as TrainingPath;
  await admin.post(`/api/v1/training-paths/${path.id}/status`, { status: 'published' });
  return path;
}

async function createEdition(body: Record<string, unknown>, sessions: Record<string, unknown>[]) {
  const res = await admin.post('/api/v1/editions', {
    capacity: 20,
    online: false,
    venueName: 'Sala consiliare',
    venueAddress: 'Corso Nizza 21',
    venueUnitId: cuneo,
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  const edition = res.json() as Edition;
  const created: Session[] = [];
  for (const s of sessions) {
    const r = await admin.post(`/api/v1/editions/${edition.id}/sessions`, { mode: 'aula', ...s });
    expect(r.statusCode, r.body).toBe(201);
    created.push(r.json());
  }
  return { edition, sessions: created };
}
const publish = async (editionId: number) =>
  expect((await admin.post(`/api/v1/editions/${editionId}/status`, { status: 'published' })).statusCode).toBe(
    200,
  );

const path = await createPublishedPath('Calendari condivisi e fusi orari');
// Three sessions a month from now, given to the demo trainer.
const future = await createEdition(
  {
    pathId: path.id,
    title: 'Edizione di dicembre',
    startsOn: addDays(today, 30),
    endsOn: addDays(today, 34),
    enrolmentOpensAt: at(0, '00:00'),
    enrolmentClosesAt: at(29, '12:00'),
    trainerIds: [trainerId],
  },
  [30, 32, 34].map((day, i) => ({
    title: `Lezione ${i + 1}`,
    startsAt: at(day, '09:00'),
    endsAt: at(day, '13:00'),
    mode: 'webinar',
    onlineUrl: `https://webinar.example.it/officina/lezione-${i + 1}`,
    trainerId,
  })),
);
await publish(future.edition.id);

describe('public iCalendar feed (/calendar.ics)', () => {
  it('is an RFC 5545 calendar with the Europe/Rome VTIMEZONE and the sessions of the JSON calendar', async () => {
    const { res, cal, vtimezone, events } = await getIcs('/calendar.ics');
    expect(res.headers['cache-control']).toContain('public');
    expect(cal.name).toBe('vcalendar');
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    expect(vtimezone?.getFirstPropertyValue('tzid')).toBe('Europe/Rome');
    expect(
      vtimezone
        ?.getAllSubcomponents()
        .map((c) => c.name)
        .sort(),
    ).toEqual(['daylight', 'standard']);

    const json = (await anon.get('/api/v1/public/calendar?pageSize=500')).json() as {
      items: CalendarEntry[];
      total: number;
    };
    expect(events).toHaveLength(json.total);
    await expectUtcStamps(res.body);
    const host = new URL(t.config.publicUrl).hostname;
    expect(events.map((e) => e.uid).sort()).toEqual(
      json.items.map((i) => `officina-session-${i.sessionId}@${host}`).sort(),
    );
    for (const e of events) {
      const dtstart = e.component.getFirstProperty('dtstart');
      expect(dtstart?.getParameter('tzid')).toBe('Europe/Rome');
      const entry = json.items.find((i) => i.sessionId === sessionIdOf(e.uid));
      expect(e.startDate.toJSDate().toISOString()).toBe(entry?.startsAt);
      expect(e.endDate.toJSDate().toISOString()).toBe(entry?.endsAt);
      expect(statusOf(e)).toBe('CONFIRMED');
      // The public feed never carries online links.
      expect(e.description).not.toContain('webinar.example.it');
    }
    const first = eventOf({ cal, vtimezone, events }, future.sessions[0]?.id as number);
    expect(first.summary).toBe('Calendari condivisi e fusi orari — Lezione 1');
    expect(first.location).toBe('Sala consiliare, Corso Nizza 21');
  });

  it('keeps each UID across fetches and raises SEQUENCE when a session changes; cancelled sessions say so', async () => {
    const [s1, s2, s3] = future.sessions as [Session, Session, Session];
    const before = await getIcs('/calendar.ics');
    const again = await getIcs('/calendar.ics');
    expect(again.events.map((e) => e.uid)).toEqual(before.events.map((e) => e.uid));
    expect(eventOf(before, s1.id).sequence).toBe(0);

    const moved = await admin.patch(`/api/v1/editions/${future.edition.id}/sessions/${s1.id}`, {
      title: 'Lezione 1',
      startsAt: at(30, '10:00'),
      endsAt: at(30, '14:00'),
      mode: 'webinar',
      onlineUrl: 'https://webinar.example.it/officina/lezione-1',
      trainerId,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const cancelled = await admin.post(`/api/v1/editions/${future.edition.id}/sessions/${s2.id}/cancel`, {
      reason: 'Docente indisponibile',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);

    const after = await getIcs('/calendar.ics');
    expect(after.events.map((e) => e.uid).sort()).toEqual(before.events.map((e) => e.uid).sort());
    const e1 = eventOf(after, s1.id);
    expect(e1.sequence).toBeGreaterThan(eventOf(before, s1.id).sequence);
    expect(e1.startDate.toJSDate().toISOString()).toBe(at(30, '10:00'));
    const e2 = eventOf(after, s2.id);
    expect(statusOf(e2)).toBe('CANCELLED');
    expect(e2.sequence).toBeGreaterThan(eventOf(before, s2.id).sequence);
    expect(statusOf(eventOf(after, s3.id))).toBe('CONFIRMED');
    expect(eventOf(after, s3.id).sequence).toBe(0);
  });

  it('cancelling an edition cancels all its events, with a higher SEQUENCE', async () => {
    const { edition, sessions } = await createEdition(
      {
        pathId: path.id,
        title: 'Edizione poi annullata',
        startsOn: addDays(today, 40),
        endsOn: addDays(today, 41),
        enrolmentOpensAt: at(0, '00:00'),
        enrolmentClosesAt: at(39, '12:00'),
      },
      [40, 41].map((day) => ({ title: 'Incontro', startsAt: at(day, '14:00'), endsAt: at(day, '16:00') })),
    );
    await publish(edition.id);
    const before = await getIcs('/calendar.ics');
    const res = await admin.post(`/api/v1/editions/${edition.id}/status`, {
      status: 'cancelled',
      reason: 'Iscrizioni insufficienti',
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = await getIcs('/calendar.ics');
    for (const s of sessions) {
      expect(statusOf(eventOf(after, s.id))).toBe('CANCELLED');
      expect(eventOf(after, s.id).sequence).toBeGreaterThan(eventOf(before, s.id).sequence);
    }
  });

  it('places sessions at 09:00 Rome on both DST change days at 07:00Z and 08:00Z', async () => {
    const { edition, sessions } = await createEdition(
      {
        pathId: path.id,
        title: 'Edizione tra ora legale e ora solare',
        startsOn: '2026-03-29',
        endsOn: '2026-10-25',
        enrolmentOpensAt: '2026-03-01T09:00:00+01:00',
        enrolmentClosesAt: '2026-03-28T23:00:00+01:00',
      },
      [
        { title: 'Primavera', startsAt: '2026-03-29T09:00:00+02:00', endsAt: '2026-03-29T13:00:00+02:00' },
        { title: 'Autunno', startsAt: '2026-10-25T09:00:00+01:00', endsAt: '2026-10-25T13:00:00+01:00' },
      ],
    );
    await publish(edition.id);
    const [spring, autumn] = sessions as [Session, Session];
    expect([spring.startsAt, autumn.startsAt]).toEqual([
      '2026-03-29T07:00:00.000Z',
      '2026-10-25T08:00:00.000Z',
    ]);

    const ics = await getIcs('/calendar.ics?from=2026-03-29&to=2026-10-25');
    expect(ics.events.map((e) => sessionIdOf(e.uid)).sort(byNumber)).toEqual([spring.id, autumn.id]);
    const body = ics.res.body.replace(/\r\n[ \t]/g, '');
    expect(body).toContain('DTSTART;TZID=Europe/Rome:20260329T090000');
    expect(body).toContain('DTSTART;TZID=Europe/Rome:20261025T090000');
    const s = eventOf(ics, spring.id);
    const a = eventOf(ics, autumn.id);
    expect(s.startDate.zone?.tzid).toBe('Europe/Rome');
    expect(s.startDate.toJSDate().toISOString()).toBe('2026-03-29T07:00:00.000Z');
    expect(s.endDate.toJSDate().toISOString()).toBe('2026-03-29T11:00:00.000Z');
    expect(a.startDate.toJSDate().toISOString()).toBe('2026-10-25T08:00:00.000Z');
    expect(a.endDate.toJSDate().toISOString()).toBe('2026-10-25T12:00:00.000Z');
    // The same instants in the JSON calendar.
    const json = (await anon.get('/api/v1/public/calendar?from=2026-03-29&to=2026-10-25')).json();
    expect(json.items.map((i: CalendarEntry) => i.startsAt)).toEqual([
      '2026-03-29T07:00:00.000Z',
      '2026-10-25T08:00:00.000Z',
    ]);
  });

  it('takes the same filters as the JSON calendar', async () => {
    const all = (await getIcs('/calendar.ics')).events.length;
    for (const query of [
      'domain=tecnologico',
      'serviceModel=SUA',
      'mode=aula',
      // Bergamo has no SUA Convenzione: the procurement path is not open to it.
      `unit=${bergamo}`,
      'region=Lombardia',
      'q=appalto',
      `from=${addDays(today, 15)}&to=${addDays(today, 32)}`,
    ]) {
      const json = (await anon.get(`/api/v1/public/calendar?${query}&pageSize=500`)).json() as {
        items: CalendarEntry[];
      };
      const ids = (await getIcs(`/calendar.ics?${query}`)).events.map((e) => sessionIdOf(e.uid));
      expect(ids.sort(byNumber), query).toEqual(json.items.map((i) => i.sessionId).sort(byNumber));
      expect(ids.length, query).toBeGreaterThan(0);
      expect(ids.length, query).toBeLessThan(all);
    }
    const bad = await anon.get(`/calendar.ics?from=${addDays(today, 10)}&to=${today}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('INVALID_RANGE');
  });
});

describe('personal calendar feed', () => {
  it('is only for signed-in people', async () => {
    expect((await anon.post('/api/v1/me/calendar-feed')).statusCode).toBe(401);
    expect((await anon.get('/api/v1/me/calendar-feed')).statusCode).toBe(401);
    expect((await anon.delete('/api/v1/me/calendar-feed')).statusCode).toBe(401);
    expect((await anon.get('/calendar/feed/not-a-token.ics')).statusCode).toBe(400);
    expect((await anon.get(`/calendar/feed/${'x'.repeat(43)}.ics`)).statusCode).toBe(404);
  });

  it('gives the trainer a secret address with their sessions and the online links; regenerating or revoking it kills the old one', async () => {
    expect((await trainer.get('/api/v1/me/calendar-feed')).json()).toEqual({ url: null });
    const created = await trainer.post('/api/v1/me/calendar-feed');
    expect(created.statusCode, created.body).toBe(200);
    const url = created.json().url as string;
    expect(url.startsWith(`${t.config.publicUrl}/calendar/feed/`)).toBe(true);
    expect((await trainer.get('/api/v1/me/calendar-feed')).json()).toEqual({ url });
    const feedPath = new URL(url).pathname;

    // A draft edition and an edition without this trainer stay out of the feed.
    const draft = await createEdition(
      {
        pathId: path.id,
        title: 'Bozza del formatore',
        startsOn: addDays(today, 50),
        endsOn: addDays(today, 50),
        enrolmentOpensAt: at(0, '00:00'),
        enrolmentClosesAt: at(49, '12:00'),
        trainerIds: [trainerId],
      },
      [{ title: 'Bozza', startsAt: at(50, '09:00'), endsAt: at(50, '10:00') }],
    );
    const other = await createEdition(
      {
        pathId: path.id,
        title: 'Edizione di un altro docente',
        startsOn: addDays(today, 51),
        endsOn: addDays(today, 51),
        enrolmentOpensAt: at(0, '00:00'),
        enrolmentClosesAt: at(50, '12:00'),
      },
      [{ title: 'Altro', startsAt: at(51, '09:00'), endsAt: at(51, '10:00') }],
    );
    await publish(other.edition.id);

    const feed = await getIcs(feedPath);
    expect(feed.res.headers['cache-control']).toBe('private, no-store');
    await expectUtcStamps(feed.res.body);
    expect(feed.vtimezone?.getFirstPropertyValue('tzid')).toBe('Europe/Rome');
    const ids = feed.events.map((e) => sessionIdOf(e.uid));
    for (const s of future.sessions) expect(ids).toContain(s.id);
    expect(ids).not.toContain(draft.sessions[0]?.id);
    expect(ids).not.toContain(other.sessions[0]?.id);
    const lesson3 = eventOf(feed, future.sessions[2]?.id as number);
    expect(lesson3.description).toContain('Collegamento: https://webinar.example.it/officina/lezione-3');
    // The demo webinars the trainer gives are there too, with their links.
    expect(
      feed.events.filter((e) => e.description.includes('https://webinar.example.it/officina/')).length,
    ).toBe(
      // The 3 new lessons (the cancelled one included) and the 5 demo webinars.
      3 + 5,
    );

    const regenerated = await trainer.post('/api/v1/me/calendar-feed');
    const newUrl = regenerated.json().url as string;
    expect(newUrl).not.toBe(url);
    expect((await anon.get(feedPath)).statusCode).toBe(404);
    expect((await anon.get(new URL(newUrl).pathname)).statusCode).toBe(200);

    const revoked = await trainer.delete('/api/v1/me/calendar-feed');
    expect(revoked.statusCode).toBe(200);
    expect((await anon.get(new URL(newUrl).pathname)).statusCode).toBe(404);
    expect((await trainer.get('/api/v1/me/calendar-feed')).json()).toEqual({ url: null });
  });

  it('a learner’s feed has no one else’s sessions', async () => {
    const learner = await t.as('discente.cuneo@officina.demo');
    const url = (await learner.post('/api/v1/me/calendar-feed')).json().url as string;
    const feed = await getIcs(new URL(url).pathname);
    expect(feed.events).toEqual([]);
    expect(feed.res.body).not.toContain('webinar.example.it');
  });

  it('holds the sessions of the editions a person is confirmed in, and a session they lead alone, once each and in order', async () => {
    const learner = await t.as('discente.bergamo@officina.demo');
    const mine = await createEdition(
      {
        pathId: path.id,
        title: 'Edizione del discente',
        startsOn: addDays(today, 60),
        endsOn: addDays(today, 61),
        enrolmentOpensAt: at(-1, '00:00'),
        enrolmentClosesAt: at(59, '12:00'),
      },
      [
        { title: 'Seconda', startsAt: at(61, '09:00'), endsAt: at(61, '10:00') },
        { title: 'Prima', startsAt: at(60, '09:00'), endsAt: at(60, '10:00') },
      ],
    );
    await publish(mine.edition.id);
    const enrolled = await learner.post('/api/v1/enrolments', { editionId: mine.edition.id });
    expect(enrolled.statusCode, enrolled.body).toBe(201);
    expect(enrolled.json().status).toBe('confirmed');
    // The trainer leads one session of an edition they do not train: that session only.
    const guest = await createEdition(
      {
        pathId: path.id,
        title: 'Edizione con un ospite',
        startsOn: addDays(today, 62),
        endsOn: addDays(today, 63),
        enrolmentOpensAt: at(0, '00:00'),
        enrolmentClosesAt: at(61, '12:00'),
      },
      [
        { title: 'Senza ospite', startsAt: at(62, '09:00'), endsAt: at(62, '10:00') },
        { title: 'Con ospite', startsAt: at(63, '09:00'), endsAt: at(63, '10:00'), trainerId },
      ],
    );
    await publish(guest.edition.id);

    const url = (await learner.post('/api/v1/me/calendar-feed')).json().url as string;
    const feed = await getIcs(new URL(url).pathname);
    expect(feed.events.map((e) => e.summary)).toEqual([
      expect.stringContaining('Prima'),
      expect.stringContaining('Seconda'),
    ]);
    const trainerUrl = (await trainer.post('/api/v1/me/calendar-feed')).json().url as string;
    const ids = (await getIcs(new URL(trainerUrl).pathname)).events.map((e) => sessionIdOf(e.uid));
    expect(ids).toContain(guest.sessions[1]?.id);
    expect(ids).not.toContain(guest.sessions[0]?.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
