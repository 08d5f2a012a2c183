import { useQuery } from '@tanstack/react-query';
import { apiRoutes, apiUrl } from '../../../common/api-routes';
import type { OverviewQuery, OverviewView, TrendsView } from '../../../common/overview';
import { api } from '../../api/client';

const KEY = ['overview'] as const;

export function useOverview(filters: OverviewQuery) {
  return useQuery({
    queryKey: [...KEY, 'list', filters],
    queryFn: ({ signal }) => api<OverviewView>(apiUrl(apiRoutes.overview.list, {}, filters), { signal }),
  });
}

export function useTrends() {
  return useQuery({
    queryKey: [...KEY, 'trends'],
    queryFn: ({ signal }) => api<TrendsView>(apiUrl(apiRoutes.overview.trends), { signal }),
  });
}

export const exportUrl = (format: 'csv' | 'xlsx', filters: OverviewQuery) =>
  apiUrl(format === 'csv' ? apiRoutes.overview.csv : apiRoutes.overview.xlsx, {}, filters);

export const briefUrl = (id: number) => apiUrl(apiRoutes.overview.brief, { id });
