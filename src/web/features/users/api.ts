import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRoutes, apiUrl } from '../../../common/api-routes';
import type { RoleGrant } from '../../../common/auth';
import type { Role } from '../../../common/roles';
import type { ImportReport, InviteInput, UserSummary } from '../../../common/users';
import { api, type Paged } from '../../api/client';

export type UserFilters = { q?: string; unitId?: string; role?: string; active?: string; page?: number };
export type UserUpdate = {
  name?: string;
  unitId?: number | null;
  jobProfileCode?: string | null;
  active?: boolean;
};

const USERS_KEY = ['users'] as const;
export const PAGE_SIZE = 25;

export function useUsers(filters: UserFilters) {
  return useQuery({
    queryKey: [...USERS_KEY, 'list', filters],
    queryFn: ({ signal }) =>
      api<Paged<UserSummary>>(apiUrl(apiRoutes.users.list, {}, { ...filters, pageSize: PAGE_SIZE }), {
        signal,
      }),
    placeholderData: (previous) => previous,
  });
}

export function useUser(id: string) {
  return useQuery({
    queryKey: [...USERS_KEY, 'one', id],
    queryFn: ({ signal }) => api<UserSummary>(apiUrl(apiRoutes.users.byId, { id }), { signal }),
  });
}

function useInvalidateUsers() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: USERS_KEY });
}

export function useInvite() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (body: InviteInput) =>
      api<UserSummary>(apiUrl(apiRoutes.users.list), { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useImport() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ file, unitId }: { file: File; unitId: number | null }) => {
      const form = new FormData();
      // Fields before the file: a streaming multipart parser only sees fields that precede it.
      if (unitId !== null) form.append('unitId', String(unitId));
      form.append('file', file, file.name);
      return api<ImportReport>(apiUrl(apiRoutes.users.import), { method: 'POST', body: form });
    },
    onSuccess: invalidate,
  });
}

export function useUpdateUser(id: string) {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (body: UserUpdate) =>
      api<UserSummary>(apiUrl(apiRoutes.users.byId, { id }), { method: 'PATCH', body }),
    onSuccess: invalidate,
  });
}

export function useGrantRole(id: string) {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (body: { role: Role; unitId: number | null }) =>
      api<RoleGrant>(apiUrl(apiRoutes.users.roles, { id }), { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useRevokeRole(id: string) {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (grantId: number) =>
      api<{ ok: true }>(apiUrl(apiRoutes.users.role, { id, grantId }), { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}

export function useResendInvitation(id: string) {
  return useMutation({
    mutationFn: () => api<{ ok: true }>(apiUrl(apiRoutes.users.invitation, { id }), { method: 'POST' }),
  });
}
