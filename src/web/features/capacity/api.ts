import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRoutes, apiUrl } from '../../../common/api-routes';
import type {
  CapacityInput,
  CapacityThresholdRow,
  CapacityView,
  CapacityYears,
  ThresholdInput,
} from '../../../common/capacity-api';
import { api } from '../../api/client';

const KEY = ['capacity'] as const;

export function useCapacityYears(id: number) {
  return useQuery({
    queryKey: [...KEY, id, 'years'],
    queryFn: ({ signal }) => api<CapacityYears>(apiUrl(apiRoutes.capacity.years, { id }), { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useCapacity(id: number, year: number) {
  return useQuery({
    queryKey: [...KEY, id, year],
    queryFn: ({ signal }) => api<CapacityView>(apiUrl(apiRoutes.capacity.year, { id, year }), { signal }),
    enabled: Number.isInteger(id) && id > 0 && year >= 2000,
  });
}

/** The save answers the whole view: it replaces the cached one; a stale save (409) refetches it. */
export function useSaveCapacity(id: number, year: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CapacityInput) =>
      api<CapacityView>(apiUrl(apiRoutes.capacity.year, { id, year }), { method: 'PUT', body }),
    onSuccess: (view) => {
      client.setQueryData([...KEY, id, year], view);
      void client.invalidateQueries({ queryKey: [...KEY, id, 'years'] });
    },
  });
}

export function useThresholds() {
  return useQuery({
    queryKey: [...KEY, 'thresholds'],
    queryFn: ({ signal }) =>
      api<{ items: CapacityThresholdRow[]; canEdit: boolean }>(apiUrl(apiRoutes.capacity.thresholds), {
        signal,
      }),
  });
}

export function useSaveThreshold() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number | null; body: ThresholdInput }) =>
      id === null
        ? api<CapacityThresholdRow>(apiUrl(apiRoutes.capacity.thresholds), { method: 'POST', body })
        : api<CapacityThresholdRow>(apiUrl(apiRoutes.capacity.threshold, { id }), { method: 'PUT', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export function useDeleteThreshold() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) =>
      api<{ ok: true }>(apiUrl(apiRoutes.capacity.threshold, { id }), { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}
