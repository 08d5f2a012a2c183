import type { FadModuleSummary, FadPage, FadPageInput, FadProgress } from '../../../../common/fad.js';
import type { FadModuleRow, FadPageRow, ScormPackageRow } from './repository.js';
import { checkedVideoUrl, embedUrl, sanitizeRichText } from './rich-text.js';

/** How online modules, pages and progress read in the API, and what a page's input is stored as. */

export const sessionLength = (s: { startsAt: Date; endsAt: Date }) =>
  Math.max(0, Math.floor((s.endsAt.getTime() - s.startsAt.getTime()) / 60_000));

export function summaryOf(
  row: FadModuleRow,
  pathTitle: string,
  pageCount: number,
  prerequisiteIds: number[],
  pkg?: ScormPackageRow,
): FadModuleSummary {
  return {
    id: row.id,
    pathId: row.pathId,
    pathTitle,
    position: row.position,
    titleIt: row.titleIt,
    titleEn: row.titleEn,
    summaryIt: row.summaryIt,
    summaryEn: row.summaryEn,
    status: row.status,
    requireAllPages: row.requireAllPages,
    minMinutes: row.minMinutes,
    quizId: row.quizId,
    prerequisiteIds,
    pageCount,
    revision: row.revision,
    kind: row.kind,
    scorm: pkg
      ? {
          version: pkg.version,
          title: pkg.title,
          launch: pkg.launchHref,
          fileCount: pkg.fileCount,
          totalBytes: pkg.totalBytes,
          uploadedAt: pkg.uploadedAt.toISOString(),
        }
      : null,
  };
}

export function pageOf(p: FadPageRow): FadPage {
  return {
    id: p.id,
    moduleId: p.moduleId,
    position: p.position,
    titleIt: p.titleIt,
    titleEn: p.titleEn,
    bodyIt: p.bodyIt,
    bodyEn: p.bodyEn,
    videoUrl: p.videoUrl,
    embedUrl: p.videoUrl ? embedUrl(p.videoUrl) : null,
    materials: p.materials,
  };
}

export const pageValues = (input: FadPageInput) => ({
  titleIt: input.titleIt,
  titleEn: input.titleEn,
  bodyIt: sanitizeRichText(input.bodyIt),
  bodyEn: sanitizeRichText(input.bodyEn),
  videoUrl: checkedVideoUrl(input.videoUrl),
  materials: input.materials,
});

export function progressOf(
  row: { activeSeconds: number; lastPageId: number | null; completedAt: Date | null } | undefined,
  viewed: number[],
): FadProgress {
  return {
    viewedPageIds: viewed,
    lastPageId: row?.lastPageId ?? null,
    activeMinutes: Math.floor((row?.activeSeconds ?? 0) / 60),
    completedAt: row?.completedAt?.toISOString() ?? null,
  };
}
