import { useTranslation } from 'react-i18next';
import type { Edition, EditionInput } from '../../../common/catalogue';
import { checkRomeTime, romeFields, romeIso } from '../../../common/rome-time';
import { CheckboxField, TextField } from '../../components/Field';

/** The edition's enrolment and completion rules, as the edition form edits them. */
export type SettingsDraft = {
  approvalRequired: boolean;
  minAttendancePct: string;
  finalTestRequired: boolean;
  cancelDay: string;
  cancelTime: string;
};
type Settings = Pick<
  EditionInput,
  'approvalRequired' | 'minAttendancePct' | 'finalTestRequired' | 'cancellationClosesAt'
>;

export function settingsDraft(e: Edition | null): SettingsDraft {
  const deadline = romeFields(e?.cancellationClosesAt);
  return {
    approvalRequired: e?.approvalRequired ?? false,
    minAttendancePct: String(e?.minAttendancePct ?? 75),
    finalTestRequired: e?.finalTestRequired ?? false,
    cancelDay: deadline.date,
    cancelTime: deadline.time,
  };
}

export function checkSettings(
  d: SettingsDraft,
  t: (k: string) => string,
): { input?: Settings; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const pct = Number(d.minAttendancePct);
  if (d.minAttendancePct.trim() === '' || !Number.isInteger(pct) || pct < 1 || pct > 100)
    errors.minAttendancePct = t('editionSettings.errors.pct');
  let deadline: string | null = null;
  // No day, no deadline: learners may then cancel until the edition starts.
  if (d.cancelDay) {
    const at = checkRomeTime(d.cancelDay, d.cancelTime);
    if (at.ok) deadline = romeIso(at.instant);
    else
      errors.cancellationClosesAt = t(
        at.problem === 'skipped' ? 'editionForm.errors.skippedHour' : 'editionSettings.errors.deadline',
      );
  }
  if (Object.keys(errors).length > 0) return { errors };
  return {
    errors,
    input: {
      approvalRequired: d.approvalRequired,
      minAttendancePct: pct,
      finalTestRequired: d.finalTestRequired,
      cancellationClosesAt: deadline,
    },
  };
}

export function EditionSettingsFields({
  idPrefix,
  draft: d,
  set,
  errors,
}: {
  idPrefix: string;
  draft: SettingsDraft;
  set: (patch: Partial<SettingsDraft>) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <fieldset className="mt-4">
      <legend className="h6">{t('editionSettings.legend')}</legend>
      <CheckboxField
        id={id('approval')}
        label={t('editionSettings.approvalRequired')}
        checked={d.approvalRequired}
        onChange={(approvalRequired) => set({ approvalRequired })}
      />
      <CheckboxField
        id={id('final-test')}
        label={t('editionSettings.finalTestRequired')}
        checked={d.finalTestRequired}
        onChange={(finalTestRequired) => set({ finalTestRequired })}
      />
      <div className="row mt-4">
        <div className="col-12 col-lg-4">
          <TextField
            id={id('min-attendance')}
            type="number"
            min={1}
            max={100}
            step={1}
            required
            label={t('editionSettings.minAttendancePct')}
            hint={t('editionSettings.minAttendanceHint')}
            value={d.minAttendancePct}
            onChange={(e) => set({ minAttendancePct: e.target.value })}
            error={errors.minAttendancePct}
          />
        </div>
        <div className="col-12 col-lg-8">
          <fieldset aria-describedby={id('deadline-hint')}>
            <legend className="h6 mb-0">{t('editionSettings.deadline')}</legend>
            <p id={id('deadline-hint')} className="small mb-0">
              {t('editionSettings.deadlineHint')}
            </p>
            <div className="row">
              <div className="col-7">
                <TextField
                  id={id('deadline-day')}
                  type="date"
                  label={t('editionForm.day')}
                  value={d.cancelDay}
                  onChange={(e) => set({ cancelDay: e.target.value, cancelTime: d.cancelTime || '23:59' })}
                  error={errors.cancellationClosesAt}
                />
              </div>
              <div className="col-5">
                <TextField
                  id={id('deadline-time')}
                  type="time"
                  label={t('editionForm.timeRome')}
                  value={d.cancelTime}
                  onChange={(e) => set({ cancelTime: e.target.value })}
                />
              </div>
            </div>
          </fieldset>
        </div>
      </div>
    </fieldset>
  );
}
