import type { ActType, AdoptionAct } from '../../../common/restructuring';

export type ActField = 'type' | 'number' | 'date';

/**
 * The adoption act from the editor's three fields: none when all are empty, the act when all are
 * filled; a partly filled act is not silently dropped but reported with the fields still missing.
 */
export function actFromFields(f: {
  type: ActType | '';
  number: string;
  date: string;
}): { ok: true; act: AdoptionAct | null } | { ok: false; missing: ActField[] } {
  const number = f.number.trim();
  const filled = { type: f.type !== '', number: number !== '', date: f.date !== '' };
  const missing = (Object.keys(filled) as ActField[]).filter((k) => !filled[k]);
  if (missing.length === 3) return { ok: true, act: null };
  if (missing.length) return { ok: false, missing };
  return { ok: true, act: { type: f.type as ActType, number, date: f.date } };
}
