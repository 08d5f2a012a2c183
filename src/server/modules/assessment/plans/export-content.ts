import type { PlanView } from '../../../../common/plans.js';
import { formatRomeDate, romeDate } from '../../../../common/rome-time.js';

/**
 * What the PIAO attachment says, in Italian (the language of the PIAO), whatever the format: the
 * PDF and the DOCX render these same texts and tables.
 */
export type PlanDocument = {
  title: string;
  draftMark: string | null;
  subtitle: string;
  facts: [string, string][];
  method: string[];
  priorities: { head: string[]; rows: string[][] };
  lines: { head: string[]; rows: string[][]; totals: string[] };
  unmatched: string[];
  approval: string;
  notes: string;
};

const MODES: Record<string, string> = {
  webinar: 'Webinar',
  online: 'Online (e-learning)',
  aula: 'In aula',
  affiancamento: 'Affiancamento',
};

const num = (n: number) => n.toLocaleString('it-IT', { maximumFractionDigits: 1 });
const day = (iso: string) => formatRomeDate(romeDate(iso));
const quarter = (q: string) => q.replace(/^(\d{4})-T(\d)$/, '$2° trimestre $1');

export function planDocument(plan: PlanView): PlanDocument {
  const draft = plan.status === 'draft';
  const withPath = plan.items.filter((i) => i.pathId !== null);
  const without = plan.items.filter((i) => i.pathId === null);
  return {
    title: `Piano della formazione ${plan.year} – ${plan.unit.name}`,
    draftMark: draft ? 'BOZZA – piano non ancora approvato' : null,
    subtitle:
      'PIAO – Piano integrato di attività e organizzazione, sezione "Organizzazione e capitale umano", sottosezione formazione del personale',
    facts: [
      ['Ente', plan.unit.name],
      ['Rilevazione dei fabbisogni', plan.campaign.title.it],
      ['Chiusura della rilevazione', formatRomeDate(plan.campaign.closesOn)],
      ['Anno di riferimento', String(plan.year)],
      ['Stato del piano', draft ? 'Bozza' : 'Approvato'],
    ],
    method: [
      `Il piano è ricavato dalla rilevazione dei fabbisogni formativi "${plan.campaign.title.it}"${plan.campaign.anonymous ? ', anonima' : ''}: ogni persona ha valutato il proprio livello su ciascuna competenza del quadro nazionale (0 nessuno, 1 base, 2 intermedio, 3 avanzato), confrontato con il livello atteso per il suo profilo professionale.`,
      `Rispondenti dell'ente: ${plan.respondents}. La priorità di una competenza è il divario medio (livello atteso meno livello posseduto) moltiplicato per il numero di persone con un divario.`,
      `Tutela dei piccoli gruppi: nessun dato è riportato per gruppi con meno di ${plan.minGroupSize} rispondenti, né per le celle oscurate perché non se ne ricavino per differenza${plan.withheld ? `; la priorità di ${plan.withheld} competenze è perciò non pubblicabile` : ''}. I percorsi del catalogo sono proposti coprendo per primi i fabbisogni di priorità più alta.`,
    ],
    priorities: {
      head: ['Codice', 'Competenza', 'Priorità'],
      rows: plan.priorities.map((p) => [
        p.code,
        p.name.it,
        p.priority === null ? 'non pubblicabile' : num(p.priority),
      ]),
    },
    lines: {
      head: [
        'N.',
        'Percorso',
        'Competenze',
        'Partecipanti',
        'Ore per partecipante',
        'Ore totali',
        'Modalità',
        'Periodo',
      ],
      rows: withPath.map((i, k) => [
        String(k + 1),
        i.title.it,
        i.competencyCodes.join(', '),
        String(i.participants),
        num(i.hoursPerParticipant),
        num(i.totalHours),
        MODES[i.deliveryMode] ?? i.deliveryMode,
        quarter(i.quarter),
      ]),
      totals: [
        '',
        'Totale',
        '',
        String(withPath.reduce((s, i) => s + i.participants, 0)),
        '',
        num(withPath.reduce((s, i) => s + i.totalHours, 0)),
        '',
        '',
      ],
    },
    unmatched: without.map(
      (i) =>
        `${i.title.it} – ${i.participants} persone${i.hoursPerParticipant ? `, ${num(i.hoursPerParticipant)} ore ciascuna` : ''}, ${quarter(i.quarter)}${i.notes ? ` (${i.notes})` : ''}`,
    ),
    approval:
      !draft && plan.approvedAt
        ? `Piano approvato il ${day(plan.approvedAt)}${plan.approvedBy ? ` da ${plan.approvedBy}` : ''}.`
        : 'Piano in bozza: non ancora approvato.',
    notes: plan.notes,
  };
}

/** The file name of an export: letters, digits and dashes only. */
export function exportName(plan: PlanView, ext: 'pdf' | 'docx') {
  const unit = plan.unit.name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return `piano-formativo-${plan.year}-${unit}${plan.status === 'draft' ? '-bozza' : ''}.${ext}`;
}
