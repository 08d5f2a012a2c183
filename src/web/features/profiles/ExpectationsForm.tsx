import { Button } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExpectationCompetency, ProfileExpectationsView } from '../../../common/profiles';
import { ErrorAlert, SuccessAlert } from '../../components/ErrorAlert';
import { local } from '../framework/labels';
import { useSaveLevels } from './api';

const LEVELS = [0, 1, 2, 3] as const;
const DESCRIBED = ['base', 'intermedio', 'avanzato'] as const;

/** "2 – Intermedio", or the text for no level. */
function useLevelName() {
  const { t } = useTranslation();
  return (level: number | null, none = t('profiles.notSet')) =>
    level === null ? none : `${level} – ${t(`profiles.level.${level}`)}`;
}

type Draft = Record<string, number | null>;

function LevelSelect({
  id,
  label,
  competency,
  value,
  empty,
  onChange,
}: {
  id: string;
  label: string;
  competency: string;
  value: number | null;
  empty: string;
  onChange: (level: number | null) => void;
}) {
  const name = useLevelName();
  return (
    <div className="select-wrapper form-group mb-0">
      <label htmlFor={id}>
        {label}
        <span className="visually-hidden"> – {competency}</span>
      </label>
      <select
        id={id}
        value={value === null ? '' : String(value)}
        onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
      >
        <option value="">{empty}</option>
        {LEVELS.map((l) => (
          <option key={l} value={l}>
            {name(l)}
          </option>
        ))}
      </select>
    </div>
  );
}

function CompetencyRow({
  c,
  unit,
  editable,
  value,
  changed,
  onChange,
}: {
  c: ExpectationCompetency;
  unit: boolean;
  editable: boolean;
  value: number | null;
  changed: boolean;
  onChange: (level: number | null) => void;
}) {
  const { t } = useTranslation();
  const name = useLevelName();
  const id = `level-${c.code}`;
  return (
    <li className={`border-bottom py-3${changed ? ' border-start border-4 border-primary ps-2' : ''}`}>
      <div className="row g-3 align-items-start">
        <div className="col-12 col-lg-6">
          <p className="mb-1">
            <span className="text-muted me-2">{c.code}</span>
            <strong>{local(c.name)}</strong>
          </p>
          <details>
            <summary>{t('profiles.levelsHelp')}</summary>
            <p className="small mt-2 mb-2">{local(c.description)}</p>
            <dl className="small mb-0">
              {DESCRIBED.map((level, i) => (
                <div key={level} className="mb-1">
                  <dt className="d-inline fw-semibold">{name(i + 1)}:</dt>{' '}
                  <dd className="d-inline mb-0">{local(c.levels[level])}</dd>
                </div>
              ))}
            </dl>
          </details>
        </div>
        <div className="col-12 col-sm-6 col-lg-3">
          {!unit && editable ? (
            <LevelSelect
              id={id}
              label={t('profiles.nationalLevel')}
              competency={local(c.name)}
              value={value}
              empty={t('profiles.notSet')}
              onChange={onChange}
            />
          ) : (
            <p className="mb-0">
              <span className="d-block small text-muted">{t('profiles.nationalLevel')}</span>
              {name(c.national)}
            </p>
          )}
        </div>
        {unit ? (
          <div className="col-12 col-sm-6 col-lg-3">
            {editable ? (
              <LevelSelect
                id={id}
                label={t('profiles.unitLevel')}
                competency={local(c.name)}
                value={value}
                empty={t('profiles.asNational')}
                onChange={onChange}
              />
            ) : (
              <p className="mb-0">
                <span className="d-block small text-muted">{t('profiles.unitLevel')}</span>
                {name(c.override, t('profiles.asNational'))}
              </p>
            )}
          </div>
        ) : null}
      </div>
    </li>
  );
}

/**
 * The levels of one profile, area by area (a fieldset each), for one scope: the national levels
 * (no unit) or a unit's overrides, next to the national level. Only the changed cells are sent, each
 * with the level shown when the page was loaded, so a colleague's save in between is not overwritten.
 */
export function ExpectationsForm({ view }: { view: ProfileExpectationsView }) {
  const { t } = useTranslation();
  const save = useSaveLevels();
  const unit = view.unit !== null;
  const editable = unit ? view.canEditUnit : view.canEditNational;
  const [draft, setDraft] = useState<Draft>({});
  const [saved, setSaved] = useState<number | null>(null);
  const stored = (c: ExpectationCompetency) => (unit ? c.override : c.national);
  const all = view.domains.flatMap((d) => d.areas.flatMap((a) => a.competencies));
  const changes = all
    .filter((c) => c.code in draft && draft[c.code] !== stored(c))
    .map((c) => ({ competencyCode: c.code, level: draft[c.code] ?? null, previous: stored(c) }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!changes.length) return;
    setSaved(null);
    save.mutate(
      { code: view.jobProfile.code, unit: view.unit?.id ?? null, levels: changes },
      {
        onSuccess: () => {
          setSaved(changes.length);
          setDraft({});
        },
      },
    );
  };
  const setArea = (codes: string[], level: number | null) =>
    setDraft((d) => ({ ...d, ...Object.fromEntries(codes.map((code) => [code, level])) }));

  if (!all.length) return <p>{t('profiles.noFramework')}</p>;
  return (
    <form onSubmit={submit} aria-labelledby="profiles-form-title" className="mt-4">
      <h2 id="profiles-form-title" className="h3">
        {unit
          ? t('profiles.formTitleUnit', { profile: local(view.jobProfile.name), unit: view.unit?.name })
          : t('profiles.formTitle', { profile: local(view.jobProfile.name) })}
      </h2>
      <p>
        {view.framework ? t('profiles.frameworkVersion', { version: view.framework.version }) : null}{' '}
        {editable ? (unit ? t('profiles.unitHelp') : t('profiles.nationalHelp')) : t('profiles.readOnly')}
      </p>
      <OrphanLevels view={view} />
      {view.domains.map((d) => (
        <section key={d.code} aria-labelledby={`profiles-domain-${d.code}`} className="mb-4">
          <h3 id={`profiles-domain-${d.code}`} className="h4 border-bottom pb-2">
            {local(d.name)}
          </h3>
          {d.areas.map((a) => (
            <fieldset key={a.code} className="mt-3">
              <legend className="h5 fw-semibold">
                <span className="text-muted me-2">{a.code}</span>
                {local(a.name)}
              </legend>
              {editable ? (
                <AreaSetter
                  id={`area-${a.code}`}
                  area={local(a.name)}
                  unit={unit}
                  onSet={(level) =>
                    setArea(
                      a.competencies.map((c) => c.code),
                      level,
                    )
                  }
                />
              ) : null}
              <ul className="list-unstyled mb-0">
                {a.competencies.map((c) => (
                  <CompetencyRow
                    key={c.code}
                    c={c}
                    unit={unit}
                    editable={editable}
                    value={c.code in draft ? (draft[c.code] ?? null) : stored(c)}
                    changed={c.code in draft && draft[c.code] !== stored(c)}
                    onChange={(level) => setDraft((prev) => ({ ...prev, [c.code]: level }))}
                  />
                ))}
              </ul>
            </fieldset>
          ))}
        </section>
      ))}
      {editable ? (
        <div className="position-sticky bottom-0 bg-white border-top py-3">
          <ErrorAlert error={save.error} />
          {saved !== null ? <SuccessAlert>{t('profiles.saved', { count: saved })}</SuccessAlert> : null}
          <div className="d-flex flex-wrap align-items-center gap-3">
            <Button type="submit" color="primary" disabled={save.isPending || !changes.length}>
              {save.isPending ? t('profiles.saving') : t('profiles.save')}
            </Button>
            <span aria-live="polite">
              {changes.length ? t('profiles.unsaved', { count: changes.length }) : t('profiles.noChanges')}
            </span>
            {changes.length ? (
              <Button type="button" color="secondary" outline onClick={() => setDraft({})}>
                {t('profiles.discard')}
              </Button>
            ) : null}
          </div>
        </div>
      ) : null}
    </form>
  );
}

/** Sets every competency of an area to one level (saved with the rest). */
function AreaSetter({
  id,
  area,
  unit,
  onSet,
}: {
  id: string;
  area: string;
  unit: boolean;
  onSet: (level: number | null) => void;
}) {
  const { t } = useTranslation();
  const name = useLevelName();
  const [value, setValue] = useState('keep');
  return (
    <div className="d-flex flex-wrap align-items-end gap-2 mb-2">
      <div className="select-wrapper form-group mb-0">
        <label htmlFor={id}>
          {t('profiles.wholeArea')}
          <span className="visually-hidden"> – {area}</span>
        </label>
        <select id={id} value={value} onChange={(e) => setValue(e.target.value)}>
          <option value="keep">{t('profiles.wholeAreaChoose')}</option>
          <option value="">{unit ? t('profiles.asNational') : t('profiles.notSet')}</option>
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {name(l)}
            </option>
          ))}
        </select>
      </div>
      <Button
        type="button"
        color="primary"
        outline
        size="sm"
        disabled={value === 'keep'}
        onClick={() => onSet(value === '' ? null : Number(value))}
      >
        {t('profiles.wholeAreaApply')}
        <span className="visually-hidden"> – {area}</span>
      </Button>
    </div>
  );
}

/** Levels kept for codes the published framework no longer has: shown so they can be removed. */
function OrphanLevels({ view }: { view: ProfileExpectationsView }) {
  const { t } = useTranslation();
  const save = useSaveLevels();
  if (!view.orphans.length) return null;
  const canRemove = (unitId: number | null) => (unitId === null ? view.canEditNational : view.canEditUnit);
  return (
    <section className="alert alert-warning" aria-labelledby="profiles-orphans">
      <h3 id="profiles-orphans" className="h5">
        {t('profiles.orphansTitle')}
      </h3>
      <p>{t('profiles.orphansHelp')}</p>
      <ErrorAlert error={save.error} />
      <ul className="mb-0">
        {view.orphans.map((o) => (
          <li key={`${o.competencyCode}-${o.unitId ?? 0}`} className="mb-2">
            {t(o.unitId === null ? 'profiles.orphanNational' : 'profiles.orphanUnit', {
              code: o.competencyCode,
              level: o.level,
            })}{' '}
            {canRemove(o.unitId) ? (
              <Button
                type="button"
                size="xs"
                color="danger"
                outline
                disabled={save.isPending}
                onClick={() =>
                  save.mutate({
                    code: view.jobProfile.code,
                    unit: o.unitId,
                    levels: [{ competencyCode: o.competencyCode, level: null, previous: o.level }],
                  })
                }
              >
                {t('profiles.orphanRemove', { code: o.competencyCode })}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
