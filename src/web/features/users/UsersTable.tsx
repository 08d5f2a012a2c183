import { Badge } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { UserSummary } from '../../../common/users';
import { formatDateTime } from '../../components/format';
import { ResultsTable } from '../../components/ResultsTable';
import { grantLabel } from '../auth/roles';

export function UserStatus({ user }: { user: UserSummary }) {
  const { t } = useTranslation();
  if (!user.active) return <Badge color="secondary">{t('users.inactive')}</Badge>;
  if (!user.activated) return <Badge color="warning">{t('users.invited')}</Badge>;
  return <Badge color="success">{t('users.active')}</Badge>;
}

export function UsersTable({ users, total }: { users: UserSummary[]; total: number }) {
  const { t } = useTranslation();
  return (
    <ResultsTable
      hover
      caption={t('users.caption', { count: total })}
      columns={[
        t('users.name'),
        t('users.email'),
        t('users.unit'),
        t('users.roles'),
        t('users.status'),
        t('users.lastLogin'),
      ]}
      items={users}
      empty={t('users.none')}
      row={(u) => (
        <tr key={u.id}>
          <th scope="row">
            <Link to={`/amministrazione/utenti/${u.id}`}>{u.name}</Link>
          </th>
          <td>{u.email}</td>
          <td>{u.unitName ?? '—'}</td>
          <td>
            {u.roles.length === 0
              ? '—'
              : u.roles.map((g) => (
                  <span key={g.id} className="d-block small">
                    {grantLabel(g, t)}
                  </span>
                ))}
          </td>
          <td>
            <UserStatus user={u} />
          </td>
          <td>{formatDateTime(u.lastLoginAt)}</td>
        </tr>
      )}
    />
  );
}
