import { isNationalAdmin, type Principal } from '../../../kernel/principal.js';

/** National admins edit, import and publish the framework, and map the catalogue's paths to it. */
export function canManageFramework(p: Principal | null): boolean {
  return isNationalAdmin(p);
}

/**
 * Every signed-in person reads the published and retired versions (Province officers and the task
 * force work with them); drafts are the managers' own.
 */
export function canReadFrameworkVersion(
  p: Principal | null,
  status: 'draft' | 'published' | 'retired',
): boolean {
  if (!p) return false;
  return status !== 'draft' || canManageFramework(p);
}
