import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Page } from '../../components/Page';
import { useSavePath } from './api';
import { PathForm } from './PathForm';

export default function PathCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSavePath(null);
  return (
    <Page title={t('catalogue.createTitle')} lead={t('catalogue.createLead')}>
      <p>
        <Link to="/amministrazione/catalogo">{t('catalogue.back')}</Link>
      </p>
      <PathForm
        path={null}
        pending={save.isPending}
        error={save.error}
        onSubmit={(input) =>
          save.mutate(input, {
            onSuccess: (created) => {
              void navigate(`/amministrazione/catalogo/${created.id}`, { state: { created: true } });
            },
          })
        }
      />
    </Page>
  );
}
