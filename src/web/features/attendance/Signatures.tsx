import { Badge, Button } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import type { LogbookEntry } from '../../../common/attendance';
import { formatDate, formatDateTime } from '../../components/format';
import type { Signer } from './api';

/** Who signed an entry and when, or who still has to. */
export function SignatureList({ entry }: { entry: LogbookEntry }) {
  const { t } = useTranslation();
  const line = (who: 'coach' | 'officer', name: string | null, at: string | null) =>
    at
      ? t(`logbook.signedBy.${who}`, { name: name ?? '—', date: formatDateTime(at) })
      : t(`logbook.unsigned.${who}`);
  return (
    <ul className="list-unstyled small mb-0">
      <li>{line('coach', entry.coachName, entry.coachSignedAt)}</li>
      <li>{line('officer', entry.officerName, entry.officerSignedAt)}</li>
    </ul>
  );
}

export function EntryState({ entry }: { entry: LogbookEntry }) {
  const { t } = useTranslation();
  return entry.credited ? (
    <Badge color="success">{t('logbook.credited')}</Badge>
  ) : (
    <Badge color="warning">{t('logbook.waiting')}</Badge>
  );
}

/** The signatures the viewer may still give to an entry, one button each. */
export function SignButtons({
  entry,
  learnerName,
  awaitingAs,
  pending,
  onSign,
}: {
  entry: LogbookEntry;
  learnerName: string;
  awaitingAs: readonly Signer[];
  pending: boolean;
  onSign: (as: Signer) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="d-flex flex-wrap gap-2 justify-content-end">
      {awaitingAs.map((as) => (
        <Button key={as} color="primary" size="xs" disabled={pending} onClick={() => onSign(as)}>
          {t(`signatures.signAs.${as}`)}
          <span className="visually-hidden">
            {' '}
            {t('signatures.entryOf', { name: learnerName, day: formatDate(entry.day) })}
          </span>
        </Button>
      ))}
    </div>
  );
}
