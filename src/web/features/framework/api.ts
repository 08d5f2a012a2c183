import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRoutes, apiUrl } from '../../../common/api-routes';
import type { FrameworkSummary, FrameworkTree } from '../../../common/framework';
import { api } from '../../api/client';

const KEY = ['framework'] as const;

export function useFrameworkVersions() {
  return useQuery({
    queryKey: [...KEY, 'versions'],
    queryFn: ({ signal }) =>
      api<{ items: FrameworkSummary[] }>(apiUrl(apiRoutes.framework.versions), { signal }).then(
        (r) => r.items,
      ),
  });
}

export function useFrameworkVersion(id: number) {
  return useQuery({
    queryKey: [...KEY, 'version', id],
    queryFn: ({ signal }) => api<FrameworkTree>(apiUrl(apiRoutes.framework.version, { id }), { signal }),
    enabled: Number.isInteger(id),
  });
}

/** Every change to a version may change the list (status, counts): refetch both. */
function useFrameworkMutation<V, R>(fn: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: KEY }) });
}

export const useCreateDraft = () =>
  useFrameworkMutation(() =>
    api<FrameworkTree>(apiUrl(apiRoutes.framework.versions), { method: 'POST', body: {} }),
  );

export const usePublish = () =>
  useFrameworkMutation((id: number) =>
    api<FrameworkTree>(apiUrl(apiRoutes.framework.publish, { id }), { method: 'POST' }),
  );

export const useDeleteDraft = () =>
  useFrameworkMutation((id: number) =>
    api<{ ok: true }>(apiUrl(apiRoutes.framework.version, { id }), { method: 'DELETE' }),
  );

export const useImportFramework = () =>
  useFrameworkMutation(({ file, version }: { file: File; version: string }) => {
    const body = new FormData();
    body.append('file', file);
    return api<FrameworkTree>(apiUrl(apiRoutes.framework.import, {}, { version: version.trim() }), {
      method: 'POST',
      body,
    });
  });

export const exportUrl = (id: number, format: 'json' | 'csv') =>
  apiUrl(format === 'json' ? apiRoutes.framework.exportJson : apiRoutes.framework.exportCsv, { id });
