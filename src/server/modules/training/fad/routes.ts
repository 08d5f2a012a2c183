import { okBody } from '../../../../common/api.js';
import { apiRoutes } from '../../../../common/api-routes.js';
import {
  fadBeat,
  fadModuleCreate,
  fadModuleList,
  fadModuleSummary,
  fadModuleUpdate,
  fadModuleView,
  fadOnlineSessions,
  fadPage,
  fadPageInput,
  fadPageOrder,
  fadPageParams,
  fadPathParams,
  fadProgress,
  fadSessionLink,
  fadSessionParams,
  myFad,
  SCORM_LIMITS,
  scormCommit,
  scormCommitResult,
  scormLaunch,
} from '../../../../common/fad.js';
import { idParams } from '../../../../common/primitives.js';
import { uploadOf } from '../../../http/text-guard.js';
import { type App, typed } from '../../../http/types.js';
import { scormContentRoutes } from './scorm/content.js';
import type { FadService } from './service.js';

const tags = ['training: online modules'];

export function fadRoutes(
  app: App,
  { fad }: { fad: FadService },
  origins: { appOrigin: string; contentOrigin: string | undefined },
) {
  const r = typed(app);
  const route = apiRoutes.fad;

  r.get(
    route.pathModules,
    {
      schema: {
        tags,
        summary: 'A path’s online modules, drafts included (catalogue managers)',
        params: fadPathParams,
        response: { 200: fadModuleList },
      },
    },
    async (req) => fad.listForPath(req.ctx, req.params.pathId),
  );

  r.post(
    route.pathModules,
    {
      schema: {
        tags,
        summary: 'Add an online module to a path, as a draft (catalogue managers)',
        params: fadPathParams,
        body: fadModuleCreate,
        response: { 201: fadModuleSummary },
      },
    },
    async (req, reply) => reply.status(201).send(await fad.create(req.ctx, req.params.pathId, req.body)),
  );

  r.get(
    route.pathSessions,
    {
      schema: {
        tags,
        summary: 'The online sessions of a path’s editions and the module each delivers',
        params: fadPathParams,
        response: { 200: fadOnlineSessions },
      },
    },
    async (req) => fad.onlineSessions(req.ctx, req.params.pathId),
  );

  r.get(
    route.module,
    {
      schema: {
        tags,
        summary: 'An online module with its pages; for a learner also their progress and what still locks it',
        params: idParams,
        response: { 200: fadModuleView },
      },
    },
    async (req) => fad.get(req.ctx, req.params.id),
  );

  r.put(
    route.module,
    {
      schema: {
        tags,
        summary: 'Change a module at the revision seen; 409 when someone saved first',
        params: idParams,
        body: fadModuleUpdate,
        response: { 200: fadModuleSummary },
      },
    },
    async (req) => fad.update(req.ctx, req.params.id, req.body),
  );

  r.delete(
    route.module,
    {
      schema: {
        tags,
        summary: 'Delete a module nobody has followed yet',
        params: idParams,
        response: { 200: okBody },
      },
    },
    async (req) => fad.remove(req.ctx, req.params.id),
  );

  r.post(
    route.pages,
    {
      schema: {
        tags,
        summary: 'Add a page at the end of a module (rich text sanitised; video from YouTube or Vimeo)',
        params: idParams,
        body: fadPageInput,
        response: { 201: fadPage },
      },
    },
    async (req, reply) => reply.status(201).send(await fad.addPage(req.ctx, req.params.id, req.body)),
  );

  r.put(
    route.pageOrder,
    {
      schema: {
        tags,
        summary: 'Put a module’s pages in a new order (every page once)',
        params: idParams,
        body: fadPageOrder,
        response: { 200: fadPage.array() },
      },
    },
    async (req) => fad.reorderPages(req.ctx, req.params.id, req.body.pageIds),
  );

  r.put(
    route.page,
    {
      schema: {
        tags,
        summary: 'Change a page',
        params: fadPageParams,
        body: fadPageInput,
        response: { 200: fadPage },
      },
    },
    async (req) => fad.updatePage(req.ctx, req.params.pageId, req.body),
  );

  r.delete(
    route.page,
    {
      schema: { tags, summary: 'Delete a page', params: fadPageParams, response: { 200: okBody } },
    },
    async (req) => fad.removePage(req.ctx, req.params.pageId),
  );

  r.put(
    route.sessionModule,
    {
      schema: {
        tags,
        summary:
          'Say which module an online session delivers (null: none); its progress then reaches the ledger',
        params: fadSessionParams,
        body: fadSessionLink,
        response: { 200: okBody },
      },
    },
    async (req) => fad.linkSession(req.ctx, req.params.sessionId, req.body.moduleId),
  );

  r.post(
    route.progress,
    {
      schema: {
        tags,
        summary:
          'The player’s beat: the visit’s whole active time and the page on screen (idempotent; also sent when the tab closes)',
        params: idParams,
        body: fadBeat,
        response: { 200: fadProgress },
      },
    },
    async (req) => fad.beat(req.ctx, req.params.id, req.body),
  );

  r.post(
    route.scorm,
    {
      // The zip may be large: this route's own body limit (the multipart part is read in the handler).
      bodyLimit: SCORM_LIMITS.uploadBytes + 1024 * 1024,
      schema: {
        tags,
        summary:
          'Upload the SCORM package (zip, 1.2 or 2004, multipart field "file") of a SCORM module, replacing the previous one; a package with any problem is refused whole',
        params: idParams,
        consumes: ['multipart/form-data'],
        response: { 200: fadModuleSummary },
      },
    },
    async (req) => {
      const { buffer } = await uploadOf(req, 'zip', { fileSize: SCORM_LIMITS.uploadBytes });
      return fad.uploadScorm(req.ctx, req.params.id, buffer);
    },
  );

  r.get(
    route.scormLaunch,
    {
      schema: {
        tags,
        summary:
          'Open a SCORM module (enrolled people): the player’s signed address on the content origin, the CMI data saved, a new visit',
        params: idParams,
        response: { 200: scormLaunch },
      },
    },
    async (req) => fad.scormLaunch(req.ctx, req.params.id),
  );

  r.post(
    route.scormCommit,
    {
      schema: {
        tags,
        summary:
          'Save the SCORM runtime’s data (enrolled people): the highest sequence number wins, an older or repeated one changes nothing',
        params: idParams,
        body: scormCommit,
        response: { 200: scormCommitResult },
      },
    },
    async (req) => fad.scormCommit(req.ctx, req.params.id, req.body),
  );

  scormContentRoutes(app, fad, origins);

  r.get(
    route.mine,
    {
      schema: {
        tags,
        summary: 'The signed-in person’s online modules, with progress (Formazione a distanza)',
        response: { 200: myFad },
      },
    },
    async (req) => fad.mine(req.ctx),
  );
}
