import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRoutes, apiUrl } from '../../../common/api-routes';
import type {
  DemandView,
  PlanItemUpdateInput,
  PlanList,
  PlanPathOption,
  PlanView,
  SuggestionView,
} from '../../../common/plans';
import { api } from '../../api/client';

const KEY = ['plans'] as const;

export function usePlans() {
  return useQuery({
    queryKey: [...KEY, 'list'],
    queryFn: ({ signal }) => api<PlanList>(apiUrl(apiRoutes.plans.list), { signal }),
  });
}

export function usePlan(id: number) {
  return useQuery({
    queryKey: [...KEY, 'plan', id],
    queryFn: ({ signal }) => api<PlanView>(apiUrl(apiRoutes.plans.plan, { id }), { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function usePathOptions(id: number, q: string, enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'paths', id, q],
    queryFn: ({ signal }) =>
      api<{ items: PlanPathOption[] }>(apiUrl(apiRoutes.plans.paths, { id }, { q: q.trim() }), {
        signal,
      }).then((r) => r.items),
    enabled,
  });
}

export const useCreatePlan = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { campaignId: number; unitId: number }) =>
      api<PlanView>(apiUrl(apiRoutes.plans.list), { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
};

/** Every change answers the whole plan: it replaces the cached one; a stale edit (409) refetches it. */
function usePlanChange<V>(id: number, fn: (v: V) => Promise<PlanView>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (plan) => {
      client.setQueryData([...KEY, 'plan', id], plan);
      void client.invalidateQueries({ queryKey: [...KEY, 'list'] });
    },
  });
}

export const useUpdateItem = (id: number) =>
  usePlanChange(id, ({ itemId, ...body }: PlanItemUpdateInput & { itemId: number }) =>
    api<PlanView>(apiUrl(apiRoutes.plans.item, { id, itemId }), { method: 'PATCH', body }),
  );

export const useRemoveItem = (id: number) =>
  usePlanChange(id, ({ itemId, version }: { itemId: number; version: number }) =>
    api<PlanView>(apiUrl(apiRoutes.plans.item, { id, itemId }, { version }), { method: 'DELETE' }),
  );

export const useAddItem = (id: number) =>
  usePlanChange(id, (body: { pathId: number; version: number }) =>
    api<PlanView>(apiUrl(apiRoutes.plans.items, { id }), { method: 'POST', body }),
  );

export const useReorder = (id: number) =>
  usePlanChange(id, (body: { itemIds: number[]; version: number }) =>
    api<PlanView>(apiUrl(apiRoutes.plans.order, { id }), { method: 'PUT', body }),
  );

export const useUpdatePlan = (id: number) =>
  usePlanChange(id, (body: { notes: string; version: number }) =>
    api<PlanView>(apiUrl(apiRoutes.plans.plan, { id }), { method: 'PATCH', body }),
  );

export const useDecision = (id: number) =>
  usePlanChange(id, ({ action, version }: { action: 'approve' | 'reopen'; version: number }) =>
    api<PlanView>(apiUrl(action === 'approve' ? apiRoutes.plans.approve : apiRoutes.plans.reopen, { id }), {
      method: 'POST',
      body: { version },
    }),
  );

export const exportUrl = (id: number, format: 'pdf' | 'docx') =>
  apiUrl(format === 'pdf' ? apiRoutes.plans.exportPdf : apiRoutes.plans.exportDocx, { id });

export function useDemandCampaigns() {
  return useQuery({
    queryKey: [...KEY, 'demand-campaigns'],
    queryFn: ({ signal }) =>
      api<{ items: { id: number; title: { it: string; en: string }; closesOn: string }[] }>(
        apiUrl(apiRoutes.plans.demandCampaigns),
        { signal },
      ).then((r) => r.items),
  });
}

export function useDemand(campaign: number | null) {
  return useQuery({
    queryKey: [...KEY, 'demand', campaign],
    queryFn: ({ signal }) => api<DemandView>(apiUrl(apiRoutes.plans.demand, {}, { campaign }), { signal }),
    enabled: campaign !== null,
  });
}

export const demandCsvUrl = (campaign: number) => apiUrl(apiRoutes.plans.demandCsv, {}, { campaign });

export function useSuggestions() {
  return useQuery({
    queryKey: [...KEY, 'suggestions'],
    queryFn: ({ signal }) => api<SuggestionView>(apiUrl(apiRoutes.plans.suggestions), { signal }),
  });
}
