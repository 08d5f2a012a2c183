import { Button } from 'design-react-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DELIVERY_MODES } from '../../../common/catalogue';
import { SelectField, TextAreaField, TextField } from '../../components/Field';

export type ModuleDraft = { key: string; title: string; description: string; hours: string; mode: string };
export type MaterialDraft = { key: string; title: string; url: string };

let counter = 0;
/** Rows keep a stable key, so that moving a row keeps keyboard focus on the button that moved it. */
export const rowKey = () => `row-${++counter}`;

function move<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return list;
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  if (item !== undefined) copy.splice(to, 0, item);
  return copy;
}

/** The modules of a path: add, remove and reorder, each in its own fieldset. */
export function ModulesEditor({
  value,
  onChange,
  errors,
}: {
  value: ModuleDraft[];
  onChange: (modules: ModuleDraft[]) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const [announcement, setAnnouncement] = useState('');
  const update = (i: number, patch: Partial<ModuleDraft>) =>
    onChange(value.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  const shift = (i: number, by: number) => {
    onChange(move(value, i, i + by));
    setAnnouncement(t('pathForm.moved', { title: value[i]?.title || i + 1, position: i + by + 1 }));
  };
  return (
    <fieldset className="mt-5">
      <legend className="h4">{t('pathForm.modules')}</legend>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {value.length === 0 ? <p>{t('pathForm.noModules')}</p> : null}
      {value.map((m, i) => {
        const n = i + 1;
        const err = (field: string) => errors[`modules.${i}.${field}`];
        return (
          <fieldset key={m.key} className="officina-row-editor">
            <legend className="h6">{t('pathForm.moduleN', { n })}</legend>
            <div className="row">
              <div className="col-12 col-lg-6">
                <TextField
                  id={`module-${m.key}-title`}
                  label={t('pathForm.moduleTitle')}
                  value={m.title}
                  required
                  onChange={(e) => update(i, { title: e.target.value })}
                  error={err('title')}
                />
              </div>
              <div className="col-6 col-lg-3">
                <TextField
                  id={`module-${m.key}-hours`}
                  type="number"
                  min={0.5}
                  step={0.5}
                  label={t('pathForm.moduleHours')}
                  value={m.hours}
                  required
                  onChange={(e) => update(i, { hours: e.target.value })}
                  error={err('hours')}
                />
              </div>
              <div className="col-6 col-lg-3">
                <SelectField
                  id={`module-${m.key}-mode`}
                  label={t('training.mode')}
                  value={m.mode}
                  onChange={(e) => update(i, { mode: e.target.value })}
                  error={err('mode')}
                >
                  {DELIVERY_MODES.map((mode) => (
                    <option key={mode} value={mode}>
                      {t(`modes.${mode}`)}
                    </option>
                  ))}
                </SelectField>
              </div>
            </div>
            <TextAreaField
              id={`module-${m.key}-description`}
              label={t('pathForm.moduleDescription')}
              rows={2}
              value={m.description}
              onChange={(e) => update(i, { description: e.target.value })}
              error={err('description')}
            />
            <div className="d-flex flex-wrap gap-2 mt-3">
              <Button
                type="button"
                size="xs"
                color="primary"
                outline
                disabled={i === 0}
                onClick={() => shift(i, -1)}
              >
                {t('pathForm.moveUp')}
                <span className="visually-hidden"> {t('pathForm.moduleN', { n })}</span>
              </Button>
              <Button
                type="button"
                size="xs"
                color="primary"
                outline
                disabled={i === value.length - 1}
                onClick={() => shift(i, 1)}
              >
                {t('pathForm.moveDown')}
                <span className="visually-hidden"> {t('pathForm.moduleN', { n })}</span>
              </Button>
              <Button
                type="button"
                size="xs"
                color="danger"
                outline
                onClick={() => {
                  onChange(value.filter((_, j) => j !== i));
                  setAnnouncement(t('pathForm.removed', { n }));
                }}
              >
                {t('pathForm.remove')}
                <span className="visually-hidden"> {t('pathForm.moduleN', { n })}</span>
              </Button>
            </div>
          </fieldset>
        );
      })}
      <Button
        type="button"
        color="primary"
        outline
        size="sm"
        className="mt-3"
        onClick={() =>
          onChange([...value, { key: rowKey(), title: '', description: '', hours: '', mode: 'aula' }])
        }
      >
        {t('pathForm.addModule')}
      </Button>
    </fieldset>
  );
}

/** Teaching materials: title and address of each. */
export function MaterialsEditor({
  value,
  onChange,
  errors,
}: {
  value: MaterialDraft[];
  onChange: (materials: MaterialDraft[]) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const update = (i: number, patch: Partial<MaterialDraft>) =>
    onChange(value.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  return (
    <fieldset className="mt-5">
      <legend className="h4">{t('training.materials')}</legend>
      {value.length === 0 ? <p>{t('pathForm.noMaterials')}</p> : null}
      {value.map((m, i) => {
        const n = i + 1;
        return (
          <fieldset key={m.key} className="officina-row-editor">
            <legend className="h6">{t('pathForm.materialN', { n })}</legend>
            <div className="row align-items-end">
              <div className="col-12 col-lg-5">
                <TextField
                  id={`material-${m.key}-title`}
                  label={t('pathForm.materialTitle')}
                  value={m.title}
                  onChange={(e) => update(i, { title: e.target.value })}
                  error={errors[`materials.${i}.title`]}
                />
              </div>
              <div className="col-12 col-lg-5">
                <TextField
                  id={`material-${m.key}-url`}
                  type="url"
                  label={t('pathForm.materialUrl')}
                  placeholder="https://"
                  value={m.url}
                  onChange={(e) => update(i, { url: e.target.value })}
                  error={errors[`materials.${i}.url`]}
                />
              </div>
              <div className="col-12 col-lg-2">
                <Button
                  type="button"
                  size="xs"
                  color="danger"
                  outline
                  className="mt-3"
                  onClick={() => onChange(value.filter((_, j) => j !== i))}
                >
                  {t('pathForm.remove')}
                  <span className="visually-hidden"> {t('pathForm.materialN', { n })}</span>
                </Button>
              </div>
            </div>
          </fieldset>
        );
      })}
      <Button
        type="button"
        color="primary"
        outline
        size="sm"
        className="mt-3"
        onClick={() => onChange([...value, { key: rowKey(), title: '', url: '' }])}
      >
        {t('pathForm.addMaterial')}
      </Button>
    </fieldset>
  );
}
