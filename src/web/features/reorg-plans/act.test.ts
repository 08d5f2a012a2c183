import { describe, expect, it } from 'vitest';
import { actFromFields } from './act';

describe('the adoption act in the editor', () => {
  it('is none when all fields are empty, the act when all are filled', () => {
    expect(actFromFields({ type: '', number: ' ', date: '' })).toEqual({ ok: true, act: null });
    expect(actFromFields({ type: 'delibera_consiliare', number: ' 12 ', date: '2026-05-12' })).toEqual({
      ok: true,
      act: { type: 'delibera_consiliare', number: '12', date: '2026-05-12' },
    });
  });

  it('reports a partly filled act with what is missing, instead of dropping it', () => {
    expect(actFromFields({ type: 'decreto_presidenziale', number: '45', date: '' })).toEqual({
      ok: false,
      missing: ['date'],
    });
    expect(actFromFields({ type: '', number: '', date: '2026-05-12' })).toEqual({
      ok: false,
      missing: ['type', 'number'],
    });
  });
});
