import { Button } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ResultsTable } from '../../components/ResultsTable';
import { useCreateDraft, useFrameworkVersions } from './api';
import { local, StatusBadge } from './labels';
import { FRAMEWORK_PATH, UNMAPPED_PATH, versionPath } from './paths';

/** The versions of the framework, newest first, with the way to a new draft (copied or imported). */
export default function FrameworkPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const versions = useFrameworkVersions();
  const create = useCreateDraft();
  const draft = versions.data?.find((v) => v.status === 'draft');
  return (
    <Page
      title={t('framework.title')}
      lead={t('framework.lead')}
      actions={
        draft ? (
          <Link className="btn btn-primary" to={versionPath(draft.id)}>
            {t('framework.openDraft', { version: draft.version })}
          </Link>
        ) : (
          <>
            <Button
              color="primary"
              disabled={create.isPending || versions.isPending}
              onClick={() =>
                create.mutate(undefined, {
                  onSuccess: (tree) => {
                    void navigate(versionPath(tree.id));
                  },
                })
              }
            >
              {create.isPending ? t('framework.creating') : t('framework.createDraft')}
            </Button>
            <Link className="btn btn-outline-primary" to={`${FRAMEWORK_PATH}/importa`}>
              {t('framework.import')}
            </Link>
          </>
        )
      }
    >
      <ErrorAlert error={create.error ?? versions.error} />
      {draft ? <p>{t('framework.draftExists')}</p> : <p>{t('framework.howToChange')}</p>}
      <p>
        {t('framework.mapping.intro')} <Link to={UNMAPPED_PATH}>{t('framework.mapping.title')}</Link>.
      </p>
      {versions.isPending ? (
        <Loading />
      ) : (
        <ResultsTable
          caption={t('framework.versions')}
          columns={[
            t('framework.version'),
            t('framework.titleColumn'),
            t('framework.statusColumn'),
            t('framework.inForce'),
            t('framework.size'),
          ]}
          items={versions.data ?? []}
          empty={t('framework.none')}
          row={(v) => (
            <tr key={v.id}>
              <th scope="row">
                <Link to={versionPath(v.id)}>{v.version}</Link>
              </th>
              <td>{local(v.title)}</td>
              <td>
                <StatusBadge status={v.status} />
              </td>
              <td>
                {v.publishedAt
                  ? v.retiredAt
                    ? t('framework.fromTo', { from: formatDate(v.publishedAt), to: formatDate(v.retiredAt) })
                    : t('framework.since', { from: formatDate(v.publishedAt) })
                  : '—'}
              </td>
              <td>{t('framework.counts', { areas: v.areas, competencies: v.competencies })}</td>
            </tr>
          )}
        />
      )}
    </Page>
  );
}
