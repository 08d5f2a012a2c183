import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { SessionInfo } from '../../../common/attendance';
import { romeDate } from '../../../common/rome-time';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDayLong } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { useMe } from '../auth/session';
import { useNotice } from '../enrolment/Notice';
import { CancelledBadge } from '../training/labels';
import { sessionTimes } from '../training/times';
import { matrixPath } from './access';
import { signInSheetUrl, useRegister, useSaveRegister } from './api';
import { CheckinQr } from './CheckinQr';
import { formatMinutes } from './format';
import { RegisterForm } from './RegisterForm';
import { WebinarUpload } from './WebinarUpload';

function SessionFacts({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const facts: [string, string][] = [
    [t('training.date'), formatDayLong(romeDate(session.startsAt))],
    [t('register.timeRome'), sessionTimes(session)],
    [t('training.mode'), t(`modes.${session.mode}`)],
    [t('register.length'), formatMinutes(session.lengthMinutes)],
  ];
  if (session.room) facts.push([t('training.room'), session.room]);
  return (
    <dl className="row mb-3">
      {facts.map(([label, value]) => (
        <div key={label} className="col-6 col-md-4 col-xl mb-2">
          <dt className="small">{label}</dt>
          <dd className="mb-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Every (version of the) ledger rows: the form starts again from the server's data when they change. */
const version = (people: { attendance: { recordedAt: string; minutes: number } | null }[]) =>
  people.map((p) => (p.attendance ? `${p.attendance.recordedAt}:${p.attendance.minutes}` : '-')).join();

/**
 * A session's register for its trainers: who was there and how long, the check-in QR code, the printed
 * sign-in sheet and the webinar participants' report.
 */
export default function RegisterPage() {
  const { t } = useTranslation();
  const params = useParams();
  const id = Number(params.id);
  const valid = Number.isInteger(id) && id > 0;
  const register = useRegister(valid ? id : null);
  const { data: me } = useMe();
  const notice = useNotice();
  const save = useSaveRegister(valid ? id : 0);
  if (!valid || register.error)
    return (
      <Page title={t('register.pageTitle')}>
        <ErrorAlert error={register.error ?? new Error('invalid id')} />
      </Page>
    );
  if (register.isPending) return <Loading />;
  const r = register.data;
  const s = r.session;
  const cancelled = s.status === 'cancelled' || s.editionStatus === 'cancelled';
  return (
    <Page
      title={t('register.title', { title: s.title })}
      lead={t('register.lead', { edition: s.editionTitle, path: s.pathTitle })}
    >
      <ul className="list-inline">
        <li className="list-inline-item">
          <Link to={matrixPath(s.editionId)}>{t('register.toMatrix')}</Link>
        </li>
        {me?.can.manageCatalogue ? (
          <li className="list-inline-item">
            <Link to={`/amministrazione/edizioni/${s.editionId}`}>{t('register.toEdition')}</Link>
          </li>
        ) : null}
      </ul>
      <SessionFacts session={s} />
      {cancelled ? (
        <p>
          <CancelledBadge />
        </p>
      ) : null}
      {cancelled ? null : (
        <section aria-labelledby="register-tools" className="mb-5">
          <h2 id="register-tools" className="h4">
            {t('register.tools')}
          </h2>
          <CheckinQr sessionId={s.id} sessionTitle={s.title} />
          <p>
            <a className="btn btn-outline-primary" href={signInSheetUrl(s.id)} download>
              {t('register.signInSheet')}
            </a>
          </p>
          <details className="officina-details">
            <summary>{t('webinar.toggle')}</summary>
            <div className="pt-3">
              <WebinarUpload sessionId={s.id} />
            </div>
          </details>
        </section>
      )}
      <section aria-labelledby="register-people">
        <h2 id="register-people" className="h4">
          {t('register.people', { count: r.people.length })}
        </h2>
        {notice.node}
        <RegisterForm
          key={version(r.people)}
          register={r}
          save={save}
          onSaved={(counts) => notice.show(t('register.saved', counts))}
        />
      </section>
    </Page>
  );
}
