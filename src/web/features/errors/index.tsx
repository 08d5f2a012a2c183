import { Route } from 'react-router';
import type { WebFeature } from '../../app/feature';
import { NotFoundPage } from './NotFoundPage';

/** Any other address. */
export const errorsFeature: WebFeature = {
  name: 'errors',
  routes: <Route path="*" element={<NotFoundPage />} />,
};
