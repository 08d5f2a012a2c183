import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';

const labels = (html: string) => [...html.matchAll(/role="region" aria-label="([^"]*)"/g)].map((m) => m[1]);

describe('manual tables', () => {
  it('name each scrolling region after its section, uniquely, in the page language', () => {
    const table = '| a | b |\n| - | - |\n| 1 | 2 |\n';
    const source = `Intro\n\n${table}\n## Ruoli & permessi\n\n${table}\n${table}\n### Altro\n\n${table}`;
    expect(labels(renderMarkdown(source, 'Table'))).toEqual([
      'Table',
      'Table: Ruoli &amp; permessi',
      'Table: Ruoli &amp; permessi (2)',
      'Table: Altro',
    ]);
  });
});
