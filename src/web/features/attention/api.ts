import { useQuery } from '@tanstack/react-query';
import type { ApiUrl } from '../../../common/api-routes';
import { api, type Paged } from '../../api/client';

/** The total of a paged list, read from a one-item page. */
export function useTotal(url: ApiUrl) {
  return useQuery({
    queryKey: ['attention', url],
    queryFn: ({ signal }) => api<Paged<unknown>>(url, { signal }).then((r) => r.total),
  });
}
