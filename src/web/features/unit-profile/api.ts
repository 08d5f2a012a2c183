import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRoutes, apiUrl } from '../../../common/api-routes';
import type { Contact, PopulationImportReport, UnitProfile } from '../../../common/unit-profiles';
import { api } from '../../api/client';

const KEY = ['unitProfile'] as const;

export function useUnitProfile(id: number) {
  return useQuery({
    queryKey: [...KEY, id],
    queryFn: ({ signal }) => api<UnitProfile>(apiUrl(apiRoutes.unitProfiles.profile, { id }), { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export type DetailsBody = Omit<UnitProfile['details'], 'updatedAt'>;
export type ContactBody = Omit<Contact, 'id'>;

/** Changes answering the whole profile replace the cached one; the others refetch it. */
function useProfileChange<V>(id: number, fn: (v: V) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (answer) => {
      if (answer && typeof answer === 'object' && 'unit' in answer) client.setQueryData([...KEY, id], answer);
      else void client.invalidateQueries({ queryKey: [...KEY, id] });
    },
  });
}

export const useSaveDetails = (id: number) =>
  useProfileChange(id, (body: DetailsBody) =>
    api<UnitProfile>(apiUrl(apiRoutes.unitProfiles.details, { id }), { method: 'PUT', body }),
  );

export const useSavePopulation = (id: number) =>
  useProfileChange(id, ({ year, ...body }: { year: number; population: number; source: string }) =>
    api<UnitProfile>(apiUrl(apiRoutes.unitProfiles.population, { id, year }), { method: 'PUT', body }),
  );

export const useDeletePopulation = (id: number) =>
  useProfileChange(id, (year: number) =>
    api<UnitProfile>(apiUrl(apiRoutes.unitProfiles.population, { id, year }), { method: 'DELETE' }),
  );

export const useSaveContact = (id: number) =>
  useProfileChange(id, ({ contactId, body }: { contactId: number | null; body: ContactBody }) =>
    contactId === null
      ? api<Contact>(apiUrl(apiRoutes.unitProfiles.contacts, { id }), { method: 'POST', body })
      : api<Contact>(apiUrl(apiRoutes.unitProfiles.contact, { id, contactId }), { method: 'PUT', body }),
  );

export const useDeleteContact = (id: number) =>
  useProfileChange(id, (contactId: number) =>
    api<{ ok: true }>(apiUrl(apiRoutes.unitProfiles.contact, { id, contactId }), { method: 'DELETE' }),
  );

export function usePopulationImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, year, source }: { file: File; year: string; source: string }) => {
      const form = new FormData();
      // Fields before the file: a streaming multipart parser only sees fields that precede it.
      if (year) form.append('year', year);
      if (source) form.append('source', source);
      form.append('file', file, file.name);
      return api<PopulationImportReport>(apiUrl(apiRoutes.unitProfiles.populationImport), {
        method: 'POST',
        body: form,
      });
    },
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}
