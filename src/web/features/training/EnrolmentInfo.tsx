import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { formatDateTimeText } from '../../components/format';
import { useMe } from '../auth/session';
import type { PublicEdition } from './api';
import { dateWords } from './labels';

/**
 * How to enrol. Online enrolment arrives in a later release: until then the page says when the window
 * opens or closes, and what to do meanwhile.
 */
export function EnrolmentInfo({ edition, now = new Date() }: { edition: PublicEdition; now?: Date }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const location = useLocation();
  const opens = new Date(edition.enrolmentOpensAt);
  const closes = new Date(edition.enrolmentClosesAt);
  let when: string;
  if (edition.status === 'cancelled') when = t('enrolment.cancelled');
  else if (edition.status === 'completed') when = t('enrolment.completed');
  else if (edition.status === 'closed' || now > closes) when = t('enrolment.closed');
  else if (now < opens)
    when = t('enrolment.opensOn', {
      ...dateWords(
        formatDateTimeText(edition.enrolmentOpensAt),
        formatDateTimeText(edition.enrolmentClosesAt),
      ),
    });
  else when = t('enrolment.openUntil', { ...dateWords('', formatDateTimeText(edition.enrolmentClosesAt)) });
  const open = edition.status === 'published' && now <= closes;
  const next = `${location.pathname}${location.search}`;
  return (
    <div className="callout">
      <div className="callout-title">{t('enrolment.title')}</div>
      <p className="mb-2">{when}</p>
      {open && edition.seatsLeft <= 0 ? <p className="mb-2">{t('enrolment.full')}</p> : null}
      {open ? (
        me ? (
          <p className="mb-0">{t('enrolment.signedIn')}</p>
        ) : (
          <p className="mb-0">
            {t('enrolment.signInBefore')}{' '}
            <Link to={`/accedi?next=${encodeURIComponent(next)}`}>{t('enrolment.signIn')}</Link>
            {t('enrolment.signInAfter')}
          </p>
        )
      ) : null}
    </div>
  );
}
