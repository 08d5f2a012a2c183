import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { type BilingualText, frameworkCode } from '../../../common/framework';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField, TextField } from '../../components/Field';
import { useCheckedForm } from '../../components/useCheckedForm';
import type { AreaBody } from './api';
import { BilingualFields, checkBilingual, emptyText, trimmed } from './BilingualFields';
import { FormActions } from './FormActions';
import { useUnsavedChanges } from './useUnsavedChanges';

type Draft = { domainCode: string; code: string; name: BilingualText };

/** Adds or changes an area of a draft: its domain, code and names. */
export function AreaForm({
  area,
  defaultDomain,
  domains,
  idPrefix,
  onSubmit,
  onCancel,
  onDirty,
  pending,
  error,
}: {
  /** The area to change; null for a new one, in `defaultDomain`. */
  area: Draft | null;
  defaultDomain?: string | undefined;
  /** The training domains, in their order. */
  domains: readonly { code: string; name: string }[];
  idPrefix: string;
  onSubmit: (body: AreaBody) => void;
  onCancel: () => void;
  /** Told whether the form has unsaved changes. */
  onDirty: (dirty: boolean) => void;
  pending: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  const initial: Draft = area ?? {
    domainCode: defaultDomain ?? domains[0]?.code ?? '',
    code: '',
    name: emptyText(),
  };
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
      if (!draft.domainCode) e.domainCode = t('framework.editor.errors.required');
      if (!frameworkCode.safeParse(draft.code).success) e.code = t('framework.editor.errors.code');
      checkBilingual(e, 'name', draft.name, t('framework.editor.errors.required'));
      if (Object.keys(e).length) return { errors: e };
      return {
        errors: e,
        input: { domainCode: draft.domainCode, code: draft.code.trim(), name: trimmed(draft.name) },
      };
    },
    onSubmit,
    serverError: error,
  });
  const dirty = JSON.stringify(d) !== JSON.stringify(initial);
  useUnsavedChanges(dirty, t('framework.editor.unsaved'));
  useEffect(() => {
    onDirty(dirty);
    return () => onDirty(false);
  }, [dirty, onDirty]);
  return (
    <form
      onSubmit={submit}
      noValidate
      className="officina-framework-form border rounded p-3 my-3"
      aria-label={
        area ? t('framework.editor.editAreaLabel', { code: area.code }) : t('framework.editor.addArea')
      }
    >
      <ErrorAlert error={error} />
      {Object.keys(clientErrors).length ? (
        <div className="alert alert-danger" role="alert">
          {t('framework.editor.fixErrors')}
        </div>
      ) : null}
      <div className="row">
        <SelectField
          id={`${idPrefix}-domain`}
          label={t('framework.editor.domain')}
          className="col-12 col-md-6"
          value={d.domainCode}
          onChange={(e) => set({ domainCode: e.target.value })}
          error={errors.domainCode}
        >
          {domains.map((dom) => (
            <option key={dom.code} value={dom.code}>
              {dom.name}
            </option>
          ))}
        </SelectField>
        <TextField
          id={`${idPrefix}-code`}
          label={t('framework.editor.code')}
          hint={t('framework.editor.codeHint')}
          className="col-12 col-md-6"
          required
          value={d.code}
          onChange={(e) => set({ code: e.target.value })}
          error={errors.code}
        />
      </div>
      <BilingualFields
        id={`${idPrefix}-name`}
        path="name"
        label={t('framework.editor.name')}
        value={d.name}
        onChange={(name) => set({ name })}
        errors={errors}
      />
      <FormActions dirty={dirty} pending={pending} onCancel={onCancel} />
    </form>
  );
}
