import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  FeedbackBody,
  FeedbackDue,
  FeedbackSummary,
  MySession,
  Transcript,
} from '../../../common/learning';
import { api, query } from '../../api/client';

export const LEARNING_KEY = ['learning'] as const;

export function useTranscript() {
  return useQuery({
    queryKey: [...LEARNING_KEY, 'transcript'],
    queryFn: ({ signal }) => api<Transcript>('/api/v1/me/transcript', { signal }),
  });
}

/** My sessions between two Rome days (both included); the server's default is from today for a year. */
export function useMySessions(range: { from?: string; to?: string } = {}, enabled = true) {
  return useQuery({
    queryKey: [...LEARNING_KEY, 'sessions', range],
    queryFn: ({ signal }) => api<MySession[]>(`/api/v1/me/sessions${query(range)}`, { signal }),
    enabled,
  });
}

export function useFeedbackDue() {
  return useQuery({
    queryKey: [...LEARNING_KEY, 'feedback-due'],
    queryFn: ({ signal }) => api<FeedbackDue[]>('/api/v1/me/feedback-due', { signal }),
  });
}

export function useSendFeedback(enrolmentId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: FeedbackBody) =>
      api<{ ok: true }>(`/api/v1/enrolments/${enrolmentId}/feedback`, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: [...LEARNING_KEY, 'feedback-due'] }),
  });
}

export function useFeedbackSummary(editionId: number | null) {
  return useQuery({
    queryKey: [...LEARNING_KEY, 'feedback', editionId],
    queryFn: ({ signal }) => api<FeedbackSummary>(`/api/v1/editions/${editionId}/feedback`, { signal }),
    enabled: editionId !== null,
  });
}
