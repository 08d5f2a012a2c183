import { hasRole, isNationalAdmin, type Principal, unitsWithRole } from '../../../kernel/principal.js';
import { canManageEdition } from '../catalogue/index.js';

/** Revoke and reissue: those who manage the certificate's edition (national admins, national trainers training it). */
export function canManageCertificates(p: Principal | null, trainsEdition: boolean): boolean {
  return canManageEdition(p, trainsEdition);
}

/** Every certificate of any edition: national admins, and the task force (read only). */
export function canReadAllCertificates(p: Principal | null): boolean {
  return isNationalAdmin(p) || hasRole(p, 'task_force');
}

/**
 * One certificate: its holder, those who read them all, those who manage its edition, and the
 * Province officer of the unit the holder belonged to when enrolling.
 */
export function canReadCertificate(
  p: Principal | null,
  c: { userId: string; unitId: number | null; managesEdition: boolean },
): boolean {
  if (!p) return false;
  if (p.id === c.userId || canReadAllCertificates(p) || c.managesEdition) return true;
  return c.unitId !== null && unitsWithRole(p, 'province_officer').includes(c.unitId);
}
