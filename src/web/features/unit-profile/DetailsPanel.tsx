import { Button } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitProfile } from '../../../common/unit-profiles';
import { ErrorAlert, fieldErrors, SuccessAlert } from '../../components/ErrorAlert';
import { TextAreaField, TextField } from '../../components/Field';
import { Panel } from '../../components/Panel';
import { type DetailsBody, useSaveDetails } from './api';

const orNull = (v: string) => (v.trim() === '' ? null : v.trim());

/** PEC, phone, website, address and staff count (with its reference year) of the unit. */
export function DetailsPanel({ profile }: { profile: UnitProfile }) {
  const { t } = useTranslation();
  const d = profile.details;
  const save = useSaveDetails(profile.unit.id);
  const [editing, setEditing] = useState(false);
  const [form, setForm] = useState({
    staffCount: d.staffCount?.toString() ?? '',
    staffCountYear: d.staffCountYear?.toString() ?? '',
    pec: d.pec ?? '',
    phone: d.phone ?? '',
    website: d.website ?? '',
    address: d.address ?? '',
    notes: d.notes,
  });
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [k]: e.target.value }));
  const errs = fieldErrors(save.error);
  const staleStaff = d.staffCountYear !== null && profile.currentYear - d.staffCountYear > 2;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: DetailsBody = {
      staffCount: form.staffCount.trim() === '' ? null : Number(form.staffCount),
      staffCountYear: form.staffCountYear.trim() === '' ? null : Number(form.staffCountYear),
      pec: orNull(form.pec),
      phone: orNull(form.phone),
      website: orNull(form.website),
      address: orNull(form.address),
      notes: form.notes,
    };
    save.mutate(body, { onSuccess: () => setEditing(false) });
  };

  return (
    <Panel title={t('unitProfile.details.title')} icon="it-mail">
      {save.isSuccess && !editing ? <SuccessAlert>{t('unitProfile.saved')}</SuccessAlert> : null}
      {editing ? (
        <form onSubmit={submit} noValidate>
          <ErrorAlert error={save.error} />
          <div className="row">
            <div className="col-12 col-md-6">
              <TextField
                id="d-pec"
                type="email"
                label={t('unitProfile.details.pec')}
                value={form.pec}
                onChange={set('pec')}
                error={errs.pec}
              />
            </div>
            <div className="col-12 col-md-6">
              <TextField
                id="d-phone"
                type="tel"
                label={t('unitProfile.details.phone')}
                value={form.phone}
                onChange={set('phone')}
                error={errs.phone}
              />
            </div>
            <div className="col-12 col-md-6">
              <TextField
                id="d-web"
                type="url"
                label={t('unitProfile.details.website')}
                value={form.website}
                onChange={set('website')}
                error={errs.website}
                hint="https://…"
              />
            </div>
            <div className="col-12 col-md-6">
              <TextField
                id="d-address"
                label={t('unitProfile.details.address')}
                value={form.address}
                onChange={set('address')}
                error={errs.address}
              />
            </div>
            <div className="col-6 col-md-3">
              <TextField
                id="d-staff"
                inputMode="numeric"
                label={t('unitProfile.details.staff')}
                value={form.staffCount}
                onChange={set('staffCount')}
                error={errs.staffCount}
              />
            </div>
            <div className="col-6 col-md-3">
              <TextField
                id="d-staff-year"
                inputMode="numeric"
                label={t('unitProfile.details.staffYear')}
                value={form.staffCountYear}
                onChange={set('staffCountYear')}
                error={errs.staffCountYear}
              />
            </div>
          </div>
          <TextAreaField
            id="d-notes"
            label={t('unitProfile.details.notes')}
            value={form.notes}
            onChange={set('notes')}
            error={errs.notes}
            rows={3}
          />
          <div className="d-flex gap-2">
            <Button type="submit" color="primary" size="sm" disabled={save.isPending}>
              {t('unitProfile.save')}
            </Button>
            <Button type="button" color="secondary" outline size="sm" onClick={() => setEditing(false)}>
              {t('unitProfile.cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <>
          <dl className="row mb-2">
            <dt className="col-sm-4">{t('unitProfile.details.pec')}</dt>
            <dd className="col-sm-8">{d.pec ? <a href={`mailto:${d.pec}`}>{d.pec}</a> : '—'}</dd>
            <dt className="col-sm-4">{t('unitProfile.details.phone')}</dt>
            <dd className="col-sm-8">{d.phone ?? '—'}</dd>
            <dt className="col-sm-4">{t('unitProfile.details.website')}</dt>
            <dd className="col-sm-8">
              {d.website ? (
                <a href={d.website} rel="noopener noreferrer" target="_blank">
                  {d.website}
                </a>
              ) : (
                '—'
              )}
            </dd>
            <dt className="col-sm-4">{t('unitProfile.details.address')}</dt>
            <dd className="col-sm-8">{d.address ?? '—'}</dd>
            <dt className="col-sm-4">{t('unitProfile.details.staff')}</dt>
            <dd className="col-sm-8">
              {d.staffCount === null
                ? '—'
                : t('unitProfile.details.staffValue', { count: d.staffCount, year: d.staffCountYear })}
              {staleStaff ? (
                <span className="badge bg-warning text-dark ms-2">{t('unitProfile.stale')}</span>
              ) : null}
            </dd>
            {d.notes ? (
              <>
                <dt className="col-sm-4">{t('unitProfile.details.notes')}</dt>
                <dd className="col-sm-8">{d.notes}</dd>
              </>
            ) : null}
          </dl>
          {profile.canEdit ? (
            <Button color="primary" outline size="sm" onClick={() => setEditing(true)}>
              {t('unitProfile.edit')}
            </Button>
          ) : null}
        </>
      )}
    </Panel>
  );
}
