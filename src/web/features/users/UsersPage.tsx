import { Button } from 'design-react-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../common/auth';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { PagedResults } from '../../components/ResultsTable';
import { useUrlFilters } from '../../components/urlFilters';
import { useMe } from '../auth/session';
import { PAGE_SIZE, useUsers } from './api';
import { ImportForm } from './ImportForm';
import { InviteForm } from './InviteForm';
import { UserFilters } from './UserFilters';
import { UsersTable } from './UsersTable';
import { useUnitOptions } from './unitOptions';

const FILTER_KEYS = ['q', 'unitId', 'role', 'active'] as const;

type Panel = 'none' | 'invite' | 'import';

function UsersAdmin({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { filters, apply, setPage } = useUrlFilters(FILTER_KEYS);
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
      <UserFilters value={filters} units={units.options} restricted={units.restricted} onChange={apply} />
      <PagedResults query={users} pageSize={PAGE_SIZE} pagesLabel={t('users.pages')} onPage={setPage}>
        {(data) => <UsersTable users={data.items} total={data.total} />}
      </PagedResults>
    </Page>
  );
}

export default function UsersPage() {
  const { data: me } = useMe();
  return me ? <UsersAdmin me={me} /> : <Loading />;
}
