import { Button } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import type { Agreement } from '../../../common/catalogue';
import { isIsoDate } from '../../../common/rome-time';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ChoiceField, codeChoices, TextAreaField, TextField } from '../../components/Field';
import { useCheckedForm } from '../../components/useCheckedForm';
import { useReferenceNames } from '../training/labels';
import { useUnitChoices } from '../units/api';
import type { AgreementInput } from './api';

type Draft = {
  unitId: string;
  serviceModelCode: string;
  signedOn: string;
  actReference: string;
  validFrom: string;
  validTo: string;
  notes: string;
};

function toDraft(a: Agreement | null): Draft {
  return {
    unitId: a ? String(a.unitId) : '',
    serviceModelCode: a?.serviceModelCode ?? '',
    signedOn: a?.signedOn ?? '',
    actReference: a?.actReference ?? '',
    validFrom: a?.validFrom ?? '',
    validTo: a?.validTo ?? '',
    notes: a?.notes ?? '',
  };
}

function check(
  d: Draft,
  t: (k: string) => string,
): { input?: AgreementInput; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (!d.unitId) errors.unitId = t('agreements.errors.unit');
  if (!d.serviceModelCode) errors.serviceModelCode = t('agreements.errors.serviceModel');
  if (!isIsoDate(d.signedOn)) errors.signedOn = t('editionForm.errors.day');
  if (d.actReference.trim().length < 2) errors.actReference = t('agreements.errors.act');
  if (!isIsoDate(d.validFrom)) errors.validFrom = t('editionForm.errors.day');
  if (d.validTo && !isIsoDate(d.validTo)) errors.validTo = t('editionForm.errors.day');
  else if (d.validTo && d.validFrom && d.validTo < d.validFrom)
    errors.validTo = t('agreements.errors.validTo');
  if (Object.keys(errors).length > 0) return { errors };
  return {
    errors,
    input: {
      unitId: Number(d.unitId),
      serviceModelCode: d.serviceModelCode,
      signedOn: d.signedOn,
      actReference: d.actReference.trim(),
      validFrom: d.validFrom,
      validTo: d.validTo || null,
      notes: d.notes.trim() || null,
    },
  };
}

export function AgreementForm({
  agreement,
  onSubmit,
  onCancel,
  pending,
  error,
}: {
  agreement: Agreement | null;
  onSubmit: (input: AgreementInput) => void;
  onCancel: () => void;
  pending: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  const { reference } = useReferenceNames();
  const { units } = useUnitChoices();
  const {
    draft: d,
    set,
    errors,
    submit,
  } = useCheckedForm({
    initial: () => toDraft(agreement),
    check: (draft: Draft) => check(draft, t),
    onSubmit,
    serverError: error,
  });
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={agreement ? t('agreements.editTitle') : t('agreements.create')}
    >
      <ErrorAlert error={error} />
      <div className="row">
        <div className="col-12 col-md-6">
          <ChoiceField
            id="agreement-unit"
            label={t('agreements.unit')}
            required
            value={d.unitId}
            onChange={(e) => set({ unitId: e.target.value })}
            error={errors.unitId}
            empty={t('pathForm.choose')}
            choices={units}
          />
        </div>
        <div className="col-12 col-md-6">
          <ChoiceField
            id="agreement-service-model"
            label={t('training.serviceModel')}
            required
            value={d.serviceModelCode}
            onChange={(e) => set({ serviceModelCode: e.target.value })}
            error={errors.serviceModelCode}
            empty={t('pathForm.choose')}
            choices={codeChoices(reference?.serviceModels)}
          />
        </div>
        <div className="col-12 col-md-6">
          <TextField
            id="agreement-act"
            label={t('agreements.actReference')}
            hint={t('agreements.actHint')}
            required
            value={d.actReference}
            onChange={(e) => set({ actReference: e.target.value })}
            error={errors.actReference}
          />
        </div>
        <div className="col-12 col-md-6">
          <TextField
            id="agreement-signed"
            type="date"
            label={t('agreements.signedOn')}
            required
            value={d.signedOn}
            onChange={(e) => set({ signedOn: e.target.value, validFrom: d.validFrom || e.target.value })}
            error={errors.signedOn}
          />
        </div>
        <div className="col-6">
          <TextField
            id="agreement-from"
            type="date"
            label={t('agreements.validFrom')}
            required
            value={d.validFrom}
            onChange={(e) => set({ validFrom: e.target.value })}
            error={errors.validFrom}
          />
        </div>
        <div className="col-6">
          <TextField
            id="agreement-to"
            type="date"
            label={t('agreements.validTo')}
            hint={t('agreements.validToHint')}
            value={d.validTo}
            min={d.validFrom || undefined}
            onChange={(e) => set({ validTo: e.target.value })}
            error={errors.validTo}
          />
        </div>
      </div>
      <TextAreaField
        id="agreement-notes"
        label={t('agreements.notes')}
        rows={3}
        value={d.notes}
        onChange={(e) => set({ notes: e.target.value })}
        error={errors.notes}
      />
      <div className="d-flex gap-2 mt-4">
        <Button type="submit" color="primary" disabled={pending}>
          {agreement ? t('common.save') : t('agreements.submit')}
        </Button>
        <Button type="button" color="secondary" outline onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
