import { skipToken, useMutation, useQuery } from '@tanstack/react-query';
import { apiRoutes, apiUrl } from '../../../common/api-routes';
import type { JoinAnswer, WebinarRecordings } from '../../../common/webinars';
import { api } from '../../api/client';

export const WEBINARS_KEY = ['webinars'] as const;

/** Asks where to enter the webinar now; the answer is a one-person link, used at once and never kept. */
export function useJoinWebinar(sessionId: number) {
  return useMutation({
    mutationFn: () =>
      api<JoinAnswer>(apiUrl(apiRoutes.webinars.join, { sessionId }), { method: 'POST', body: {} }),
  });
}

export function useEndWebinar(sessionId: number) {
  return useMutation({
    mutationFn: () =>
      api<{ ok: true }>(apiUrl(apiRoutes.webinars.end, { id: sessionId }), { method: 'POST', body: {} }),
  });
}

export function useWebinarRecordings(sessionId: number, enabled: boolean) {
  return useQuery({
    queryKey: [...WEBINARS_KEY, 'recordings', sessionId],
    queryFn: enabled
      ? ({ signal }) =>
          api<WebinarRecordings>(apiUrl(apiRoutes.webinars.recordings, { id: sessionId }), { signal })
      : skipToken,
  });
}
