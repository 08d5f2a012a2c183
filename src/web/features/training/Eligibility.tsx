import { useTranslation } from 'react-i18next';
import type { PublicPath } from './api';

/** Who may enrol, in the server's words, with the list of admitted units when there is one. */
export function Eligibility({ eligibility }: { eligibility: PublicPath['eligibility'] }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="mb-2">{eligibility.text}</p>
      {eligibility.kind !== 'all' && eligibility.units.length > 0 ? (
        <details className="officina-details">
          <summary>{t('training.admittedUnits', { count: eligibility.units.length })}</summary>
          <ul className="mt-2 mb-0">
            {eligibility.units.map((u) => (
              <li key={u.id}>{u.name}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}
