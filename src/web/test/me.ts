import type { Me } from '../../common/auth';

/** Every `/me` flag false: a test's person gets only the flags it names. */
export const NO_CAN = {
  manageUsers: false,
  manageUnits: false,
  viewAudit: false,
  viewOutbox: false,
  manageCatalogue: false,
  manageAgreements: false,
  listEnrolments: false,
  decideEnrolments: false,
  administerEnrolments: false,
  runSessions: false,
  signLogbooks: false,
  manageFramework: false,
  manageProfiles: false,
  viewGaps: false,
  managePlans: false,
  viewDemand: false,
  manageCampaigns: false,
  answerCampaigns: false,
  useRestructuring: false,
  validateRestructuring: false,
  editRestructuringRules: false,
} as const satisfies Me['can'];
