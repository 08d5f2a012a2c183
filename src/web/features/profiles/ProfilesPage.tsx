import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ChoiceField } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { useMe } from '../auth/session';
import { local } from '../framework/labels';
import { useUnitChoices } from '../units/api';
import { useExpectations, useJobProfiles } from './api';
import { ExpectationsForm } from './ExpectationsForm';
import { ProfileCsv } from './ProfileCsv';

/** An admin picks any unit (or none: the national levels); the choice lives in the address. */
function UnitPicker({ value, onChange }: { value: number | null; onChange: (unit: number | null) => void }) {
  const { t } = useTranslation();
  const { units } = useUnitChoices();
  return (
    <ChoiceField
      id="profiles-unit"
      label={t('profiles.unit')}
      hint={t('profiles.unitHint')}
      choices={units}
      empty={t('profiles.national')}
      value={value === null ? '' : String(value)}
      onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}
    />
  );
}

/**
 * Expected levels per job profile. National admins set the national levels, or a unit's overrides
 * when they choose a unit; a Province officer sets their unit's overrides next to the national
 * levels, which they read only.
 */
export default function ProfilesPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const admin = !!me?.roles.some((r) => r.role === 'national_admin' && r.unitId === null);
  const [params, setParams] = useSearchParams();
  const code = params.get('profilo') ?? '';
  const chosenUnit = Number(params.get('ente')) || null;
  const list = useJobProfiles(admin ? chosenUnit : null);
  // An officer works on their own unit, which the server names in the list.
  const unit = admin ? chosenUnit : (list.data?.unit?.id ?? null);
  const view = useExpectations(list.data ? code : '', unit);
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <Page title={t('profiles.title')} lead={t('profiles.lead')}>
      <ErrorAlert error={list.error} />
      {list.isPending ? (
        <Loading />
      ) : (
        <div className="row">
          <div className="col-12 col-md-6">
            <ChoiceField
              id="profiles-profile"
              label={t('profiles.profile')}
              choices={(list.data?.items ?? []).map((p) => ({
                value: p.code,
                label:
                  p.overrides === null
                    ? t('profiles.profileCount', { name: local(p.name), national: p.national })
                    : t('profiles.profileCountUnit', {
                        name: local(p.name),
                        national: p.national,
                        overrides: p.overrides,
                      }),
              }))}
              empty={t('profiles.choose')}
              value={code}
              onChange={(e) => set('profilo', e.target.value)}
            />
          </div>
          <div className="col-12 col-md-6">
            {admin ? (
              <UnitPicker value={chosenUnit} onChange={(u) => set('ente', u === null ? '' : String(u))} />
            ) : list.data?.unit ? (
              <p className="mt-md-4">{t('profiles.officerUnit', { unit: list.data.unit.name })}</p>
            ) : null}
          </div>
        </div>
      )}
      {code === '' ? (
        <p>{t('profiles.chooseHelp')}</p>
      ) : view.data ? (
        <>
          <ExpectationsForm key={`${code}-${unit ?? 'national'}`} view={view.data} />
          <ProfileCsv view={view.data} />
        </>
      ) : view.isPending ? (
        <Loading />
      ) : (
        <ErrorAlert error={view.error} />
      )}
    </Page>
  );
}
