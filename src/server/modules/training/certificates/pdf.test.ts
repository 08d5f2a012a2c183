import { describe, expect, it } from 'vitest';
import { formatRomeDate } from '../../../../common/rome-time.js';
import { italianHours, renderCertificatePdf, winAnsi } from './pdf.js';
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

  it('writes dates day first and hours with the decimal comma', () => {
    expect(formatRomeDate('2026-03-09')).toBe('09/03/2026');
    expect(italianHours(750)).toBe('12,5');
    expect(italianHours(480)).toBe('8,0');
    expect(italianHours(100)).toBe('1,7');
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
  });
});
