import { skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRoutes, apiUrl } from '../../../common/api-routes';
import type {
  FeedbackBody,
  FeedbackDue,
  FeedbackSummary,
  MySession,
  Transcript,
} from '../../../common/learning';
import { api } from '../../api/client';

export const LEARNING_KEY = ['learning'] as const;

export function useTranscript() {
  return useQuery({
    queryKey: [...LEARNING_KEY, 'transcript'],
    queryFn: ({ signal }) => api<Transcript>(apiUrl(apiRoutes.learning.transcript), { signal }),
  });
}

/** My sessions between two Rome days (both included); the server's default is from today for a year. */
export function useMySessions(range: { from?: string; to?: string } = {}, enabled = true) {
  return useQuery({
    queryKey: [...LEARNING_KEY, 'sessions', range],
    queryFn: ({ signal }) => api<MySession[]>(apiUrl(apiRoutes.learning.mySessions, {}, range), { signal }),
    enabled,
  });
}

export function useFeedbackDue() {
  return useQuery({
    queryKey: [...LEARNING_KEY, 'feedback-due'],
    queryFn: ({ signal }) => api<FeedbackDue[]>(apiUrl(apiRoutes.learning.feedbackDue), { signal }),
  });
}

export function useSendFeedback(enrolmentId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: FeedbackBody) =>
      api<{ ok: true }>(apiUrl(apiRoutes.learning.feedback, { id: enrolmentId }), { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: [...LEARNING_KEY, 'feedback-due'] }),
  });
}

export function useFeedbackSummary(editionId: number | null) {
  return useQuery({
    queryKey: [...LEARNING_KEY, 'feedback', editionId],
    queryFn:
      editionId === null
        ? skipToken
        : ({ signal }) =>
            api<FeedbackSummary>(apiUrl(apiRoutes.learning.editionFeedback, { id: editionId }), { signal }),
  });
}
