import { describe, expect, it } from 'vitest';
import { romeInstant, romeTime } from './rome-time.js';
import { joinState, joinWindow, webinarRoom } from './webinars.js';

describe('webinar join window', () => {
  const session = {
    startsAt: romeInstant('2026-12-03', '10:00'),
    endsAt: romeInstant('2026-12-03', '12:00'),
  };
  const at = (time: string) => romeInstant('2026-12-03', time);

  it('opens to participants 15 minutes before the start and closes at the end', () => {
    const w = joinWindow(session, 'viewer');
    expect(romeTime(w.opensAt)).toBe('09:45');
    expect(joinState(at('09:44'), w)).toBe('before');
    expect(joinState(at('09:45'), w)).toBe('open');
    expect(joinState(at('11:59'), w)).toBe('open');
    expect(joinState(at('12:00'), w)).toBe('closed');
  });

  it('opens to moderators 30 minutes before and never closes', () => {
    const w = joinWindow(session, 'moderator');
    expect(romeTime(w.opensAt)).toBe('09:30');
    expect(joinState(at('09:29'), w)).toBe('before');
    expect(joinState(at('09:30'), w)).toBe('open');
    expect(joinState(at('23:00'), w)).toBe('open');
  });

  it('counts the 15 minutes in real time across the spring change (Rome wall clock skips 02:00–03:00)', () => {
    // 29 March 2026: at 02:00 Rome time the clock jumps to 03:00.
    const s = { startsAt: romeInstant('2026-03-29', '03:10'), endsAt: romeInstant('2026-03-29', '04:00') };
    const w = joinWindow(s, 'viewer');
    expect(romeTime(w.opensAt)).toBe('01:55');
    expect(w.opensAt.toISOString()).toBe('2026-03-29T00:55:00.000Z');
    expect(joinState(new Date('2026-03-29T00:54:59Z'), w)).toBe('before');
    expect(joinState(new Date('2026-03-29T00:55:00Z'), w)).toBe('open');
  });

  it('counts the 30 minutes in real time across the autumn change (Rome lives 02:00–03:00 twice)', () => {
    // 25 October 2026: at 03:00 Rome time the clock goes back to 02:00; 03:15 comes 90 real minutes after 02:15 CEST.
    const s = { startsAt: romeInstant('2026-10-25', '03:15'), endsAt: romeInstant('2026-10-25', '04:00') };
    const w = joinWindow(s, 'moderator');
    expect(w.opensAt.toISOString()).toBe('2026-10-25T01:45:00.000Z');
    expect(romeTime(w.opensAt)).toBe('02:45');
  });

  it('sends webinars to the platform when one is configured, else to their own link', () => {
    expect(webinarRoom({ mode: 'webinar', onlineUrl: null }, true)).toBe('platform');
    expect(webinarRoom({ mode: 'webinar', onlineUrl: 'https://meet.example.org/x' }, true)).toBe('platform');
    expect(webinarRoom({ mode: 'webinar', onlineUrl: 'https://meet.example.org/x' }, false)).toBe('external');
    expect(webinarRoom({ mode: 'webinar', onlineUrl: null }, false)).toBeNull();
    expect(webinarRoom({ mode: 'aula', onlineUrl: 'https://meet.example.org/x' }, true)).toBeNull();
  });
});
