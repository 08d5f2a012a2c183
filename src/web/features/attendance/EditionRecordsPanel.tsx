import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Edition } from '../../../common/catalogue';
import { romeDate } from '../../../common/rome-time';
import { formatDayLong } from '../../components/format';
import { sessionTimes } from '../training/times';
import { matrixPath, registerPath } from './access';
import { certificatesPath, feedbackPath } from './EditionLinks';

/**
 * On an edition's administration page: the register of each session, and the edition's attendance,
 * certificates and satisfaction pages.
 */
export function EditionRecordsPanel({ edition }: { edition: Edition }) {
  const { t } = useTranslation();
  const sessions = [...edition.sessions]
    .filter((s) => s.status !== 'cancelled')
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return (
    <section aria-labelledby="edition-records" className="mb-5">
      <h2 id="edition-records" className="h4">
        {t('editionRecords.title')}
      </h2>
      <ul className="list-inline">
        <li className="list-inline-item me-3">
          <Link to={matrixPath(edition.id)}>{t('editionLinks.attendance')}</Link>
        </li>
        <li className="list-inline-item me-3">
          <Link to={certificatesPath(edition.id)}>{t('editionLinks.certificates')}</Link>
        </li>
        <li className="list-inline-item">
          <Link to={feedbackPath(edition.id)}>{t('editionLinks.feedback')}</Link>
        </li>
      </ul>
      <h3 className="h5">{t('editionRecords.registers')}</h3>
      {sessions.length === 0 ? (
        <p>{t('training.noSessions')}</p>
      ) : (
        <ul>
          {sessions.map((s) => (
            <li key={s.id} className="mb-1">
              <Link to={registerPath(s.id)}>{t('editionRecords.registerOf', { title: s.title })}</Link>
              <span className="small">
                {' '}
                — {formatDayLong(romeDate(s.startsAt))}, {sessionTimes(s)} ({t(`modes.${s.mode}`)})
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
