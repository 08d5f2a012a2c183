import { formatRomeDate, formatRomeDateTime } from '../../../common/rome-time';
import type { Language } from '../../i18n';

type Label = Record<Language, string>;

/**
 * What the keys of an audit record's details read as. A key the table does not know is split into
 * words ("programmePhase" → "programme phase"), so nothing is shown as a bare code.
 */
export const DETAIL_LABELS: Record<string, Label> = {
  active: { it: 'Attivo', en: 'Active' },
  after: { it: 'Dopo', en: 'After' },
  approvalRequired: { it: 'Approvazione richiesta', en: 'Approval required' },
  before: { it: 'Prima', en: 'Before' },
  capacity: { it: 'Posti', en: 'Seats' },
  code: { it: 'Codice', en: 'Code' },
  competencyId: { it: 'Competenza', en: 'Competency' },
  day: { it: 'Giorno', en: 'Day' },
  early: { it: 'Uscita anticipata (min)', en: 'Left early (min)' },
  editionId: { it: 'Edizione', en: 'Edition' },
  email: { it: 'E-mail', en: 'E-mail' },
  endsAt: { it: 'Fine', en: 'Ends' },
  endsOn: { it: 'Ultimo giorno', en: 'Last day' },
  enrolmentId: { it: 'Iscrizione', en: 'Enrolment' },
  failed: { it: 'Non riusciti', en: 'Failed' },
  failedLogins: { it: 'Accessi falliti', en: 'Failed sign-ins' },
  filename: { it: 'File', en: 'File' },
  finalTestRequired: { it: 'Test finale richiesto', en: 'Final test required' },
  from: { it: 'Da', en: 'From' },
  imported: { it: 'Importati', en: 'Imported' },
  istatCode: { it: 'Codice ISTAT', en: 'ISTAT code' },
  kind: { it: 'Tipo', en: 'Kind' },
  late: { it: 'Ritardo (min)', en: 'Late (min)' },
  locale: { it: 'Lingua', en: 'Language' },
  minAttendancePct: { it: 'Frequenza minima (%)', en: 'Minimum attendance (%)' },
  minutes: { it: 'Minuti', en: 'Minutes' },
  mode: { it: 'Modalità', en: 'Mode' },
  name: { it: 'Nome', en: 'Name' },
  national: { it: 'Nazionale', en: 'National' },
  onlineUrl: { it: 'Collegamento online', en: 'Online link' },
  pathId: { it: 'Percorso', en: 'Path' },
  present: { it: 'Presente', en: 'Present' },
  previousSource: { it: 'Fonte precedente', en: 'Previous source' },
  programmePhase: { it: 'Fase del programma', en: 'Programme phase' },
  queueNo: { it: 'Posizione in lista d’attesa', en: 'Waiting-list position' },
  reason: { it: 'Motivo', en: 'Reason' },
  revision: { it: 'Revisione', en: 'Revision' },
  role: { it: 'Ruolo', en: 'Role' },
  room: { it: 'Aula', en: 'Room' },
  sent: { it: 'Inviati', en: 'Sent' },
  sessionId: { it: 'Sessione', en: 'Session' },
  skipped: { it: 'Saltati', en: 'Skipped' },
  source: { it: 'Fonte', en: 'Source' },
  startsAt: { it: 'Inizio', en: 'Starts' },
  startsOn: { it: 'Primo giorno', en: 'First day' },
  status: { it: 'Stato', en: 'Status' },
  title: { it: 'Titolo', en: 'Title' },
  to: { it: 'A', en: 'To' },
  trainerId: { it: 'Formatore', en: 'Trainer' },
  unitId: { it: 'Unità territoriale', en: 'Territorial unit' },
  unitIds: { it: 'Unità territoriali', en: 'Territorial units' },
  userId: { it: 'Persona', en: 'Person' },
  validFrom: { it: 'Valida dal', en: 'Valid from' },
  validTo: { it: 'Valida fino al', en: 'Valid until' },
  venueAddress: { it: 'Indirizzo della sede', en: 'Venue address' },
  venueName: { it: 'Sede', en: 'Venue' },
  version: { it: 'Versione', en: 'Version' },
  year: { it: 'Anno', en: 'Year' },
};

/** "programmePhase" → "Programme phase"; "unit_id" → "Unit id". */
function words(key: string): string {
  const s = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_.]+/g, ' ')
    .toLowerCase()
    .trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function detailLabel(key: string, lang: Language): string {
  return Object.hasOwn(DETAIL_LABELS, key) ? (DETAIL_LABELS[key] as Label)[lang] : words(key);
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** A value as people read it: yes/no, days and instants in the app's format, lists joined. */
export function detailValue(value: unknown, lang: Language): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? (lang === 'it' ? 'sì' : 'yes') : 'no';
  if (typeof value === 'number') return value.toLocaleString(lang === 'it' ? 'it-IT' : 'en-GB');
  if (typeof value === 'string') {
    if (DAY.test(value)) return formatRomeDate(value, lang);
    if (INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return formatRomeDateTime(value, lang);
    return value;
  }
  if (Array.isArray(value)) return value.length ? value.map((v) => detailValue(v, lang)).join(', ') : '—';
  return JSON.stringify(value);
}

export type DetailLine = { key: string; label: string; value?: string; children?: DetailLine[] };

/**
 * The details as labelled lines; a change of a field ({from, to}) reads "old → new", other nested
 * objects become indented lines (two levels at most, then their JSON).
 */
export function detailLines(details: Record<string, unknown>, lang: Language, depth = 0): DetailLine[] {
  return Object.entries(details).map(([key, v]) => {
    const label = detailLabel(key, lang);
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      const keys = Object.keys(o);
      if (keys.length === 2 && 'from' in o && 'to' in o)
        return { key, label, value: `${detailValue(o.from, lang)} → ${detailValue(o.to, lang)}` };
      if (depth < 2) return { key, label, children: detailLines(o, lang, depth + 1) };
    }
    return { key, label, value: detailValue(v, lang) };
  });
}
