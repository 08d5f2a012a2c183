export type Changes = Record<string, { from: unknown; to: unknown }>;

/** The fields of `after` whose value differs from `before` (dates compared by instant), for audit and change logs. */
export function changedFields(before: object, after: object): Changes {
  const out: Changes = {};
  for (const [k, v] of Object.entries(after)) {
    const old = (before as Record<string, unknown>)[k];
    const same = old instanceof Date && v instanceof Date ? old.getTime() === v.getTime() : old === v;
    if (!same) out[k] = { from: old, to: v };
  }
  return out;
}
