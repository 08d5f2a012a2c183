import { useTranslation } from 'react-i18next';
import { ChoiceField } from '../../components/Field';
import { formatDate } from '../../components/format';
import { dateWords } from '../training/labels';
import { usePathEditions, usePublishedPaths } from './api';

export type PickedEdition = { path?: string | undefined; editionId?: string | undefined };

/**
 * An edition chosen in two steps, the path and then one of its editions, from the public catalogue (open
 * to everyone, so Province officers can use it too). `openOnly` keeps the editions one can enrol in.
 */
export function EditionPicker({
  idPrefix,
  value,
  onChange,
  openOnly,
  error,
  anyLabel,
}: {
  idPrefix: string;
  value: PickedEdition;
  onChange: (value: PickedEdition) => void;
  openOnly: boolean;
  error?: string | undefined;
  /** The empty choice of the edition list ("all editions" in a filter); none means a choice is required. */
  anyLabel?: string;
}) {
  const { t } = useTranslation();
  const paths = usePublishedPaths();
  const path = usePathEditions(value.path);
  const pathChoices = [...(paths.data?.items ?? [])]
    .sort((a, b) => a.title.localeCompare(b.title, 'it'))
    .map((p) => ({ value: p.slug, label: p.title }));
  const editions = (path.data?.editions ?? []).filter((e) => !openOnly || e.status === 'published');
  const editionChoices = editions.map((e) => ({
    value: String(e.id),
    label: [
      e.title,
      t('training.fromTo', dateWords(formatDate(e.startsOn), formatDate(e.endsOn))),
      e.status === 'published'
        ? t('editionPicker.seats', { count: Math.max(0, e.seatsLeft) })
        : t(`editionStatus.${e.status}`),
    ].join(' — '),
  }));
  return (
    <div className="row">
      <div className="col-12 col-lg-6">
        <ChoiceField
          id={`${idPrefix}-path`}
          label={t('editionPicker.path')}
          value={value.path ?? ''}
          onChange={(e) => onChange({ path: e.target.value || undefined, editionId: undefined })}
          empty={anyLabel ? t('editionPicker.anyPath') : t('editionPicker.choosePath')}
          choices={pathChoices}
          error={!value.path ? error : undefined}
        />
      </div>
      <div className="col-12 col-lg-6">
        <ChoiceField
          id={`${idPrefix}-edition`}
          label={t('editionPicker.edition')}
          value={value.editionId ?? ''}
          disabled={!value.path}
          onChange={(e) => onChange({ path: value.path, editionId: e.target.value || undefined })}
          empty={anyLabel ?? t('editionPicker.chooseEdition')}
          choices={editionChoices}
          hint={
            value.path && path.data && editionChoices.length === 0 ? t('editionPicker.noEditions') : undefined
          }
          error={value.path ? error : undefined}
        />
      </div>
    </div>
  );
}
