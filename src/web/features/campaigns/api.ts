import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRoutes, apiUrl } from '../../../common/api-routes';
import type {
  AnswersInput,
  AssessmentDetail,
  CampaignDetail,
  CampaignInput,
  CampaignProgress,
  CampaignQuestion,
  CampaignSummary,
  MyCampaign,
  QuestionInput,
  Questionnaire,
  SubmitInput,
} from '../../../common/campaigns';
import { api } from '../../api/client';

const KEY = ['campaigns'] as const;
const MINE = ['my-campaigns'] as const;

export function useCampaigns() {
  return useQuery({
    queryKey: [...KEY, 'list'],
    queryFn: ({ signal }) =>
      api<{ items: CampaignSummary[] }>(apiUrl(apiRoutes.campaigns.list), { signal }).then((r) => r.items),
  });
}

export function useCampaign(id: number) {
  return useQuery({
    queryKey: [...KEY, 'one', id],
    queryFn: ({ signal }) => api<CampaignDetail>(apiUrl(apiRoutes.campaigns.campaign, { id }), { signal }),
    enabled: Number.isInteger(id),
  });
}

/** Live: refetched every 20 seconds while the page is open. */
export function useProgress(id: number, enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'progress', id],
    queryFn: ({ signal }) => api<CampaignProgress>(apiUrl(apiRoutes.campaigns.progress, { id }), { signal }),
    enabled: enabled && Number.isInteger(id),
    refetchInterval: 20_000,
  });
}

function useCampaignMutation<V, R>(fn: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: KEY }) });
}

/** Saves a campaign, then its questions (a new campaign gets its id first). */
export const useSaveCampaign = (id: number | null) =>
  useCampaignMutation(
    async ({ campaign, questions }: { campaign: CampaignInput; questions: QuestionInput[] }) => {
      const saved =
        id === null
          ? await api<CampaignDetail>(apiUrl(apiRoutes.campaigns.list), { method: 'POST', body: campaign })
          : await api<CampaignDetail>(apiUrl(apiRoutes.campaigns.campaign, { id }), {
              method: 'PUT',
              body: campaign,
            });
      await api<{ items: CampaignQuestion[] }>(apiUrl(apiRoutes.campaigns.questions, { id: saved.id }), {
        method: 'PUT',
        body: { questions },
      });
      return saved;
    },
  );

export const useOpenCampaign = () =>
  useCampaignMutation((id: number) =>
    api<CampaignDetail>(apiUrl(apiRoutes.campaigns.open, { id }), { method: 'POST' }),
  );
export const useCloseCampaign = () =>
  useCampaignMutation((id: number) =>
    api<CampaignDetail>(apiUrl(apiRoutes.campaigns.close, { id }), { method: 'POST' }),
  );
export const useDeleteCampaign = () =>
  useCampaignMutation((id: number) =>
    api<{ ok: true }>(apiUrl(apiRoutes.campaigns.campaign, { id }), { method: 'DELETE' }),
  );
export const useRemind = (id: number) =>
  useCampaignMutation((unitId: number | undefined) =>
    api<{ sent: number; skipped: number }>(apiUrl(apiRoutes.campaigns.reminders, { id }), {
      method: 'POST',
      body: unitId === undefined ? {} : { unitId },
    }),
  );

export function useAssessments(id: number, enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'assessments', id],
    queryFn: ({ signal }) =>
      api<{ items: Omit<AssessmentDetail, 'levels'>[] }>(apiUrl(apiRoutes.campaigns.assessments, { id }), {
        signal,
      }).then((r) => r.items),
    enabled,
  });
}

export function useAssessment(id: number, participantId: number) {
  return useQuery({
    queryKey: [...KEY, 'assessment', id, participantId],
    queryFn: ({ signal }) =>
      api<AssessmentDetail>(apiUrl(apiRoutes.campaigns.assessment, { id, participantId }), { signal }),
  });
}

export const useSaveAssessment = (id: number, participantId: number) =>
  useCampaignMutation((levels: { competencyId: number; managerLevel: number | null }[]) =>
    api<AssessmentDetail>(apiUrl(apiRoutes.campaigns.assessment, { id, participantId }), {
      method: 'PUT',
      body: { levels },
    }),
  );

// ---- The respondent ----

export function useMyCampaigns(enabled = true) {
  return useQuery({
    queryKey: [...MINE, 'list'],
    queryFn: ({ signal }) =>
      api<{ items: MyCampaign[] }>(apiUrl(apiRoutes.campaigns.mine), { signal }).then((r) => r.items),
    enabled,
  });
}

export function useQuestionnaire(id: number) {
  return useQuery({
    queryKey: [...MINE, 'one', id],
    queryFn: ({ signal }) => api<Questionnaire>(apiUrl(apiRoutes.campaigns.myCampaign, { id }), { signal }),
    enabled: Number.isInteger(id),
    // What is on screen is the truth while answering: no refetch on focus; and no cached copy when
    // coming back, so the page starts from what the server saved.
    refetchOnWindowFocus: false,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
  });
}

export const saveDraft = (id: number, answers: AnswersInput) =>
  api<{ savedAt: string }>(apiUrl(apiRoutes.campaigns.draft, { id }), { method: 'PUT', body: answers });

export function useSubmitAnswers(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (answers: SubmitInput) =>
      api<{ submittedAt: string }>(apiUrl(apiRoutes.campaigns.submit, { id }), {
        method: 'POST',
        body: answers,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: MINE }),
  });
}
