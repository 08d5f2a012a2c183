import type { HiringReason, HiringState } from '../../../../common/capacity.js';
import { formatEuro } from '../../../../common/money.js';
import type { DeadlineKind, InterventionKind, ReorgStatus } from '../../../../common/restructuring.js';
import { formatRomeDate } from '../../../../common/rome-time.js';
import type { Lang } from '../../../kernel/errors.js';

/** The words of the exports and the brief, in Italian and English (the web app has its own). */
export const PLAN_STATUS: Record<ReorgStatus, Record<Lang, string>> = {
  non_avviato: { it: 'Non avviato', en: 'Not started' },
  in_predisposizione: { it: 'In predisposizione', en: 'Being drafted' },
  adottato: { it: 'Adottato', en: 'Adopted' },
  trasmesso: { it: 'Trasmesso', en: 'Submitted' },
  verificato: { it: 'Verificato', en: 'Verified' },
  da_aggiornare: { it: 'Da aggiornare', en: 'To be updated' },
};

export const HIRING: Record<HiringState, Record<Lang, string>> = {
  sbloccato: { it: 'Sbloccato', en: 'Unlocked' },
  bloccato: { it: 'Bloccato', en: 'Locked' },
  da_verificare: { it: 'Da verificare', en: 'To be checked' },
};

export const REASON: Record<HiringReason, Record<Lang, string>> = {
  plan_not_adopted: { it: 'piano di riassetto non adottato', en: 'restructuring plan not adopted' },
  above_threshold: { it: 'rapporto sopra la soglia', en: 'ratio above the threshold' },
  within_threshold: { it: 'rapporto entro la soglia', en: 'ratio within the threshold' },
  plan_to_update: { it: 'piano da aggiornare', en: 'plan to be updated' },
  missing_figures: { it: 'dati finanziari mancanti', en: 'financial figures missing' },
  no_population: { it: 'popolazione mancante', en: 'population missing' },
  no_threshold: { it: 'nessuna soglia applicabile', en: 'no applicable threshold' },
  no_net_revenue: { it: 'entrate nette non positive', en: 'net revenue not positive' },
};

export const DEADLINE: Record<DeadlineKind, Record<Lang, string>> = {
  dup: { it: 'DUP', en: 'DUP' },
  nadup: { it: 'Nota di aggiornamento al DUP', en: 'DUP update note' },
  piao: { it: 'PIAO', en: 'PIAO' },
  ptfp: { it: 'PTFP', en: 'Staff-needs plan (PTFP)' },
  bilancio: { it: 'Bilancio di previsione', en: 'Budget' },
};

export const INTERVENTION: Record<InterventionKind, Record<Lang, string>> = {
  riunione: { it: 'Riunione', en: 'Meeting' },
  revisione_documenti: { it: 'Revisione documenti', en: 'Document review' },
  formazione: { it: 'Formazione', en: 'Training' },
  supporto_remoto: { it: 'Supporto da remoto', en: 'Remote support' },
};

export const UNIT_TYPE: Record<string, Record<Lang, string>> = {
  provincia: { it: 'Provincia', en: 'Province' },
  citta_metropolitana: { it: 'Città metropolitana', en: 'Metropolitan city' },
  libero_consorzio: { it: 'Libero consorzio', en: 'Free consortium' },
  provincia_autonoma: { it: 'Provincia autonoma', en: 'Autonomous province' },
  unita_non_amministrativa: { it: 'Unità non amministrativa', en: 'Non-administrative unit' },
  regione_con_funzioni_provinciali: {
    it: 'Regione con funzioni provinciali',
    en: 'Region with provincial functions',
  },
};

/** 12.5 → "12,50%" in Italian, "12.50%" in English. */
export const percent = (v: number | null, lang: Lang) =>
  v === null ? '—' : `${lang === 'it' ? v.toFixed(2).replace('.', ',') : v.toFixed(2)}%`;

/** Cents as euro with thousands separators, in the language's way (exact, never through a float). */
export const euro = (cents: number | null, lang: Lang) => formatEuro(cents, lang);

/** An ISO day as the app shows it everywhere: 31 lug 2026 in Italian, 31 Jul 2026 in English. */
export const day = (iso: string | null, lang: Lang) => (iso ? formatRomeDate(iso.slice(0, 10), lang) : '—');
