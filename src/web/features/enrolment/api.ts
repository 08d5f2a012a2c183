import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { apiRoutes, apiUrl } from '../../../common/api-routes';
import {
  ACTIVE_ENROLMENT_STATUSES,
  type Enrolment,
  type nominationReport,
  type SeatSummary,
} from '../../../common/enrolment';
import { api, type Paged } from '../../api/client';
import { PUBLIC_KEY, type PublicPath } from '../training/api';

export type NominationReport = z.infer<typeof nominationReport>;
export type EnrolmentFilters = {
  editionId?: string | undefined;
  status?: string | undefined;
  unitId?: string | undefined;
  q?: string | undefined;
  page?: number;
};

export const ENROLMENTS_KEY = ['enrolments'] as const;
export const ENROLMENTS_PAGE_SIZE = 25;
/** The statuses that hold (or wait for) a seat: one of them at most per person and edition. */
export const ACTIVE_STATUSES = ACTIVE_ENROLMENT_STATUSES;

/**
 * Any change to an enrolment moves seats: the lists, the seat summaries, the public pages (seats left)
 * and the administrators' edition pages all show them.
 */
function useInvalidate() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ENROLMENTS_KEY }),
      client.invalidateQueries({ queryKey: PUBLIC_KEY }),
      client.invalidateQueries({ queryKey: ['catalogue'] }),
    ]);
}

export function useMyEnrolments(enabled = true) {
  return useQuery({
    queryKey: [...ENROLMENTS_KEY, 'mine'],
    queryFn: ({ signal }) => api<{ items: Enrolment[] }>(apiUrl(apiRoutes.enrolment.mine), { signal }),
    enabled,
  });
}

export function useEnrolments(filters: EnrolmentFilters, pageSize = ENROLMENTS_PAGE_SIZE, enabled = true) {
  return useQuery({
    queryKey: [...ENROLMENTS_KEY, 'list', filters, pageSize],
    queryFn: ({ signal }) =>
      api<Paged<Enrolment>>(apiUrl(apiRoutes.enrolment.list, {}, { ...filters, pageSize }), { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useSeats(editionId: number) {
  return useQuery({
    queryKey: [...ENROLMENTS_KEY, 'seats', editionId],
    queryFn: ({ signal }) =>
      api<SeatSummary>(apiUrl(apiRoutes.enrolment.seats, { id: editionId }), { signal }),
  });
}

export function useEnrol() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (editionId: number) =>
      api<Enrolment>(apiUrl(apiRoutes.enrolment.list), { method: 'POST', body: { editionId } }),
    onSuccess: invalidate,
  });
}

export function useCancelEnrolment() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, reason }: { id: number; reason?: string | undefined }) =>
      api<Enrolment>(apiUrl(apiRoutes.enrolment.cancel, { id }), {
        method: 'POST',
        body: reason ? { reason } : {},
      }),
    onSuccess: invalidate,
  });
}

export type Decision = { decision: 'approve' } | { decision: 'reject'; reason: string };

export function useDecision() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: Decision }) =>
      api<Enrolment>(apiUrl(apiRoutes.enrolment.decision, { id }), { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useMoveEnrolment() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, toEditionId }: { id: number; toEditionId: number }) =>
      api<Enrolment>(apiUrl(apiRoutes.enrolment.move, { id }), { method: 'POST', body: { toEditionId } }),
    onSuccess: invalidate,
  });
}

export function useNominate() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { editionId: number; userIds: string[] }) =>
      api<NominationReport>(apiUrl(apiRoutes.enrolment.nominations), { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useSaveQuotas(editionId: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (quotas: { unitId: number; seats: number }[]) =>
      api<SeatSummary>(apiUrl(apiRoutes.enrolment.quotas, { id: editionId }), {
        method: 'PUT',
        body: { quotas },
      }),
    onSuccess: invalidate,
  });
}

/** Published paths (by title), to choose an edition without the administrators' catalogue API. */
export function usePublishedPaths() {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: [...PUBLIC_KEY, 'paths', 'all', i18n.language],
    queryFn: ({ signal }) =>
      api<Paged<{ id: number; slug: string; title: string }>>(
        apiUrl(apiRoutes.calendar.publicPaths, {}, { pageSize: 200 }),
        { signal },
      ),
    staleTime: 5 * 60_000,
  });
}

/** The public page of a path, which lists its editions. */
export function usePathEditions(slug: string | undefined) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: [...PUBLIC_KEY, 'path', slug, i18n.language],
    queryFn: ({ signal }) =>
      api<PublicPath>(apiUrl(apiRoutes.calendar.publicPath, { slug: slug ?? '' }), { signal }),
    enabled: !!slug,
  });
}
