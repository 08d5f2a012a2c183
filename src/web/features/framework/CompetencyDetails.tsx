import { useTranslation } from 'react-i18next';
import type { FrameworkCompetency } from '../../../common/framework';
import { local } from './labels';

const LEVELS = ['base', 'intermedio', 'avanzato'] as const;

/** A competency as it reads: code and name, description, keywords, the three levels. */
export function CompetencyDetails({ c }: { c: FrameworkCompetency }) {
  const { t } = useTranslation();
  return (
    <>
      <h4 className="h6 mb-1">
        <span className="text-muted me-2">{c.code}</span>
        {local(c.name)}
      </h4>
      <p className="mb-2">{local(c.description)}</p>
      {c.keywords.length ? (
        <p className="small mb-2">
          <span className="fw-semibold">{t('framework.keywords')}:</span> {c.keywords.join(', ')}
        </p>
      ) : null}
      <dl className="officina-levels mb-2">
        {LEVELS.map((level) => (
          <div key={level} className="mb-1">
            <dt className="d-inline fw-semibold">{t(`framework.level.${level}`)}:</dt>{' '}
            <dd className="d-inline mb-0">{local(c.levels[level])}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
