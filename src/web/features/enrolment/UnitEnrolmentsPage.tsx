import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../../../common/auth';
import { ENROLMENT_STATUSES } from '../../../common/enrolment';
import { Forbidden } from '../../app/RequireAuth';
import { ChoiceField, TextField } from '../../components/Field';
import { FiltersPanel } from '../../components/FiltersPanel';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { PagedResults } from '../../components/ResultsTable';
import { useUrlFilters } from '../../components/urlFilters';
import { matrixPath } from '../attendance/access';
import { useMe } from '../auth/session';
import { type UnitOption, useUnitOptions } from '../users/unitOptions';
import { type EnrolmentAccess, enrolmentAccess, NOMINATE_PATH } from './access';
import { ENROLMENTS_PAGE_SIZE, useEnrolments } from './api';
import { EditionPicker } from './EditionPicker';
import { EnrolmentsTable } from './EnrolmentsTable';

const KEYS = ['path', 'editionId', 'status', 'unitId', 'q'] as const;
type Filters = Partial<Record<(typeof KEYS)[number], string>>;

function Filters({
  value,
  units,
  restricted,
  onChange,
}: {
  value: Filters;
  units: UnitOption[];
  restricted: boolean;
  onChange: (f: Filters) => void;
}) {
  const { t } = useTranslation();
  return (
    <FiltersPanel
      label={t('unitEnrolments.filters')}
      value={value}
      onApply={onChange}
      onReset={() => onChange({})}
      after={(draft, set) => (
        <EditionPicker
          idPrefix="enrolments"
          value={{ path: draft.path, editionId: draft.editionId }}
          onChange={(picked) => set({ path: picked.path, editionId: picked.editionId })}
          openOnly={false}
          anyLabel={t('unitEnrolments.allEditions')}
        />
      )}
    >
      {(draft, set) => (
        <>
          <div className="col-12 col-lg-4">
            <TextField
              id="enrolments-q"
              type="search"
              label={t('unitEnrolments.search')}
              value={draft.q ?? ''}
              onChange={(e) => set({ q: e.target.value })}
            />
          </div>
          <div className="col-12 col-md-6 col-lg-4">
            <ChoiceField
              id="enrolments-status"
              label={t('unitEnrolments.status')}
              value={draft.status ?? ''}
              onChange={(e) => set({ status: e.target.value })}
              empty={t('unitEnrolments.allStatuses')}
              choices={ENROLMENT_STATUSES.map((s) => ({ value: s, label: t(`enrolmentStatus.${s}`) }))}
            />
          </div>
          {units.length > 1 || !restricted ? (
            <div className="col-12 col-md-6 col-lg-4">
              <ChoiceField
                id="enrolments-unit"
                label={t('unitEnrolments.unit')}
                value={draft.unitId ?? ''}
                onChange={(e) => set({ unitId: e.target.value })}
                empty={restricted ? t('users.allMyUnits') : t('users.allUnits')}
                choices={units.map((u) => ({ value: String(u.id), label: u.name }))}
              />
            </div>
          ) : null}
        </>
      )}
    </FiltersPanel>
  );
}

function EnrolmentsList({ me, access }: { me: Me; access: EnrolmentAccess }) {
  const { t } = useTranslation();
  const { filters, apply, setPage } = useUrlFilters(KEYS);
  const units = useUnitOptions(me);
  const list = useEnrolments({
    editionId: filters.editionId,
    status: filters.status,
    unitId: filters.unitId,
    q: filters.q,
    page: filters.page,
  });
  const title = access.national ? t('unitEnrolments.titleNational') : t('unitEnrolments.title');
  const editionId = Number(filters.editionId);
  const unitNames = access.officerUnits.map((u) => u.name).join(', ');
  return (
    <Page
      title={title}
      lead={
        access.national ? t('unitEnrolments.leadNational') : t('unitEnrolments.lead', { units: unitNames })
      }
      actions={
        access.manage ? (
          <Link className="btn btn-primary" to={NOMINATE_PATH}>
            {t('nominate.title')}
          </Link>
        ) : null
      }
    >
      <Filters value={filters} units={units.options} restricted={units.restricted} onChange={apply} />
      {Number.isInteger(editionId) && editionId > 0 ? (
        <p className="mt-3 mb-0">
          <Link to={matrixPath(editionId)}>{t('editionLinks.attendance')}</Link>
        </p>
      ) : null}
      <p className="visually-hidden" aria-live="polite">
        {list.data ? t('unitEnrolments.caption', { count: list.data.total }) : ''}
      </p>
      <div className="mt-4">
        <PagedResults
          query={list}
          pageSize={ENROLMENTS_PAGE_SIZE}
          pagesLabel={t('unitEnrolments.pages')}
          onPage={setPage}
        >
          {(data) => (
            <EnrolmentsTable
              items={data.items}
              caption={t('unitEnrolments.caption', { count: data.total })}
              access={access}
              showEdition
              showPosition={false}
            />
          )}
        </PagedResults>
      </div>
    </Page>
  );
}

/** Enrolments of the officer's Province (every Province for national roles): filter, decide, cancel. */
export default function UnitEnrolmentsPage() {
  const { data: me } = useMe();
  if (!me) return <Loading />;
  const access = enrolmentAccess(me);
  if (!access.read) return <Forbidden />;
  return <EnrolmentsList me={me} access={access} />;
}
