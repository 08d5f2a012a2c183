import { Button } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { AssessmentDetail } from '../../../common/campaigns';
import { ErrorAlert, SuccessAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ResultsTable } from '../../components/ResultsTable';
import { useAssessment, useSaveAssessment } from './api';
import { local } from './labels';
import { campaignPath } from './paths';

const LEVELS = [0, 1, 2, 3] as const;

function AssessmentForm({ id, detail }: { id: number; detail: AssessmentDetail }) {
  const { t } = useTranslation();
  const save = useSaveAssessment(id, detail.participantId);
  const [levels, setLevels] = useState<Record<number, string>>(() =>
    Object.fromEntries(
      detail.levels.map((l) => [l.competencyId, l.managerLevel === null ? '' : String(l.managerLevel)]),
    ),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      detail.levels.map((l) => ({
        competencyId: l.competencyId,
        managerLevel: levels[l.competencyId] ? Number(levels[l.competencyId]) : null,
      })),
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('campaigns.assessment.title', { name: detail.name })}>
      <ErrorAlert error={save.error} />
      {save.isSuccess ? <SuccessAlert>{t('campaigns.assessment.saved')}</SuccessAlert> : null}
      <ResultsTable
        caption={t('campaigns.assessment.title', { name: detail.name })}
        columns={[
          t('campaigns.assessment.competency'),
          t('campaigns.assessment.self'),
          t('campaigns.assessment.manager'),
        ]}
        items={detail.levels}
        empty="—"
        row={(l) => (
          <tr key={l.competencyId}>
            <th scope="row">
              {l.code} · {local(l.name)}
            </th>
            <td>{t(`campaigns.levels.${l.selfLevel}`)}</td>
            <td>
              <div className="select-wrapper">
                <label htmlFor={`manager-${l.competencyId}`} className="visually-hidden">
                  {t('campaigns.assessment.manager')}: {local(l.name)}
                </label>
                <select
                  id={`manager-${l.competencyId}`}
                  value={levels[l.competencyId] ?? ''}
                  onChange={(e) => setLevels({ ...levels, [l.competencyId]: e.target.value })}
                >
                  <option value="">{t('campaigns.assessment.notSet')}</option>
                  {LEVELS.map((n) => (
                    <option key={n} value={n}>
                      {t(`campaigns.levels.${n}`)}
                    </option>
                  ))}
                </select>
              </div>
            </td>
          </tr>
        )}
      />
      <Button type="submit" color="primary" disabled={save.isPending}>
        {t('campaigns.assessment.save')}
      </Button>
    </form>
  );
}

/** The manager's assessment of one respondent of the officer's unit (named campaigns). */
export default function AssessmentPage() {
  const { t } = useTranslation();
  const params = useParams();
  const id = Number(params.id);
  const participantId = Number(params.participantId);
  const detail = useAssessment(id, participantId);
  return (
    <Page
      title={
        detail.data
          ? t('campaigns.assessment.title', { name: detail.data.name })
          : t('campaigns.detail.assessments')
      }
      lead={t('campaigns.assessment.lead')}
    >
      <p>
        <Link to={campaignPath(id)}>{t('campaigns.assessment.back')}</Link>
      </p>
      <ErrorAlert error={detail.error} />
      {detail.isPending ? <Loading /> : null}
      {detail.data ? <AssessmentForm id={id} detail={detail.data} /> : null}
    </Page>
  );
}
