import { Button } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INTERVENTION_KINDS, ISSUE_KINDS, ISSUE_SEVERITIES } from '../../../common/restructuring';
import type {
  Intervention,
  InterventionInput,
  Issue,
  IssueInput,
  Milestone,
  MilestoneInput,
} from '../../../common/taskforce';
import { ErrorAlert, fieldErrors } from '../../components/ErrorAlert';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/Field';

type FormProps<T, I> = {
  initial: T | null;
  error: unknown;
  pending: boolean;
  onSubmit: (body: I) => void;
  onCancel: () => void;
};

function Actions({ pending, onCancel }: { pending: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="d-flex gap-2 mt-3">
      <Button color="primary" type="submit" disabled={pending}>
        {t('common.save')}
      </Button>
      <Button color="secondary" outline type="button" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
    </div>
  );
}

/** An intervention's fields: the follow-up day, if any, comes on or after the day it was held. */
export function InterventionForm({
  initial,
  error,
  pending,
  onSubmit,
  onCancel,
}: FormProps<Intervention, InterventionInput>) {
  const { t } = useTranslation();
  const [v, setV] = useState({
    kind: initial?.kind ?? 'riunione',
    heldOn: initial?.heldOn ?? '',
    participants: initial?.participants ?? '',
    outcome: initial?.outcome ?? '',
    nextSteps: initial?.nextSteps ?? '',
    followUpOn: initial?.followUpOn ?? '',
    followUpDone: initial?.followUpDone ?? false,
  });
  const errs = fieldErrors(error);
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) =>
    setV({ ...v, [k]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit({ ...v, followUpOn: v.followUpOn || null });
  };
  return (
    <form onSubmit={submit} noValidate>
      <ErrorAlert error={error} />
      <SelectField
        id="iv-kind"
        label={t('taskforce.interventions.kind')}
        value={v.kind}
        onChange={set('kind')}
        error={errs.kind}
      >
        {INTERVENTION_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`taskforce.kind.${k}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        id="iv-held"
        type="date"
        required
        label={t('taskforce.interventions.heldOn')}
        value={v.heldOn}
        onChange={set('heldOn')}
        error={errs.heldOn}
      />
      <TextAreaField
        id="iv-participants"
        label={t('taskforce.interventions.participants')}
        value={v.participants}
        onChange={set('participants')}
        error={errs.participants}
        maxLength={2000}
      />
      <TextAreaField
        id="iv-outcome"
        label={t('taskforce.interventions.outcome')}
        value={v.outcome}
        onChange={set('outcome')}
        error={errs.outcome}
        maxLength={4000}
      />
      <TextAreaField
        id="iv-next"
        label={t('taskforce.interventions.nextSteps')}
        value={v.nextSteps}
        onChange={set('nextSteps')}
        error={errs.nextSteps}
        maxLength={4000}
      />
      <TextField
        id="iv-follow"
        type="date"
        label={t('taskforce.interventions.followUpOn')}
        hint={t('taskforce.interventions.followUpHint')}
        value={v.followUpOn}
        onChange={set('followUpOn')}
        error={errs.followUpOn}
      />
      <CheckboxField
        id="iv-done"
        label={t('taskforce.interventions.followUpDone')}
        checked={v.followUpDone}
        onChange={(c) => setV({ ...v, followUpDone: c })}
      />
      <Actions pending={pending} onCancel={onCancel} />
    </form>
  );
}

/** A risk or an open issue: kind, title, severity, owner among the task force, due day, state. */
export function IssueForm({
  initial,
  error,
  pending,
  onSubmit,
  onCancel,
  people,
}: FormProps<Issue, IssueInput> & { people: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const [v, setV] = useState({
    kind: initial?.kind ?? 'rischio',
    title: initial?.title ?? '',
    description: initial?.description ?? '',
    severity: initial?.severity ?? 'media',
    ownerId: initial?.owner?.id ?? '',
    dueOn: initial?.dueOn ?? '',
    state: initial?.state ?? 'aperta',
  });
  const errs = fieldErrors(error);
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) =>
    setV({ ...v, [k]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit({ ...v, ownerId: v.ownerId || null, dueOn: v.dueOn || null });
  };
  return (
    <form onSubmit={submit} noValidate>
      <ErrorAlert error={error} />
      <SelectField
        id="is-kind"
        label={t('taskforce.issues.kind')}
        value={v.kind}
        onChange={set('kind')}
        error={errs.kind}
      >
        {ISSUE_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`taskforce.issueKind.${k}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        id="is-title"
        required
        label={t('taskforce.issues.title')}
        value={v.title}
        onChange={set('title')}
        error={errs.title}
        maxLength={200}
      />
      <TextAreaField
        id="is-desc"
        label={t('taskforce.issues.description')}
        value={v.description}
        onChange={set('description')}
        error={errs.description}
        maxLength={4000}
      />
      <SelectField
        id="is-severity"
        label={t('taskforce.issues.severity')}
        value={v.severity}
        onChange={set('severity')}
        error={errs.severity}
      >
        {ISSUE_SEVERITIES.map((s) => (
          <option key={s} value={s}>
            {t(`taskforce.severity.${s}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        id="is-owner"
        label={t('taskforce.issues.owner')}
        value={v.ownerId}
        onChange={set('ownerId')}
        error={errs.ownerId}
      >
        <option value="">{t('taskforce.issues.noOwner')}</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </SelectField>
      <TextField
        id="is-due"
        type="date"
        label={t('taskforce.issues.dueOn')}
        value={v.dueOn}
        onChange={set('dueOn')}
        error={errs.dueOn}
      />
      <Actions pending={pending} onCancel={onCancel} />
    </form>
  );
}

/** A milestone: title and due day (marking it done is a button of the list). */
export function MilestoneForm({
  initial,
  error,
  pending,
  onSubmit,
  onCancel,
}: FormProps<Milestone, MilestoneInput>) {
  const { t } = useTranslation();
  const [v, setV] = useState({
    title: initial?.title ?? '',
    dueOn: initial?.dueOn ?? '',
    doneOn: initial?.doneOn ?? null,
  });
  const errs = fieldErrors(error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(v);
  };
  return (
    <form onSubmit={submit} noValidate>
      <ErrorAlert error={error} />
      <TextField
        id="ms-title"
        required
        label={t('taskforce.milestones.title')}
        value={v.title}
        onChange={(e) => setV({ ...v, title: e.target.value })}
        error={errs.title}
        maxLength={200}
      />
      <TextField
        id="ms-due"
        type="date"
        required
        label={t('taskforce.milestones.dueOn')}
        value={v.dueOn}
        onChange={(e) => setV({ ...v, dueOn: e.target.value })}
        error={errs.dueOn}
      />
      <Actions pending={pending} onCancel={onCancel} />
    </form>
  );
}
