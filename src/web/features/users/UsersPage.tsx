import { Button } from 'design-react-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Me } from '../../../common/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { Pagination } from '../../components/Pagination';
import { useMe } from '../auth/session';
import { type UserFilters as Filters, PAGE_SIZE, useUsers } from './api';
import { ImportForm } from './ImportForm';
import { InviteForm } from './InviteForm';
import { UserFilters } from './UserFilters';
import { UsersTable } from './UsersTable';
import { useUnitOptions } from './unitOptions';

const FILTER_KEYS = ['q', 'unitId', 'role', 'active'] as const;

function filtersFrom(params: URLSearchParams): Filters {
  const f: Filters = {};
  for (const key of FILTER_KEYS) {
    const v = params.get(key);
    if (v) f[key] = v;
  }
  const page = Number(params.get('page'));
  f.page = Number.isInteger(page) && page > 0 ? page : 1;
  return f;
}

function toParams(f: Filters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of FILTER_KEYS) if (f[key]) out[key] = f[key] as string;
  if (f.page && f.page > 1) out.page = String(f.page);
  return out;
}

type Panel = 'none' | 'invite' | 'import';

function UsersAdmin({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const users = useUsers(filters);
  const units = useUnitOptions(me);
  const [panel, setPanel] = useState<Panel>('none');
  const toggle = (p: Panel) => setPanel(panel === p ? 'none' : p);

  return (
    <Page
      title={t('users.title')}
      lead={units.restricted ? t('users.leadOfficer') : t('users.lead')}
      actions={
        <>
          <Button
            color="primary"
            aria-expanded={panel === 'invite'}
            aria-controls="users-panel"
            onClick={() => toggle('invite')}
          >
            {t('invite.toggle')}
          </Button>
          <Button
            color="primary"
            outline
            aria-expanded={panel === 'import'}
            aria-controls="users-panel"
            onClick={() => toggle('import')}
          >
            {t('import.toggle')}
          </Button>
        </>
      }
    >
      <div id="users-panel">
        {panel === 'invite' ? <InviteForm units={units.options} restricted={units.restricted} /> : null}
        {panel === 'import' ? <ImportForm units={units.options} restricted={units.restricted} /> : null}
      </div>
      <UserFilters
        value={filters}
        units={units.options}
        restricted={units.restricted}
        onChange={(f) => setParams(toParams(f))}
      />
      <ErrorAlert error={users.error} />
      {users.isPending ? <Loading /> : null}
      {users.data ? (
        <>
          <UsersTable users={users.data.items} total={users.data.total} />
          <Pagination
            page={users.data.page}
            pageSize={users.data.pageSize || PAGE_SIZE}
            total={users.data.total}
            label={t('users.pages')}
            onPage={(page) => setParams(toParams({ ...filters, page }))}
          />
        </>
      ) : null}
    </Page>
  );
}

export default function UsersPage() {
  const { data: me } = useMe();
  return me ? <UsersAdmin me={me} /> : <Loading />;
}
