import { keepPreviousData, skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRoutes, apiUrl } from '../../../common/api-routes';
import type {
  Edition,
  EditionInput,
  editionTransition,
  PathInput,
  Session,
  SessionInput,
  scheduleImportReport,
  TrainingPath,
} from '../../../common/catalogue';
import { api, type Paged } from '../../api/client';
import { PUBLIC_KEY } from '../training/api';

export type EditionTransition = z.infer<typeof editionTransition>;
export type ScheduleImportReport = z.infer<typeof scheduleImportReport>;
export type PathFilters = {
  q?: string;
  domain?: string;
  serviceModel?: string;
  status?: string;
  page?: number;
};
export type PathStatus = TrainingPath['status'];

const CATALOGUE_KEY = ['catalogue'] as const;
export const PATHS_PAGE_SIZE = 25;

/** Any change to the catalogue can change what the public pages show. */
function useInvalidate() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: CATALOGUE_KEY }),
      client.invalidateQueries({ queryKey: PUBLIC_KEY }),
    ]);
}

export function usePaths(filters: PathFilters) {
  return useQuery({
    queryKey: [...CATALOGUE_KEY, 'paths', filters],
    queryFn: ({ signal }) =>
      api<Paged<TrainingPath>>(
        apiUrl(apiRoutes.catalogue.paths, {}, { ...filters, pageSize: PATHS_PAGE_SIZE }),
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}

export function usePath(id: number | null) {
  return useQuery({
    queryKey: [...CATALOGUE_KEY, 'path', id],
    queryFn:
      id === null
        ? skipToken
        : ({ signal }) => api<TrainingPath>(apiUrl(apiRoutes.catalogue.path, { id }), { signal }),
  });
}

export function useSavePath(id: number | null) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: PathInput) =>
      id === null
        ? api<TrainingPath>(apiUrl(apiRoutes.catalogue.paths), { method: 'POST', body: input })
        : api<TrainingPath>(apiUrl(apiRoutes.catalogue.path, { id }), { method: 'PATCH', body: input }),
    onSuccess: invalidate,
  });
}

export function usePathStatus(id: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (status: PathStatus) =>
      api<TrainingPath>(apiUrl(apiRoutes.catalogue.pathStatus, { id }), { method: 'POST', body: { status } }),
    onSuccess: invalidate,
  });
}

export function useEditions(filters: { pathId?: number; status?: string; page?: number }) {
  return useQuery({
    queryKey: [...CATALOGUE_KEY, 'editions', filters],
    queryFn: ({ signal }) =>
      api<Paged<Edition>>(apiUrl(apiRoutes.catalogue.editions, {}, { ...filters, pageSize: 100 }), {
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useEdition(id: number | null) {
  return useQuery({
    queryKey: [...CATALOGUE_KEY, 'edition', id],
    queryFn:
      id === null
        ? skipToken
        : ({ signal }) => api<Edition>(apiUrl(apiRoutes.catalogue.edition, { id }), { signal }),
  });
}

export function useCreateEdition() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: EditionInput) =>
      api<Edition>(apiUrl(apiRoutes.catalogue.editions), { method: 'POST', body: input }),
    onSuccess: invalidate,
  });
}

export function useUpdateEdition(id: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: Omit<EditionInput, 'pathId'>) =>
      api<Edition>(apiUrl(apiRoutes.catalogue.edition, { id }), { method: 'PATCH', body: input }),
    onSuccess: invalidate,
  });
}

export function useEditionTransition(id: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: EditionTransition) =>
      api<Edition>(apiUrl(apiRoutes.catalogue.editionStatus, { id }), { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useSaveSession(editionId: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, input }: { id: number | null; input: SessionInput }) =>
      id === null
        ? api<Session>(apiUrl(apiRoutes.catalogue.sessions, { id: editionId }), {
            method: 'POST',
            body: input,
          })
        : api<Session>(apiUrl(apiRoutes.catalogue.session, { id: editionId, sessionId: id }), {
            method: 'PATCH',
            body: input,
          }),
    onSuccess: invalidate,
  });
}

export function useCancelSession(editionId: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, reason }: { id: number; reason: string }) =>
      api<Session>(apiUrl(apiRoutes.catalogue.sessionCancel, { id: editionId, sessionId: id }), {
        method: 'POST',
        body: { reason },
      }),
    onSuccess: invalidate,
  });
}

export function useScheduleImport() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api<ScheduleImportReport>(apiUrl(apiRoutes.catalogue.editionsImport), {
        method: 'POST',
        body: form,
      });
    },
    onSuccess: invalidate,
  });
}

/** People with the trainer role, to staff editions (the users list is open to those who manage users). */
export function useTrainers(enabled: boolean) {
  return useQuery({
    queryKey: ['users', 'trainers'],
    queryFn: ({ signal }) =>
      api<Paged<{ id: string; name: string; email: string; active: boolean }>>(
        apiUrl(apiRoutes.users.list, {}, { role: 'trainer', active: 'true', pageSize: 100 }),
        { signal },
      ),
    enabled,
    staleTime: 5 * 60_000,
  });
}
