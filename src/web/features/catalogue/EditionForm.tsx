import { Button } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import type { Edition, EditionInput } from '../../../common/catalogue';
import { checkRomeTime, isIsoDate, romeFields, romeIso } from '../../../common/rome-time';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CheckboxField, ChoiceField, TextField } from '../../components/Field';
import { useCheckedForm } from '../../components/useCheckedForm';
import { useMe } from '../auth/session';
import {
  checkSettings,
  EditionSettingsFields,
  type SettingsDraft,
  settingsDraft,
} from '../enrolment/EditionSettings';
import { useUnitChoices } from '../units/api';
import { useTrainers } from './api';

type Draft = {
  title: string;
  startsOn: string;
  endsOn: string;
  capacity: string;
  opensDay: string;
  opensTime: string;
  closesDay: string;
  closesTime: string;
  online: boolean;
  venueName: string;
  venueAddress: string;
  venueUnitId: string;
  trainerIds: string[];
} & SettingsDraft;

function toDraft(e: Edition | null): Draft {
  const opens = romeFields(e?.enrolmentOpensAt);
  const closes = romeFields(e?.enrolmentClosesAt);
  return {
    title: e?.title ?? '',
    startsOn: e?.startsOn ?? '',
    endsOn: e?.endsOn ?? '',
    capacity: e ? String(e.capacity) : '',
    opensDay: opens.date,
    opensTime: opens.time || '09:00',
    closesDay: closes.date,
    closesTime: closes.time || '23:59',
    online: e?.online ?? false,
    venueName: e?.venueName ?? '',
    venueAddress: e?.venueAddress ?? '',
    venueUnitId: e?.venueUnitId ? String(e.venueUnitId) : '',
    trainerIds: e?.trainerIds ?? [],
    ...settingsDraft(e),
  };
}

export type EditionFields = Omit<EditionInput, 'pathId'>;

function check(
  d: Draft,
  t: (k: string) => string,
): { input?: EditionFields; errors: Record<string, string> } {
  const settings = checkSettings(d, t);
  const errors: Record<string, string> = { ...settings.errors };
  if (d.title.trim().length < 3) errors.title = t('editionForm.errors.title');
  if (!isIsoDate(d.startsOn)) errors.startsOn = t('editionForm.errors.day');
  if (!isIsoDate(d.endsOn)) errors.endsOn = t('editionForm.errors.day');
  else if (isIsoDate(d.startsOn) && d.endsOn < d.startsOn) errors.endsOn = t('editionForm.errors.endsBefore');
  const capacity = Number(d.capacity);
  if (d.capacity.trim() === '' || !Number.isInteger(capacity) || capacity < 0)
    errors.capacity = t('editionForm.errors.capacity');
  const opens = checkRomeTime(d.opensDay, d.opensTime);
  const closes = checkRomeTime(d.closesDay, d.closesTime);
  const timeError = (problem: 'invalid' | 'skipped') =>
    t(problem === 'skipped' ? 'editionForm.errors.skippedHour' : 'editionForm.errors.instant');
  if (!opens.ok) errors.enrolmentOpensAt = timeError(opens.problem);
  if (!closes.ok) errors.enrolmentClosesAt = timeError(closes.problem);
  else if (opens.ok && closes.instant <= opens.instant)
    errors.enrolmentClosesAt = t('editionForm.errors.closesBefore');
  if (Object.keys(errors).length > 0 || !opens.ok || !closes.ok || !settings.input) return { errors };
  return {
    errors,
    input: {
      title: d.title.trim(),
      startsOn: d.startsOn,
      endsOn: d.endsOn,
      capacity,
      enrolmentOpensAt: romeIso(opens.instant),
      enrolmentClosesAt: romeIso(closes.instant),
      online: d.online,
      venueName: d.venueName.trim() || null,
      venueAddress: d.venueAddress.trim() || null,
      venueUnitId: d.venueUnitId ? Number(d.venueUnitId) : null,
      trainerIds: d.trainerIds,
      ...settings.input,
    },
  };
}

/** A day field and a time field for one instant, read and written as Rome time. */
function RomeInstantFields({
  id,
  label,
  day,
  time,
  onDay,
  onTime,
  error,
}: {
  id: string;
  label: string;
  day: string;
  time: string;
  onDay: (v: string) => void;
  onTime: (v: string) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="mt-4">
      <legend className="h6 mb-0">{label}</legend>
      <div className="row">
        <div className="col-7">
          <TextField
            id={`${id}-day`}
            type="date"
            label={t('editionForm.day')}
            value={day}
            onChange={(e) => onDay(e.target.value)}
            error={error}
          />
        </div>
        <div className="col-5">
          <TextField
            id={`${id}-time`}
            type="time"
            label={t('editionForm.timeRome')}
            value={time}
            onChange={(e) => onTime(e.target.value)}
          />
        </div>
      </div>
    </fieldset>
  );
}

export function EditionForm({
  edition,
  idPrefix,
  onSubmit,
  pending,
  error,
  submitLabel,
  formLabel,
}: {
  edition: Edition | null;
  /** The form's accessible name. */
  formLabel: string;
  idPrefix: string;
  onSubmit: (input: EditionFields) => void;
  pending: boolean;
  error: unknown;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { units } = useUnitChoices();
  const trainers = useTrainers(me?.can.manageUsers ?? false);
  const {
    draft: d,
    set,
    errors,
    submit,
  } = useCheckedForm({
    initial: () => toDraft(edition),
    check: (draft: Draft) => check(draft, t),
    onSubmit,
    serverError: error,
  });
  const id = (name: string) => `${idPrefix}-${name}`;

  return (
    <form onSubmit={submit} noValidate aria-label={formLabel}>
      <ErrorAlert error={error} />
      <TextField
        id={id('title')}
        label={t('editionForm.title')}
        hint={t('editionForm.titleHint')}
        required
        value={d.title}
        onChange={(e) => set({ title: e.target.value })}
        error={errors.title}
      />
      <div className="row">
        <div className="col-12 col-md-4">
          <TextField
            id={id('starts')}
            type="date"
            label={t('editionForm.startsOn')}
            required
            value={d.startsOn}
            onChange={(e) => set({ startsOn: e.target.value, endsOn: d.endsOn || e.target.value })}
            error={errors.startsOn}
          />
        </div>
        <div className="col-12 col-md-4">
          <TextField
            id={id('ends')}
            type="date"
            label={t('editionForm.endsOn')}
            required
            min={d.startsOn || undefined}
            value={d.endsOn}
            onChange={(e) => set({ endsOn: e.target.value })}
            error={errors.endsOn}
          />
        </div>
        <div className="col-12 col-md-4">
          <TextField
            id={id('capacity')}
            type="number"
            min={0}
            step={1}
            label={t('editionForm.capacity')}
            required
            value={d.capacity}
            onChange={(e) => set({ capacity: e.target.value })}
            error={errors.capacity}
          />
        </div>
      </div>
      <div className="row">
        <div className="col-12 col-lg-6">
          <RomeInstantFields
            id={id('opens')}
            label={t('editionForm.opens')}
            day={d.opensDay}
            time={d.opensTime}
            onDay={(opensDay) => set({ opensDay })}
            onTime={(opensTime) => set({ opensTime })}
            error={errors.enrolmentOpensAt}
          />
        </div>
        <div className="col-12 col-lg-6">
          <RomeInstantFields
            id={id('closes')}
            label={t('editionForm.closes')}
            day={d.closesDay}
            time={d.closesTime}
            onDay={(closesDay) => set({ closesDay })}
            onTime={(closesTime) => set({ closesTime })}
            error={errors.enrolmentClosesAt}
          />
        </div>
      </div>
      <CheckboxField
        id={id('online')}
        className="mt-4"
        label={t('editionForm.online')}
        checked={d.online}
        onChange={(online) => set({ online })}
      />
      <div className="row">
        <div className="col-12 col-lg-4">
          <TextField
            id={id('venue')}
            label={t('editionForm.venueName')}
            value={d.venueName}
            onChange={(e) => set({ venueName: e.target.value })}
            error={errors.venueName}
          />
        </div>
        <div className="col-12 col-lg-4">
          <TextField
            id={id('address')}
            label={t('editionForm.venueAddress')}
            value={d.venueAddress}
            onChange={(e) => set({ venueAddress: e.target.value })}
            error={errors.venueAddress}
          />
        </div>
        <div className="col-12 col-lg-4">
          <ChoiceField
            id={id('venue-unit')}
            label={t('editionForm.venueUnit')}
            hint={t('editionForm.venueUnitHint')}
            value={d.venueUnitId}
            onChange={(e) => set({ venueUnitId: e.target.value })}
            error={errors.venueUnitId}
            empty={t('editionForm.noVenueUnit')}
            choices={units}
          />
        </div>
      </div>
      <fieldset className="mt-4">
        <legend className="h6">{t('training.trainers')}</legend>
        {trainers.data ? (
          trainers.data.items.length === 0 ? (
            <p className="small">{t('editionForm.noTrainers')}</p>
          ) : (
            <div className="d-flex flex-wrap column-gap-4">
              {trainers.data.items.map((tr) => (
                <CheckboxField
                  key={tr.id}
                  id={id(`trainer-${tr.id}`)}
                  label={tr.name}
                  checked={d.trainerIds.includes(tr.id)}
                  onChange={(on) =>
                    set({
                      trainerIds: on ? [...d.trainerIds, tr.id] : d.trainerIds.filter((x) => x !== tr.id),
                    })
                  }
                />
              ))}
            </div>
          )
        ) : (
          <p className="small">
            {edition && edition.trainers.length > 0
              ? edition.trainers.map((tr) => tr.name).join(', ')
              : t('editionForm.trainersByAdmin')}
          </p>
        )}
      </fieldset>
      <EditionSettingsFields idPrefix={idPrefix} draft={d} set={set} errors={errors} />
      <Button type="submit" color="primary" className="mt-4" disabled={pending}>
        {submitLabel}
      </Button>
    </form>
  );
}
