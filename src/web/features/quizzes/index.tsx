import { lazy } from 'react';
import { Route } from 'react-router';
import type { WebFeature } from '../../app/feature';
import { RequireAuth } from '../../app/RequireAuth';
import en from './quizzes.en.json';
import it from './quizzes.it.json';

const QuizBankPage = lazy(() => import('./QuizBankPage'));
const MyQuizzesPage = lazy(() => import('./MyQuizzesPage'));
const AttemptPage = lazy(() => import('./AttemptPage'));

/** Online quizzes: a path's questions and tests for its editors; taking them for its learners. */
export const quizzesFeature: WebFeature = {
  name: 'quizzes',
  routes: (
    <>
      <Route
        path="amministrazione/catalogo/:id/domande"
        element={
          <RequireAuth>
            <QuizBankPage />
          </RequireAuth>
        }
      />
      <Route
        path="la-mia-formazione/test"
        element={
          <RequireAuth>
            <MyQuizzesPage />
          </RequireAuth>
        }
      />
      <Route
        path="la-mia-formazione/test/tentativi/:id"
        element={
          <RequireAuth>
            <AttemptPage />
          </RequireAuth>
        }
      />
    </>
  ),
  translations: { it, en },
};
