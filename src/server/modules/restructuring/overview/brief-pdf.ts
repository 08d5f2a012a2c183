import { FUNCTION_KINDS, type InterventionKind, vacant } from '../../../../common/restructuring.js';
import type { Lang } from '../../../kernel/errors.js';
import { pdfDocument } from '../../../kernel/lazy.js';
import {
  DEADLINE,
  day,
  euro,
  HIRING,
  INTERVENTION,
  PLAN_STATUS,
  percent,
  REASON,
  UNIT_TYPE,
} from './labels.js';
import type { UnitBrief } from './service.js';

const MARGIN = 40;
const GREY = '#5c6f82';
/** Lists longer than this end with "e altri N", so the brief always fits one page. */
export const MAX_LIST = 6;

const T = {
  it: {
    title: 'Scheda ente',
    asOf: 'Dati al',
    identity: 'Ente',
    population: 'Popolazione',
    none: 'non disponibile',
    plan: 'Piano di riassetto organizzativo',
    status: 'Stato',
    act: 'Atto di adozione',
    noAct: 'nessun atto registrato',
    functions: 'Funzioni',
    staffing: 'Dotazione',
    staffingText: (p: number, c: number, v: number, cost: string) =>
      `${p} posti previsti, ${c} coperti, ${v} vacanti; costo annuo ${cost}`,
    version: 'Versione validata',
    capacity: 'Capacità assunzionale',
    figuresOf: 'Dati dell’anno',
    stale: 'non aggiornato',
    noFigures: 'nessun dato finanziario inserito',
    ratio: 'Rapporto spesa di personale / entrate correnti nette',
    threshold: 'Soglia',
    headroom: 'Margine',
    hiring: 'Assunzioni',
    reasons: 'Motivi',
    deadlines: 'Documenti di programmazione',
    adopted: (d: string) => `adottato il ${d}`,
    overdue: (n: number) => `scaduto da ${n} giorni`,
    due: (n: number) => (n === 0 ? 'scade oggi' : `scade tra ${n} giorni`),
    needs: 'Fabbisogni formativi e formazione',
    trainingPlan: (year: number, status: string) =>
      `Piano formativo ${year} (${status === 'approved' ? 'approvato' : 'bozza'})`,
    noTrainingPlan: 'nessun piano formativo',
    participants: (n: number) => `${n} partecipanti`,
    delivered: (year: number) => `Formazione erogata nel ${year}`,
    deliveredText: (h: string, p: number, c: number) =>
      `${h} ore di presenza, ${p} persone, ${c} percorsi completati`,
    taskForce: 'Task force',
    lead: 'Referente della task force',
    nobody: 'non assegnato',
    risks: 'Rischi e criticità aperti',
    lastIntervention: 'Ultimo intervento',
    noIntervention: 'nessun intervento registrato',
    more: (n: number) => `e altri ${n}`,
    decreto_presidenziale: 'Decreto del Presidente',
    delibera_consiliare: 'Delibera del Consiglio',
    kinds: {
      fondamentale: 'fondamentali',
      delegata: 'delegate',
      supporto: 'di supporto',
      non_competenza: 'non di competenza',
    },
    phase: 'fase',
  },
  en: {
    title: 'Unit brief',
    asOf: 'Figures as of',
    identity: 'Unit',
    population: 'Population',
    none: 'not available',
    plan: 'Restructuring plan',
    status: 'Status',
    act: 'Adoption act',
    noAct: 'no act recorded',
    functions: 'Functions',
    staffing: 'Staffing',
    staffingText: (p: number, c: number, v: number, cost: string) =>
      `${p} positions planned, ${c} filled, ${v} vacant; annual cost ${cost}`,
    version: 'Validated version',
    capacity: 'Hiring capacity',
    figuresOf: 'Figures of',
    stale: 'out of date',
    noFigures: 'no financial figures entered',
    ratio: 'Personnel spending / net current revenue',
    threshold: 'Threshold',
    headroom: 'Headroom',
    hiring: 'Hiring',
    reasons: 'Reasons',
    deadlines: 'Programming documents',
    adopted: (d: string) => `adopted on ${d}`,
    overdue: (n: number) => `overdue by ${n} days`,
    due: (n: number) => (n === 0 ? 'due today' : `due in ${n} days`),
    needs: 'Training needs and training',
    trainingPlan: (year: number, status: string) =>
      `Training plan ${year} (${status === 'approved' ? 'approved' : 'draft'})`,
    noTrainingPlan: 'no training plan',
    participants: (n: number) => `${n} participants`,
    delivered: (year: number) => `Training delivered in ${year}`,
    deliveredText: (h: string, p: number, c: number) => `${h} hours attended, ${p} people, ${c} completions`,
    taskForce: 'Task force',
    lead: 'Task force lead',
    nobody: 'not assigned',
    risks: 'Open risks and issues',
    lastIntervention: 'Last intervention',
    noIntervention: 'no intervention recorded',
    more: (n: number) => `and ${n} more`,
    decreto_presidenziale: 'Decree of the President',
    delibera_consiliare: 'Council resolution',
    kinds: {
      fondamentale: 'fundamental',
      delegata: 'delegated',
      supporto: 'support',
      non_competenza: 'not of competence',
    },
    phase: 'phase',
  },
};

/** The first `max` items, and "e altri N" when more were left out. */
export function truncated(items: readonly string[], max: number, more: (n: number) => string): string[] {
  if (items.length <= max) return [...items];
  return [...items.slice(0, max), more(items.length - max)];
}

/** A one-page A4 brief of a unit for a meeting: identity, plan, capacity, deadlines, the task force's work. */
export async function renderBriefPdf(b: UnitBrief, lang: Lang): Promise<Buffer> {
  const t = T[lang];
  const r = b.row;
  const PDFDocument = await pdfDocument();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    lang: lang === 'it' ? 'it-IT' : 'en-GB',
    info: { Title: `${t.title} — ${r.name}`, Creator: 'Officina' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  const bottom = doc.page.height - MARGIN;
  // Anything that would not fit is left out rather than spilling onto a second page.
  const fits = (h: number) => doc.y + h <= bottom;

  const heading = (text: string) => {
    if (!fits(40)) return;
    doc
      .moveDown(0.5)
      .font('Helvetica-Bold')
      .fontSize(12)
      .fillColor('#0066cc')
      .text(text, MARGIN, doc.y, { width });
    doc.moveDown(0.15).fillColor('#000000');
  };
  const fact = (label: string, value: string) => {
    if (!fits(26)) return;
    doc.font('Helvetica-Bold').fontSize(9.5).text(`${label}: `, MARGIN, doc.y, { continued: true, width });
    doc.font('Helvetica').text(value, { width, height: 24, ellipsis: true });
  };
  const bullet = (text: string) => {
    if (!fits(14)) return;
    doc
      .font('Helvetica')
      .fontSize(9.5)
      .text(`• ${text}`, MARGIN + 8, doc.y, { width: width - 8, height: 13, ellipsis: true });
  };

  doc
    .font('Helvetica-Bold')
    .fontSize(18)
    .text(`${t.title} — ${r.name} (${r.sigla})`, MARGIN, MARGIN, { width });
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor(GREY)
    .text(
      `${UNIT_TYPE[r.unitType]?.[lang] ?? r.unitType} · ${r.regionName} · ISTAT ${r.istatCode}${r.programmePhase ? ` · ${t.phase} ${r.programmePhase}` : ''} · ${t.asOf} ${day(b.today, lang)}`,
      { width },
    )
    .fillColor('#000000');
  doc.moveDown(0.4);
  fact(
    t.population,
    r.population === null
      ? t.none
      : `${new Intl.NumberFormat(lang === 'it' ? 'it-IT' : 'en-GB').format(r.population)} (1/1/${r.populationYear})`,
  );

  heading(t.plan);
  fact(t.status, PLAN_STATUS[r.planStatus][lang]);
  const content = b.plan.content;
  const act = content?.act;
  fact(t.act, act ? `${t[act.type]} n. ${act.number}, ${day(act.date, lang)}` : t.noAct);
  if (content) {
    fact(
      t.version,
      `${b.plan.version}${b.plan.validatedAt ? ` (${day(b.plan.validatedAt.toISOString(), lang)})` : ''}`,
    );
    const byKind = FUNCTION_KINDS.map(
      (k) => [k, content.functions.filter((f) => f.kind === k).length] as const,
    )
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${n} ${t.kinds[k]}`);
    fact(t.functions, `${content.functions.length}${byKind.length ? ` (${byKind.join(', ')})` : ''}`);
    const planned = content.staffing.reduce((s, l) => s + l.planned, 0);
    const covered = content.staffing.reduce((s, l) => s + l.covered, 0);
    const vacancies = content.staffing.reduce((s, l) => s + vacant(l), 0);
    const cost = content.staffing.reduce((s, l) => s + l.annualCostCents, 0);
    fact(t.staffing, t.staffingText(planned, covered, vacancies, euro(cost, lang)));
  }

  heading(t.capacity);
  const c = b.capacity;
  if (c.year === null) fact(t.figuresOf, t.noFigures);
  else fact(t.figuresOf, `${c.year}${c.stale ? ` — ${t.stale.toUpperCase()}` : ''}`);
  fact(t.ratio, percent(c.ratioPercent, lang));
  fact(t.threshold, percent(c.thresholdPercent, lang));
  fact(t.headroom, euro(c.headroomCents, lang));
  fact(t.hiring, HIRING[c.state][lang]);
  fact(t.reasons, c.reasons.map((x) => REASON[x][lang]).join('; '));

  heading(t.deadlines);
  // What is still due comes first (overdue, then the nearest), then what was adopted.
  const pendingFirst = [...b.deadlines].sort(
    (x, y) => Number(x.adoptedOn !== null) - Number(y.adoptedOn !== null) || x.daysLeft - y.daysLeft,
  );
  const deadlineLines = pendingFirst.map((s) => {
    const what = `${DEADLINE[s.deadline.kind][lang]} ${s.deadline.year}: ${day(s.deadline.due, lang)}`;
    const state = s.adoptedOn
      ? t.adopted(day(s.adoptedOn, lang))
      : s.overdue
        ? t.overdue(-s.daysLeft)
        : t.due(s.daysLeft);
    return `${what} — ${state}`;
  });
  for (const l of truncated(deadlineLines, MAX_LIST, t.more)) bullet(l);

  heading(t.needs);
  const tp = b.trainingPlan;
  if (!tp) fact(t.needs, t.noTrainingPlan);
  else {
    if (fits(14))
      doc
        .font('Helvetica-Bold')
        .fontSize(9.5)
        .text(t.trainingPlan(tp.year, tp.status), MARGIN, doc.y, { width });
    const lines = tp.lines.map(
      (l) => `${lang === 'it' ? l.titleIt : l.titleEn} — ${t.participants(l.participants)}`,
    );
    for (const l of lines.slice(0, MAX_LIST)) bullet(l);
    if (tp.lineCount > MAX_LIST) bullet(t.more(tp.lineCount - MAX_LIST));
  }
  const tr = b.training;
  fact(
    t.delivered(tr.year),
    t.deliveredText(
      new Intl.NumberFormat(lang === 'it' ? 'it-IT' : 'en-GB', { maximumFractionDigits: 1 }).format(tr.hours),
      tr.people,
      tr.completions,
    ),
  );

  heading(t.taskForce);
  fact(t.lead, r.lead?.name ?? t.nobody);
  fact(t.risks, String(r.openRisks));
  const li = b.lastIntervention;
  fact(
    t.lastIntervention,
    li
      ? `${INTERVENTION[li.kind as InterventionKind]?.[lang] ?? li.kind}, ${day(li.heldOn, lang)}${li.outcome ? ` — ${li.outcome}` : ''}`
      : t.noIntervention,
  );

  doc.end();
  return done;
}
