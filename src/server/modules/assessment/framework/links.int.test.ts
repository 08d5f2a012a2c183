import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { apiUrl, apiRoutes as r } from '../../../../common/api-routes.js';
import type { TrainingPath } from '../../../../common/catalogue.js';
import type { FrameworkTree, PathCompetencies } from '../../../../common/framework.js';
import { namesCompetency } from '../../../../common/framework.js';
import { migrationsFolder, runMigrations } from '../../../db/migrate.js';
import { frameworkCompetencies, pathCompetencies, trainingPaths } from '../../../db/schema/index.js';
import { seedDemo } from '../../../db/seed/demo.js';
import { seedReference } from '../../../db/seed/reference.js';
import { startTestApp } from '../../../test/app.js';
import { openTestDatabase } from '../../../test/db.js';

const t = await startTestApp();
const admin = await t.as('admin@officina.demo');

const DEMO: Record<string, string[]> = {
  'appalti-pubblici-nuovo-codice': ['Procedure di affidamento', 'E-procurement', 'CAM'],
  'fondi-europei-progettazione': ['Europrogettazione', 'Rendicontazione'],
  'dati-territoriali-servizi-digitali': ['Open data', 'Interoperabilità'],
};

const list = async (query: Record<string, string | number | boolean> = {}) => {
  const res = await admin.get(apiUrl(r.framework.pathLinks, {}, { pageSize: 200, ...query }));
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: PathCompetencies[]; total: number };
};
const publishedTree = async () => {
  const v = (await admin.get(apiUrl(r.framework.versions)))
    .json()
    .items.find((x: { status: string }) => x.status === 'published');
  return (await admin.get(apiUrl(r.framework.version, { id: v.id }))).json() as FrameworkTree;
};
const competencies = (tr: FrameworkTree) => tr.domains.flatMap((d) => d.areas.flatMap((a) => a.competencies));

describe('links from the demo paths', () => {
  it('are made from their free-text competencies, case and accents aside', async () => {
    const tr = await publishedTree();
    const byId = new Map(competencies(tr).map((c) => [c.id, c]));
    const { items } = await list();
    for (const [slug, texts] of Object.entries(DEMO)) {
      const p = items.find((i) => i.slug === slug);
      expect(p, slug).toBeDefined();
      expect(p?.competencies).toEqual(texts);
      expect(p?.unmapped, slug).toEqual([]);
      // Every text is stood for by a link to a competency it names.
      for (const text of texts) {
        const link = p?.links.find((l) => l.text === text);
        expect(link, text).toBeDefined();
        const c = byId.get(link?.competencyId ?? 0);
        expect(c && namesCompetency(text, c), text).toBe(true);
      }
    }
    expect((await list({ unmapped: true })).items.map((i) => i.slug)).toEqual([]);
  });
});

describe('mapping by hand', () => {
  it('lists what is left to map and sets a path’s links', async () => {
    const created = await admin.post('/api/v1/training-paths', {
      title: 'Appalti verdi e transizione ecologica',
      summary: 'Come inserire la sostenibilità ambientale negli acquisti della Provincia.',
      domainCode: 'giuridico-amministrativo',
      serviceModelCode: null,
      level: 'base',
      totalHours: 4,
      deliveryModes: ['webinar'],
      competencies: ['Lingua dei segni italiana', 'cam'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const path = created.json() as TrainingPath;
    // A new path is linked to what its free text names; the rest waits for an admin.
    const todo = await list({ unmapped: true });
    expect(todo.items.map((i) => [i.slug, i.unmapped, i.links.map((l) => l.text)])).toEqual([
      [path.slug, ['Lingua dei segni italiana'], ['cam']],
    ]);
    expect((await list({ unmapped: true, q: 'appalti VERDI' })).total).toBe(1);
    expect((await list({ unmapped: true, q: 'fondi' })).total).toBe(0);

    const all = competencies(await publishedTree());
    const cam = all.find((c) => namesCompetency('CAM', c));
    const other = all.find((c) => c.id !== cam?.id);
    if (!cam || !other) throw new Error('competencies missing');
    const set = await admin.put(apiUrl(r.framework.pathLink, { pathId: path.id }), {
      links: [
        { competencyId: other.id, text: 'Lingua dei segni italiana' },
        { competencyId: cam.id, text: null },
      ],
    });
    expect(set.statusCode, set.body).toBe(200);
    const after = set.json() as PathCompetencies;
    expect(after.unmapped).toEqual([]);
    expect(after.links.map((l) => l.competencyId).sort()).toEqual([other.id, cam.id].sort());
    expect((await list({ unmapped: true })).total).toBe(0);

    // Replacing the links brings the text back to the list.
    const only = await admin.put(apiUrl(r.framework.pathLink, { pathId: path.id }), {
      links: [{ competencyId: cam.id, text: 'cam' }],
    });
    expect(only.json().unmapped).toEqual(['Lingua dei segni italiana']);
    expect((await admin.get(apiUrl(r.framework.pathLink, { pathId: path.id }))).json()).toEqual(only.json());

    const unknown = await admin.put(apiUrl(r.framework.pathLink, { pathId: path.id }), {
      links: [{ competencyId: 999999, text: null }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'UNKNOWN_COMPETENCY', details: [{ path: 'links' }] });
    expect(
      (await admin.put(apiUrl(r.framework.pathLink, { pathId: 999999 }), { links: [] })).statusCode,
    ).toBe(404);
    const audit = (
      await admin.get(`/api/v1/audit-log?action=framework.path_links_set&entityId=${path.id}`)
    ).json();
    expect(audit.total).toBe(2);
  });

  it('only links to the published version: a draft’s competencies are refused', async () => {
    const draft = (await admin.post(apiUrl(r.framework.versions), {})).json() as FrameworkTree;
    const [c] = competencies(draft);
    const [demo] = (await list()).items;
    const res = await admin.put(apiUrl(r.framework.pathLink, { pathId: demo?.pathId ?? 0 }), {
      links: [{ competencyId: c?.id, text: null }],
    });
    expect(res.json().code).toBe('UNKNOWN_COMPETENCY');
    expect((await admin.delete(apiUrl(r.framework.version, { id: draft.id }))).statusCode).toBe(200);
  });
});

const pathInput = (title: string, texts: string[]) => ({
  title,
  summary: 'Un percorso di prova per i collegamenti alle competenze.',
  domainCode: 'giuridico-amministrativo',
  serviceModelCode: null,
  level: 'base',
  totalHours: 4,
  deliveryModes: ['webinar'],
  competencies: texts,
});
const linksOf = async (pathId: number) => {
  const res = await admin.get(apiUrl(r.framework.pathLink, { pathId }));
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as PathCompetencies;
};
const pairs = (p: PathCompetencies) =>
  p.links.map((l) => [l.competencyId, l.text] as const).sort((a, b) => a[0] - b[0]);
const followed = async (pathId: number) =>
  (await admin.get(`/api/v1/audit-log?action=framework.path_links_followed&entityId=${pathId}`)).json()
    .total as number;

describe('links that follow a path’s free text', () => {
  it('links a new path to what its texts name and leaves the others to map', async () => {
    const all = competencies(await publishedTree());
    const cam = all.find((c) => namesCompetency('Criteri ambientali minimi', c));
    const created = await admin.post(
      apiUrl(r.catalogue.paths),
      pathInput('Acquisti sostenibili', ['Criteri ambientali minimi', 'Gestione degli archivi storici']),
    );
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as TrainingPath).id;
    const p = await linksOf(id);
    expect(pairs(p)).toEqual([[cam?.id, 'Criteri ambientali minimi']]);
    expect(p.unmapped).toEqual(['Gestione degli archivi storici']);
    expect(p.competencies).toEqual(['Criteri ambientali minimi', 'Gestione degli archivi storici']);
    expect((await list({ unmapped: true, q: 'Acquisti sostenibili' })).total).toBe(1);
    expect(await followed(id)).toBe(1);

    // Nothing named: no link, no audit entry, the texts all to map.
    const none = await admin.post(apiUrl(r.catalogue.paths), pathInput('Archivi', ['Paleografia']));
    const nothing = await linksOf((none.json() as TrainingPath).id);
    expect(nothing.links).toEqual([]);
    expect(nothing.unmapped).toEqual(['Paleografia']);
    expect(await followed(nothing.pathId)).toBe(0);
  });

  it('follows a change of the texts and keeps the links made by hand', async () => {
    const all = competencies(await publishedTree());
    const cam = all.find((c) => namesCompetency('CAM', c));
    const eproc = all.find((c) => namesCompetency('E-procurement', c));
    const [byHand, noText] = all.filter((c) => c.id !== cam?.id && c.id !== eproc?.id);
    if (!cam || !eproc || !byHand || !noText) throw new Error('competencies missing');
    const created = await admin.post(
      apiUrl(r.catalogue.paths),
      pathInput('Gare verdi', ['CAM', 'Lingua dei segni italiana']),
    );
    const id = (created.json() as TrainingPath).id;
    // The admin maps the other text by hand, and adds a link of their own with no text.
    const set = await admin.put(apiUrl(r.framework.pathLink, { pathId: id }), {
      links: [
        { competencyId: cam.id, text: 'CAM' },
        { competencyId: byHand.id, text: 'Lingua dei segni italiana' },
        { competencyId: noText.id, text: null },
      ],
    });
    expect(set.statusCode, set.body).toBe(200);

    // "CAM" goes, "e-procurement" comes: the links follow; the hand-made ones stay.
    const changed = await admin.patch(
      apiUrl(r.catalogue.path, { id }),
      pathInput('Gare verdi', ['Lingua dei segni italiana', 'e-procurement']),
    );
    expect(changed.statusCode, changed.body).toBe(200);
    const after = await linksOf(id);
    expect(pairs(after)).toEqual(
      [
        [byHand.id, 'Lingua dei segni italiana'] as const,
        [noText.id, null] as const,
        [eproc.id, 'e-procurement'] as const,
      ].sort((a, b) => a[0] - b[0]),
    );
    expect(after.unmapped).toEqual([]);
    const audit = (
      await admin.get(`/api/v1/audit-log?action=framework.path_links_followed&entityId=${id}`)
    ).json();
    expect(audit.items[0].details).toEqual({
      added: [{ code: eproc.code, text: 'e-procurement' }],
      removed: [{ code: cam.code, text: 'CAM' }],
    });

    // A change that keeps the texts (other case, other title) does nothing to the links.
    const before = await followed(id);
    await admin.patch(
      apiUrl(r.catalogue.path, { id }),
      pathInput('Gare verdi e digitali', ['lingua dei segni italiana', 'E-Procurement']),
    );
    expect(pairs(await linksOf(id))).toEqual(pairs(after));
    expect(await followed(id)).toBe(before);

    // A link the admin removed is not brought back by a later change of other texts.
    await admin.put(apiUrl(r.framework.pathLink, { pathId: id }), {
      links: [{ competencyId: byHand.id, text: 'Lingua dei segni italiana' }],
    });
    await admin.patch(
      apiUrl(r.catalogue.path, { id }),
      pathInput('Gare verdi e digitali', ['lingua dei segni italiana', 'E-Procurement', 'Paleografia']),
    );
    const last = await linksOf(id);
    expect(pairs(last)).toEqual([[byHand.id, 'Lingua dei segni italiana']]);
    expect(last.unmapped).toEqual(['E-Procurement', 'Paleografia']);

    // Removing the text a hand-made link was made from removes that link too.
    await admin.patch(apiUrl(r.catalogue.path, { id }), pathInput('Gare verdi e digitali', ['Paleografia']));
    expect((await linksOf(id)).links).toEqual([]);
  });
});

describe('publishing a new version', () => {
  it('carries the links over to the competencies of the same code; a removed one leaves its text to map', async () => {
    const before = await list();
    const procurement = before.items.find((i) => i.slug === 'appalti-pubblici-nuovo-codice');
    const camLink = procurement?.links.find((l) => l.text === 'CAM');
    if (!camLink) throw new Error('the CAM link is missing');
    const draft = (await admin.post(apiUrl(r.framework.versions), {})).json() as FrameworkTree;
    const camInDraft = competencies(draft).find((c) => c.code === camLink.code);
    await admin.delete(apiUrl(r.framework.competency, { id: draft.id, competencyId: camInDraft?.id ?? 0 }));
    const pub = await admin.post(apiUrl(r.framework.publish, { id: draft.id }));
    expect(pub.statusCode, pub.body).toBe(200);

    const after = await list();
    const ids = new Set(competencies(pub.json()).map((c) => c.id));
    for (const p of after.items) for (const l of p.links) expect(ids.has(l.competencyId)).toBe(true);
    const strip = (p: PathCompetencies | undefined) => p?.links.map((l) => [l.code, l.text]);
    const procAfter = after.items.find((i) => i.slug === 'appalti-pubblici-nuovo-codice');
    expect(procAfter?.unmapped).toEqual(['CAM']);
    expect(strip(procAfter)).toEqual(strip(procurement)?.filter(([code]) => code !== camLink.code));
    for (const slug of ['fondi-europei-progettazione', 'dati-territoriali-servizi-digitali'])
      expect(strip(after.items.find((i) => i.slug === slug))).toEqual(
        strip(before.items.find((i) => i.slug === slug)),
      );
    const audit = (
      await admin.get(`/api/v1/audit-log?action=framework.published&entityId=${draft.id}`)
    ).json();
    // The demo path and the one mapped by hand above lost their CAM link.
    const lost = audit.items[0].details.linksNotCarried as { pathId: number; code: string }[];
    expect(lost).toContainEqual({ pathId: procurement?.pathId, code: camLink.code });
    expect(lost.every((l) => l.code === camLink.code)).toBe(true);
  });
});

describe('upgrading a database in use', () => {
  it('links its existing paths when the default framework is loaded, and keeps their free text', async () => {
    // The migrations as they were before the framework: the journal cut before it.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'officina-before-framework-'));
    const database = await openTestDatabase({ empty: true });
    try {
      cpSync(migrationsFolder, dir, { recursive: true });
      const journalFile = path.join(dir, 'meta', '_journal.json');
      const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
      const at = journal.entries.findIndex((e) => e.tag.endsWith('_competency_framework'));
      expect(at).toBeGreaterThan(0);
      journal.entries = journal.entries.slice(0, at);
      writeFileSync(journalFile, JSON.stringify(journal));
      const db = database.db;
      await runMigrations(database, dir);
      await seedReference(db, { framework: false });
      await seedDemo(db, { history: false, framework: false });
      const texts = await db
        .select({ slug: trainingPaths.slug, competencies: trainingPaths.competencies })
        .from(trainingPaths)
        .orderBy(asc(trainingPaths.slug));

      // What start-up does after an upgrade: migrate, then the reference data.
      await runMigrations(database);
      await seedReference(db);

      const links = await db
        .select({
          slug: trainingPaths.slug,
          text: pathCompetencies.sourceText,
          code: frameworkCompetencies.code,
        })
        .from(pathCompetencies)
        .innerJoin(trainingPaths, eq(trainingPaths.id, pathCompetencies.pathId))
        .innerJoin(frameworkCompetencies, eq(frameworkCompetencies.id, pathCompetencies.competencyId));
      for (const [slug, list] of Object.entries(DEMO))
        expect(
          links
            .filter((l) => l.slug === slug)
            .map((l) => l.text)
            .sort(),
          slug,
        ).toEqual([...list].sort());
      expect(
        await db
          .select({ slug: trainingPaths.slug, competencies: trainingPaths.competencies })
          .from(trainingPaths)
          .orderBy(asc(trainingPaths.slug)),
      ).toEqual(texts);
    } finally {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
