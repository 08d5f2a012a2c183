import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../components/Page';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')}>
      <p>{t('notFound.message')}</p>
      <Link to="/">{t('notFound.home')}</Link>
    </Page>
  );
}
