import type { Lang } from '../../../kernel/errors.js';

export type Eligibility = 'all' | 'agreement' | 'units';

export type EligibilityRule = {
  kind: Eligibility;
  serviceModelCode: string | null;
  /** eligibility = units: the listed units; = agreement: the units with an active Convenzione. */
  units: { id: number; name: string }[];
};

/** Whether the staff of a unit may enrol, by the path's rule. */
export function isEligible(rule: EligibilityRule, unitId: number | null): boolean {
  if (rule.kind === 'all') return true;
  return unitId !== null && rule.units.some((u) => u.id === unitId);
}

/** The rule in words, for public pages. */
export function describeEligibility(
  rule: EligibilityRule,
  serviceModelName: string | null,
  lang: Lang,
): string {
  const names = rule.units.map((u) => u.name).join(', ');
  if (rule.kind === 'all')
    return lang === 'en'
      ? 'Open to the staff of every Province and Metropolitan City.'
      : 'Aperto al personale di tutte le Province e Città metropolitane.';
  if (rule.kind === 'agreement') {
    const model = serviceModelName ?? rule.serviceModelCode ?? '';
    if (lang === 'en')
      return `Reserved to the Provinces with an active Convenzione for the ${model} service model${names ? `: ${names}.` : '. None has one yet.'}`;
    return `Riservato alle Province con una Convenzione attiva per il modello di servizio ${model}${names ? `: ${names}.` : '. Nessuna Provincia ne ha ancora una.'}`;
  }
  return lang === 'en' ? `Reserved to the staff of: ${names}.` : `Riservato al personale di: ${names}.`;
}
