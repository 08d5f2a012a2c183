import { describe, expect, it } from 'vitest';
import { frameworkFile, matchKey, namesCompetency } from './framework.js';

const competency = (it: string, en: string, keywords: string[] = []) => ({ name: { it, en }, keywords });

describe('matching free-text competencies', () => {
  it('ignores case, accents and punctuation', () => {
    expect(matchKey('  Interoperabilità ')).toBe('interoperabilita');
    expect(matchKey('E-procurement')).toBe('e procurement');
    expect(matchKey('OPEN   DATA')).toBe('open data');
    expect(matchKey('Qualità dell’aria')).toBe('qualita dell aria');
    expect(matchKey('ÀÉÎÕÜ')).toBe('aeiou');
  });

  it('matches the Italian or English name, or a keyword', () => {
    const c = competency('Dati aperti', 'Open data', ['interoperabilita', 'PDND']);
    expect(namesCompetency('Dati Aperti', c)).toBe(true);
    expect(namesCompetency('open-data', c)).toBe(true);
    expect(namesCompetency('Interoperabilità', c)).toBe(true);
    expect(namesCompetency('INTEROPERABILITA', c)).toBe(true);
    expect(namesCompetency('pdnd', c)).toBe(true);
  });

  it('needs the whole text, not a part of it', () => {
    const c = competency('Cambiamento organizzativo', 'Organisational change', ['CAM']);
    expect(namesCompetency('CAM', c)).toBe(true);
    expect(namesCompetency('Cambiamento', c)).toBe(false);
    expect(namesCompetency('CAM e appalti verdi', c)).toBe(false);
    expect(namesCompetency('', c)).toBe(false);
    expect(namesCompetency(' - ', competency('-', '-'))).toBe(false);
  });
});

describe('the framework file schema', () => {
  it('trims texts and refuses a keyword with a semicolon', () => {
    const file = {
      version: ' 1 ',
      title: { it: 't', en: 't' },
      source: { it: 's', en: 's' },
      domains: [
        {
          code: 'gestionale',
          areas: [
            {
              code: 'A',
              name: { it: 'a', en: 'a' },
              competencies: [
                {
                  code: 'A.1',
                  name: { it: ' n ', en: 'n' },
                  description: { it: 'd', en: 'd' },
                  keywords: ['uno; due'],
                  levels: {
                    base: { it: 'b', en: 'b' },
                    intermedio: { it: 'i', en: 'i' },
                    avanzato: { it: 'a', en: 'a' },
                  },
                },
              ],
            },
          ],
        },
      ],
    };
    const bad = frameworkFile.safeParse(file);
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['domains', 0, 'areas', 0, 'competencies', 0, 'keywords', 0]);
    const first = file.domains[0]?.areas[0]?.competencies[0];
    if (first) first.keywords = ['uno', 'due'];
    const good = frameworkFile.parse(file);
    expect(good.version).toBe('1');
    expect(good.domains[0]?.areas[0]?.competencies[0]?.name.it).toBe('n');
  });
});
