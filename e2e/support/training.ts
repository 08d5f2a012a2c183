import type { APIResponse, Page } from 'playwright-core';
import { expect } from 'vitest';
import { romeDayFromToday } from './browser.js';

/**
 * Test data made through the API with the signed-in session of a page (cookies are shared with
 * page.request): what an administrator would otherwise set up by hand before a spec can start.
 */
export class ApiAs {
  private csrf: string | null = null;

  constructor(private readonly page: Page) {}

  private async token(): Promise<string> {
    if (!this.csrf) {
      const res = await this.page.request.get('/api/v1/auth/csrf');
      this.csrf = ((await res.json()) as { token: string }).token;
    }
    return this.csrf;
  }

  private async check<T>(res: APIResponse, what: string): Promise<T> {
    expect(res.ok(), `${what}: ${res.status()} ${await res.text()}`).toBe(true);
    return (await res.json()) as T;
  }

  async get<T>(path: string): Promise<T> {
    return this.check<T>(await this.page.request.get(path), `GET ${path}`);
  }

  async send<T>(method: 'POST' | 'PUT' | 'PATCH', path: string, body?: unknown): Promise<T> {
    const res = await this.page.request.fetch(path, {
      method,
      headers: { 'x-csrf-token': await this.token(), 'content-type': 'application/json' },
      data: body === undefined ? '{}' : JSON.stringify(body),
    });
    return this.check<T>(res, `${method} ${path}`);
  }

  async userId(email: string): Promise<string> {
    const list = await this.get<{ items: { id: string; email: string }[] }>(
      `/api/v1/users?q=${encodeURIComponent(email)}`,
    );
    const user = list.items.find((u) => u.email.toLowerCase() === email.toLowerCase());
    if (!user) throw new Error(`no user ${email}`);
    return user.id;
  }
}

/** "2026-05-12T09:00:00+02:00": a Rome wall-clock time on a day `days` from today. */
export function romeAt(days: number, time: string): string {
  const day = romeDayFromToday(days);
  const probe = new Date(`${day}T12:00:00Z`);
  const offset = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Rome', timeZoneName: 'longOffset' })
    .formatToParts(probe)
    .find((p) => p.type === 'timeZoneName')
    ?.value.replace('GMT', '');
  return `${day}T${time}:00${offset || '+00:00'}`;
}

export type SessionSpec = { title: string; day: number; start: string; end: string; mode?: string };
export type Made = { pathId: number; editionId: number; sessions: { id: number; title: string }[] };

/**
 * A published path and a published edition with the given sessions (days from today, Rome), enrolment
 * open since three days ago; the administrator nominates the learners (an administrator's nomination
 * confirms at once, whatever the enrolment window).
 */
export async function makeEditionWithLearners(
  admin: ApiAs,
  spec: {
    title: string;
    sessions: SessionSpec[];
    learners: string[];
    trainers?: string[];
    finalTestRequired?: boolean;
  },
): Promise<Made> {
  const days = spec.sessions.map((s) => s.day);
  const path = await admin.send<{ id: number }>('POST', '/api/v1/training-paths', {
    title: `Percorso ${spec.title}`,
    summary: 'Un percorso per le prove di presenze e attestati.',
    domainCode: 'gestionale',
    serviceModelCode: null,
    level: 'base',
    totalHours: 8,
    deliveryModes: ['aula', 'webinar'],
    modules: [{ title: 'Modulo unico', hours: 8, mode: 'aula' }],
  });
  await admin.send('POST', `/api/v1/training-paths/${path.id}/status`, { status: 'published' });
  const trainerIds = await Promise.all((spec.trainers ?? []).map((e) => admin.userId(e)));
  const edition = await admin.send<{ id: number }>('POST', '/api/v1/editions', {
    pathId: path.id,
    title: spec.title,
    startsOn: romeDayFromToday(Math.min(...days)),
    endsOn: romeDayFromToday(Math.max(...days)),
    capacity: 20,
    enrolmentOpensAt: romeAt(Math.min(...days) - 3, '00:00'),
    enrolmentClosesAt: romeAt(Math.max(...days) + 1, '00:00'),
    online: false,
    venueName: 'Sede di prova',
    venueAddress: 'Via Roma 1, Cuneo',
    venueUnitId: null,
    trainerIds,
    approvalRequired: false,
    minAttendancePct: 75,
    finalTestRequired: spec.finalTestRequired ?? false,
    cancellationClosesAt: null,
  });
  const sessions: Made['sessions'] = [];
  for (const s of spec.sessions) {
    const made = await admin.send<{ id: number }>('POST', `/api/v1/editions/${edition.id}/sessions`, {
      title: s.title,
      startsAt: romeAt(s.day, s.start),
      endsAt: romeAt(s.day, s.end),
      mode: s.mode ?? 'aula',
      room: 'Aula 1',
      onlineUrl: s.mode === 'webinar' ? 'https://meet.example.org/officina' : null,
      trainerId: null,
    });
    sessions.push({ id: made.id, title: s.title });
  }
  await admin.send('POST', `/api/v1/editions/${edition.id}/status`, { status: 'published' });
  const userIds = await Promise.all(spec.learners.map((e) => admin.userId(e)));
  const report = await admin.send<{ results: { status: string | null; error: string | null }[] }>(
    'POST',
    '/api/v1/enrolments/nominations',
    { editionId: edition.id, userIds },
  );
  expect(report.results.map((r) => r.error ?? r.status)).toEqual(userIds.map(() => 'confirmed'));
  return { pathId: path.id, editionId: edition.id, sessions };
}
