import { Button } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Register, RegisterBody } from '../../../common/attendance';
import { ErrorAlert, pathErrors } from '../../components/ErrorAlert';
import { focusFirstInvalid, TextField } from '../../components/Field';
import type { useSaveRegister } from './api';
import { formatMinutes } from './format';

type Person = Register['people'][number];
type Choice = 'present' | 'absent' | '';
type Draft = {
  choice: Choice;
  late: string;
  early: string;
  /** Shown from another source's minutes and not changed here: not sent, so not overwritten. */
  fromLedger?: boolean;
};

/**
 * A row the register itself wrote is shown as it was filled in. Minutes from another source (QR check-in,
 * webinar report, online module, logbook) are in the ledger too: the person is shown present (absent
 * when the source found no minutes) and counts as marked, and saving leaves those minutes alone unless
 * the trainer changes the row (`fromLedger`).
 */
function draftOf(p: Person): Draft {
  const a = p.attendance;
  if (!a) return { choice: '', late: '0', early: '0' };
  if (a.source !== 'register')
    return { choice: a.minutes > 0 ? 'present' : 'absent', late: '0', early: '0', fromLedger: true };
  const d = (a.detail ?? {}) as { present?: boolean; late?: number; early?: number };
  return {
    choice: d.present === false || (d.present === undefined && a.minutes === 0) ? 'absent' : 'present',
    late: String(d.late ?? 0),
    early: String(d.early ?? 0),
  };
}

const initial = (r: Register) => Object.fromEntries(r.people.map((p) => [p.userId, draftOf(p)]));

function wholeMinutes(v: string): number | null {
  if (v.trim() === '') return 0;
  const n = Number(v);
  return Number.isInteger(n) && n >= 0 ? n : null;
}

/** One person's presence: the choice as two radio buttons, then the minutes missed when present. */
function PersonRow({
  person,
  draft,
  set,
  errors,
  disabled,
}: {
  person: Person;
  draft: Draft;
  set: (patch: Partial<Draft>) => void;
  errors: Record<string, string>;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const id = (name: string) => `register-${person.userId}-${name}`;
  const a = person.attendance;
  const choiceError = errors[`${person.userId}.choice`];
  return (
    <li className="border-bottom py-3">
      <fieldset aria-describedby={a ? id('recorded') : undefined}>
        <legend className="h6 mb-1">
          {person.name}
          {person.unitName ? <span className="fw-normal small"> — {person.unitName}</span> : null}
        </legend>
        {a ? (
          <p id={id('recorded')} className="small mb-2">
            {t('register.recorded', {
              minutes: formatMinutes(a.minutes),
              source: t(`attendanceSource.${a.source}`),
            })}
          </p>
        ) : null}
        <div className="d-flex flex-wrap gap-3 mb-2">
          {(['present', 'absent'] as const).map((c) => (
            <div key={c} className="form-check form-check-inline mb-0">
              <input
                type="radio"
                id={id(c)}
                name={id('choice')}
                value={c}
                checked={draft.choice === c}
                disabled={disabled}
                aria-invalid={choiceError ? true : undefined}
                onChange={() => set({ choice: c })}
              />
              <label htmlFor={id(c)}>{t(`register.${c}`)}</label>
            </div>
          ))}
        </div>
        <div className="row g-2">
          <div className="col-6 col-md-4 col-lg-3">
            <TextField
              id={id('late')}
              type="number"
              inputMode="numeric"
              min={0}
              step={1}
              label={t('register.late')}
              value={draft.late}
              disabled={disabled || draft.choice !== 'present'}
              onChange={(e) => set({ late: e.target.value })}
              error={errors[`${person.userId}.late`]}
              className="mb-0"
            />
          </div>
          <div className="col-6 col-md-4 col-lg-3">
            <TextField
              id={id('early')}
              type="number"
              inputMode="numeric"
              min={0}
              step={1}
              label={t('register.early')}
              value={draft.early}
              disabled={disabled || draft.choice !== 'present'}
              onChange={(e) => set({ early: e.target.value })}
              error={errors[`${person.userId}.early`]}
              className="mb-0"
            />
          </div>
        </div>
      </fieldset>
    </li>
  );
}

/**
 * The register of a session, made for a phone: one block per enrolled person, saved at once. Only the
 * people marked present or absent are sent.
 */
export function RegisterForm({
  register,
  save,
  onSaved,
}: {
  register: Register;
  /** Owned by the page: saving gives new data, which mounts a fresh form, and the outcome must outlive this one. */
  save: ReturnType<typeof useSaveRegister>;
  onSaved: (counts: { present: number; absent: number }) => void;
}) {
  const { t } = useTranslation();
  const session = register.session;
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() => initial(register));
  const [local, setLocal] = useState<Record<string, string>>({});
  const [sent, setSent] = useState<string[]>([]);
  const closed = session.status === 'cancelled' || session.editionStatus === 'cancelled';
  const disabled = !register.started || closed;

  const draftOfPerson = (userId: string): Draft => drafts[userId] ?? { choice: '', late: '0', early: '0' };
  const set = (userId: string, patch: Partial<Draft>) =>
    setDrafts({ ...drafts, [userId]: { ...draftOfPerson(userId), ...patch, fromLedger: false } });
  const counts = { present: 0, absent: 0, open: 0 };
  for (const p of register.people) {
    const c = draftOfPerson(p.userId).choice;
    if (c === 'present') counts.present++;
    else if (c === 'absent') counts.absent++;
    else counts.open++;
  }

  // The server names a field by the entry's index in what was sent: map it back to the person.
  const serverErrors: Record<string, string> = {};
  for (const [path, message] of Object.entries(pathErrors(save.error))) {
    const m = /^entries\.(\d+)\.(lateMinutes|leftEarlyMinutes|userId)$/.exec(path);
    const userId = m ? sent[Number(m[1])] : undefined;
    if (!m || !userId) continue;
    const field = m[2] === 'leftEarlyMinutes' ? 'early' : m[2] === 'userId' ? 'choice' : 'late';
    serverErrors[`${userId}.${field}`] = message;
  }
  const errors = { ...serverErrors, ...local };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    const entries: RegisterBody['entries'] = [];
    for (const p of register.people) {
      const d = draftOfPerson(p.userId);
      if (!d.choice || d.fromLedger) continue;
      const late = d.choice === 'present' ? wholeMinutes(d.late) : 0;
      const early = d.choice === 'present' ? wholeMinutes(d.early) : 0;
      if (late === null) problems[`${p.userId}.late`] = t('register.errors.minutes');
      if (early === null) problems[`${p.userId}.early`] = t('register.errors.minutes');
      if (late !== null && early !== null && late + early > session.lengthMinutes)
        problems[`${p.userId}.late`] = t('register.errors.tooLong', { length: session.lengthMinutes });
      entries.push({
        userId: p.userId,
        present: d.choice === 'present',
        lateMinutes: late ?? 0,
        leftEarlyMinutes: early ?? 0,
      });
    }
    if (entries.length === 0)
      problems.none = counts.open > 0 ? t('register.errors.none') : t('register.errors.unchanged');
    setLocal(problems);
    if (Object.keys(problems).length > 0) {
      focusFirstInvalid();
      if (problems.none) window.setTimeout(() => document.getElementById('register-none')?.focus(), 0);
      return;
    }
    setSent(entries.map((x) => x.userId));
    save.mutate(
      { entries },
      {
        onSuccess: () =>
          onSaved({
            present: entries.filter((x) => x.present).length,
            absent: entries.filter((x) => !x.present).length,
          }),
      },
    );
  };

  if (register.people.length === 0) return <p>{t('register.nobody')}</p>;
  return (
    <form onSubmit={submit} noValidate aria-label={t('register.formLabel')}>
      {!register.started ? (
        <div className="alert alert-info" role="note">
          {t('register.notStarted')}
        </div>
      ) : null}
      {closed ? (
        <div className="alert alert-warning" role="note">
          {t('register.cancelled')}
        </div>
      ) : null}
      <div className="d-flex flex-wrap align-items-center gap-3 mb-2">
        <Button
          type="button"
          color="primary"
          outline
          size="sm"
          disabled={disabled}
          onClick={() =>
            setDrafts(
              Object.fromEntries(
                register.people.map((p) => {
                  const d = draftOfPerson(p.userId);
                  // Someone already present from another source stays as that source recorded them.
                  return [
                    p.userId,
                    d.choice === 'present' ? d : { ...d, choice: 'present', fromLedger: false },
                  ];
                }),
              ),
            )
          }
        >
          {t('register.allPresent')}
        </Button>
        <p className="mb-0 small" aria-live="polite">
          {t('register.counts', counts)}
        </p>
      </div>
      <p className="small mb-0">{t('register.hint', { length: formatMinutes(session.lengthMinutes) })}</p>
      <ul className="list-unstyled mb-4">
        {register.people.map((p) => (
          <PersonRow
            key={p.userId}
            person={p}
            draft={draftOfPerson(p.userId)}
            set={(patch) => set(p.userId, patch)}
            errors={errors}
            disabled={disabled}
          />
        ))}
      </ul>
      {local.none ? (
        <div id="register-none" tabIndex={-1} className="alert alert-danger" role="alert">
          {local.none}
        </div>
      ) : null}
      <ErrorAlert error={save.error} />
      <Button type="submit" color="primary" disabled={disabled || save.isPending}>
        {save.isPending ? t('register.saving') : t('register.save')}
      </Button>
    </form>
  );
}
