import { useTranslation } from 'react-i18next';
import { ChoiceField, codeChoices } from '../../components/Field';
import { useReferenceNames } from './labels';

type Draft = { domain?: string | undefined; serviceModel?: string | undefined };

/** The domain and service-model filters shared by the calendar and the catalogue (one column each). */
export function ReferenceFilterFields({
  idPrefix,
  column,
  draft,
  set,
}: {
  idPrefix: string;
  /** Bootstrap column classes of each field. */
  column: string;
  draft: Draft;
  set: (patch: Draft) => void;
}) {
  const { t } = useTranslation();
  const { reference } = useReferenceNames();
  return (
    <>
      <div className={column}>
        <ChoiceField
          id={`${idPrefix}-domain`}
          label={t('calendar.domain')}
          value={draft.domain ?? ''}
          onChange={(e) => set({ domain: e.target.value })}
          empty={t('calendar.allDomains')}
          choices={codeChoices(reference?.domains)}
        />
      </div>
      <div className={column}>
        <ChoiceField
          id={`${idPrefix}-service-model`}
          label={t('calendar.serviceModel')}
          value={draft.serviceModel ?? ''}
          onChange={(e) => set({ serviceModel: e.target.value })}
          empty={t('calendar.allServiceModels')}
          choices={codeChoices(reference?.serviceModels)}
        />
      </div>
    </>
  );
}
