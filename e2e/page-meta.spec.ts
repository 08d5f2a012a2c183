import { describe, expect, it } from 'vitest';
import { baseURL } from './support/browser.js';

/** What a search engine or a link preview reads: the HTML as served, before any script runs. */
async function servedHead(path: string) {
  const res = await fetch(`${baseURL()}${path}`, { headers: { accept: 'text/html' } });
  expect(res.status).toBe(200);
  const html = await res.text();
  return {
    title: /<title>([^<]*)<\/title>/.exec(html)?.[1],
    description: /<meta name="description" content="([^"]*)"/.exec(html)?.[1],
  };
}

describe('public pages as served to search engines', () => {
  it('give a path page its own title and description', async () => {
    const head = await servedHead('/formazione/percorsi/appalti-pubblici-nuovo-codice');
    expect(head.title).toBe('Appalti pubblici: il nuovo codice dei contratti — Officina');
    expect(head.description).toContain('D.Lgs. 36/2023');
  });

  it('give an edition page the path, the edition, its dates and who may attend', async () => {
    const calendar = (await (await fetch(`${baseURL()}/api/v1/public/calendar?q=appalti`)).json()) as {
      items: { editionId: number }[];
    };
    const editionId = calendar.items[0]?.editionId;
    const edition = (await (await fetch(`${baseURL()}/api/v1/public/editions/${editionId}`)).json()) as {
      title: string;
    };
    // The demo names the edition after its place and the month it starts.
    expect(edition.title).toMatch(/^Edizione 1 – Cuneo, \p{L}+ \d{4}$/u);
    const head = await servedHead(`/formazione/edizioni/${editionId}`);
    expect(head.title).toBe(`Appalti pubblici: il nuovo codice dei contratti — ${edition.title} — Officina`);
    expect(head.description).toContain('Riservato alle Province con una Convenzione attiva');
  });

  it('keep the generic title for pages that are not public content', async () => {
    expect((await servedHead('/accedi')).title).toBe('Officina');
    expect((await servedHead('/formazione/percorsi/non-esiste')).title).toBe('Officina');
  });
});
