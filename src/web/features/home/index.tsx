import { Route } from 'react-router';
import type { WebFeature } from '../../app/feature';
import { HomePage } from './HomePage';

/** The home page (part of the main bundle: it is the first screen of most visits). */
export const homeFeature: WebFeature = {
  name: 'home',
  routes: <Route index element={<HomePage />} />,
  nav: (_me, t) => [{ to: '/', label: t('nav.home'), group: 'home', end: true }],
};
