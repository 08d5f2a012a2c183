import { keepPreviousData, skipToken, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { type ApiUrl, apiRoutes, apiUrl } from '../../../common/api-routes';
import type {
  CalendarPage,
  PublicPathListQuery,
  PublicPathSummary,
  publicEdition,
  publicPath,
} from '../../../common/catalogue';
import { api, type Paged } from '../../api/client';

export type PublicPath = z.infer<typeof publicPath>;
export type PublicEdition = z.infer<typeof publicEdition>;

export const PUBLIC_KEY = ['public'] as const;

export function useCalendar(path: ApiUrl) {
  return useQuery({
    queryKey: [...PUBLIC_KEY, 'calendar', path],
    // The server lets browsers keep the calendar for a minute; revalidating (a cheap 304 when nothing
    // changed) shows a session published or cancelled a moment ago.
    queryFn: ({ signal }) => api<CalendarPage>(path, { signal, cache: 'no-cache' }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

// Public pages hold texts written by the server in the request's language (eligibility, names): the
// language is part of their keys, so switching language fetches them again.

export function usePublicPath(slug: string) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: [...PUBLIC_KEY, 'path', slug, i18n.language],
    queryFn: ({ signal }) =>
      api<PublicPath>(apiUrl(apiRoutes.calendar.publicPath, { slug }), { signal, cache: 'no-cache' }),
  });
}

export function usePublicEdition(id: number | null) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: [...PUBLIC_KEY, 'edition', id, i18n.language],
    queryFn:
      id === null
        ? skipToken
        : ({ signal }) =>
            api<PublicEdition>(apiUrl(apiRoutes.calendar.publicEdition, { id }), {
              signal,
              cache: 'no-cache',
            }),
  });
}

/** Published paths, with the number of editions still to come. */
export function usePublicPaths(q: Partial<PublicPathListQuery>) {
  const { i18n } = useTranslation();
  const path = apiUrl(apiRoutes.calendar.publicPaths, {}, q);
  return useQuery({
    queryKey: [...PUBLIC_KEY, 'paths', path, i18n.language],
    queryFn: ({ signal }) => api<Paged<PublicPathSummary>>(path, { signal, cache: 'no-cache' }),
    placeholderData: keepPreviousData,
  });
}
