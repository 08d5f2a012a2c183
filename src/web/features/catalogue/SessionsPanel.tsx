import { Button, Table } from 'design-react-kit';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Edition, Session } from '../../../common/catalogue';
import { romeDate } from '../../../common/rome-time';
import { ErrorAlert, SuccessAlert } from '../../components/ErrorAlert';
import { formatDayLong } from '../../components/format';
import { TableScroll } from '../../components/TableScroll';
import { CancelledBadge } from '../training/labels';
import { sessionTimes } from '../training/times';
import { useCancelSession, useSaveSession } from './api';
import { ReasonDialog } from './ReasonDialog';
import { SessionForm } from './SessionForm';

type Editing = { session: Session | null } | null;

export function SessionsPanel({ edition }: { edition: Edition }) {
  const { t } = useTranslation();
  const save = useSaveSession(edition.id);
  const cancel = useCancelSession(edition.id);
  const [editing, setEditing] = useState<Editing>(null);
  const [cancelling, setCancelling] = useState<Session | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const formHeading = useRef<HTMLHeadingElement>(null);
  const sessions = [...edition.sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const closed = edition.status === 'completed' || edition.status === 'cancelled';
  const last = sessions.at(-1);
  const defaultDay = last ? romeDate(last.startsAt) : edition.startsOn;

  // Opening the form takes the keyboard to it.
  useEffect(() => {
    if (editing) formHeading.current?.focus();
  }, [editing]);

  const open = (session: Session | null) => {
    save.reset();
    setDone(null);
    setEditing({ session });
  };
  const caption = t('training.sessionsCaption', { count: sessions.length });

  return (
    <section aria-labelledby="edition-sessions" className="mb-5">
      <div className="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-3">
        <h2 id="edition-sessions" className="h4 mb-0">
          {t('training.sessions')}
        </h2>
        {closed ? null : (
          <Button color="primary" size="sm" onClick={() => open(null)}>
            {t('sessionForm.add')}
          </Button>
        )}
      </div>
      {done ? <SuccessAlert>{done}</SuccessAlert> : null}
      {editing ? (
        <div className="officina-filters pt-1 mb-4">
          <h3 className="h5 mt-3" tabIndex={-1} ref={formHeading}>
            {editing.session
              ? t('sessionForm.editTitle', { title: editing.session.title })
              : t('sessionForm.add')}
          </h3>
          <SessionForm
            key={editing.session?.id ?? 'new'}
            session={editing.session}
            defaultDay={defaultDay}
            trainers={edition.trainers}
            pending={save.isPending}
            error={save.error}
            onCancel={() => setEditing(null)}
            onSubmit={(input) =>
              save.mutate(
                { id: editing.session?.id ?? null, input },
                {
                  onSuccess: (saved) => {
                    setEditing(null);
                    setDone(
                      editing.session
                        ? t('sessionForm.saved', { title: saved.title })
                        : t('sessionForm.added', { title: saved.title }),
                    );
                  },
                },
              )
            }
          />
        </div>
      ) : null}
      <TableScroll label={caption}>
        <Table className="align-middle">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('training.date')}</th>
              <th scope="col">{t('training.time')}</th>
              <th scope="col">{t('training.session')}</th>
              <th scope="col">{t('training.mode')}</th>
              <th scope="col">{t('training.room')}</th>
              <th scope="col">{t('sessionForm.trainer')}</th>
              <th scope="col">{t('training.status')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.length === 0 ? (
              <tr>
                <td colSpan={8}>{t('training.noSessions')}</td>
              </tr>
            ) : (
              sessions.map((s) => {
                const isCancelled = s.status === 'cancelled';
                return (
                  <tr key={s.id} className={isCancelled ? 'officina-entry-cancelled' : undefined}>
                    <td>{formatDayLong(romeDate(s.startsAt))}</td>
                    <td>{sessionTimes(s)}</td>
                    <th scope="row">
                      {s.title}
                      {s.onlineUrl ? (
                        <a className="d-block small" href={s.onlineUrl} rel="noopener noreferrer">
                          {t('editionAdmin.onlineLink')}
                          <span className="visually-hidden"> {s.title}</span>
                        </a>
                      ) : null}
                    </th>
                    <td>{t(`modes.${s.mode}`)}</td>
                    <td>{s.room ?? '—'}</td>
                    <td>{s.trainerName ?? '—'}</td>
                    <td>{isCancelled ? <CancelledBadge /> : t('sessionStatus.scheduled')}</td>
                    <td className="text-end text-nowrap">
                      {isCancelled || closed ? null : (
                        <div className="d-flex gap-2 justify-content-end">
                          <Button color="primary" outline size="xs" onClick={() => open(s)}>
                            {t('common.edit')}
                            <span className="visually-hidden"> {s.title}</span>
                          </Button>
                          <Button
                            color="danger"
                            outline
                            size="xs"
                            onClick={() => {
                              cancel.reset();
                              setDone(null);
                              setCancelling(s);
                            }}
                          >
                            {t('editionAdmin.cancelSession')}
                            <span className="visually-hidden"> {s.title}</span>
                          </Button>
                        </div>
                      )}
                    </td>
                  </tr>
                );
              })
            )}
          </tbody>
        </Table>
      </TableScroll>
      <ErrorAlert error={cancelling ? null : cancel.error} />
      <ReasonDialog
        open={cancelling !== null}
        title={t('editionAdmin.cancelSessionTitle', { title: cancelling?.title ?? '' })}
        text={t('editionAdmin.cancelSessionText')}
        confirmLabel={t('editionAdmin.cancelSessionConfirm')}
        pending={cancel.isPending}
        error={cancel.error}
        onClose={() => setCancelling(null)}
        onConfirm={(reason) => {
          if (!cancelling) return;
          cancel.mutate(
            { id: cancelling.id, reason },
            {
              onSuccess: (s) => {
                setCancelling(null);
                setDone(t('editionAdmin.sessionCancelled', { title: s.title }));
              },
            },
          );
        }}
      />
    </section>
  );
}
