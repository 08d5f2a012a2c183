import { errors } from '../../../kernel/errors.js';

export const PATH = { it: 'Percorso formativo', en: 'Training path' };
export const QUESTION = { it: 'Domanda', en: 'Question' };
export const QUIZ = { it: 'Test', en: 'Quiz' };
export const ATTEMPT = { it: 'Tentativo', en: 'Attempt' };
export const EDITION = { it: 'Edizione', en: 'Edition' };

export const noAttemptsLeft = (max: number) =>
  errors.conflict('NO_ATTEMPTS_LEFT', {
    it: `Hai già usato tutti i ${max} tentativi ammessi per questo test.`,
    en: `You have already used all ${max} attempts allowed for this quiz.`,
  });

export const quizEmpty = () =>
  errors.conflict('QUIZ_EMPTY', {
    it: 'Il test non ha ancora domande attive da proporre.',
    en: 'The quiz has no active questions yet.',
  });

export const attemptClosed = () =>
  errors.conflict('ATTEMPT_CLOSED', {
    it: 'Il tentativo è già stato consegnato o il tempo è scaduto: le risposte non si possono più cambiare.',
    en: 'The attempt has been submitted or its time is up: answers can no longer be changed.',
  });

export const finalTestTaken = () =>
  errors.conflict('FINAL_TEST_EXISTS', {
    it: 'Il percorso ha già una prova finale: ogni percorso ne ha una sola.',
    en: 'The path already has a final test: each path has only one.',
  });

export const notInAttempt = (i: number) =>
  errors.badRequest(
    'QUESTION_NOT_IN_ATTEMPT',
    {
      it: 'La risposta riguarda una domanda che non fa parte di questo tentativo, o di un altro tipo.',
      en: 'The answer is for a question not in this attempt, or of another kind.',
    },
    [`answers.${i}`],
  );

export const badContent = (field: string, it: string, en: string) =>
  errors.badRequest('INVALID_QUESTION', { it, en }, [field]);
