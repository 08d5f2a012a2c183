import { skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRoutes, apiUrl } from '../../../common/api-routes';
import type {
  AnswersBody,
  Attempt,
  EditionQuizSettings,
  MyQuiz,
  Question,
  QuestionBank,
  QuestionInput,
  Quiz,
  QuizInput,
} from '../../../common/quizzes';
import { api } from '../../api/client';

export const QUIZZES_KEY = ['quizzes'] as const;

export function useQuestionBank(pathId: number | null) {
  return useQuery({
    queryKey: [...QUIZZES_KEY, 'bank', pathId],
    queryFn:
      pathId === null
        ? skipToken
        : ({ signal }) => api<QuestionBank>(apiUrl(apiRoutes.quizzes.bank, { id: pathId }), { signal }),
  });
}

/** Adds a question (no id) or saves one (with its id). */
export function useSaveQuestion(pathId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number | null; input: QuestionInput }) =>
      id === null
        ? api<Question>(apiUrl(apiRoutes.quizzes.bank, { id: pathId }), { method: 'POST', body: input })
        : api<Question>(apiUrl(apiRoutes.quizzes.question, { id }), { method: 'PUT', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: [...QUIZZES_KEY, 'bank', pathId] }),
  });
}

export function useSaveQuiz(pathId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number | null; input: QuizInput }) =>
      id === null
        ? api<Quiz>(apiUrl(apiRoutes.quizzes.quizzes, { id: pathId }), { method: 'POST', body: input })
        : api<Quiz>(apiUrl(apiRoutes.quizzes.quiz, { id }), { method: 'PUT', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: [...QUIZZES_KEY, 'bank', pathId] }),
  });
}

export function useEditionQuizSettings(editionId: number) {
  return useQuery({
    queryKey: [...QUIZZES_KEY, 'edition', editionId],
    queryFn: ({ signal }) =>
      api<EditionQuizSettings>(apiUrl(apiRoutes.quizzes.editionSettings, { id: editionId }), { signal }),
  });
}

export function useSetEditionQuizSettings(editionId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: EditionQuizSettings) =>
      api<EditionQuizSettings>(apiUrl(apiRoutes.quizzes.editionSettings, { id: editionId }), {
        method: 'PUT',
        body,
      }),
    onSuccess: (data) => client.setQueryData([...QUIZZES_KEY, 'edition', editionId], data),
  });
}

export function useMyQuizzes() {
  return useQuery({
    queryKey: [...QUIZZES_KEY, 'mine'],
    queryFn: ({ signal }) => api<{ items: MyQuiz[] }>(apiUrl(apiRoutes.quizzes.mine), { signal }),
  });
}

export function useStartAttempt() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (quizId: number) =>
      api<Attempt>(apiUrl(apiRoutes.quizzes.start, { id: quizId }), { method: 'POST' }),
    onSuccess: (a) => {
      client.setQueryData([...QUIZZES_KEY, 'attempt', a.id], a);
      return client.invalidateQueries({ queryKey: [...QUIZZES_KEY, 'mine'] });
    },
  });
}

export function useAttempt(id: number | null) {
  return useQuery({
    queryKey: [...QUIZZES_KEY, 'attempt', id],
    queryFn:
      id === null
        ? skipToken
        : ({ signal }) => api<Attempt>(apiUrl(apiRoutes.quizzes.attempt, { id }), { signal }),
    // The answers on screen are the learner's: a refetch must not overwrite what they are typing.
    refetchOnWindowFocus: false,
  });
}

export function useSaveAnswers(id: number) {
  return useMutation({
    mutationFn: (body: AnswersBody) =>
      api<Attempt>(apiUrl(apiRoutes.quizzes.answers, { id }), { method: 'PUT', body }),
  });
}

export function useSubmitAttempt(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AnswersBody) =>
      api<Attempt>(apiUrl(apiRoutes.quizzes.submit, { id }), { method: 'POST', body }),
    onSuccess: (a) => {
      client.setQueryData([...QUIZZES_KEY, 'attempt', id], a);
      return client.invalidateQueries({ queryKey: [...QUIZZES_KEY, 'mine'] });
    },
  });
}
