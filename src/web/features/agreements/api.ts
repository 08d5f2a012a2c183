import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRoutes, apiUrl } from '../../../common/api-routes';
import type { Agreement, agreementInput } from '../../../common/catalogue';
import { api, type Paged } from '../../api/client';
import { PUBLIC_KEY } from '../training/api';

export type AgreementInput = z.infer<typeof agreementInput>;
export type AgreementFilters = { unitId?: string; serviceModel?: string; page?: number };

const KEY = ['agreements'] as const;
export const AGREEMENTS_PAGE_SIZE = 25;

export function useAgreements(filters: AgreementFilters) {
  return useQuery({
    queryKey: [...KEY, filters],
    queryFn: ({ signal }) =>
      api<Paged<Agreement>>(
        apiUrl(apiRoutes.agreements.list, {}, { ...filters, pageSize: AGREEMENTS_PAGE_SIZE }),
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}

export function useSaveAgreement() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number | null; input: AgreementInput }) =>
      id === null
        ? api<Agreement>(apiUrl(apiRoutes.agreements.list), { method: 'POST', body: input })
        : api<Agreement>(apiUrl(apiRoutes.agreements.byId, { id }), { method: 'PATCH', body: input }),
    // Who may enrol in a path reserved to a service model depends on the agreements.
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: KEY }),
        client.invalidateQueries({ queryKey: PUBLIC_KEY }),
      ]),
  });
}
