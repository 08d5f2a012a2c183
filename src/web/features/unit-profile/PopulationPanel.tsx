import { Button } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '../../../common/money';
import { defaultPopulationSource, type UnitProfile } from '../../../common/unit-profiles';
import { ErrorAlert, fieldErrors } from '../../components/ErrorAlert';
import { TextField } from '../../components/Field';
import { Panel } from '../../components/Panel';
import { TableScroll } from '../../components/TableScroll';
import { useDeletePopulation, useSavePopulation } from './api';

const STALE_BADGE = 'badge bg-warning text-dark ms-2';

/** The resident population (latest and history), its band among the thresholds, and its editing. */
export function PopulationPanel({ profile }: { profile: UnitProfile }) {
  const { t, i18n } = useTranslation();
  const save = useSavePopulation(profile.unit.id);
  const remove = useDeletePopulation(profile.unit.id);
  const [year, setYear] = useState(String(profile.currentYear));
  const [population, setPopulation] = useState('');
  const [source, setSource] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const nf = new Intl.NumberFormat(i18n.language.startsWith('en') ? 'en-GB' : 'it-IT');
  const p = profile.population;
  const band = profile.band;
  const errs = fieldErrors(save.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const y = Number(year);
    const n = Number(population.replace(/[.\s]/g, ''));
    if (
      !Number.isInteger(y) ||
      y < 1900 ||
      y > 2999 ||
      !/^[\d.\s]+$/.test(population) ||
      !Number.isInteger(n)
    ) {
      setLocalError(t('unitProfile.population.invalid'));
      return;
    }
    setLocalError(null);
    save.mutate(
      { year: y, population: n, source: source.trim() || defaultPopulationSource(y) },
      { onSuccess: () => setPopulation('') },
    );
  };

  return (
    <Panel title={t('unitProfile.population.title')} icon="it-horn">
      {p ? (
        <>
          <p className="h3 mb-1">
            {nf.format(p.population)}
            {p.stale ? <span className={STALE_BADGE}>{t('unitProfile.stale')}</span> : null}
          </p>
          <p className="small mb-3">{t('unitProfile.population.asOf', { year: p.year, source: p.source })}</p>
        </>
      ) : (
        <p>{t('unitProfile.population.none')}</p>
      )}
      <p className="mb-3">
        <strong>{t('unitProfile.band.label')}: </strong>
        {band ? (
          <>
            {band.maxPopulation === null
              ? t('unitProfile.band.from', { min: nf.format(band.minPopulation) })
              : t('unitProfile.band.range', {
                  min: nf.format(band.minPopulation),
                  max: nf.format(band.maxPopulation - 1),
                })}{' '}
            — {t('unitProfile.band.threshold', { value: formatPercent(band.thresholdBp, i18n.language) })}{' '}
            <span className="small">({t('unitProfile.band.year', { year: band.populationYear })})</span>
            {band.stale ? <span className={STALE_BADGE}>{t('unitProfile.stale')}</span> : null}
            <br />
            <span className="small">{band.source}</span>
          </>
        ) : (
          t('unitProfile.band.none')
        )}
      </p>
      {profile.populations.length ? (
        <details className="officina-details mb-3">
          <summary>{t('unitProfile.population.history')}</summary>
          <TableScroll label={t('unitProfile.population.history')}>
            <table className="table table-sm align-middle mt-2">
              <caption className="visually-hidden">{t('unitProfile.population.history')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('unitProfile.population.year')}</th>
                  <th scope="col">{t('unitProfile.population.residents')}</th>
                  <th scope="col">{t('unitProfile.population.source')}</th>
                  {profile.canEdit ? <th scope="col">{t('unitProfile.actions')}</th> : null}
                </tr>
              </thead>
              <tbody>
                {profile.populations.map((row) => (
                  <tr key={row.year}>
                    <th scope="row">{row.year}</th>
                    <td>{nf.format(row.population)}</td>
                    <td>{row.source}</td>
                    {profile.canEdit ? (
                      <td>
                        <Button
                          size="xs"
                          color="danger"
                          outline
                          disabled={remove.isPending}
                          onClick={() => remove.mutate(row.year)}
                          aria-label={t('unitProfile.population.remove', { year: row.year })}
                        >
                          {t('unitProfile.remove')}
                        </Button>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </details>
      ) : null}
      {profile.canEdit ? (
        <form onSubmit={submit} noValidate aria-labelledby="population-form-title">
          <h3 id="population-form-title" className="h6">
            {t('unitProfile.population.formTitle')}
          </h3>
          <ErrorAlert error={save.error ?? remove.error} />
          {localError ? (
            <div className="alert alert-danger" role="alert">
              {localError}
            </div>
          ) : null}
          <div className="row">
            <div className="col-12 col-sm-4">
              <TextField
                id="pop-year"
                label={t('unitProfile.population.year')}
                inputMode="numeric"
                value={year}
                onChange={(e) => setYear(e.target.value)}
                error={errs.year}
              />
            </div>
            <div className="col-12 col-sm-8">
              <TextField
                id="pop-value"
                label={t('unitProfile.population.residents')}
                inputMode="numeric"
                value={population}
                onChange={(e) => setPopulation(e.target.value)}
                error={errs.population}
                hint={t('unitProfile.population.hint')}
              />
            </div>
          </div>
          <TextField
            id="pop-source"
            label={t('unitProfile.population.source')}
            value={source}
            onChange={(e) => setSource(e.target.value)}
            error={errs.source}
            hint={t('unitProfile.population.sourceHint', {
              source: defaultPopulationSource(Number(year) || profile.currentYear),
            })}
          />
          <Button type="submit" color="primary" size="sm" disabled={save.isPending}>
            {t('unitProfile.save')}
          </Button>
        </form>
      ) : null}
    </Panel>
  );
}
