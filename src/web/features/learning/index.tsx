import { lazy, type ReactNode } from 'react';
import { Navigate, Route } from 'react-router';
import type { WebFeature } from '../../app/feature';
import { RequireAuth } from '../../app/RequireAuth';
import en from './learning.en.json';
import it from './learning.it.json';
import { LEARNER_AREA_PATH, learningNavEntries } from './paths';

const LearnerHubPage = lazy(() => import('./LearnerHubPage'));
const MySessionsPage = lazy(() => import('./MySessionsPage'));
const TranscriptPage = lazy(() => import('./TranscriptPage'));
const FeedbackPage = lazy(() => import('./FeedbackPage'));
const FeedbackResultsPage = lazy(() => import('./FeedbackResultsPage'));
const MyCertificatesPage = lazy(() => import('../certificates/MyCertificatesPage'));

const signedIn = (page: ReactNode) => <RequireAuth>{page}</RequireAuth>;

/**
 * "La mia formazione" (its address is fixed by the e-mails that link to it) and the satisfaction results.
 * Its texts also serve the certificates.
 */
export const learningFeature: WebFeature = {
  name: 'learning',
  routes: (
    <>
      <Route path={LEARNER_AREA_PATH.slice(1)}>
        <Route index element={signedIn(<LearnerHubPage />)} />
        <Route path="sessioni" element={signedIn(<MySessionsPage />)} />
        <Route path="libretto" element={signedIn(<TranscriptPage />)} />
        <Route path="attestati" element={signedIn(<MyCertificatesPage />)} />
        <Route path="questionari/:enrolmentId" element={signedIn(<FeedbackPage />)} />
      </Route>
      <Route path="formazione/mia" element={<Navigate to={LEARNER_AREA_PATH} replace />} />
      <Route path="formazione/edizioni/:id/gradimento" element={signedIn(<FeedbackResultsPage />)} />
    </>
  ),
  nav: learningNavEntries,
  translations: { it, en },
};
