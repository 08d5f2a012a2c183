import { Badge } from 'design-react-kit';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditionStatus } from '../../../common/catalogue';
import { formatNumber, withArticle } from '../../components/format';
import { useReference } from '../units/api';

/** One colour per status, so that a change of status also changes the badge's colour. */
const EDITION_COLOURS: Record<EditionStatus, string> = {
  draft: 'secondary',
  published: 'success',
  closed: 'primary',
  completed: 'dark',
  cancelled: 'danger',
};

export function EditionStatusBadge({ status }: { status: EditionStatus }) {
  const { t } = useTranslation();
  return <Badge color={EDITION_COLOURS[status]}>{t(`editionStatus.${status}`)}</Badge>;
}

export function PathStatusBadge({ status }: { status: 'draft' | 'published' | 'archived' }) {
  const { t } = useTranslation();
  const colour = status === 'published' ? 'success' : status === 'archived' ? 'secondary' : 'warning';
  return <Badge color={colour}>{t(`pathStatus.${status}`)}</Badge>;
}

export function CancelledBadge() {
  const { t } = useTranslation();
  return <Badge color="danger">{t('sessionStatus.cancelled')}</Badge>;
}

/** Names of domains, service models and job profiles by code, in the interface language. */
export function useReferenceNames() {
  const reference = useReference();
  return useMemo(() => {
    const map = (items: { code: string; name: string }[] | undefined) =>
      new Map((items ?? []).map((i) => [i.code, i.name]));
    return {
      reference: reference.data,
      domain: map(reference.data?.domains),
      serviceModel: map(reference.data?.serviceModels),
      jobProfile: map(reference.data?.jobProfiles),
    };
  }, [reference.data]);
}

/** "7,5 ore", "1 ora". */
export function hours(n: number, t: (k: string, o?: Record<string, unknown>) => string): string {
  return t('training.hours', { count: n, n: formatNumber(n) });
}

/** Words around dates: Italian needs the right article before the day ("dall'8", "al 6"). */
export function dateWords(from: string, to?: string) {
  return {
    from,
    to,
    dalFrom: withArticle('dal', from),
    ilFrom: withArticle('il', from),
    alTo: to ? withArticle('al', to) : undefined,
    ilTo: to ? withArticle('il', to) : undefined,
  };
}
