import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { contentLine, romeWallClock, sessionsCalendar, text, utc } from './ical.js';
import type { CalendarRow } from './repository.js';

const octets = (s: string) => Buffer.byteLength(s, 'utf8');

describe('the iCalendar writer', () => {
  it('escapes TEXT values', () => {
    expect(text('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('folds content lines at 75 octets without splitting a character', () => {
    const value = 'è€😀a'.repeat(40);
    const folded = contentLine('DESCRIPTION', value);
    const lines = folded.split('\r\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(octets(l)).toBeLessThanOrEqual(75);
    for (const l of lines.slice(1)) expect(l.startsWith(' ')).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(`DESCRIPTION:${value}`);
    expect(contentLine('SUMMARY', 'short')).toBe('SUMMARY:short');
    const ascii = contentLine('X', 'a'.repeat(200));
    expect(ascii.split('\r\n').map(octets)).toEqual([75, 75, 54]);
  });

  it('writes UTC stamps and Rome wall-clock times across both DST changes', () => {
    expect(utc(new Date('2026-01-02T03:04:05.678Z'))).toBe('20260102T030405Z');
    const wall = romeWallClock();
    expect(wall(new Date('2026-03-29T00:59:00Z'))).toBe('20260329T015900');
    expect(wall(new Date('2026-03-29T01:00:00Z'))).toBe('20260329T030000');
    expect(wall(new Date('2026-10-25T00:30:00Z'))).toBe('20261025T023000');
    expect(wall(new Date('2026-10-25T01:30:00Z'))).toBe('20261025T023000');
    expect(wall(new Date('2026-07-01T10:00:00Z'))).toBe('20260701T120000');
    expect(wall(new Date('2026-12-01T10:00:00Z'))).toBe('20261201T110000');
  });

  it('is a calendar ical.js reads back, with the same instants, texts and statuses', () => {
    const row = (id: number, status: 'scheduled' | 'cancelled') =>
      ({
        session: {
          id,
          title: 'Lezione; uno, due',
          startsAt: new Date('2026-03-29T07:00:00Z'),
          endsAt: new Date('2026-03-29T11:00:00Z'),
          status,
          sequence: 3,
          room: 'Aula 2',
          onlineUrl: 'https://meet.example.it/x',
          updatedAt: new Date('2026-01-02T03:04:05Z'),
        },
        edition: {
          id: 9,
          title: `Edizione ${'è'.repeat(60)}`,
          status: 'published',
          online: false,
          venueName: 'Sala',
          venueAddress: 'Via Roma 1',
        },
        path: { title: 'Percorso' },
      }) as unknown as CalendarRow;
    const body = sessionsCalendar([row(1, 'scheduled'), row(2, 'cancelled')], {
      name: 'Officina — calendario',
      publicUrl: 'https://officina.example.it',
      includeLinks: false,
    });
    for (const l of body.split('\r\n')) expect(octets(l)).toBeLessThanOrEqual(75);
    const cal = new ICAL.Component(ICAL.parse(body));
    const tz = cal.getFirstSubcomponent('vtimezone');
    expect(tz?.getFirstPropertyValue('tzid')).toBe('Europe/Rome');
    if (tz) ICAL.TimezoneService.register(tz);
    const events = cal.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(events.map((e) => e.uid)).toEqual([
      'officina-session-1@officina.example.it',
      'officina-session-2@officina.example.it',
    ]);
    const [first, second] = events;
    expect(first?.startDate.toJSDate().toISOString()).toBe('2026-03-29T07:00:00.000Z');
    expect(first?.endDate.toJSDate().toISOString()).toBe('2026-03-29T11:00:00.000Z');
    expect(first?.summary).toBe('Percorso — Lezione; uno, due');
    expect(first?.location).toBe('Sala, Aula 2, Via Roma 1');
    expect(first?.description).toBe(
      `Edizione ${'è'.repeat(60)}\nhttps://officina.example.it/formazione/edizioni/9`,
    );
    expect(first?.sequence).toBe(3);
    expect(first?.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(second?.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(body).toContain('DTSTAMP:20260102T030405Z');
    expect(body).not.toContain('meet.example.it');
  });
});
