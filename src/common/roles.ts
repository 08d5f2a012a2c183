export const ROLES = [
  'national_admin',
  'task_force',
  'province_officer',
  'trainer',
  'helpdesk_agent',
  'community_moderator',
  'learner',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that only make sense for one territorial unit, never globally. */
export const UNIT_ONLY_ROLES: readonly Role[] = ['province_officer'];
/** Roles that are always national. */
export const GLOBAL_ONLY_ROLES: readonly Role[] = ['national_admin', 'task_force'];
