import { Button } from 'design-react-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DELIVERY_MODES,
  type DeliveryMode,
  type Session,
  type SessionInput,
} from '../../../common/catalogue';
import { checkRomeTime, romeFields, romeIso } from '../../../common/rome-time';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField, TextField } from '../../components/Field';
import { useCheckedForm } from '../../components/useCheckedForm';

type Draft = {
  title: string;
  startDay: string;
  startTime: string;
  endDay: string;
  endTime: string;
  mode: string;
  room: string;
  onlineUrl: string;
  trainerId: string;
};

function toDraft(s: Session | null, defaultDay: string): Draft {
  const start = romeFields(s?.startsAt);
  const end = romeFields(s?.endsAt);
  return {
    title: s?.title ?? '',
    startDay: start.date || defaultDay,
    startTime: start.time || '09:30',
    endDay: end.date || defaultDay,
    endTime: end.time || '13:00',
    mode: s?.mode ?? 'aula',
    room: s?.room ?? '',
    onlineUrl: s?.onlineUrl ?? '',
    trainerId: s?.trainerId ?? '',
  };
}

function check(d: Draft, t: (k: string) => string): { input?: SessionInput; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const timeError = (problem: 'invalid' | 'skipped') =>
    t(problem === 'skipped' ? 'editionForm.errors.skippedHour' : 'editionForm.errors.instant');
  if (d.title.trim().length < 2) errors.title = t('sessionForm.errors.title');
  const start = checkRomeTime(d.startDay, d.startTime);
  const end = checkRomeTime(d.endDay, d.endTime);
  const startsAt = start.ok ? romeIso(start.instant) : undefined;
  const endsAt = end.ok ? romeIso(end.instant) : undefined;
  if (!start.ok) errors.startsAt = timeError(start.problem);
  if (!end.ok) errors.endsAt = timeError(end.problem);
  else if (start.ok && end.instant <= start.instant) errors.endsAt = t('sessionForm.errors.endsBefore');
  const url = d.onlineUrl.trim();
  if (url && !/^https?:\/\/\S+$/.test(url)) errors.onlineUrl = t('sessionForm.errors.url');
  if (Object.keys(errors).length > 0 || !startsAt || !endsAt) return { errors };
  return {
    errors,
    input: {
      title: d.title.trim(),
      startsAt,
      endsAt,
      mode: d.mode as DeliveryMode,
      room: d.room.trim() || null,
      onlineUrl: url || null,
      trainerId: d.trainerId || null,
    },
  };
}

/** Adds or edits one session; day and times are Rome time, turned into instants with the right offset. */
export function SessionForm({
  session,
  defaultDay,
  trainers,
  onSubmit,
  onCancel,
  pending,
  error,
}: {
  session: Session | null;
  defaultDay: string;
  trainers: { id: string; name: string }[];
  onSubmit: (input: SessionInput) => void;
  onCancel: () => void;
  pending: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  // The end day follows the start day until someone changes it (most sessions last a few hours).
  const [endTouched, setEndTouched] = useState(session !== null);
  const {
    draft: d,
    set,
    errors,
    submit,
  } = useCheckedForm({
    initial: () => toDraft(session, defaultDay),
    check: (draft: Draft) => check(draft, t),
    onSubmit,
    serverError: error,
  });
  const prefix = session ? `session-${session.id}` : 'session-new';

  return (
    <form onSubmit={submit} noValidate aria-label={session ? t('sessionForm.edit') : t('sessionForm.add')}>
      <ErrorAlert error={error} />
      <div className="row">
        <div className="col-12 col-lg-6">
          <TextField
            id={`${prefix}-title`}
            label={t('sessionForm.title')}
            required
            value={d.title}
            onChange={(e) => set({ title: e.target.value })}
            error={errors.title}
          />
        </div>
        <div className="col-6 col-lg-3">
          <SelectField
            id={`${prefix}-mode`}
            label={t('training.mode')}
            value={d.mode}
            onChange={(e) => set({ mode: e.target.value })}
            error={errors.mode}
          >
            {DELIVERY_MODES.map((m) => (
              <option key={m} value={m}>
                {t(`modes.${m}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-6 col-lg-3">
          <TextField
            id={`${prefix}-room`}
            label={t('training.room')}
            value={d.room}
            onChange={(e) => set({ room: e.target.value })}
            error={errors.room}
          />
        </div>
      </div>
      <div className="row">
        <div className="col-6 col-lg-3">
          <TextField
            id={`${prefix}-start-day`}
            type="date"
            label={t('sessionForm.startDay')}
            required
            value={d.startDay}
            onChange={(e) =>
              set({ startDay: e.target.value, ...(endTouched ? {} : { endDay: e.target.value }) })
            }
            error={errors.startsAt}
          />
        </div>
        <div className="col-6 col-lg-3">
          <TextField
            id={`${prefix}-start-time`}
            type="time"
            label={t('sessionForm.startTime')}
            required
            value={d.startTime}
            onChange={(e) => set({ startTime: e.target.value })}
          />
        </div>
        <div className="col-6 col-lg-3">
          <TextField
            id={`${prefix}-end-day`}
            type="date"
            label={t('sessionForm.endDay')}
            required
            value={d.endDay}
            onChange={(e) => {
              setEndTouched(true);
              set({ endDay: e.target.value });
            }}
            error={errors.endsAt}
          />
        </div>
        <div className="col-6 col-lg-3">
          <TextField
            id={`${prefix}-end-time`}
            type="time"
            label={t('sessionForm.endTime')}
            required
            value={d.endTime}
            onChange={(e) => set({ endTime: e.target.value })}
          />
        </div>
      </div>
      <p className="small mt-2 mb-0">{t('sessionForm.romeTime')}</p>
      <div className="row">
        <div className="col-12 col-lg-8">
          <TextField
            id={`${prefix}-url`}
            type="url"
            label={t('sessionForm.onlineUrl')}
            hint={t('sessionForm.onlineUrlHint')}
            placeholder="https://"
            value={d.onlineUrl}
            onChange={(e) => set({ onlineUrl: e.target.value })}
            error={errors.onlineUrl}
          />
        </div>
        <div className="col-12 col-lg-4">
          <SelectField
            id={`${prefix}-trainer`}
            label={t('sessionForm.trainer')}
            value={d.trainerId}
            onChange={(e) => set({ trainerId: e.target.value })}
            error={errors.trainerId}
          >
            <option value="">{t('sessionForm.noTrainer')}</option>
            {trainers.map((tr) => (
              <option key={tr.id} value={tr.id}>
                {tr.name}
              </option>
            ))}
          </SelectField>
        </div>
      </div>
      <div className="d-flex gap-2 mt-4">
        <Button type="submit" color="primary" disabled={pending}>
          {session ? t('common.save') : t('sessionForm.addSubmit')}
        </Button>
        <Button type="button" color="secondary" outline onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
