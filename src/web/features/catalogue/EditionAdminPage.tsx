import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ErrorAlert, SuccessAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { EditionRecordsPanel } from '../attendance/EditionRecordsPanel';
import { EditionCertificatesPanel } from '../certificates/EditionCertificatesPanel';
import { EditionEnrolmentsPanel } from '../enrolment/EditionEnrolmentsPanel';
import { EditionQuizPanel } from '../quizzes/EditionQuizPanel';
import { dateWords } from '../training/labels';
import { useEdition, useUpdateEdition } from './api';
import { EditionForm } from './EditionForm';
import { EditionStatusPanel } from './EditionStatusPanel';
import { SessionsPanel } from './SessionsPanel';

export default function EditionAdminPage() {
  const { t } = useTranslation();
  const params = useParams();
  const location = useLocation();
  const id = Number(params.id);
  const valid = Number.isInteger(id) && id > 0;
  const edition = useEdition(valid ? id : null);
  const update = useUpdateEdition(valid ? id : 0);
  const created = (location.state as { created?: boolean } | null)?.created === true;
  if (!valid || edition.error)
    return (
      <Page title={t('editionAdmin.title')}>
        <p>
          <Link to="/amministrazione/catalogo">{t('catalogue.back')}</Link>
        </p>
        <ErrorAlert error={edition.error ?? new Error('invalid id')} />
      </Page>
    );
  if (edition.isPending) return <Loading />;
  const e = edition.data;
  return (
    <Page
      title={e.title}
      lead={t('editionAdmin.lead', {
        path: e.pathTitle,
        ...dateWords(formatDate(e.startsOn), formatDate(e.endsOn)),
      })}
    >
      <p>
        <Link to={`/amministrazione/catalogo/${e.pathId}`}>
          {t('editionAdmin.backToPath', { title: e.pathTitle })}
        </Link>
      </p>
      {created ? <SuccessAlert>{t('editionAdmin.created', { title: e.title })}</SuccessAlert> : null}
      <EditionStatusPanel edition={e} />
      <SessionsPanel edition={e} />
      <EditionEnrolmentsPanel edition={e} />
      <EditionRecordsPanel edition={e} />
      <EditionQuizPanel editionId={e.id} pathId={e.pathId} />
      {e.status === 'completed' ? <EditionCertificatesPanel editionId={e.id} /> : null}
      <section aria-labelledby="edition-edit">
        <h2 id="edition-edit" className="h4">
          {t('editionAdmin.edit')}
        </h2>
        {update.isSuccess ? <SuccessAlert>{t('editionAdmin.saved')}</SuccessAlert> : null}
        <EditionForm
          key={e.updatedAt}
          edition={e}
          idPrefix="edition"
          pending={update.isPending}
          error={update.error}
          submitLabel={t('common.save')}
          formLabel={t('editionAdmin.edit')}
          onSubmit={(input) => update.mutate(input)}
        />
      </section>
    </Page>
  );
}
