import { describe, expect, it } from 'vitest';
import { textLinks } from './links-repository.js';
import { textChanges } from './links-service.js';

const competencies = [
  { id: 1, nameIt: 'Applicare i CAM', nameEn: 'Applying CAM', keywords: ['cam', 'acquisti verdi'] },
  { id: 2, nameIt: 'Interoperabilità', nameEn: 'Interoperability', keywords: [] },
  { id: 3, nameIt: 'Cambiamento organizzativo', nameEn: 'Organisational change', keywords: ['CAM'] },
];

describe('textLinks', () => {
  it('links each text to every competency it names, case, accents and punctuation aside', () => {
    expect(textLinks(7, ['Acquisti VERDI', 'interoperabilita', 'Paleografia'], competencies)).toEqual([
      { pathId: 7, competencyId: 1, sourceText: 'Acquisti VERDI' },
      { pathId: 7, competencyId: 2, sourceText: 'interoperabilita' },
    ]);
  });

  it('never matches a part of a name', () => {
    expect(textLinks(7, ['Cambiamento'], competencies)).toEqual([]);
    expect(textLinks(7, ['cam'], competencies).map((l) => l.competencyId)).toEqual([1, 3]);
  });
});

describe('textChanges', () => {
  it('names the texts added and the keys of those removed', () => {
    expect(textChanges(['CAM', 'Open data'], ['open data', 'E-procurement'])).toEqual({
      added: ['E-procurement'],
      removedKeys: ['cam'],
    });
  });

  it('sees no change in case, accents or punctuation', () => {
    expect(textChanges(['Interoperabilità', 'E-procurement'], ['interoperabilita', 'e procurement'])).toEqual(
      {
        added: [],
        removedKeys: [],
      },
    );
  });

  it('adds every text of a new path', () => {
    expect(textChanges([], ['CAM', 'Paleografia'])).toEqual({
      added: ['CAM', 'Paleografia'],
      removedKeys: [],
    });
  });
});
