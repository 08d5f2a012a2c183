import { z } from 'zod';
import { apiRoutes } from '../../../../common/api-routes.js';
import { idParams } from '../../../../common/primitives.js';
import {
  answersBody,
  attempt,
  editionQuizSettings,
  myQuiz,
  question,
  questionBank,
  questionInput,
  quiz,
  quizInput,
} from '../../../../common/quizzes.js';
import { type App, type RouteDeps, typed } from '../../../http/types.js';
import type { QuizzesService } from './service.js';

export function quizzesRoutes(app: App, { services }: RouteDeps<{ quizzes: QuizzesService }>) {
  const r = typed(app);
  const { quizzes } = services;
  const tags = ['quizzes'];

  r.get(
    apiRoutes.quizzes.bank,
    {
      schema: {
        tags,
        summary:
          'A path’s question bank and quizzes, with correct answers (catalogue managers, its trainers)',
        params: idParams,
        response: { 200: questionBank },
      },
    },
    async (req) => quizzes.bank(req.ctx, req.params.id),
  );

  r.post(
    apiRoutes.quizzes.bank,
    {
      schema: {
        tags,
        summary: 'Add a question to a path’s bank',
        params: idParams,
        body: questionInput,
        response: { 201: question },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await quizzes.createQuestion(req.ctx, req.params.id, req.body)),
  );

  r.put(
    apiRoutes.quizzes.question,
    {
      schema: {
        tags,
        summary: 'Edit or deactivate a question',
        params: idParams,
        body: questionInput,
        response: { 200: question },
      },
    },
    async (req) => quizzes.updateQuestion(req.ctx, req.params.id, req.body),
  );

  r.post(
    apiRoutes.quizzes.quizzes,
    {
      schema: {
        tags,
        summary: 'Add a quiz to a path',
        params: idParams,
        body: quizInput,
        response: { 201: quiz },
      },
    },
    async (req, reply) => reply.status(201).send(await quizzes.createQuiz(req.ctx, req.params.id, req.body)),
  );

  r.put(
    apiRoutes.quizzes.quiz,
    {
      schema: {
        tags,
        summary: 'Change a quiz’s settings',
        params: idParams,
        body: quizInput,
        response: { 200: quiz },
      },
    },
    async (req) => quizzes.updateQuiz(req.ctx, req.params.id, req.body),
  );

  r.get(
    apiRoutes.quizzes.editionSettings,
    {
      schema: {
        tags,
        summary: 'Whether an edition’s final test is the path’s online final test',
        params: idParams,
        response: { 200: editionQuizSettings },
      },
    },
    async (req) => quizzes.editionSettings(req.ctx, req.params.id),
  );

  r.put(
    apiRoutes.quizzes.editionSettings,
    {
      schema: {
        tags,
        summary: 'Make an edition’s final test the path’s online final test, or the trainer’s result again',
        params: idParams,
        body: editionQuizSettings,
        response: { 200: editionQuizSettings },
      },
    },
    async (req) => quizzes.setEditionSettings(req.ctx, req.params.id, req.body.onlineFinalTest),
  );

  r.get(
    apiRoutes.quizzes.mine,
    {
      schema: {
        tags,
        summary: 'The quizzes of the paths I am enrolled in, with my attempts',
        response: { 200: z.object({ items: z.array(myQuiz) }) },
      },
    },
    async (req) => quizzes.mine(req.ctx),
  );

  r.post(
    apiRoutes.quizzes.start,
    {
      schema: {
        tags,
        summary: 'Start an attempt at a quiz, or resume the one open',
        params: idParams,
        response: { 200: attempt },
      },
    },
    async (req) => quizzes.start(req.ctx, req.params.id),
  );

  r.get(
    apiRoutes.quizzes.attempt,
    {
      schema: {
        tags,
        summary:
          'My attempt: its questions (never the answers before submitting) and, once submitted, the result',
        params: idParams,
        response: { 200: attempt },
      },
    },
    async (req) => quizzes.attempt(req.ctx, req.params.id),
  );

  r.put(
    apiRoutes.quizzes.answers,
    {
      schema: {
        tags,
        summary: 'Save answers of my open attempt',
        params: idParams,
        body: answersBody,
        response: { 200: attempt },
      },
    },
    async (req) => quizzes.saveAnswers(req.ctx, req.params.id, req.body),
  );

  r.post(
    apiRoutes.quizzes.submit,
    {
      schema: {
        tags,
        summary:
          'Submit my attempt (with any last answers) and get its result; submitting again gives the same',
        params: idParams,
        body: answersBody,
        response: { 200: attempt },
      },
    },
    async (req) => quizzes.submit(req.ctx, req.params.id, req.body),
  );
}
