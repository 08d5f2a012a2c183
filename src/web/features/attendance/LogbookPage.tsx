import { Button } from 'design-react-kit';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { LogbookEntry } from '../../../common/attendance';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ResultsTable } from '../../components/ResultsTable';
import { useMe } from '../auth/session';
import { MY_ENROLMENTS_PATH } from '../enrolment/access';
import { useMyEnrolments } from '../enrolment/api';
import { useNotice } from '../enrolment/Notice';
import { attendanceAccess } from './access';
import {
  type Logbook,
  useAwaitingSignatures,
  useDeleteLogbookEntry,
  useLogbook,
  useSaveLogbookEntry,
  useSignEntry,
} from './api';
import { formatMinutes } from './format';
import { LogbookEntryForm } from './LogbookEntryForm';
import { EntryState, SignatureList, SignButtons } from './Signatures';

const unsigned = (e: LogbookEntry) => !e.coachSignedAt && !e.officerSignedAt;

function Totals({ logbook }: { logbook: Logbook }) {
  const { t } = useTranslation();
  const all = logbook.entries.reduce((sum, e) => sum + e.minutes, 0);
  const credited = logbook.entries.filter((e) => e.credited).reduce((sum, e) => sum + e.minutes, 0);
  return <p>{t('logbook.totals', { all: formatMinutes(all), credited: formatMinutes(credited) })}</p>;
}

/**
 * An enrolment's affiancamento logbook. Its learner adds, corrects and deletes days until someone signs
 * them; the coach and the Province officer sign (here or from "Firme da apporre").
 */
export default function LogbookPage() {
  const { t } = useTranslation();
  const params = useParams();
  const id = Number(params.id);
  const valid = Number.isInteger(id) && id > 0;
  const logbook = useLogbook(valid ? id : null);
  const { data: me } = useMe();
  const mine = useMyEnrolments();
  const own = mine.data?.items.find((e) => e.id === id);
  const owner = own !== undefined;
  const writable = own?.status === 'confirmed' && own.editionStatus !== 'cancelled';
  const signs = attendanceAccess(me).signs && !owner;
  const awaiting = useAwaitingSignatures(signs);
  const save = useSaveLogbookEntry(id);
  const remove = useDeleteLogbookEntry();
  const sign = useSignEntry();
  const notice = useNotice();
  const [editing, setEditing] = useState<LogbookEntry | null>(null);
  const [deleting, setDeleting] = useState<LogbookEntry | null>(null);
  const formHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (editing) formHeading.current?.focus();
  }, [editing]);

  if (!valid || logbook.error)
    return (
      <Page title={t('logbook.title')}>
        <ErrorAlert error={logbook.error ?? new Error('invalid id')} />
      </Page>
    );
  if (logbook.isPending || mine.isPending) return <Loading />;
  const l = logbook.data;
  const toSign = new Map((awaiting.data?.items ?? []).map((a) => [a.id, a.awaitingAs]));
  const withActions = (owner && writable) || toSign.size > 0;
  const caption = t('logbook.caption', { count: l.entries.length });

  return (
    <Page
      title={t('logbook.title')}
      lead={
        owner
          ? t('logbook.lead', { edition: l.editionTitle, path: l.pathTitle })
          : t('logbook.leadOf', { name: l.learnerName, edition: l.editionTitle, path: l.pathTitle })
      }
    >
      {owner ? (
        <p>
          <Link to={MY_ENROLMENTS_PATH}>{t('logbook.back')}</Link>
        </p>
      ) : null}
      <p>{t('logbook.help')}</p>
      {notice.node}
      <ErrorAlert error={sign.error} />
      <Totals logbook={l} />
      <ResultsTable
        caption={caption}
        columns={[
          t('logbook.day'),
          t('logbook.hoursShort'),
          t('logbook.activities'),
          t('logbook.signatures'),
          t('logbook.state'),
          ...(withActions
            ? [
                <span key="actions" className="visually-hidden">
                  {t('common.actions')}
                </span>,
              ]
            : []),
        ]}
        items={l.entries}
        empty={t('logbook.none')}
        row={(e) => (
          <tr key={e.id}>
            <th scope="row" className="text-nowrap">
              {formatDate(e.day)}
              <span className="d-block small fw-normal">{e.sessionTitle}</span>
            </th>
            <td className="text-nowrap">{formatMinutes(e.minutes)}</td>
            <td className="officina-pre">{e.activities}</td>
            <td>
              <SignatureList entry={e} />
            </td>
            <td>
              <EntryState entry={e} />
            </td>
            {withActions ? (
              <td className="text-end">
                {owner && writable && unsigned(e) ? (
                  <div className="d-flex flex-wrap gap-2 justify-content-end">
                    <Button
                      color="primary"
                      outline
                      size="xs"
                      onClick={() => {
                        save.reset();
                        notice.clear();
                        setEditing(e);
                      }}
                    >
                      {t('common.edit')}
                      <span className="visually-hidden">
                        {' '}
                        {t('logbook.dayOf', { day: formatDate(e.day) })}
                      </span>
                    </Button>
                    <Button
                      color="danger"
                      outline
                      size="xs"
                      onClick={() => {
                        remove.reset();
                        notice.clear();
                        setDeleting(e);
                      }}
                    >
                      {t('logbook.delete')}
                      <span className="visually-hidden">
                        {' '}
                        {t('logbook.dayOf', { day: formatDate(e.day) })}
                      </span>
                    </Button>
                  </div>
                ) : null}
                {toSign.get(e.id)?.length ? (
                  <SignButtons
                    entry={e}
                    learnerName={l.learnerName}
                    awaitingAs={toSign.get(e.id) ?? []}
                    pending={sign.isPending}
                    onSign={(as) =>
                      sign.mutate(
                        { id: e.id, as },
                        {
                          onSuccess: () =>
                            notice.show(t(`signatures.signed.${as}`, { day: formatDate(e.day) })),
                        },
                      )
                    }
                  />
                ) : null}
              </td>
            ) : null}
          </tr>
        )}
      />
      {owner && writable ? (
        <section aria-labelledby="logbook-form" className="officina-filters pt-1 mt-4">
          <h2 id="logbook-form" className="h4 mt-3" tabIndex={-1} ref={formHeading}>
            {editing ? t('logbook.editTitle', { day: formatDate(editing.day) }) : t('logbook.add')}
          </h2>
          <LogbookEntryForm
            key={editing?.id ?? 'new'}
            entry={editing}
            pending={save.isPending}
            error={save.error}
            onCancel={editing ? () => setEditing(null) : undefined}
            onSubmit={(input) =>
              save.mutate(
                { id: editing?.id ?? null, input },
                {
                  onSuccess: (saved) => {
                    setEditing(null);
                    notice.show(
                      t(editing ? 'logbook.updated' : 'logbook.added', { day: formatDate(saved.day) }),
                    );
                  },
                },
              )
            }
          />
        </section>
      ) : null}
      <Dialog
        open={deleting !== null}
        title={t('logbook.deleteTitle', { day: formatDate(deleting?.day) })}
        onClose={() => setDeleting(null)}
      >
        <p>{t('logbook.deleteText')}</p>
        <ErrorAlert error={remove.error} />
        <div className="d-flex flex-wrap gap-2">
          <Button
            color="danger"
            disabled={remove.isPending}
            onClick={() => {
              if (!deleting) return;
              const day = formatDate(deleting.day);
              remove.mutate(deleting.id, {
                onSuccess: () => {
                  setDeleting(null);
                  notice.show(t('logbook.deleted', { day }));
                },
              });
            }}
          >
            {t('logbook.deleteConfirm')}
          </Button>
          <Button color="secondary" outline onClick={() => setDeleting(null)}>
            {t('logbook.keep')}
          </Button>
        </div>
      </Dialog>
    </Page>
  );
}
