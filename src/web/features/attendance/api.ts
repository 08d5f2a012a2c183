import { skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRoutes, apiUrl } from '../../../common/api-routes';
import type {
  AttendanceMatrix,
  awaitingEntry,
  checkinCode,
  checkinInfo,
  checkinResult,
  completionState,
  LogbookEntry,
  LogbookInput,
  logbook,
  Register,
  RegisterBody,
  TeachingSession,
  WebinarReport,
} from '../../../common/attendance';
import { api } from '../../api/client';

export type CheckinCode = z.infer<typeof checkinCode>;
export type CheckinInfo = z.infer<typeof checkinInfo>;
export type CheckinResult = z.infer<typeof checkinResult>;
export type CompletionState = z.infer<typeof completionState>;
export type Logbook = z.infer<typeof logbook>;
export type AwaitingEntry = z.infer<typeof awaitingEntry>;
export type Signer = AwaitingEntry['awaitingAs'][number];

export const ATTENDANCE_KEY = ['attendance'] as const;

/**
 * Attendance changes minutes and completion: the registers, the edition matrices, the logbooks, and what
 * the learner area and the enrolment lists say about them.
 */
function useInvalidate() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ATTENDANCE_KEY }),
      client.invalidateQueries({ queryKey: ['learning'] }),
      client.invalidateQueries({ queryKey: ['enrolments'] }),
    ]);
}

export function useRegister(sessionId: number | null) {
  return useQuery({
    queryKey: [...ATTENDANCE_KEY, 'register', sessionId],
    queryFn:
      sessionId === null
        ? skipToken
        : ({ signal }) => api<Register>(apiUrl(apiRoutes.attendance.register, { id: sessionId }), { signal }),
  });
}

export function useSaveRegister(sessionId: number) {
  const client = useQueryClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: RegisterBody) =>
      api<Register>(apiUrl(apiRoutes.attendance.register, { id: sessionId }), { method: 'PUT', body }),
    onSuccess: (saved) => {
      client.setQueryData([...ATTENDANCE_KEY, 'register', sessionId], saved);
      return invalidate();
    },
  });
}

/** The code is made on the first request and stays the same afterwards, hence a mutation shown on demand. */
export function useCheckinCode(sessionId: number) {
  return useMutation({
    mutationFn: () =>
      api<CheckinCode>(apiUrl(apiRoutes.attendance.checkinCode, { id: sessionId }), { method: 'POST' }),
  });
}

export function useWebinarReport(sessionId: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api<WebinarReport>(apiUrl(apiRoutes.attendance.webinarReport, { id: sessionId }), {
        method: 'POST',
        body: form,
      });
    },
    onSuccess: invalidate,
  });
}

export const signInSheetUrl = (sessionId: number) =>
  apiUrl(apiRoutes.attendance.signInSheet, { id: sessionId });

/** The sessions I teach between two Rome days (the server's default window when a day is missing). */
export function useTeaching(range: { from?: string | undefined; to?: string | undefined }) {
  return useQuery({
    queryKey: [...ATTENDANCE_KEY, 'teaching', range.from ?? null, range.to ?? null],
    queryFn: ({ signal }) =>
      api<{ items: TeachingSession[] }>(
        apiUrl(apiRoutes.attendance.teaching, {}, { from: range.from, to: range.to }),
        { signal },
      ),
  });
}

export function useCheckinInfo(token: string) {
  return useQuery({
    queryKey: [...ATTENDANCE_KEY, 'checkin', token],
    queryFn: ({ signal }) => api<CheckinInfo>(apiUrl(apiRoutes.attendance.checkin, { token }), { signal }),
  });
}

export function useCheckIn(token: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: () => api<CheckinResult>(apiUrl(apiRoutes.attendance.checkin, { token }), { method: 'POST' }),
    onSuccess: invalidate,
  });
}

export function useAttendanceMatrix(editionId: number | null) {
  return useQuery({
    queryKey: [...ATTENDANCE_KEY, 'matrix', editionId],
    queryFn:
      editionId === null
        ? skipToken
        : ({ signal }) =>
            api<AttendanceMatrix>(apiUrl(apiRoutes.attendance.matrix, { id: editionId }), { signal }),
  });
}

export function useFinalTest() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ enrolmentId, passed }: { enrolmentId: number; passed: boolean }) =>
      api<CompletionState>(apiUrl(apiRoutes.attendance.finalTest, { id: enrolmentId }), {
        method: 'PUT',
        body: { passed },
      }),
    onSuccess: invalidate,
  });
}

export function useLogbook(enrolmentId: number | null) {
  return useQuery({
    queryKey: [...ATTENDANCE_KEY, 'logbook', enrolmentId],
    queryFn:
      enrolmentId === null
        ? skipToken
        : ({ signal }) => api<Logbook>(apiUrl(apiRoutes.attendance.logbook, { id: enrolmentId }), { signal }),
  });
}

export function useSaveLogbookEntry(enrolmentId: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, input }: { id: number | null; input: LogbookInput }) =>
      id === null
        ? api<LogbookEntry>(apiUrl(apiRoutes.attendance.logbook, { id: enrolmentId }), {
            method: 'POST',
            body: input,
          })
        : api<LogbookEntry>(apiUrl(apiRoutes.attendance.logbookEntry, { id }), {
            method: 'PATCH',
            body: input,
          }),
    onSuccess: invalidate,
  });
}

export function useDeleteLogbookEntry() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: number) =>
      api<{ ok: true }>(apiUrl(apiRoutes.attendance.logbookEntry, { id }), { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}

export function useAwaitingSignatures(enabled = true) {
  return useQuery({
    queryKey: [...ATTENDANCE_KEY, 'awaiting'],
    queryFn: ({ signal }) =>
      api<{ items: AwaitingEntry[] }>(apiUrl(apiRoutes.attendance.logbookAwaiting), { signal }),
    enabled,
  });
}

export function useSignEntry() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, as }: { id: number; as: Signer }) =>
      api<LogbookEntry>(apiUrl(apiRoutes.attendance.logbookSign, { id }), { method: 'POST', body: { as } }),
    onSuccess: invalidate,
  });
}
