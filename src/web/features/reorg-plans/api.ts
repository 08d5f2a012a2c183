import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRoutes, apiUrl } from '../../../common/api-routes';
import type {
  CompareView,
  DecisionInput,
  ProposeInput,
  ReorgPlanView,
  StatusInput,
} from '../../../common/reorg-plans';

/** The part of the reference data the editor uses. */
type ReferenceData = { jobProfiles: { code: string; name: string }[] };

import { api } from '../../api/client';

const KEY = ['reorgPlans'] as const;

export function useReorgPlan(unitId: number) {
  return useQuery({
    queryKey: [...KEY, unitId],
    queryFn: ({ signal }) =>
      api<ReorgPlanView>(apiUrl(apiRoutes.reorgPlans.plan, { id: unitId }), { signal }),
    enabled: Number.isInteger(unitId) && unitId > 0,
  });
}

export function useCompare(unitId: number, from: number, to: number) {
  return useQuery({
    queryKey: [...KEY, unitId, 'compare', from, to],
    queryFn: ({ signal }) =>
      api<CompareView>(apiUrl(apiRoutes.reorgPlans.compare, { id: unitId }, { from, to }), { signal }),
    enabled: Number.isInteger(from) && Number.isInteger(to) && from >= 0 && to > 0,
  });
}

export function useJobProfiles() {
  return useQuery({
    queryKey: ['reference'],
    queryFn: ({ signal }) => api<ReferenceData>(apiUrl(apiRoutes.units.reference), { signal }),
    select: (r) => r.jobProfiles,
    staleTime: 10 * 60_000,
  });
}

/** Every change answers the whole plan: it replaces the cached one. */
function usePlanChange<V>(unitId: number, fn: (v: V) => Promise<ReorgPlanView>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (plan) => client.setQueryData([...KEY, unitId], plan),
  });
}

export const usePropose = (unitId: number) =>
  usePlanChange(unitId, (body: ProposeInput) =>
    api<ReorgPlanView>(apiUrl(apiRoutes.reorgPlans.versions, { id: unitId }), { method: 'POST', body }),
  );

export const useDecide = (unitId: number) =>
  usePlanChange(unitId, ({ number, ...body }: DecisionInput & { number: number }) =>
    api<ReorgPlanView>(apiUrl(apiRoutes.reorgPlans.decision, { id: unitId, number }), {
      method: 'POST',
      body,
    }),
  );

export const useWithdraw = (unitId: number) =>
  usePlanChange(unitId, (number: number) =>
    api<ReorgPlanView>(apiUrl(apiRoutes.reorgPlans.withdraw, { id: unitId, number }), { method: 'POST' }),
  );

export const useSetStatus = (unitId: number) =>
  usePlanChange(unitId, (body: StatusInput) =>
    api<ReorgPlanView>(apiUrl(apiRoutes.reorgPlans.status, { id: unitId }), { method: 'POST', body }),
  );

export const useUpload = (unitId: number) =>
  usePlanChange(unitId, ({ file, kind, title }: { file: File; kind: string; title: string }) => {
    // The fields go before the file: the server reads them as it reaches the file.
    const body = new FormData();
    body.append('kind', kind);
    body.append('title', title);
    body.append('file', file);
    return api<ReorgPlanView>(apiUrl(apiRoutes.reorgPlans.documents, { id: unitId }), {
      method: 'POST',
      body,
    });
  });

export const useRemoveDocument = (unitId: number) =>
  usePlanChange(unitId, (documentId: number) =>
    api<ReorgPlanView>(apiUrl(apiRoutes.reorgPlans.document, { id: unitId, documentId }), {
      method: 'DELETE',
    }),
  );

export const documentUrl = (unitId: number, documentId: number) =>
  apiUrl(apiRoutes.reorgPlans.document, { id: unitId, documentId });
