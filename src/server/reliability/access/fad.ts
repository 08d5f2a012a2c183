import { randomUUID } from 'node:crypto';
import { zipSync } from 'fflate';
import { MANIFEST_12 } from '../../modules/training/fad/scorm/test-manifests.js';
import { dayAt, ok } from '../fixtures.js';
import type { World } from '../world.js';
import { type AccessTable, type Case, EVERYONE, listed, SIGNED_IN } from './rules.js';

/**
 * Online modules. Catalogue managers (national admins, trainers with a national grant) build them; a
 * module is read and followed by the people enrolled in an edition of its path (others get 404, as
 * if it did not exist); an online session is linked to a module by who manages its edition.
 */

const EDITORS = { trainer: 'ok', admin: 'ok' } as const;

/**
 * A published path of its own with one edition, where only the own side's learner is enrolled: on the
 * world's path, every caller of the cast has enrolled itself by the time these routes run
 * (`POST /api/v1/enrolments`), so none of them would be refused.
 */
const enrolledPath = (w: World) =>
  w.fx.once('fad path', async () => {
    const pathId = await w.fx.draftPath();
    await ok(
      await w.admin.post(`/api/v1/training-paths/${pathId}/status`, { status: 'published' }),
      'publish path',
    );
    const e = await w.fx.edition(pathId, [{ starts: dayAt(15, '09:00'), ends: dayAt(15, '13:00') }]);
    await w.fx.enrol(e.id, w.own.learner);
    return pathId;
  });

/** A published module with one page: on a path the own side's learner is enrolled in, or on a path nobody is. */
async function publishedModule(w: World, enrolled: boolean) {
  const pathId = enrolled ? await enrolledPath(w) : await w.fx.draftPath();
  const mod = await ok(
    await w.admin.post(`/api/v1/fad/paths/${pathId}/modules`, { titleIt: 'Modulo della matrice' }),
    'module',
  );
  const page = await ok(
    await w.admin.post(`/api/v1/fad/modules/${mod.id}/pages`, { titleIt: 'Pagina', bodyIt: '<p>Testo</p>' }),
    'page',
  );
  await ok(
    await w.admin.put(`/api/v1/fad/modules/${mod.id}`, {
      titleIt: mod.titleIt,
      status: 'published',
      revision: (mod.revision as number) + 1,
    }),
    'publish module',
  );
  return { id: mod.id as number, pageId: page.id as number };
}

const shared = new WeakMap<World, Promise<{ id: number; pageId: number }>>();
/** One module for the calls that only read: the learner's own (enrolled) side. */
const readable = ({ w, target }: Case) => {
  if (target === 'other') return publishedModule(w, false);
  let m = shared.get(w);
  if (!m) {
    m = publishedModule(w, true);
    shared.set(w, m);
  }
  return m;
};

/** A module of its own for a change that may pass. */
const draftModule = async ({ w }: Case) =>
  ok(
    await w.admin.post(`/api/v1/fad/paths/${w.path.id}/modules`, { titleIt: 'Modulo da cambiare' }),
    'module',
  );

const page = { titleIt: 'Pagina', bodyIt: '<p>Testo</p>' };

/** A SCORM 1.2 package of two files, as a zip. */
export const scormZip = () =>
  zipSync({
    'imsmanifest.xml': new TextEncoder().encode(MANIFEST_12),
    'Playing/Playing.html': new TextEncoder().encode('<p>SCO</p>'),
  });

/** A published SCORM module: on a path where the own learner is enrolled, or on a path nobody is. */
async function publishedScorm(w: World, enrolled: boolean) {
  const pathId = enrolled ? await enrolledPath(w) : await w.fx.draftPath();
  const mod = await ok(
    await w.admin.post(`/api/v1/fad/paths/${pathId}/modules`, { titleIt: 'Modulo SCORM', kind: 'scorm' }),
    'scorm module',
  );
  const boundary = '----officina-scorm';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.zip"\r\nContent-Type: application/zip\r\n\r\n`,
    ),
    Buffer.from(scormZip()),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  await ok(
    await w.admin.request('POST', `/api/v1/fad/modules/${mod.id}/scorm`, undefined, {
      payload,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    }),
    'scorm upload',
  );
  const saved = await ok(
    await w.admin.put(`/api/v1/fad/modules/${mod.id}`, {
      titleIt: mod.titleIt,
      status: 'published',
      revision: (mod.revision as number) + 1,
    }),
    'publish scorm module',
  );
  return { id: saved.id as number };
}

const sharedScorm = new WeakMap<World, Promise<{ id: number }>>();
const scormModule = ({ w, target }: Case) => {
  if (target === 'other') return publishedScorm(w, false);
  let m = sharedScorm.get(w);
  if (!m) {
    m = publishedScorm(w, true);
    sharedScorm.set(w, m);
  }
  return m;
};

/** Commits go on from a high sequence number, so that each allowed case is a new one. */
let seq = 1_000;

export const fadAccess: AccessTable = {
  'GET /api/v1/fad/paths/:pathId/modules': {
    allow: EDITORS,
    request: ({ w }) => ({ params: { pathId: w.path.id } }),
  },
  'POST /api/v1/fad/paths/:pathId/modules': {
    allow: EDITORS,
    request: ({ w }) => ({ params: { pathId: w.path.id }, body: { titleIt: 'Nuovo modulo' } }),
  },
  'GET /api/v1/fad/paths/:pathId/sessions': {
    allow: EDITORS,
    count: listed(),
    request: async ({ w, side }) => {
      // An online session of an edition of the path, so the list has something to show.
      await w.fx.edition(
        w.path.id,
        [{ starts: dayAt(30, '09:00'), ends: dayAt(30, '11:00'), mode: 'online' }],
        {
          trainerIds: side.trainerIds,
        },
      );
      return { params: { pathId: w.path.id } };
    },
  },
  // Read by its editors, and by people enrolled in an edition of the path once published.
  'GET /api/v1/fad/modules/:id': {
    scoped: true,
    allow: { learner: ['ok', 404], ...EDITORS },
    denied: 404,
    request: async (c) => ({ params: { id: (await readable(c)).id } }),
  },
  'PUT /api/v1/fad/modules/:id': {
    allow: EDITORS,
    request: async (c) => {
      const mod = await draftModule(c);
      return { params: { id: mod.id }, body: { titleIt: 'Titolo nuovo', revision: mod.revision } };
    },
  },
  'DELETE /api/v1/fad/modules/:id': {
    allow: EDITORS,
    request: async (c) => ({ params: { id: (await draftModule(c)).id } }),
  },
  'POST /api/v1/fad/modules/:id/pages': {
    allow: EDITORS,
    request: async (c) => ({ params: { id: (await draftModule(c)).id }, body: page }),
  },
  'PUT /api/v1/fad/modules/:id/page-order': {
    allow: EDITORS,
    request: async (c) => {
      const mod = await draftModule(c);
      const p = await ok(await c.w.admin.post(`/api/v1/fad/modules/${mod.id}/pages`, page), 'page');
      return { params: { id: mod.id }, body: { pageIds: [p.id] } };
    },
  },
  'PUT /api/v1/fad/pages/:pageId': {
    allow: EDITORS,
    request: async (c) => {
      const mod = await draftModule(c);
      const p = await ok(await c.w.admin.post(`/api/v1/fad/modules/${mod.id}/pages`, page), 'page');
      return { params: { pageId: p.id }, body: { ...page, titleIt: 'Pagina cambiata' } };
    },
  },
  'DELETE /api/v1/fad/pages/:pageId': {
    allow: EDITORS,
    request: async (c) => {
      const mod = await draftModule(c);
      const p = await ok(await c.w.admin.post(`/api/v1/fad/modules/${mod.id}/pages`, page), 'page');
      return { params: { pageId: p.id } };
    },
  },
  // Who manages the edition: national admins, and the trainer on the editions they train.
  'PUT /api/v1/fad/sessions/:sessionId/module': {
    scoped: true,
    allow: { trainer: ['ok', 403], admin: 'ok' },
    request: async ({ w, side }) => {
      const e = await w.fx.edition(
        w.path.id,
        [{ starts: dayAt(30, '09:00'), ends: dayAt(30, '11:00'), mode: 'online' }],
        { trainerIds: side.trainerIds },
      );
      const mod = await ok(
        await w.admin.post(`/api/v1/fad/paths/${w.path.id}/modules`, { titleIt: 'Modulo collegato' }),
        'module',
      );
      const sessionId = (e as unknown as { sessions: { id: number }[] }).sessions[0]?.id as number;
      return { params: { sessionId }, body: { moduleId: mod.id } };
    },
  },
  // Followed by the people enrolled in an edition of the path.
  'POST /api/v1/fad/modules/:id/progress': {
    scoped: true,
    allow: { learner: ['ok', 404] },
    denied: 404,
    request: async (c) => {
      const m = await readable(c);
      return { params: { id: m.id }, body: { visit: randomUUID(), seconds: 0, pageId: m.pageId } };
    },
  },
  'GET /api/v1/me/fad': { allow: SIGNED_IN },
  'POST /api/v1/fad/modules/:id/scorm': {
    allow: EDITORS,
    request: async ({ w }) => {
      const mod = await ok(
        await w.admin.post(`/api/v1/fad/paths/${w.path.id}/modules`, { titleIt: 'SCORM', kind: 'scorm' }),
        'module',
      );
      return { params: { id: mod.id }, upload: { filename: 'pacchetto.zip', content: scormZip() } };
    },
  },
  // Opened and saved by the people enrolled in an edition of the path, as the module itself.
  'GET /api/v1/fad/modules/:id/scorm/launch': {
    scoped: true,
    allow: { learner: ['ok', 404] },
    denied: 404,
    request: async (c) => ({ params: { id: (await scormModule(c)).id } }),
  },
  'POST /api/v1/fad/modules/:id/scorm/commit': {
    scoped: true,
    allow: { learner: ['ok', 404] },
    denied: 404,
    request: async (c) => {
      const { id } = await scormModule(c);
      const launch =
        c.allowed && c.client
          ? await ok(await c.client.get(`/api/v1/fad/modules/${id}/scorm/launch`), 'launch')
          : null;
      seq += 1;
      return {
        params: { id },
        body: { seq, visit: launch?.visit ?? randomUUID(), cmi: { core: { lesson_status: 'incomplete' } } },
      };
    },
  },
  // The content origin: no session (it has no cookie), the signed token in the address is the grant.
  'GET /scorm-content/:token/*': {
    public: true,
    allow: EVERYONE,
    request: async (c) => {
      const { id } = await scormModule({ ...c, target: 'own' });
      const launch = await ok(
        await c.w.own.learnerClient.get(`/api/v1/fad/modules/${id}/scorm/launch`),
        'launch',
      );
      const url = new URL(launch.playerUrl as string);
      const [, , token] = url.pathname.split('/');
      return { params: { token: token as string, '*': 'Playing/Playing.html' }, headers: { host: url.host } };
    },
  },
};
