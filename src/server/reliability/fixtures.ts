import type { DeliveryMode } from '../../common/catalogue.js';
import { addDays, romeDate, romeInstant } from '../../common/rome-time.js';

/** What the matrix's fixtures share: names nobody else uses, times around now, valid bodies. */

export const DEMO_PASSWORD = 'Officina-Demo-2026';

export type Person = { id: string; email: string; name: string; unitId: number | null };

type Answer = { statusCode: number; body: string; json(): unknown };

/** The answer of a fixture's request, which must have passed. */
export async function ok(res: Answer, what: string) {
  if (res.statusCode >= 300) throw new Error(`fixture ${what}: ${res.statusCode} ${res.body}`);
  return res.json() as Record<string, unknown> & { id: number };
}

let serial = 0;
/** A value no other fixture of the run uses. */
export const fresh = (prefix: string) => `${prefix}-${process.pid}-${++serial}`;

/** An instant `minutes` from now. */
export const fromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000);
export const today = () => romeDate(new Date());
/** A Rome wall-clock time `days` from today. */
export const dayAt = (days: number, time: string) => romeInstant(addDays(today(), days), time);

export type SessionSpec = { starts: Date; ends: Date; mode?: DeliveryMode };

/** A training path open to all, with one module. */
export const pathBody = () => ({
  title: fresh('Percorso'),
  summary: 'Un percorso per la matrice delle autorizzazioni.',
  domainCode: 'gestionale',
  serviceModelCode: null,
  level: 'base',
  totalHours: 8,
  deliveryModes: ['aula', 'webinar', 'affiancamento'],
  modules: [{ title: 'Modulo unico', hours: 8, mode: 'aula' }],
});

/** An edition (without its path) holding the sessions, open for enrolment from before its first day. */
export function editionBody(sessions: SessionSpec[], over: Record<string, unknown> = {}) {
  const first = new Date(Math.min(...sessions.map((s) => s.starts.getTime())));
  const last = new Date(Math.max(...sessions.map((s) => s.ends.getTime())));
  const startsOn = romeDate(first);
  // Enrolment opens before the first day and, for editions still ahead, closes when they start.
  const opens = new Date(Math.min(Date.now(), romeInstant(startsOn).getTime()) - 2 * 86_400_000);
  const closes = first.getTime() > Date.now() + 3_600_000 ? first : fromNow(7 * 24 * 60);
  return {
    title: fresh('Edizione'),
    startsOn,
    endsOn: romeDate(last),
    capacity: 100,
    enrolmentOpensAt: opens.toISOString(),
    enrolmentClosesAt: closes.toISOString(),
    online: false,
    venueName: 'Sede di prova',
    venueAddress: 'Via Roma 1',
    venueUnitId: null,
    trainerIds: [] as string[],
    approvalRequired: false,
    minAttendancePct: 75,
    finalTestRequired: false,
    cancellationClosesAt: null,
    ...over,
  };
}

export const sessionBody = (s: SessionSpec) => ({
  title: fresh('Sessione'),
  startsAt: s.starts.toISOString(),
  endsAt: s.ends.toISOString(),
  mode: s.mode ?? 'aula',
  room: null,
  onlineUrl: s.mode === 'webinar' ? 'https://meet.example.org/officina' : null,
  trainerId: null,
});

/** A logbook day within the side editions' affiancamento (two days ago). */
export const logbookDay = () => ({
  day: addDays(today(), -2),
  minutes: 60,
  activities: 'Affiancamento all’ufficio gare',
});

let unitCodes = 800;
/** A territorial unit with ISTAT codes no real one has. */
export const unitBody = () => {
  const code = String(unitCodes++);
  return {
    istatCode: code,
    provinceCode: code,
    name: fresh('Unità di prova'),
    sigla: 'ZZ',
    regionCode: '01',
    regionName: 'Piemonte',
    unitType: 'provincia',
    regionStatute: 'ordinario',
    programmePhase: null,
    validFrom: null,
    validTo: null,
  };
};
