import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRoutes, apiUrl } from '../../../common/api-routes';
import type {
  DeadlineMoveInput,
  DeadlineRuleInput,
  DeadlineRulesView,
  DeadlinesView,
  ProgrammingDocumentInput,
  ProgrammingView,
} from '../../../common/programming';
import type { ProgrammingKind } from '../../../common/restructuring';
import { api } from '../../api/client';

const KEY = ['programming'] as const;

export function useProgramming(unitId: number, year: number | undefined) {
  return useQuery({
    queryKey: [...KEY, 'unit', unitId, year ?? 'next'],
    queryFn: ({ signal }) =>
      api<ProgrammingView>(apiUrl(apiRoutes.programming.unit, { id: unitId }, { year }), { signal }),
    enabled: Number.isInteger(unitId) && unitId > 0,
  });
}

/** Saving answers the whole year: it replaces the cached one; a stale save (409) refetches it. */
export function useSaveDocument(unitId: number, year: number, kind: ProgrammingKind) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ProgrammingDocumentInput) =>
      api<ProgrammingView>(apiUrl(apiRoutes.programming.document, { id: unitId, year, kind }), {
        method: 'PUT',
        body,
      }),
    onSuccess: (view) => {
      client.setQueryData([...KEY, 'unit', unitId, year], view);
      void client.invalidateQueries({ queryKey: [...KEY, 'deadlines'] });
    },
    onError: () => client.invalidateQueries({ queryKey: [...KEY, 'unit', unitId] }),
  });
}

export function useDeadlineRules() {
  return useQuery({
    queryKey: [...KEY, 'rules'],
    queryFn: ({ signal }) => api<DeadlineRulesView>(apiUrl(apiRoutes.programming.rules), { signal }),
  });
}

type RuleChange =
  | { op: 'createRule'; body: DeadlineRuleInput }
  | { op: 'updateRule'; id: number; body: DeadlineRuleInput }
  | { op: 'deleteRule'; id: number }
  | { op: 'createMove'; body: DeadlineMoveInput }
  | { op: 'updateMove'; id: number; body: DeadlineMoveInput }
  | { op: 'deleteMove'; id: number };

function send(c: RuleChange): Promise<DeadlineRulesView> {
  switch (c.op) {
    case 'createRule':
      return api(apiUrl(apiRoutes.programming.rules), { method: 'POST', body: c.body });
    case 'updateRule':
      return api(apiUrl(apiRoutes.programming.rule, { id: c.id }), { method: 'PUT', body: c.body });
    case 'deleteRule':
      return api(apiUrl(apiRoutes.programming.rule, { id: c.id }), { method: 'DELETE' });
    case 'createMove':
      return api(apiUrl(apiRoutes.programming.moves), { method: 'POST', body: c.body });
    case 'updateMove':
      return api(apiUrl(apiRoutes.programming.move, { id: c.id }), { method: 'PUT', body: c.body });
    case 'deleteMove':
      return api(apiUrl(apiRoutes.programming.move, { id: c.id }), { method: 'DELETE' });
  }
}

export function useRuleChange() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (view) => {
      client.setQueryData([...KEY, 'rules'], view);
      // Every deadline may have moved.
      void client.invalidateQueries({ queryKey: [...KEY, 'unit'] });
      void client.invalidateQueries({ queryKey: [...KEY, 'deadlines'] });
    },
  });
}

export type DeadlinesFilter = { kind?: string; region?: string; sort?: string };

export function useDeadlines(filter: DeadlinesFilter) {
  return useQuery({
    queryKey: [...KEY, 'deadlines', filter],
    queryFn: ({ signal }) =>
      api<DeadlinesView>(apiUrl(apiRoutes.programming.deadlines, {}, filter), { signal }),
  });
}

export const deadlinesCsvUrl = (filter: DeadlinesFilter) =>
  apiUrl(apiRoutes.programming.deadlinesCsv, {}, filter);
