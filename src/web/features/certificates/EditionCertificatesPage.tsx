import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { EditionLinks } from '../attendance/EditionLinks';
import { usePublicEdition } from '../training/api';
import { EditionCertificatesPanel } from './EditionCertificatesPanel';

/** An edition's certificates on a page of their own, for the task force and the edition's trainers too. */
export default function EditionCertificatesPage() {
  const { t } = useTranslation();
  const params = useParams();
  const id = Number(params.id);
  const valid = Number.isInteger(id) && id > 0;
  // The title only: an edition that is not public yet is named by its number.
  const edition = usePublicEdition(valid ? id : null);
  const title = edition.data
    ? t('editionCertificates.pageTitleOf', { title: edition.data.title })
    : t('editionCertificates.pageTitle');
  if (!valid)
    return (
      <Page title={t('editionCertificates.pageTitle')}>
        <ErrorAlert error={new Error('invalid id')} />
      </Page>
    );
  return (
    <Page title={title} lead={edition.data?.pathTitle}>
      <EditionLinks editionId={id} current="certificates" />
      <EditionCertificatesPanel editionId={id} />
    </Page>
  );
}
