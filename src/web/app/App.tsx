import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Fragment } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { ApiError } from '../api/client';
import { ME_KEY } from '../features/auth/session';
import { features } from './features';
import { Layout } from './Layout';

/**
 * A 401 from any call means the session has ended (expired, signed out elsewhere, password changed):
 * forget the user, so guarded pages send the visitor to the sign-in page and back.
 */
function onApiError(error: unknown) {
  if (error instanceof ApiError && error.code === 'UNAUTHENTICATED' && queryClient.getQueryData(ME_KEY)) {
    queryClient.setQueryData(ME_KEY, null);
  }
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: {
      // 4xx answers will not change by asking again.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <Routes>
          <Route element={<Layout />}>
            {/* Each feature's pages, most of them loaded on demand (see feature.ts). */}
            {features.map((feature) => (
              <Fragment key={feature.name}>{feature.routes}</Fragment>
            ))}
          </Route>
        </Routes>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
