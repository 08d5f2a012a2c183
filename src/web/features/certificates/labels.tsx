import { Badge } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../components/format';
import { dateWords } from '../training/labels';

export function CertificateStatusBadge({
  status,
  revokedAt,
}: {
  status: 'valid' | 'revoked';
  revokedAt?: string | null | undefined;
}) {
  const { t } = useTranslation();
  return status === 'valid' ? (
    <Badge color="success">{t('certificates.valid')}</Badge>
  ) : (
    <Badge color="danger">
      {revokedAt ? t('certificates.revokedOn', dateWords(formatDate(revokedAt))) : t('certificates.revoked')}
    </Badge>
  );
}

/** "12,5 ore" / "1 ora". */
export function hoursText(hours: number, t: (k: string, o?: Record<string, unknown>) => string): string {
  return t('training.hours', { count: hours, n: formatNumber(hours) });
}
