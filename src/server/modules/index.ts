import type { AnyModule } from '../kernel/module.js';
import { campaignsModule } from './assessment/campaigns/index.js';
import { frameworkModule } from './assessment/framework/index.js';
import { gapsModule } from './assessment/gaps/index.js';
import { plansModule } from './assessment/plans/index.js';
import { profilesModule } from './assessment/profiles/index.js';
import { authModule } from './identity/auth/index.js';
import { unitsModule } from './identity/units/index.js';
import { usersModule } from './identity/users/index.js';
import { auditModule } from './platform/audit/index.js';
import { healthModule } from './platform/health/index.js';
import { mailModule } from './platform/mail/index.js';
import { capacityModule } from './restructuring/capacity/index.js';
import { overviewModule } from './restructuring/overview/index.js';
import { programmingModule } from './restructuring/programming/index.js';
import { reorgModule } from './restructuring/reorg/index.js';
import { taskforceModule } from './restructuring/taskforce/index.js';
import { unitProfilesModule } from './restructuring/unit-profiles/index.js';
import { agreementsModule } from './training/agreements/index.js';
import { attendanceModule } from './training/attendance/index.js';
import { calendarModule } from './training/calendar/index.js';
import { catalogueModule } from './training/catalogue/index.js';
import { certificatesModule } from './training/certificates/index.js';
import { enrolmentModule } from './training/enrolment/index.js';
import { fadModule } from './training/fad/index.js';
import { learningModule } from './training/learning/index.js';
import { quizzesModule } from './training/quizzes/index.js';
import { webinarsModule } from './training/webinars/index.js';

/**
 * Every feature module, in order: a module comes after the modules whose services it uses, and
 * event handlers run in this order. Adding a feature = its folder + one line here.
 */
export const modules = [
  // platform
  auditModule,
  mailModule,
  healthModule,
  // identity
  unitsModule,
  usersModule,
  authModule,
  // training
  agreementsModule,
  catalogueModule,
  enrolmentModule,
  // after enrolment: an edition's page tells a signed-in person whether they may enrol
  calendarModule,
  attendanceModule,
  quizzesModule,
  certificatesModule,
  learningModule,
  webinarsModule,
  // online modules write their time to the attendance ledger
  fadModule,
  // assessment
  frameworkModule,
  profilesModule,
  gapsModule,
  plansModule,
  campaignsModule,
  // restructuring
  reorgModule,
  unitProfilesModule,
  capacityModule,
  programmingModule,
  taskforceModule,
  overviewModule,
] as const satisfies readonly AnyModule[];

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never;

/** Every module's services, by name. */
export type Services = UnionToIntersection<ReturnType<(typeof modules)[number]['create']>>;
