import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRoutes, apiUrl } from '../../../common/api-routes';
import type {
  AssignedMember,
  AssignInput,
  Intervention,
  InterventionInput,
  Issue,
  IssueInput,
  MembersView,
  Milestone,
  MilestoneInput,
  UnitWork,
  WeekView,
} from '../../../common/taskforce';
import { api } from '../../api/client';

const KEY = ['taskforce'] as const;
type Members = { members: AssignedMember[] };

export const useMembers = (enabled = true) =>
  useQuery({
    queryKey: [...KEY, 'members'],
    queryFn: ({ signal }) => api<MembersView>(apiUrl(apiRoutes.taskforce.members), { signal }),
    enabled,
  });

export const useUnitWork = (id: number) =>
  useQuery({
    queryKey: [...KEY, 'unit', id],
    queryFn: ({ signal }) => api<UnitWork>(apiUrl(apiRoutes.taskforce.unit, { id }), { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });

export const useIssues = (id: number, enabled: boolean) =>
  useQuery({
    queryKey: [...KEY, 'issues', id],
    queryFn: ({ signal }) =>
      api<{ items: Issue[] }>(apiUrl(apiRoutes.taskforce.issues, { id }), { signal }).then((r) => r.items),
    enabled: enabled && Number.isInteger(id) && id > 0,
  });

export const useWeek = () =>
  useQuery({
    queryKey: [...KEY, 'week'],
    queryFn: ({ signal }) => api<WeekView>(apiUrl(apiRoutes.taskforce.week), { signal }),
  });

/** Every change refetches the task force's views: they are small, and the week reads all of them. */
function useChange<V, R>(fn: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: KEY }) });
}

export const useAssign = () =>
  useChange((v: { unitId: number } & AssignInput) =>
    api<Members>(apiUrl(apiRoutes.taskforce.unitMembers, { id: v.unitId }), {
      method: 'POST',
      body: { userId: v.userId, lead: v.lead ?? false },
    }),
  );

export const useUnassign = () =>
  useChange((v: { unitId: number; userId: string }) =>
    api<Members>(apiUrl(apiRoutes.taskforce.unitMember, { id: v.unitId, userId: v.userId }), {
      method: 'DELETE',
    }),
  );

export const useSetLead = () =>
  useChange((v: { unitId: number; userId: string }) =>
    api<Members>(apiUrl(apiRoutes.taskforce.lead, { id: v.unitId }), {
      method: 'PUT',
      body: { userId: v.userId },
    }),
  );

export const useSaveIntervention = (unitId: number) =>
  useChange((v: { id: number | null; body: InterventionInput }) =>
    v.id === null
      ? api<Intervention>(apiUrl(apiRoutes.taskforce.interventions, { id: unitId }), {
          method: 'POST',
          body: v.body,
        })
      : api<Intervention>(apiUrl(apiRoutes.taskforce.intervention, { id: v.id }), {
          method: 'PUT',
          body: v.body,
        }),
  );

export const useDeleteIntervention = () =>
  useChange((id: number) =>
    api<void>(apiUrl(apiRoutes.taskforce.intervention, { id }), { method: 'DELETE' }),
  );

export const useSaveIssue = (unitId: number) =>
  useChange((v: { id: number | null; body: IssueInput }) =>
    v.id === null
      ? api<Issue>(apiUrl(apiRoutes.taskforce.issues, { id: unitId }), { method: 'POST', body: v.body })
      : api<Issue>(apiUrl(apiRoutes.taskforce.issue, { id: v.id }), { method: 'PUT', body: v.body }),
  );

export const useSaveMilestone = (unitId: number) =>
  useChange((v: { id: number | null; body: MilestoneInput }) =>
    v.id === null
      ? api<Milestone>(apiUrl(apiRoutes.taskforce.milestones, { id: unitId }), {
          method: 'POST',
          body: v.body,
        })
      : api<Milestone>(apiUrl(apiRoutes.taskforce.milestone, { id: v.id }), { method: 'PUT', body: v.body }),
  );
