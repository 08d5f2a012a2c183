import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { PlanView } from '../../../../common/plans.js';
import { exportName, planDocument } from './export-content.js';
import { renderPlanDocx } from './export-docx.js';
import { renderPlanPdf } from './export-pdf.js';

const plan = (over: Partial<PlanView> = {}): PlanView => ({
  id: 1,
  campaign: {
    id: 1,
    title: { it: 'Rilevazione 2026', en: '2026 survey' },
    closesOn: '2026-04-17',
    anonymous: true,
  },
  unit: { id: 4, name: "Valle d'Aosta/Vallée d'Aoste" },
  year: 2027,
  status: 'draft',
  notes: 'Note con ≥, “virgolette”, 😀 e кириллица <tag> & altro',
  version: 3,
  respondents: 12,
  minGroupSize: 5,
  withheld: 2,
  priorities: [
    { code: 'GA-01', name: { it: 'Appalti & contratti', en: 'Procurement' }, priority: 7.25 },
    { code: 'GA-02', name: { it: 'Accesso agli atti', en: 'Access to records' }, priority: null },
  ],
  items: Array.from({ length: 60 }, (_, i) => ({
    id: i + 1,
    pathId: i % 3 === 0 ? null : i,
    pathSlug: i % 3 === 0 ? null : `p-${i}`,
    title: { it: `Percorso ${i} – ${'titolo lungo '.repeat(i % 5)}`, en: `Path ${i}` },
    competencyCodes: ['GA-01', 'TE-02'],
    participants: i,
    hoursPerParticipant: 7.5,
    totalHours: i * 7.5,
    deliveryMode: 'webinar' as const,
    quarter: `2027-T${(i % 4) + 1}`,
    origin: 'proposed' as const,
    notes: '',
    position: i + 1,
  })),
  totals: { participants: 1770, hours: 13275, lines: 60 },
  createdAt: '2026-11-01T10:00:00Z',
  updatedAt: '2026-11-02T10:00:00Z',
  updatedBy: 'Chiara',
  approvedAt: null,
  approvedBy: null,
  canEdit: true,
  ...over,
});

describe('the PIAO export', () => {
  it('says what the plan is, marks a draft, and totals the lines with a path', () => {
    const d = planDocument(plan());
    expect(d.draftMark).toMatch(/^BOZZA/);
    expect(d.lines.rows).toHaveLength(40);
    expect(d.unmatched).toHaveLength(20);
    expect(d.lines.totals[3]).toBe(
      String(
        plan()
          .items.filter((i) => i.pathId !== null)
          .reduce((s, i) => s + i.participants, 0),
      ),
    );
    expect(d.method.join(' ')).toContain('la priorità di 2 competenze è perciò non pubblicabile');
    // A cell the heatmap hides is listed without a number.
    expect(d.priorities.rows).toEqual([
      ['GA-01', 'Appalti & contratti', '7,3'],
      ['GA-02', 'Accesso agli atti', 'non pubblicabile'],
    ]);
    expect(d.lines.rows[0]?.[7]).toBe('2° trimestre 2027');
    const approved = planDocument(
      plan({ status: 'approved', approvedAt: '2026-12-01T10:00:00Z', approvedBy: 'Chiara' }),
    );
    expect(approved.draftMark).toBeNull();
    expect(approved.approval).toBe('Piano approvato il 1 dic 2026 da Chiara.');
    expect(exportName(plan(), 'pdf')).toBe('piano-formativo-2027-valle-d-aosta-vallee-d-aoste-bozza.pdf');
  });

  it('renders long plans and odd characters in both formats', async () => {
    const d = planDocument(plan());
    const pdf = await renderPlanPdf(d);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const xml = strFromU8(
      unzipSync(new Uint8Array(await renderPlanDocx(d)))['word/document.xml'] ?? new Uint8Array(),
    );
    expect(xml).toContain('кириллица &lt;tag&gt; &amp; altro');
    expect(xml).toContain('Percorso 59');
  });
});
