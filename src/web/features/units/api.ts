import { skipToken, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { apiRoutes, apiUrl } from '../../../common/api-routes';
import type { referenceData, Unit } from '../../../common/units';
import { api, type Paged } from '../../api/client';
import type { Choice } from '../../components/Field';

export type Reference = z.infer<typeof referenceData>;
export type UnitFilters = { q?: string; region?: string; inProgramme?: string; page?: number };

export const UNITS_KEY = ['units'] as const;

export function useUnits(filters: UnitFilters = {}, pageSize = 200) {
  return useQuery({
    queryKey: [...UNITS_KEY, filters, pageSize],
    queryFn: ({ signal }) =>
      api<Paged<Unit>>(apiUrl(apiRoutes.units.list, {}, { ...filters, pageSize }), { signal }),
    staleTime: 5 * 60_000,
    placeholderData: (previous) => previous,
  });
}

/** Every unit (there are 107), for select boxes. */
export function useAllUnits() {
  return useUnits({}, 200);
}

/** Every unit and every region, sorted by name, as select choices (the unit's value is its id). */
export function useUnitChoices(): { units: Choice[]; regions: Choice[] } {
  const all = useAllUnits();
  return useMemo(() => {
    const items = all.data?.items ?? [];
    const byName = (a: string, b: string) => a.localeCompare(b, 'it');
    return {
      units: [...items]
        .sort((a, b) => byName(a.name, b.name))
        .map((u) => ({ value: String(u.id), label: u.name })),
      regions: [...new Set(items.map((u) => u.regionName))].sort(byName).map((r) => ({ value: r, label: r })),
    };
  }, [all.data]);
}

export function useUnit(id: number | null) {
  return useQuery({
    queryKey: [...UNITS_KEY, 'one', id],
    queryFn:
      id === null ? skipToken : ({ signal }) => api<Unit>(apiUrl(apiRoutes.units.byId, { id }), { signal }),
  });
}

/** Names come in the interface language: the language is part of the key, so switching refetches them. */
export function useReference() {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: ['reference', i18n.language],
    queryFn: ({ signal }) => api<Reference>(apiUrl(apiRoutes.units.reference), { signal }),
    staleTime: 30 * 60_000,
  });
}
