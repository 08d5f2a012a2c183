import { isNationalAdmin, type Principal, unitsWithRole } from '../../../kernel/principal.js';

/** What the policies need to know of a campaign. */
export type CampaignScope = { status: 'draft' | 'open' | 'closed'; national: boolean; unitIds: number[] };

/** Units a person acts for: every unit for national admins (and a global officer grant), else the officer's units. */
function officerUnits(p: Principal | null): number[] | 'all' {
  if (isNationalAdmin(p)) return 'all';
  if (p?.grants.some((g) => g.role === 'province_officer' && g.unitId === null)) return 'all';
  return unitsWithRole(p, 'province_officer');
}

/** National admins prepare any campaign; a Province officer prepares campaigns for their own unit. */
export function canManageCampaigns(p: Principal | null): boolean {
  const units = officerUnits(p);
  return units === 'all' || units.length > 0;
}

/** Everyone with a role has the page of their own surveys (whoever is invited answers there). */
export function canAnswerCampaigns(p: Principal | null): boolean {
  return !!p && p.grants.length > 0;
}

/** The units of the actor's reach: 'all' for national admins, else the officer's units. */
export function reach(p: Principal | null): number[] | 'all' {
  return officerUnits(p);
}

/**
 * An officer sees a campaign that includes their unit (national ones too) once it is open, and the
 * drafts that are only for their units (the ones they may edit); national admins see everything.
 */
export function canSeeCampaign(p: Principal | null, c: CampaignScope): boolean {
  const units = reach(p);
  if (units === 'all') return true;
  if (!units.length) return false;
  if (c.status === 'draft') return canEditCampaign(p, c);
  return c.national || c.unitIds.some((u) => units.includes(u));
}

/** Preparing, opening and closing: national admins; officers for campaigns of their units only. */
export function canEditCampaign(
  p: Principal | null,
  c: Pick<CampaignScope, 'national' | 'unitIds'>,
): boolean {
  const units = reach(p);
  if (units === 'all') return true;
  return !c.national && c.unitIds.length > 0 && c.unitIds.every((u) => units.includes(u));
}

/** The manager's assessment of a respondent: the Province officer of the respondent's unit. */
export function canAssessIn(p: Principal | null, unitId: number | null): boolean {
  return unitId !== null && unitsWithRole(p, 'province_officer').includes(unitId);
}
