import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { apiRoutes, apiUrl } from '../../../common/api-routes';
import type { Unit, UnitInput } from '../../../common/units';
import { api } from '../../api/client';
import { ErrorAlert, SuccessAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { UNITS_KEY, useUnit } from './api';
import { UnitForm } from './UnitForm';

function useSaveUnit(id: number | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: UnitInput) =>
      id === null
        ? api<Unit>(apiUrl(apiRoutes.units.list), { method: 'POST', body: input })
        : api<Unit>(apiUrl(apiRoutes.units.byId, { id }), { method: 'PATCH', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: UNITS_KEY }),
  });
}

export default function UnitEditPage() {
  const { t } = useTranslation();
  const params = useParams();
  const navigate = useNavigate();
  const creating = params.id === 'nuova';
  const id = creating ? null : Number(params.id);
  const unit = useUnit(creating || !Number.isInteger(id) ? null : id);
  const save = useSaveUnit(id);
  const back = (
    <p>
      <Link to="/amministrazione/unita">{t('units.back')}</Link>
    </p>
  );

  if (creating)
    return (
      <Page title={t('units.createTitle')}>
        {back}
        <UnitForm
          unit={null}
          pending={save.isPending}
          error={save.error}
          onSubmit={(input) =>
            save.mutate(input, {
              onSuccess: (created) => {
                void navigate(`/amministrazione/unita/${created.id}`, {
                  replace: true,
                  state: { created: true },
                });
              },
            })
          }
        />
      </Page>
    );
  if (unit.isPending) return <Loading />;
  if (unit.error)
    return (
      <Page title={t('units.editTitle')}>
        {back}
        <ErrorAlert error={unit.error} />
      </Page>
    );
  return (
    <Page title={t('units.editTitleOf', { name: unit.data.name })}>
      {back}
      {save.isSuccess ? <SuccessAlert>{t('units.saved', { name: save.data.name })}</SuccessAlert> : null}
      <UnitForm
        unit={unit.data}
        pending={save.isPending}
        error={save.error}
        onSubmit={(input) => save.mutate(input)}
      />
    </Page>
  );
}
