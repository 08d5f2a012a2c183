import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRoutes, apiUrl } from '../../../common/api-routes';
import type {
  ExpectationChange,
  ImportReport,
  JobProfileList,
  ProfileExpectationsView,
} from '../../../common/profiles';
import { api } from '../../api/client';

const KEY = ['profiles'] as const;

/** Job profiles with their counts; `unit` for an admin looking at a unit (an officer gets their own). */
export function useJobProfiles(unit: number | null) {
  return useQuery({
    queryKey: [...KEY, 'list', unit],
    queryFn: ({ signal }) => api<JobProfileList>(apiUrl(apiRoutes.profiles.list, {}, { unit }), { signal }),
  });
}

export function useExpectations(code: string, unit: number | null) {
  return useQuery({
    queryKey: [...KEY, 'expectations', code, unit],
    queryFn: ({ signal }) =>
      api<ProfileExpectationsView>(apiUrl(apiRoutes.profiles.expectations, { code }, { unit }), { signal }),
    enabled: code !== '',
  });
}

/** Every change may change the counts and the other scope's effective levels: refetch all. */
function useProfilesMutation<V, R>(fn: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: KEY }) });
}

export const useSaveLevels = () =>
  useProfilesMutation(
    ({ code, unit, levels }: { code: string; unit: number | null; levels: ExpectationChange[] }) =>
      api<ProfileExpectationsView>(apiUrl(apiRoutes.profiles.expectations, { code }, { unit }), {
        method: 'PUT',
        body: { levels },
      }),
  );

export const useImportLevels = () =>
  useProfilesMutation(({ code, unit, file }: { code: string; unit: number | null; file: File }) => {
    const body = new FormData();
    body.append('file', file);
    return api<ImportReport>(apiUrl(apiRoutes.profiles.import, { code }, { unit }), { method: 'POST', body });
  });

export const exportUrl = (code: string, unit: number | null) =>
  apiUrl(apiRoutes.profiles.exportCsv, { code }, { unit });
