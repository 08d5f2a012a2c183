import { lazy } from 'react';
import { Route } from 'react-router';
import type { WebFeature } from '../../app/feature';

const CalendarPage = lazy(() => import('./CalendarPage'));

/** The public calendar of training ("Formazione"). */
export const calendarFeature: WebFeature = {
  name: 'calendar',
  routes: <Route path="formazione" element={<CalendarPage />} />,
  nav: (_me, t) => [{ to: '/formazione', label: t('nav.calendar'), group: 'training' }],
};
