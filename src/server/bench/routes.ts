import { apiRoutes, apiUrl } from '../../common/api-routes.js';
import { sessionCookie } from './cookie.js';
import type { RouteSpec } from './load.js';
import type { Manifest } from './manifest.js';
import { CEILING } from './report.js';

/**
 * The addresses measured, in order: the ceiling first, then the health check, the public calendar
 * (default window, a domain, a full-text search; JSON and iCal), a personal feed, the public path list,
 * one path and one edition, the learner's own lists and the Province officer's enrolment list.
 */
export function benchRoutes(manifest: Manifest): RouteSpec[] {
  const f = manifest.fixtures;
  const learner = sessionCookie(f.learner.sessionToken, manifest.sessionSecret);
  const officer = sessionCookie(f.officer.sessionToken, manifest.sessionSecret);
  return [
    { name: CEILING, path: apiRoutes.health.live },
    { name: 'health', path: apiRoutes.health.check },
    { name: 'calendar', path: apiRoutes.calendar.public },
    { name: 'calendarDomain', path: apiUrl(apiRoutes.calendar.public, {}, { domain: f.domainCode }) },
    { name: 'calendarSearch', path: apiUrl(apiRoutes.calendar.public, {}, { q: f.calendarSearch }) },
    { name: 'ics', path: apiRoutes.calendar.ics },
    { name: 'personalFeed', path: apiUrl(apiRoutes.calendar.personalFeed, { file: `${f.feedToken}.ics` }) },
    { name: 'paths', path: apiRoutes.calendar.publicPaths },
    { name: 'publicPath', path: apiUrl(apiRoutes.calendar.publicPath, { slug: f.publicPathSlug }) },
    { name: 'publicEdition', path: apiUrl(apiRoutes.calendar.publicEdition, { id: f.publicEditionId }) },
    { name: 'learnerEnrolments', path: apiRoutes.enrolment.mine, cookie: learner },
    { name: 'learnerSessions', path: apiRoutes.learning.mySessions, cookie: learner },
    { name: 'officerEnrolments', path: apiRoutes.enrolment.list, cookie: officer },
  ];
}
