import { hasRole, type Principal, unitsWithRole } from '../../../kernel/principal.js';
import { canManageCatalogue } from '../catalogue/index.js';

/** Revoke and reissue: those who run the catalogue (national admins, national trainers). */
export function canManageCertificates(p: Principal | null): boolean {
  return canManageCatalogue(p);
}

/** Every certificate of any edition: catalogue managers, and the task force (read only). */
export function canReadAllCertificates(p: Principal | null): boolean {
  return canManageCatalogue(p) || hasRole(p, 'task_force');
}

/**
 * One certificate: its holder, those who read them all, and the Province officer of the unit the
 * holder belonged to when enrolling.
 */
export function canReadCertificate(
  p: Principal | null,
  c: { userId: string; unitId: number | null },
): boolean {
  if (!p) return false;
  if (p.id === c.userId || canReadAllCertificates(p)) return true;
  return c.unitId !== null && unitsWithRole(p, 'province_officer').includes(c.unitId);
}
