import { describe, expect, it } from 'vitest';
import { pdfText } from '../../../test/pdf.js';
import { editionWords, hoursInWords, renderCertificatePdf, winAnsi } from './pdf.js';
import { pdfFileName } from './service.js';

describe('certificate text', () => {
  it('keeps Italian accents and typographic marks the standard fonts carry', () => {
    expect(winAnsi('Attività «perché» — l’Università €')).toBe('Attività «perché» — l’Università €');
  });

  it('drops accents the standard fonts lack, and marks what cannot be shown', () => {
    expect(winAnsi('Łukasz Wałęsa')).toBe('?ukasz Wa?esa');
    expect(winAnsi('Ștefan Dvořák')).toBe('Stefan Dvorák');
    expect(winAnsi('Иван')).toBe('????');
  });

  it('writes the time attended in words', () => {
    expect(hoursInWords(240)).toBe('4 ore');
    expect(hoursInWords(270)).toBe('4 ore e 30 minuti');
    expect(hoursInWords(750)).toBe('12 ore e 30 minuti');
    expect(hoursInWords(60)).toBe('1 ora');
    expect(hoursInWords(61)).toBe('1 ora e 1 minuto');
    expect(hoursInWords(45)).toBe('45 minuti');
  });

  it('names the edition once, whether or not its title says "Edizione"', () => {
    expect(editionWords('Edizione 1')).toBe('Edizione 1');
    expect(editionWords('edizione di primavera')).toBe('edizione di primavera');
    expect(editionWords('Primavera 2026')).toBe('edizione «Primavera 2026»');
    expect(editionWords('Edizioni speciali')).toBe('edizione «Edizioni speciali»');
  });

  it('names the PDF after the holder and the code', () => {
    expect(pdfFileName({ holderName: 'Niccolò D’Àvila', code: 'K7QM-3XTR-9PAD-2VHC' })).toBe(
      'attestato-niccolo-d-avila-K7QM-3XTR-9PAD-2VHC.pdf',
    );
    expect(pdfFileName({ holderName: '李', code: 'K7QM-3XTR-9PAD-2VHC' })).toBe(
      'attestato-titolare-K7QM-3XTR-9PAD-2VHC.pdf',
    );
  });

  it('renders a one-page PDF', async () => {
    const pdf = await renderCertificatePdf(
      {
        code: 'K7QM-3XTR-9PAD-2VHC',
        issuer: 'Programma di formazione delle Province italiane',
        holderName: 'Carlo Discente',
        pathTitle: 'Appalti',
        editionTitle: 'Edizione 1',
        startsOn: '2026-03-02',
        endsOn: '2026-03-02',
        completedOn: '2026-03-02',
        minutesAttended: 240,
        issuedAt: new Date(),
        revokedAt: null,
        revokeReason: null,
      },
      'https://officina.example.it',
    );
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(text.match(/\/Type \/Page\b/g)).toHaveLength(1);
    expect(text).toMatch(/\/MediaBox \[0 0 841\.89 595\.28\]/);
    const words = pdfText(pdf);
    expect(words).toContain('Edizione 1, svolta il 2 mar 2026,');
    expect(words).toContain('frequentando 4 ore e completandolo il 2 mar 2026.');
    expect(words).not.toContain('edizione «Edizione');
    // Without a place, the date of issue alone; without a signatory, no signature block.
    expect(words).toMatch(/^Rilasciato il \d{1,2} [a-z]{3} \d{4}$/m);
  });
});
