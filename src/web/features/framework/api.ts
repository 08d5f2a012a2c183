import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRoutes, apiUrl } from '../../../common/api-routes';
import type {
  BilingualText,
  CompetencyContent,
  FrameworkSummary,
  FrameworkTree,
  PathCompetencies,
} from '../../../common/framework';
import { api, type Paged } from '../../api/client';

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

// ---- Editing a draft ---------------------------------------------------------------------------

export type AreaBody = { domainCode: string; code: string; name: BilingualText };
export type CompetencyBody = Omit<CompetencyContent, 'code'> & { code: string };

/** A change to a draft answers the whole tree: it replaces the cached version at once. */
function useDraftMutation<V>(fn: (v: V) => Promise<FrameworkTree>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (tree) => {
      client.setQueryData([...KEY, 'version', tree.id], tree);
      void client.invalidateQueries({ queryKey: [...KEY, 'versions'] });
    },
  });
}

export const useSaveArea = (id: number) =>
  useDraftMutation(({ areaId, body }: { areaId: number | null; body: AreaBody }) =>
    areaId === null
      ? api<FrameworkTree>(apiUrl(apiRoutes.framework.areas, { id }), { method: 'POST', body })
      : api<FrameworkTree>(apiUrl(apiRoutes.framework.area, { id, areaId }), { method: 'PATCH', body }),
  );

export const useRemoveArea = (id: number) =>
  useDraftMutation((areaId: number) =>
    api<FrameworkTree>(apiUrl(apiRoutes.framework.area, { id, areaId }), { method: 'DELETE' }),
  );

export const useSaveCompetency = (id: number) =>
  useDraftMutation(
    ({
      competencyId,
      areaId,
      body,
    }: {
      competencyId: number | null;
      areaId: number;
      body: CompetencyBody;
    }) =>
      competencyId === null
        ? api<FrameworkTree>(apiUrl(apiRoutes.framework.competencies, { id }), {
            method: 'POST',
            body: { ...body, areaId },
          })
        : api<FrameworkTree>(apiUrl(apiRoutes.framework.competency, { id, competencyId }), {
            method: 'PATCH',
            body: { ...body, areaId },
          }),
  );

export const useRemoveCompetency = (id: number) =>
  useDraftMutation((competencyId: number) =>
    api<FrameworkTree>(apiUrl(apiRoutes.framework.competency, { id, competencyId }), {
      method: 'DELETE',
    }),
  );

export const useReorder = (id: number) =>
  useDraftMutation((areas: { id: number; competencyIds: number[] }[]) =>
    api<FrameworkTree>(apiUrl(apiRoutes.framework.order, { id }), { method: 'PUT', body: { areas } }),
  );

// ---- Paths against the published framework -----------------------------------------------------

export function usePathLinks(query: { page: number; q: string; unmapped: boolean }) {
  return useQuery({
    queryKey: [...KEY, 'paths', query],
    queryFn: ({ signal }) =>
      api<Paged<PathCompetencies>>(
        apiUrl(
          apiRoutes.framework.pathLinks,
          {},
          {
            page: query.page,
            pageSize: 10,
            unmapped: query.unmapped ? 'true' : 'false',
            ...(query.q.trim() ? { q: query.q.trim() } : {}),
          },
        ),
        { signal },
      ),
    placeholderData: (previous) => previous,
  });
}

export function useSetPathLinks() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      pathId,
      links,
    }: {
      pathId: number;
      links: { competencyId: number; text: string | null }[];
    }) =>
      api<PathCompetencies>(apiUrl(apiRoutes.framework.pathLink, { pathId }), {
        method: 'PUT',
        body: { links },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: [...KEY, 'paths'] }),
  });
}
