import type { Role } from '../../common/roles.js';

export type Grant = { id: number; role: Role; unitId: number | null; unitName: string | null };

/** The signed-in user as every policy sees it. */
export type Principal = {
  id: string;
  email: string;
  name: string;
  unitId: number | null;
  grants: Grant[];
};

/** Who is acting, for authorisation and for the audit log. */
export type RequestContext = {
  actor: Principal | null;
  ip: string | null;
  requestId: string | null;
  lang: 'it' | 'en';
};

/** True when the principal holds the role globally, or for the given unit. */
export function hasRole(p: Principal | null, role: Role, unitId?: number | null): boolean {
  if (!p) return false;
  return p.grants.some(
    (g) => g.role === role && (g.unitId === null || (unitId != null && g.unitId === unitId)),
  );
}

/** True when the principal holds the role globally or for any unit. */
export function hasAnyGrant(p: Principal | null, role: Role): boolean {
  return !!p?.grants.some((g) => g.role === role);
}

/** Units for which the principal holds the role (empty when held globally: check hasRole first). */
export function unitsWithRole(p: Principal | null, role: Role): number[] {
  return (p?.grants ?? []).filter((g) => g.role === role && g.unitId !== null).map((g) => g.unitId as number);
}

export function requireActor(ctx: RequestContext): Principal {
  if (!ctx.actor) throw new Error('requireActor called on an anonymous request');
  return ctx.actor;
}

/** Which people's personal data a principal may read. */
export type PeopleScope = { all: true } | { all: false; unitIds: number[] };

export function isNationalAdmin(p: Principal | null): boolean {
  return hasRole(p, 'national_admin');
}

export function peopleScope(p: Principal | null): PeopleScope {
  if (hasRole(p, 'national_admin') || hasRole(p, 'task_force')) return { all: true };
  return { all: false, unitIds: unitsWithRole(p, 'province_officer') };
}

export function canReadPerson(p: Principal | null, target: { id: string; unitId: number | null }): boolean {
  if (!p) return false;
  if (p.id === target.id) return true;
  const scope = peopleScope(p);
  return scope.all || (target.unitId !== null && scope.unitIds.includes(target.unitId));
}

/** National admins manage everyone; a Province officer manages the people of their own unit(s). */
export function canManagePeopleOf(p: Principal | null, unitId: number | null): boolean {
  if (isNationalAdmin(p)) return true;
  return unitId !== null && unitsWithRole(p, 'province_officer').includes(unitId);
}
