import { Button } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import {
  DELIVERY_MODES,
  type DeliveryMode,
  ELIGIBILITY,
  LEVELS,
  type PathInput,
  type TrainingPath,
} from '../../../common/catalogue';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/Field';
import { useCheckedForm } from '../../components/useCheckedForm';
import { useReferenceNames } from '../training/labels';
import { type MaterialDraft, MaterialsEditor, type ModuleDraft, ModulesEditor, rowKey } from './ListEditors';
import { UnitPicker } from './UnitPicker';

type Draft = {
  slug: string;
  title: string;
  summary: string;
  objectives: string;
  domainCode: string;
  serviceModelCode: string;
  level: string;
  competencies: string;
  targetJobProfiles: string[];
  totalHours: string;
  deliveryModes: DeliveryMode[];
  eligibility: string;
  unitIds: number[];
  materials: MaterialDraft[];
  modules: ModuleDraft[];
};

function toDraft(p: TrainingPath | null): Draft {
  return {
    slug: p?.slug ?? '',
    title: p?.title ?? '',
    summary: p?.summary ?? '',
    objectives: p?.objectives ?? '',
    domainCode: p?.domainCode ?? '',
    serviceModelCode: p?.serviceModelCode ?? '',
    level: p?.level ?? 'base',
    competencies: (p?.competencies ?? []).join('\n'),
    targetJobProfiles: p?.targetJobProfiles ?? [],
    totalHours: p ? String(p.totalHours) : '',
    deliveryModes: p?.deliveryModes ?? [],
    eligibility: p?.eligibility ?? 'all',
    unitIds: p?.unitIds ?? [],
    materials: (p?.materials ?? []).map((m) => ({ key: rowKey(), ...m })),
    modules: [...(p?.modules ?? [])]
      .sort((a, b) => a.position - b.position)
      .map((m) => ({
        key: rowKey(),
        title: m.title,
        description: m.description,
        hours: String(m.hours),
        mode: m.mode,
      })),
  };
}

const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s.replace(',', '.')));

function toInput(d: Draft, editing: boolean): PathInput {
  return {
    // A new path may leave the slug to the server (made from the title); an existing one keeps its own.
    ...(d.slug.trim() || editing ? { slug: d.slug.trim() } : {}),
    title: d.title.trim(),
    summary: d.summary.trim(),
    objectives: d.objectives.trim(),
    domainCode: d.domainCode,
    serviceModelCode: d.serviceModelCode || null,
    level: d.level as PathInput['level'],
    competencies: d.competencies
      .split('\n')
      .map((c) => c.trim())
      .filter(Boolean),
    targetJobProfiles: d.targetJobProfiles,
    totalHours: num(d.totalHours),
    deliveryModes: d.deliveryModes,
    eligibility: d.eligibility as PathInput['eligibility'],
    unitIds: d.eligibility === 'units' ? d.unitIds : [],
    materials: d.materials
      .filter((m) => m.title.trim() || m.url.trim())
      .map((m) => ({ title: m.title.trim(), url: m.url.trim() })),
    modules: d.modules.map((m) => ({
      title: m.title.trim(),
      description: m.description.trim(),
      hours: num(m.hours),
      mode: m.mode as DeliveryMode,
    })),
  };
}

/** What the browser can tell before asking the server (which checks everything again). */
function localErrors(d: Draft, t: (k: string) => string): Record<string, string> {
  const e: Record<string, string> = {};
  if (d.title.trim().length < 3) e.title = t('pathForm.errors.title');
  if (d.summary.trim().length < 10) e.summary = t('pathForm.errors.summary');
  if (!d.domainCode) e.domainCode = t('pathForm.errors.domain');
  if (!(num(d.totalHours) > 0)) e.totalHours = t('pathForm.errors.hours');
  if (d.deliveryModes.length === 0) e.deliveryModes = t('pathForm.errors.modes');
  if (d.eligibility === 'agreement' && !d.serviceModelCode) e.eligibility = t('pathForm.errors.agreement');
  if (d.eligibility === 'units' && d.unitIds.length === 0) e.unitIds = t('pathForm.errors.units');
  d.modules.forEach((m, i) => {
    if (m.title.trim().length < 2) e[`modules.${i}.title`] = t('pathForm.errors.moduleTitle');
    if (!(num(m.hours) > 0)) e[`modules.${i}.hours`] = t('pathForm.errors.hours');
  });
  return e;
}

export function PathForm({
  path,
  onSubmit,
  pending,
  error,
}: {
  path: TrainingPath | null;
  onSubmit: (input: PathInput) => void;
  pending: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  const { reference } = useReferenceNames();
  const {
    draft: d,
    set,
    errors,
    clientErrors,
    submit,
  } = useCheckedForm({
    initial: () => toDraft(path),
    check: (draft: Draft) => {
      const problems = localErrors(draft, t);
      return {
        errors: problems,
        input: Object.keys(problems).length ? undefined : toInput(draft, path !== null),
      };
    },
    onSubmit,
    serverError: error,
  });

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={path ? t('pathForm.editLabel') : t('pathForm.createLabel')}
    >
      <ErrorAlert error={error} />
      {Object.keys(clientErrors).length > 0 ? (
        <div className="alert alert-danger" role="alert">
          {t('pathForm.fixErrors')}
        </div>
      ) : null}
      <div className="row">
        <div className="col-12 col-lg-8">
          <TextField
            id="path-title"
            label={t('pathForm.title')}
            required
            value={d.title}
            onChange={(e) => set({ title: e.target.value })}
            error={errors.title}
          />
        </div>
        <div className="col-12 col-lg-4">
          <TextField
            id="path-slug"
            label={t('pathForm.slug')}
            hint={t('pathForm.slugHint')}
            value={d.slug}
            onChange={(e) => set({ slug: e.target.value })}
            error={errors.slug}
          />
        </div>
      </div>
      <TextAreaField
        id="path-summary"
        label={t('pathForm.summary')}
        required
        rows={3}
        value={d.summary}
        onChange={(e) => set({ summary: e.target.value })}
        error={errors.summary}
      />
      <TextAreaField
        id="path-objectives"
        label={t('training.objectives')}
        rows={4}
        value={d.objectives}
        onChange={(e) => set({ objectives: e.target.value })}
        error={errors.objectives}
      />
      <div className="row">
        <div className="col-12 col-md-6 col-lg-3">
          <SelectField
            id="path-domain"
            label={t('training.domain')}
            required
            value={d.domainCode}
            onChange={(e) => set({ domainCode: e.target.value })}
            error={errors.domainCode}
          >
            <option value="">{t('pathForm.choose')}</option>
            {(reference?.domains ?? []).map((x) => (
              <option key={x.code} value={x.code}>
                {x.name}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-12 col-md-6 col-lg-3">
          <SelectField
            id="path-service-model"
            label={t('training.serviceModel')}
            value={d.serviceModelCode}
            onChange={(e) => set({ serviceModelCode: e.target.value })}
            error={errors.serviceModelCode}
          >
            <option value="">{t('training.noServiceModel')}</option>
            {(reference?.serviceModels ?? []).map((x) => (
              <option key={x.code} value={x.code}>
                {x.name}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-6 col-lg-3">
          <SelectField
            id="path-level"
            label={t('training.level')}
            value={d.level}
            onChange={(e) => set({ level: e.target.value })}
            error={errors.level}
          >
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`levels.${l}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-6 col-lg-3">
          <TextField
            id="path-hours"
            type="number"
            min={0.5}
            step={0.5}
            label={t('training.totalHours')}
            required
            value={d.totalHours}
            onChange={(e) => set({ totalHours: e.target.value })}
            error={errors.totalHours}
          />
        </div>
      </div>
      <fieldset className="mt-4" aria-describedby={errors.deliveryModes ? 'path-modes-error' : undefined}>
        <legend className="h6">{t('training.modes')}</legend>
        <div className="d-flex flex-wrap gap-4">
          {DELIVERY_MODES.map((m) => (
            <CheckboxField
              key={m}
              id={`path-mode-${m}`}
              label={t(`modes.${m}`)}
              checked={d.deliveryModes.includes(m)}
              onChange={(on) =>
                set({ deliveryModes: on ? [...d.deliveryModes, m] : d.deliveryModes.filter((x) => x !== m) })
              }
            />
          ))}
        </div>
        {errors.deliveryModes ? (
          <div id="path-modes-error" className="invalid-feedback d-block">
            {errors.deliveryModes}
          </div>
        ) : null}
      </fieldset>
      <TextAreaField
        id="path-competencies"
        label={t('training.competencies')}
        hint={t('pathForm.competenciesHint')}
        rows={3}
        value={d.competencies}
        onChange={(e) => set({ competencies: e.target.value })}
        error={errors.competencies}
      />
      <fieldset className="mt-4">
        <legend className="h6">{t('training.targets')}</legend>
        <p className="small mb-2">{t('pathForm.targetsHint')}</p>
        <div className="d-flex flex-wrap column-gap-4">
          {(reference?.jobProfiles ?? []).map((p) => (
            <CheckboxField
              key={p.code}
              id={`path-target-${p.code}`}
              label={p.name}
              checked={d.targetJobProfiles.includes(p.code)}
              onChange={(on) =>
                set({
                  targetJobProfiles: on
                    ? [...d.targetJobProfiles, p.code]
                    : d.targetJobProfiles.filter((x) => x !== p.code),
                })
              }
            />
          ))}
        </div>
      </fieldset>
      <fieldset className="mt-4" aria-describedby={errors.eligibility ? 'path-eligibility-error' : undefined}>
        <legend className="h6">{t('training.eligibility')}</legend>
        {ELIGIBILITY.map((k) => (
          <div className="form-check" key={k}>
            <input
              id={`path-eligibility-${k}`}
              name="path-eligibility"
              type="radio"
              checked={d.eligibility === k}
              onChange={() => set({ eligibility: k })}
            />
            <label htmlFor={`path-eligibility-${k}`}>{t(`eligibility.${k}`)}</label>
          </div>
        ))}
        {errors.eligibility ? (
          <div id="path-eligibility-error" className="invalid-feedback d-block">
            {errors.eligibility}
          </div>
        ) : null}
        {d.eligibility === 'units' ? (
          <UnitPicker
            id="path-units"
            legend={t('pathForm.units')}
            value={d.unitIds}
            onChange={(unitIds) => set({ unitIds })}
            error={errors.unitIds}
          />
        ) : null}
      </fieldset>
      <ModulesEditor value={d.modules} onChange={(modules) => set({ modules })} errors={errors} />
      <MaterialsEditor value={d.materials} onChange={(materials) => set({ materials })} errors={errors} />
      <Button type="submit" color="primary" className="mt-5" disabled={pending}>
        {path ? t('common.save') : t('pathForm.create')}
      </Button>
    </form>
  );
}
