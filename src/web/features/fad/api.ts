import { skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRoutes, apiUrl } from '../../../common/api-routes';
import type {
  FadBeat,
  FadModuleCreateBody,
  FadModuleSummary,
  FadModuleUpdateBody,
  FadModuleView,
  FadOnlineSession,
  FadPage,
  FadPageBody,
  FadProgress,
  MyFad,
  ScormCommit,
  ScormCommitResult,
  ScormLaunch,
} from '../../../common/fad';
import { api } from '../../api/client';

export const FAD_KEY = ['fad'] as const;
const r = apiRoutes.fad;

export function useMyFad() {
  return useQuery({
    queryKey: [...FAD_KEY, 'mine'],
    queryFn: ({ signal }) => api<MyFad>(apiUrl(r.mine), { signal }),
  });
}

export function useFadModule(id: number | null) {
  return useQuery({
    queryKey: [...FAD_KEY, 'module', id],
    queryFn:
      id === null ? skipToken : ({ signal }) => api<FadModuleView>(apiUrl(r.module, { id }), { signal }),
  });
}

export function usePathModules(pathId: number | null) {
  return useQuery({
    queryKey: [...FAD_KEY, 'path', pathId],
    queryFn:
      pathId === null
        ? skipToken
        : ({ signal }) => api<{ items: FadModuleSummary[] }>(apiUrl(r.pathModules, { pathId }), { signal }),
  });
}

export function usePathSessions(pathId: number | null) {
  return useQuery({
    queryKey: [...FAD_KEY, 'sessions', pathId],
    queryFn:
      pathId === null
        ? skipToken
        : ({ signal }) => api<{ items: FadOnlineSession[] }>(apiUrl(r.pathSessions, { pathId }), { signal }),
  });
}

/** Every change of the editor refreshes what the editor and the learners' pages show. */
function useFadMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: FAD_KEY }),
  });
}

export const useCreateModule = (pathId: number) =>
  useFadMutation((body: FadModuleCreateBody) =>
    api<FadModuleSummary>(apiUrl(r.pathModules, { pathId }), { method: 'POST', body }),
  );

export const useUpdateModule = (id: number) =>
  useFadMutation((body: FadModuleUpdateBody) =>
    api<FadModuleSummary>(apiUrl(r.module, { id }), { method: 'PUT', body }),
  );

export const useDeleteModule = () =>
  useFadMutation((id: number) => api<{ ok: true }>(apiUrl(r.module, { id }), { method: 'DELETE' }));

export const useAddPage = (id: number) =>
  useFadMutation((body: FadPageBody) => api<FadPage>(apiUrl(r.pages, { id }), { method: 'POST', body }));

export const useUpdatePage = () =>
  useFadMutation(({ pageId, body }: { pageId: number; body: FadPageBody }) =>
    api<FadPage>(apiUrl(r.page, { pageId }), { method: 'PUT', body }),
  );

export const useDeletePage = () =>
  useFadMutation((pageId: number) => api<{ ok: true }>(apiUrl(r.page, { pageId }), { method: 'DELETE' }));

export const useReorderPages = (id: number) =>
  useFadMutation((pageIds: number[]) =>
    api<FadPage[]>(apiUrl(r.pageOrder, { id }), { method: 'PUT', body: { pageIds } }),
  );

export const useLinkSession = () =>
  useFadMutation(({ sessionId, moduleId }: { sessionId: number; moduleId: number | null }) =>
    api<{ ok: true }>(apiUrl(r.sessionModule, { sessionId }), { method: 'PUT', body: { moduleId } }),
  );

/** One beat of the player; `keepalive` for the last one, sent as the tab closes. */
export function sendBeat(moduleId: number, beat: FadBeat, keepalive = false) {
  return api<FadProgress>(apiUrl(r.progress, { id: moduleId }), { method: 'POST', body: beat, keepalive });
}

/** Uploads a SCORM module's package (a zip), replacing the previous one. */
export const useUploadScorm = (id: number) =>
  useFadMutation((file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api<FadModuleSummary>(apiUrl(r.scorm, { id }), { method: 'POST', body: form });
  });

/** Opens a SCORM module: the player's address and the data saved (a new visit each time). */
export const scormLaunch = (id: number, signal?: AbortSignal) =>
  api<ScormLaunch>(apiUrl(r.scormLaunch, { id }), { signal });

/** Saves a commit of the SCORM runtime; `keepalive` for the last one, sent as the page closes. */
export const sendScormCommit = (id: number, body: ScormCommit, keepalive = false) =>
  api<ScormCommitResult>(apiUrl(r.scormCommit, { id }), { method: 'POST', body, keepalive });
