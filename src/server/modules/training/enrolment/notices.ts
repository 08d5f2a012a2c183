import { formatRomeDate, romeDate, romeTime } from '../../../../common/rome-time.js';
import type { Lang } from '../../../kernel/errors.js';
import type { Mail } from '../../platform/mail/index.js';

/** Texts of the day-before reminders and of the notices of changed or cancelled editions. */

const sign = {
  it: '— Officina, la piattaforma della formazione delle Province',
  en: '— Officina, the Provinces’ training platform',
};

type SessionFacts = {
  title: string;
  startsAt: Date;
  endsAt: Date;
  room: string | null;
  onlineUrl: string | null;
  mode: string;
};

export const when = (s: Pick<SessionFacts, 'startsAt' | 'endsAt'>, lang: Lang) =>
  `${formatRomeDate(romeDate(s.startsAt), lang)}, ${romeTime(s.startsAt)}–${romeTime(s.endsAt)}${lang === 'en' ? ' (Rome time)' : ''}`;

export function reminderMail(
  lang: Lang,
  f: { name: string; pathTitle: string; editionTitle: string; venue: string | null; link: string },
  s: SessionFacts,
): Mail {
  const en = lang === 'en';
  // A webinar is entered from the platform, inside its window, never from a link in an e-mail.
  const where =
    s.mode === 'webinar'
      ? en
        ? 'Join from the platform with “Join the webinar” in My training (it opens 15 minutes before the start).'
        : 'Si entra dalla piattaforma con «Entra nel webinar» in La mia formazione (si apre 15 minuti prima dell’inizio).'
      : s.onlineUrl
        ? `${en ? 'Link' : 'Collegamento'}: ${s.onlineUrl}`
        : [f.venue, s.room].filter(Boolean).join(' – ') ||
          (en ? 'see the edition page' : 'vedi la pagina dell’edizione');
  if (en)
    return {
      subject: `Officina: tomorrow, ${s.title} – ${f.pathTitle}`,
      text: `Hello ${f.name},\n\na reminder: tomorrow you have a session of the course you are enrolled in.\n\n${f.pathTitle} – ${f.editionTitle}\n${s.title}: ${when(s, lang)}\n${where}\n\nYour enrolments and calendar: ${f.link}\n\n${sign.en}\n`,
    };
  return {
    subject: `Officina: domani, ${s.title} – ${f.pathTitle}`,
    text: `Gentile ${f.name},\n\nti ricordiamo che domani hai una sessione del percorso a cui sei iscritto.\n\n${f.pathTitle} – ${f.editionTitle}\n${s.title}: ${when(s, lang)}\n${where}\n\nLe tue iscrizioni e il calendario: ${f.link}\n\n${sign.it}\n`,
  };
}

export type ChangeFacts = {
  kind: string;
  changes: Record<string, { from: unknown; to: unknown }>;
  session: SessionFacts | null;
  edition: {
    startsOn: string;
    endsOn: string;
    venueName: string | null;
    venueAddress: string | null;
    cancelReason: string | null;
  };
};

/** Edition fields a learner cares about; changes to others (capacity, window) are not sent. */
const EDITION_FIELDS = ['title', 'startsOn', 'endsOn', 'venueName', 'venueAddress', 'online'];

/** One line of the notice for a change, or null when the change does not concern learners. */
export function changeLine(c: ChangeFacts, lang: Lang): string | null {
  const en = lang === 'en';
  const s = c.session;
  switch (c.kind) {
    case 'edition.cancelled':
      return en
        ? `The edition has been cancelled.${c.edition.cancelReason ? ` Reason: ${c.edition.cancelReason}` : ''}`
        : `L’edizione è stata annullata.${c.edition.cancelReason ? ` Motivo: ${c.edition.cancelReason}` : ''}`;
    case 'edition.updated': {
      if (!Object.keys(c.changes).some((k) => EDITION_FIELDS.includes(k))) return null;
      const venue = [c.edition.venueName, c.edition.venueAddress].filter(Boolean).join(', ');
      const dates = `${formatRomeDate(c.edition.startsOn, en ? 'en' : 'it')} – ${formatRomeDate(c.edition.endsOn, en ? 'en' : 'it')}`;
      return en
        ? `The edition’s details have changed. Now: ${dates}${venue ? `, ${venue}` : ''}.`
        : `Sono cambiati i dettagli dell’edizione. Ora: ${dates}${venue ? `, ${venue}` : ''}.`;
    }
    case 'session.added':
      return s
        ? en
          ? `New session “${s.title}”: ${when(s, lang)}.`
          : `Nuova sessione “${s.title}”: ${when(s, lang)}.`
        : null;
    case 'session.updated': {
      if (!s) return null;
      const parts: string[] = [];
      if ('startsAt' in c.changes || 'endsAt' in c.changes)
        parts.push(en ? `now ${when(s, lang)}` : `ora ${when(s, lang)}`);
      if ('room' in c.changes) parts.push(en ? `room: ${s.room ?? '—'}` : `aula: ${s.room ?? '—'}`);
      if ('onlineUrl' in c.changes)
        parts.push(
          en
            ? 'the online link has changed (see your area)'
            : 'il collegamento online è cambiato (lo trovi nella tua area)',
        );
      if ('mode' in c.changes) parts.push(en ? `mode: ${s.mode}` : `modalità: ${s.mode}`);
      if ('title' in c.changes) parts.push(en ? 'new title' : 'nuovo titolo');
      if (!parts.length) return null;
      return en
        ? `Session “${s.title}”: ${parts.join('; ')}.`
        : `Sessione “${s.title}”: ${parts.join('; ')}.`;
    }
    case 'session.cancelled': {
      if (!s) return null;
      const reason = c.changes.reason?.to;
      return en
        ? `The session “${s.title}” of ${formatRomeDate(romeDate(s.startsAt), 'en')} is cancelled.${reason ? ` Reason: ${reason}` : ''}`
        : `La sessione “${s.title}” del ${formatRomeDate(romeDate(s.startsAt))} è annullata.${reason ? ` Motivo: ${reason}` : ''}`;
    }
    default:
      return null;
  }
}

export function changesMail(
  lang: Lang,
  f: { name: string; pathTitle: string; editionTitle: string; cancelled: boolean; link: string },
  lines: string[],
): Mail {
  const list = lines.map((l) => `- ${l}`).join('\n');
  if (lang === 'en')
    return {
      subject: `Officina: ${f.cancelled ? 'edition cancelled' : 'changes to your course'} – ${f.pathTitle}`,
      text: `Hello ${f.name},\n\nthere is news about “${f.pathTitle}” – ${f.editionTitle}, which you are enrolled in:\n\n${list}\n\nYour enrolments and calendar: ${f.link}\n\n${sign.en}\n`,
    };
  return {
    subject: `Officina: ${f.cancelled ? 'edizione annullata' : 'modifiche al tuo percorso'} – ${f.pathTitle}`,
    text: `Gentile ${f.name},\n\nci sono novità su “${f.pathTitle}” – ${f.editionTitle}, a cui sei iscritto:\n\n${list}\n\nLe tue iscrizioni e il calendario: ${f.link}\n\n${sign.it}\n`,
  };
}
