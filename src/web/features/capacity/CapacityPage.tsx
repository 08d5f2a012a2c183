import { Button } from 'design-react-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { TableScroll } from '../../components/TableScroll';
import { UnitSectionNav } from '../../components/UnitSectionNav';
import { useCapacity, useCapacityYears } from './api';
import { CapacityForm } from './CapacityForm';
import { CapacitySummary } from './CapacitySummary';
import { StateBadge } from './labels';
import { THRESHOLDS_PATH } from './paths';

/** A unit's hiring capacity: its years, the chosen year's figures, the computed status, and editing. */
export default function CapacityPage() {
  const { t, i18n } = useTranslation();
  const id = Number(useParams().id);
  const [search, setSearch] = useSearchParams();
  const years = useCapacityYears(id);
  const currentYear = years.data?.currentYear ?? new Date().getFullYear();
  const year = Number(search.get('anno')) || currentYear;
  const view = useCapacity(id, year);
  const [editing, setEditing] = useState(false);
  const [yearInput, setYearInput] = useState('');
  const v = view.data;
  const unitName = years.data?.unit.name ?? v?.unit.name ?? '';
  const pick = (y: number) => {
    setEditing(false);
    setSearch({ anno: String(y) });
  };

  return (
    <Page title={t('capacity.title', { unit: unitName })} lead={t('capacity.lead')}>
      <UnitSectionNav unitId={id} unitName={unitName} />
      <ErrorAlert error={years.error ?? view.error} />
      <div className="row g-4">
        <div className="col-12 col-lg-4">
          <Panel title={t('capacity.years.title')} icon="it-calendar">
            {years.data?.items.length ? (
              <TableScroll label={t('capacity.years.title')}>
                <table className="table table-sm align-middle">
                  <caption className="visually-hidden">{t('capacity.years.title')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('capacity.years.year')}</th>
                      <th scope="col">{t('capacity.years.state')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {years.data.items.map((y) => (
                      <tr key={y.year} aria-current={y.year === year ? 'true' : undefined}>
                        <th scope="row">
                          <Button color="link" className="p-0" onClick={() => pick(y.year)}>
                            {y.year}
                          </Button>
                          {y.year < currentYear ? (
                            <span className="small ms-1">({t('capacity.pastShort')})</span>
                          ) : null}
                        </th>
                        <td>
                          <StateBadge state={y.state} />
                          <div className="small">{formatDateTime(y.updatedAt)}</div>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            ) : (
              <p>{t('capacity.years.none')}</p>
            )}
            <form
              className="d-flex gap-2 align-items-end"
              onSubmit={(e) => {
                e.preventDefault();
                const y = Number(yearInput);
                if (Number.isInteger(y) && y >= 2000 && y <= 2999) pick(y);
              }}
            >
              <div className="form-group mb-0 flex-grow-1">
                <label htmlFor="cap-year" className="active">
                  {t('capacity.years.open')}
                </label>
                <input
                  id="cap-year"
                  className="form-control"
                  inputMode="numeric"
                  value={yearInput}
                  onChange={(e) => setYearInput(e.target.value)}
                />
              </div>
              <Button type="submit" color="primary" outline size="sm">
                {t('capacity.years.go')}
              </Button>
            </form>
            <p className="small mt-3 mb-0">
              <Link to={THRESHOLDS_PATH}>{t('capacity.thresholdsLink')}</Link>
            </p>
          </Panel>
        </div>
        <div className="col-12 col-lg-8">
          {!v ? (
            view.error ? null : (
              <Loading />
            )
          ) : editing ? (
            <CapacityForm view={v} onDone={() => setEditing(false)} />
          ) : (
            <>
              <CapacitySummary view={v} lang={i18n.language} />
              {v.canEdit ? (
                <Button color="primary" className="mt-3" onClick={() => setEditing(true)}>
                  {v.exists ? t('capacity.edit') : t('capacity.create', { year: v.year })}
                </Button>
              ) : null}
            </>
          )}
        </div>
      </div>
    </Page>
  );
}
