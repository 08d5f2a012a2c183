import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { type BilingualText, type FrameworkCompetency, frameworkCode } from '../../../common/framework';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { useCheckedForm } from '../../components/useCheckedForm';
import type { CompetencyBody } from './api';
import { BilingualFields, checkBilingual, emptyText, trimmed } from './BilingualFields';
import { FormActions } from './FormActions';
import { local } from './labels';
import { useUnsavedChanges } from './useUnsavedChanges';

const LEVELS = ['base', 'intermedio', 'avanzato'] as const;

type Draft = {
  areaId: number;
  code: string;
  name: BilingualText;
  description: BilingualText;
  keywords: string;
  levels: Record<(typeof LEVELS)[number], BilingualText>;
};

function toDraft(c: FrameworkCompetency | null, areaId: number): Draft {
  return {
    areaId,
    code: c?.code ?? '',
    name: c?.name ?? emptyText(),
    description: c?.description ?? emptyText(),
    keywords: (c?.keywords ?? []).join('\n'),
    levels: c?.levels ?? { base: emptyText(), intermedio: emptyText(), avanzato: emptyText() },
  };
}

const keywordsOf = (s: string) =>
  s
    .split('\n')
    .map((k) => k.trim())
    .filter(Boolean);

/** Adds or changes one competency of a draft: code, names, description, keywords and the three levels. */
export function CompetencyForm({
  competency,
  areaId,
  areas,
  idPrefix,
  onSubmit,
  onCancel,
  onDirty,
  pending,
  error,
}: {
  competency: FrameworkCompetency | null;
  /** The area the competency is in (or goes in). */
  areaId: number;
  /** The draft's areas, to move a competency to another one. */
  areas: readonly { id: number; code: string; name: BilingualText }[];
  idPrefix: string;
  onSubmit: (body: CompetencyBody, areaId: number) => void;
  onCancel: () => void;
  /** Told whether the form has unsaved changes. */
  onDirty: (dirty: boolean) => void;
  pending: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  const initial = toDraft(competency, areaId);
  const {
    draft: d,
    set,
    errors,
    clientErrors,
    submit,
  } = useCheckedForm({
    initial: () => initial,
    check: (draft: Draft) => {
      const e: Record<string, string> = {};
      const required = t('framework.editor.errors.required');
      if (!frameworkCode.safeParse(draft.code).success) e.code = t('framework.editor.errors.code');
      checkBilingual(e, 'name', draft.name, required);
      checkBilingual(e, 'description', draft.description, required);
      for (const level of LEVELS) checkBilingual(e, `levels.${level}`, draft.levels[level], required);
      if (keywordsOf(draft.keywords).some((k) => k.includes(';')))
        e.keywords = t('framework.editor.errors.keywords');
      if (Object.keys(e).length) return { errors: e };
      return {
        errors: e,
        input: {
          areaId: draft.areaId,
          code: draft.code.trim(),
          name: trimmed(draft.name),
          description: trimmed(draft.description),
          keywords: keywordsOf(draft.keywords),
          levels: {
            base: trimmed(draft.levels.base),
            intermedio: trimmed(draft.levels.intermedio),
            avanzato: trimmed(draft.levels.avanzato),
          },
        },
      };
    },
    onSubmit: ({ areaId: area, ...body }) => onSubmit(body, area),
    serverError: error,
  });
  const dirty = JSON.stringify(d) !== JSON.stringify(initial);
  useUnsavedChanges(dirty, t('framework.editor.unsaved'));
  useEffect(() => {
    onDirty(dirty);
    return () => onDirty(false);
  }, [dirty, onDirty]);
  const keywordError = Object.entries(errors).find(([k]) => k === 'keywords' || k.startsWith('keywords.'));
  return (
    <form
      onSubmit={submit}
      noValidate
      className="officina-framework-form border rounded p-3 my-3"
      aria-label={
        competency
          ? t('framework.editor.editCompetencyLabel', { code: competency.code })
          : t('framework.editor.addCompetency')
      }
    >
      <ErrorAlert error={error} />
      {Object.keys(clientErrors).length ? (
        <div className="alert alert-danger" role="alert">
          {t('framework.editor.fixErrors')}
        </div>
      ) : null}
      {competency ? (
        <SelectField
          id={`${idPrefix}-area`}
          label={t('framework.editor.area')}
          hint={t('framework.editor.areaHint')}
          value={String(d.areaId)}
          onChange={(e) => set({ areaId: Number(e.target.value) })}
          error={errors.areaId}
        >
          {areas.map((a) => (
            <option key={a.id} value={a.id}>
              {a.code} — {local(a.name)}
            </option>
          ))}
        </SelectField>
      ) : null}
      <TextField
        id={`${idPrefix}-code`}
        label={t('framework.editor.code')}
        hint={t('framework.editor.codeHint')}
        required
        value={d.code}
        onChange={(e) => set({ code: e.target.value })}
        error={errors.code}
      />
      <BilingualFields
        id={`${idPrefix}-name`}
        path="name"
        label={t('framework.editor.name')}
        value={d.name}
        onChange={(name) => set({ name })}
        errors={errors}
      />
      <BilingualFields
        id={`${idPrefix}-description`}
        path="description"
        label={t('framework.editor.description')}
        value={d.description}
        onChange={(description) => set({ description })}
        errors={errors}
        rows={3}
      />
      <TextAreaField
        id={`${idPrefix}-keywords`}
        label={t('framework.keywords')}
        hint={t('framework.editor.keywordsHint')}
        rows={3}
        value={d.keywords}
        onChange={(e) => set({ keywords: e.target.value })}
        error={keywordError?.[1]}
      />
      {LEVELS.map((level) => (
        <fieldset key={level} className="mb-2">
          <legend className="h6">{t(`framework.editor.levelLegend.${level}`)}</legend>
          <BilingualFields
            id={`${idPrefix}-level-${level}`}
            path={`levels.${level}`}
            label={t(`framework.editor.levelField.${level}`)}
            value={d.levels[level]}
            onChange={(v) => set({ levels: { ...d.levels, [level]: v } })}
            errors={errors}
            rows={2}
          />
        </fieldset>
      ))}
      <FormActions dirty={dirty} pending={pending} onCancel={onCancel} />
    </form>
  );
}
