import { Badge, Table } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { UserSummary } from '../../../common/users';
import { formatDateTime } from '../../components/format';
import { TableScroll } from '../../components/TableScroll';
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
    <TableScroll label={t('users.caption', { count: total })}>
      <Table hover className="align-middle">
        <caption>{t('users.caption', { count: total })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('users.name')}</th>
            <th scope="col">{t('users.email')}</th>
            <th scope="col">{t('users.unit')}</th>
            <th scope="col">{t('users.roles')}</th>
            <th scope="col">{t('users.status')}</th>
            <th scope="col">{t('users.lastLogin')}</th>
          </tr>
        </thead>
        <tbody>
          {users.length === 0 ? (
            <tr>
              <td colSpan={6}>{t('users.none')}</td>
            </tr>
          ) : (
            users.map((u) => (
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
            ))
          )}
        </tbody>
      </Table>
    </TableScroll>
  );
}
