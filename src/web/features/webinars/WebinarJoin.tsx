import { Button } from 'design-react-kit';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { romeDate } from '../../../common/rome-time';
import { joinState, joinWindow, type WebinarRoom } from '../../../common/webinars';
import { ErrorAlert, SuccessAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime, formatTime } from '../../components/format';
import { useEndWebinar, useJoinWebinar, useWebinarRecordings } from './api';

/** The current instant, moved on every 30 seconds so that a button opens on time without a reload. */
function useNow(stepMs = 30_000) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), stepMs);
    return () => clearInterval(timer);
  }, [stepMs]);
  return now;
}

export type WebinarJoinProps = {
  session: { sessionId: number; title: string; startsAt: string; endsAt: string };
  /** Where the webinar is held (`webinar` of my sessions or of my teaching); nothing is shown when null. */
  room: WebinarRoom | null;
  /** The person runs the session: enters as moderator, and may end the room and see every recording. */
  moderator?: boolean;
};

function Recordings({ sessionId, title }: { sessionId: number; title: string }) {
  const { t } = useTranslation();
  const recordings = useWebinarRecordings(sessionId, true);
  if (recordings.isPending) return <p className="small mb-1">{t('webinars.loadingRecordings')}</p>;
  if (recordings.error) return <ErrorAlert error={recordings.error} className="small" />;
  const items = recordings.data?.items ?? [];
  if (items.length === 0) return <p className="small mb-1">{t('webinars.noRecordings')}</p>;
  return (
    <ul className="small mb-1">
      {items.map((r) =>
        r.playback.map((p) => (
          <li key={`${r.recordId}-${p.type}`}>
            <a href={p.url} rel="noopener noreferrer" target="_blank">
              {t('webinars.recording', { when: formatDateTime(r.startsAt), type: p.type })}
              <span className="visually-hidden">
                {' '}
                — {title} {t('webinars.newWindow')}
              </span>
            </a>
            {r.published ? null : <span className="ms-1">({t('webinars.unpublished')})</span>}
          </li>
        )),
      )}
    </ul>
  );
}

/**
 * The way into a live webinar: a button inside the window (confirmed participants from 15 minutes before
 * the start to its end, moderators from 30 minutes before), otherwise when it opens. For moderators of a
 * webinar held in the platform's room, ending it and its recordings; for participants, the published
 * recordings once it is over. Reusable wherever a person's sessions are listed.
 */
export function WebinarJoin({ session, room, moderator = false }: WebinarJoinProps) {
  const { t } = useTranslation();
  const now = useNow();
  const join = useJoinWebinar(session.sessionId);
  const end = useEndWebinar(session.sessionId);
  const [showRecordings, setShowRecordings] = useState(false);
  const hintId = useId();
  if (!room) return null;

  const role = moderator ? 'moderator' : 'viewer';
  const w = joinWindow(session, role);
  const state = joinState(now, w);
  const opensToday = romeDate(w.opensAt) === romeDate(now);
  const ended = now.getTime() >= new Date(session.endsAt).getTime();
  const platform = room === 'platform';

  const enter = () =>
    join.mutate(undefined, {
      onSuccess: (answer) => {
        globalThis.location.assign(answer.url);
      },
    });

  return (
    <div className="officina-webinar-join">
      {state === 'open' ? (
        <Button color="primary" size="sm" className="mb-1" onClick={enter} disabled={join.isPending}>
          {moderator ? t('webinars.joinAsModerator') : t('webinars.join')}
          <span className="visually-hidden"> — {session.title}</span>
        </Button>
      ) : state === 'before' ? (
        <>
          <Button color="primary" size="sm" className="mb-1" disabled aria-describedby={hintId}>
            {moderator ? t('webinars.joinAsModerator') : t('webinars.join')}
            <span className="visually-hidden"> — {session.title}</span>
          </Button>
          <span id={hintId} className="d-block small">
            {opensToday
              ? t('webinars.opensAt', { time: formatTime(w.opensAt.toISOString()) })
              : t('webinars.opensOn', {
                  day: formatDate(romeDate(w.opensAt)),
                  time: formatTime(w.opensAt.toISOString()),
                })}
          </span>
        </>
      ) : (
        <span className="d-block small">{t('webinars.closed')}</span>
      )}
      <ErrorAlert error={join.error} className="small mt-1" />

      {moderator && platform && state === 'open' ? (
        <Button
          color="danger"
          outline
          size="sm"
          className="mb-1 ms-md-2"
          disabled={end.isPending}
          onClick={() => {
            if (globalThis.confirm(t('webinars.endConfirm'))) end.mutate();
          }}
        >
          {t('webinars.end')}
          <span className="visually-hidden"> — {session.title}</span>
        </Button>
      ) : null}
      {end.isSuccess ? <SuccessAlert className="small mt-1">{t('webinars.ended')}</SuccessAlert> : null}
      <ErrorAlert error={end.error} className="small mt-1" />

      {platform && (moderator || ended) ? (
        <div>
          <Button
            color="link"
            size="sm"
            className="p-0"
            aria-expanded={showRecordings}
            onClick={() => setShowRecordings((v) => !v)}
          >
            {showRecordings ? t('webinars.hideRecordings') : t('webinars.recordings')}
            <span className="visually-hidden"> — {session.title}</span>
          </Button>
          {showRecordings ? <Recordings sessionId={session.sessionId} title={session.title} /> : null}
        </div>
      ) : null}
    </div>
  );
}
