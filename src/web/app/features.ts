import { agreementsFeature } from '../features/agreements';
import { attendanceFeature } from '../features/attendance';
import { attentionFeature } from '../features/attention';
import { auditFeature } from '../features/audit';
import { authFeature } from '../features/auth';
import { calendarFeature } from '../features/calendar';
import { campaignsFeature } from '../features/campaigns';
import { capacityFeature } from '../features/capacity';
import { catalogueFeature } from '../features/catalogue';
import { certificatesFeature } from '../features/certificates';
import { enrolmentFeature } from '../features/enrolment';
import { errorsFeature } from '../features/errors';
import { fadFeature } from '../features/fad';
import { frameworkFeature } from '../features/framework';
import { gapsFeature } from '../features/gaps';
import { homeFeature } from '../features/home';
import { learningFeature } from '../features/learning';
import { manualFeature } from '../features/manual';
import { outboxFeature } from '../features/outbox';
import { overviewFeature } from '../features/overview';
import { plansFeature } from '../features/plans';
import { profileFeature } from '../features/profile';
import { profilesFeature } from '../features/profiles';
import { programmingFeature } from '../features/programming';
import { quizzesFeature } from '../features/quizzes';
import { reorgPlansFeature } from '../features/reorg-plans';
import { taskforceFeature } from '../features/taskforce';
import { trainingFeature } from '../features/training';
import { unitProfileFeature } from '../features/unit-profile';
import { unitsFeature } from '../features/units';
import { usersFeature } from '../features/users';
import { webinarsFeature } from '../features/webinars';
import type { WebFeature } from './feature';

/**
 * The features of the web app, in the order of the main navigation. `App` mounts their routes, `SiteHeader`
 * lists their navigation entries and `main.tsx` hands their texts to `i18n`. A new feature is a folder under
 * `features/` with an `index.ts(x)` declaring a `WebFeature`, and one line here.
 */
export const features: readonly WebFeature[] = [
  homeFeature,
  authFeature,
  attentionFeature,
  calendarFeature,
  trainingFeature,
  profileFeature,
  learningFeature,
  fadFeature,
  enrolmentFeature,
  attendanceFeature,
  webinarsFeature,
  certificatesFeature,
  quizzesFeature,
  catalogueFeature,
  agreementsFeature,
  frameworkFeature,
  profilesFeature,
  campaignsFeature,
  gapsFeature,
  plansFeature,
  taskforceFeature,
  programmingFeature,
  reorgPlansFeature,
  unitProfileFeature,
  capacityFeature,
  overviewFeature,
  usersFeature,
  unitsFeature,
  auditFeature,
  outboxFeature,
  manualFeature,
  // Last, for readability: "*" matches only what no other route does.
  errorsFeature,
];
