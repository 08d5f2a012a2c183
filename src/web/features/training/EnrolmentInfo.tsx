import { useTranslation } from 'react-i18next';
import { formatDateTimeText } from '../../components/format';
import { EnrolAction } from '../enrolment/EnrolAction';
import type { PublicEdition } from './api';
import { dateWords } from './labels';

/** When enrolment opens or closes, and the way in: the enrol button, or the person's own enrolment. */
export function EnrolmentInfo({ edition, now = new Date() }: { edition: PublicEdition; now?: Date }) {
  const { t } = useTranslation();
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
  const open = edition.status === 'published' && now >= opens && now <= closes;
  return (
    <div className="callout">
      <div className="callout-title">{t('enrolment.title')}</div>
      <p className="mb-2">{when}</p>
      {open && edition.seatsLeft <= 0 ? <p className="mb-2">{t('enrolment.full')}</p> : null}
      {open && edition.seatsLeft > 0 ? (
        <p className="mb-2">{t('enrol.seatsLeft', { count: edition.seatsLeft })}</p>
      ) : null}
      <EnrolAction edition={edition} open={open} />
    </div>
  );
}
