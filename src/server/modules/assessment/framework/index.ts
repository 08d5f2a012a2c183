import { defineModule } from '../../../kernel/module.js';
import type { AuditService } from '../../platform/audit/index.js';
import { createDraftsService, type DraftsService } from './drafts-service.js';
import { createLinksRepository } from './links-repository.js';
import { createPathLinksService, type PathLinksService } from './links-service.js';
import { canManageFramework } from './policy.js';
import { createFrameworkRepository } from './repository.js';
import { frameworkRoutes } from './routes.js';
import { createFrameworkService, type FrameworkService } from './service.js';

export type { DraftsService, FrameworkService, PathLinksService };
export { canManageFramework };

/**
 * The competency framework: versions (draft → published → retired; a published version never
 * changes), their domains, areas and competencies with three levels, JSON and CSV import and export,
 * and the links from the catalogue's training paths to the published competencies.
 */
export const frameworkModule = defineModule({
  name: 'framework',
  create: ({ db, clock }, deps: { audit: AuditService }) => {
    const repo = createFrameworkRepository();
    const links = createLinksRepository();
    const framework = createFrameworkService({ db, repo, links, audit: deps.audit, clock });
    return {
      framework,
      frameworkDrafts: createDraftsService({
        db,
        repo,
        links,
        audit: deps.audit,
        clock,
        versions: framework,
      }),
      pathLinks: createPathLinksService({ db, repo, links, audit: deps.audit }),
    };
  },
  routes: (app, services, { config }) => frameworkRoutes(app, { services, config }),
  can: (p) => ({ manageFramework: canManageFramework(p) }),
  handles: ({ pathLinks }) => ({
    // A new or changed path is linked to the competencies its free text names.
    'path.competenciesChanged': (tx, ctx, { pathId, previous }) =>
      pathLinks.followText(tx, ctx, pathId, previous),
  }),
});
