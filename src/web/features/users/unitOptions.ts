import type { Me } from '../../../common/auth';
import { useAllUnits } from '../units/api';

export type UnitOption = { id: number; name: string };

/**
 * The units this user may assign people to: a Province officer only their own Province(s), national
 * roles every unit. The server enforces the same rule; this only keeps impossible choices out of sight.
 */
export function useUnitOptions(me: Me): { options: UnitOption[]; restricted: boolean; isPending: boolean } {
  const national = me.roles.some(
    (r) => r.unitId === null && (r.role === 'national_admin' || r.role === 'task_force'),
  );
  const units = useAllUnits();
  if (!national) {
    const seen = new Map<number, string>();
    for (const r of me.roles)
      if (r.role === 'province_officer' && r.unitId !== null)
        seen.set(r.unitId, r.unitName ?? String(r.unitId));
    if (seen.size > 0)
      return {
        options: [...seen]
          .map(([id, name]) => ({ id, name }))
          .sort((a, b) => a.name.localeCompare(b.name, 'it')),
        restricted: true,
        isPending: false,
      };
  }
  const options = (units.data?.items ?? [])
    .map((u) => ({ id: u.id, name: u.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'it'));
  return { options, restricted: false, isPending: units.isPending };
}
