import { assessmentAccess } from './access/assessment.js';
import { attendanceAccess } from './access/attendance.js';
import { catalogueAccess } from './access/catalogue.js';
import { fadAccess } from './access/fad.js';
import { identityAccess } from './access/identity.js';
import { overviewAccess } from './access/overview.js';
import { planningAccess } from './access/planning.js';
import { programmingAccess } from './access/programming.js';
import { quizzesAccess } from './access/quizzes.js';
import { reorgPlansAccess } from './access/reorg-plans.js';
import type { AccessTable } from './access/rules.js';
import { taskforceAccess } from './access/taskforce.js';
import { trainingAccess } from './access/training.js';
import { unitProfilesAccess } from './access/unit-profiles.js';
import { webinarsAccess } from './access/webinars.js';

export * from './access/rules.js';

/**
 * Who may call each route of the API, declared from the rules rather than read from the code
 * (DESIGN.md section 2: a Province's staff data is seen only by that Province's officers, the task
 * force and national admins; trainers see and change only the editions they train; learners only
 * their own things). src/server/reliability/authorisation.reliability.ts tries every route with every
 * caller below, signed out too, and checks the answer against this table; a registered route missing
 * from it, or declared here and not registered, fails that test by name.
 */

/** Every route but the HEAD ones, by module. */
const declared: AccessTable = {
  ...identityAccess,
  ...catalogueAccess,
  ...trainingAccess,
  ...attendanceAccess,
  ...fadAccess,
  ...webinarsAccess,
  ...quizzesAccess,
  ...assessmentAccess,
  ...planningAccess,
  ...taskforceAccess,
  ...programmingAccess,
  ...reorgPlansAccess,
  ...unitProfilesAccess,
  ...overviewAccess,
};

/**
 * The table: Fastify answers HEAD on every GET route (`exposeHeadRoutes`), with the same hooks and
 * handler, so a HEAD route gets its GET route's declaration.
 */
export const access: AccessTable = Object.fromEntries(
  Object.entries(declared).flatMap(([key, rule]) =>
    key.startsWith('GET ')
      ? [[key, rule] as const, [`HEAD ${key.slice(4)}`, rule] as const]
      : [[key, rule] as const],
  ),
);
