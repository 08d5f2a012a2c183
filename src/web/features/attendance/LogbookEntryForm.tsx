import { Button } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import type { LogbookEntry, LogbookInput } from '../../../common/attendance';
import { isIsoDate, romeToday } from '../../../common/rome-time';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextAreaField, TextField } from '../../components/Field';
import { formatDate } from '../../components/format';
import { useCheckedForm } from '../../components/useCheckedForm';

type Draft = { day: string; hours: string; activities: string };

const draftOf = (e: LogbookEntry | null): Draft => ({
  day: e?.day ?? romeToday(),
  hours: e ? String(e.minutes / 60) : '',
  activities: e?.activities ?? '',
});

/** Hours as people type them ("1,5", "2.25") → minutes, in quarters of an hour; null when not such a number. */
export function hoursToMinutes(value: string): number | null {
  const n = Number(value.trim().replace(',', '.'));
  if (!value.trim() || !Number.isFinite(n) || n <= 0 || n > 24) return null;
  const quarters = n * 4;
  return Number.isInteger(quarters) ? quarters * 15 : null;
}

function check(d: Draft, t: (k: string) => string): { input?: LogbookInput; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (!isIsoDate(d.day)) errors.day = t('logbook.errors.day');
  else if (d.day > romeToday()) errors.day = t('logbook.errors.future');
  const minutes = hoursToMinutes(d.hours);
  if (minutes === null) errors.minutes = t('logbook.errors.hours');
  const activities = d.activities.trim();
  if (activities.length < 5) errors.activities = t('logbook.errors.activities');
  if (Object.keys(errors).length > 0 || minutes === null) return { errors };
  return { errors, input: { day: d.day, minutes, activities } };
}

/** A day of affiancamento: the day, the hours (in quarters of an hour) and what was done. */
export function LogbookEntryForm({
  entry,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  entry: LogbookEntry | null;
  pending: boolean;
  error: unknown;
  onSubmit: (input: LogbookInput) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const form = useCheckedForm<Draft, LogbookInput>({
    initial: () => draftOf(entry),
    check: (d) => check(d, t),
    onSubmit,
    serverError: error,
  });
  const { draft, set, errors } = form;
  const prefix = entry ? `logbook-edit-${entry.id}` : 'logbook-new';
  return (
    <form
      onSubmit={form.submit}
      noValidate
      aria-label={entry ? t('logbook.editTitle', { day: formatDate(entry.day) }) : t('logbook.add')}
    >
      <ErrorAlert error={error} />
      <div className="row">
        <div className="col-12 col-md-6 col-lg-4">
          <TextField
            id={`${prefix}-day`}
            type="date"
            required
            max={romeToday()}
            label={t('logbook.day')}
            value={draft.day}
            onChange={(e) => set({ day: e.target.value })}
            error={errors.day}
          />
        </div>
        <div className="col-12 col-md-6 col-lg-4">
          <TextField
            id={`${prefix}-hours`}
            type="number"
            inputMode="decimal"
            required
            min={0.25}
            max={24}
            step={0.25}
            label={t('logbook.hours')}
            hint={t('logbook.hoursHint')}
            value={draft.hours}
            onChange={(e) => set({ hours: e.target.value })}
            error={errors.minutes}
          />
        </div>
      </div>
      <TextAreaField
        id={`${prefix}-activities`}
        required
        maxLength={2000}
        rows={4}
        label={t('logbook.activities')}
        hint={t('logbook.activitiesHint')}
        value={draft.activities}
        onChange={(e) => set({ activities: e.target.value })}
        error={errors.activities}
      />
      <div className="d-flex flex-wrap gap-2">
        <Button type="submit" color="primary" disabled={pending}>
          {entry ? t('logbook.saveEdit') : t('logbook.saveNew')}
        </Button>
        {onCancel ? (
          <Button type="button" color="secondary" outline onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
