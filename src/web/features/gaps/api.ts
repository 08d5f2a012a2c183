import { useQuery } from '@tanstack/react-query';
import { type ApiUrl, apiRoutes, apiUrl } from '../../../common/api-routes';
import type {
  GapCampaignList,
  GapColumns,
  GapRows,
  Heatmap,
  MyGaps,
  PeopleGaps,
  Priorities,
} from '../../../common/gaps';
import { ApiError, api } from '../../api/client';
import { currentLanguage } from '../../i18n';

const KEY = ['gaps'] as const;

export type HeatmapParams = { rows: GapRows; columns: GapColumns; unit?: number; jobProfile?: string };
export type PrioritiesParams = { by: GapColumns; unit?: number; jobProfile?: string };

export function useGapCampaigns() {
  return useQuery({
    queryKey: [...KEY, 'campaigns'],
    queryFn: ({ signal }) =>
      api<GapCampaignList>(apiUrl(apiRoutes.gaps.campaigns), { signal }).then((r) => r.items),
  });
}

export function useHeatmap(id: number, p: HeatmapParams, enabled = true) {
  return useQuery({
    queryKey: [...KEY, 'heatmap', id, p],
    queryFn: ({ signal }) => api<Heatmap>(apiUrl(apiRoutes.gaps.heatmap, { id }, p), { signal }),
    enabled: enabled && Number.isInteger(id),
    retry: false,
  });
}

export function usePriorities(id: number, p: PrioritiesParams) {
  return useQuery({
    queryKey: [...KEY, 'priorities', id, p],
    queryFn: ({ signal }) =>
      api<Priorities>(apiUrl(apiRoutes.gaps.priorities, { id }, { ...p, limit: 15 }), { signal }),
    enabled: Number.isInteger(id),
    retry: false,
  });
}

export function usePeopleGaps(id: number, unit: number | undefined) {
  return useQuery({
    queryKey: [...KEY, 'people', id, unit],
    queryFn: ({ signal }) => api<PeopleGaps>(apiUrl(apiRoutes.gaps.people, { id }, { unit }), { signal }),
    enabled: Number.isInteger(id) && unit !== undefined,
    retry: false,
  });
}

export function useMyGaps(campaign?: number) {
  return useQuery({
    queryKey: [...KEY, 'mine', campaign],
    queryFn: ({ signal }) => api<MyGaps>(apiUrl(apiRoutes.gaps.mine, {}, { campaign }), { signal }),
    retry: false,
  });
}

export type ExportFormat = 'csv' | 'xlsx' | 'svg' | 'png';

export function exportUrl(
  id: number,
  what: 'heatmap' | 'priorities',
  format: Exclude<ExportFormat, 'png'>,
  p: HeatmapParams | PrioritiesParams,
): ApiUrl {
  const routes = {
    heatmap: {
      csv: apiRoutes.gaps.heatmapCsv,
      xlsx: apiRoutes.gaps.heatmapXlsx,
      svg: apiRoutes.gaps.heatmapSvg,
    },
    priorities: {
      csv: apiRoutes.gaps.prioritiesCsv,
      xlsx: apiRoutes.gaps.prioritiesXlsx,
      svg: apiRoutes.gaps.prioritiesSvg,
    },
  } as const;
  return apiUrl(routes[what][format], { id }, what === 'priorities' ? { ...p, limit: 15 } : p);
}

/** Fetches a file in the page's language (the server labels it in the Accept-Language asked). */
async function fetchFile(url: ApiUrl): Promise<Blob> {
  const res = await fetch(url, {
    credentials: 'same-origin',
    headers: { 'Accept-Language': currentLanguage() },
  });
  if (!res.ok) {
    const body = await res.json().catch(() => ({}));
    throw new ApiError(res.status, body);
  }
  return res.blob();
}

function save(blob: Blob, name: string) {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/**
 * Downloads an export. PNG is drawn in the browser from the server's SVG (a canvas at twice the
 * size, for print), so the server needs no image library.
 */
export async function download(url: ApiUrl, name: string, format: ExportFormat) {
  const blob = await fetchFile(url);
  if (format !== 'png') return save(blob, name);
  // A data: address, which the Content-Security-Policy allows for images (blob: it does not).
  const svgUrl = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(await blob.text())}`;
  {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('svg'));
      img.src = svgUrl;
    });
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth * scale;
    canvas.height = img.naturalHeight * scale;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('canvas');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0);
    const png = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('png'))), 'image/png'),
    );
    save(png, name);
  }
}
