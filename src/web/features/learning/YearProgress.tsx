import { Badge } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import type { TranscriptYear } from '../../../common/learning';
import { formatNumber } from '../../components/format';

/** Hours of a year against the yearly target, as words and as a bar (which may overflow past 100%). */
export function YearProgress({ year, id }: { year: TranscriptYear; id: string }) {
  const { t } = useTranslation();
  const words = t('transcript.progress', {
    hours: formatNumber(year.hours),
    target: formatNumber(year.targetHours),
    pct: year.progressPct,
  });
  return (
    <div className="mb-3">
      <p id={id} className="mb-1 d-flex flex-wrap align-items-center gap-2">
        <span>{words}</span>
        {year.reached ? <Badge color="success">{t('transcript.reached')}</Badge> : null}
      </p>
      <div className="progress" style={{ height: '0.75rem' }}>
        <div
          className={`progress-bar ${year.reached ? 'bg-success' : 'bg-primary'}`}
          role="progressbar"
          aria-labelledby={id}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.min(100, year.progressPct)}
          style={{ width: `${Math.min(100, year.progressPct)}%` }}
        />
      </div>
    </div>
  );
}
