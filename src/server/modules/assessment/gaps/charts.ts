import { GAP_STEPS, type GapFigures, type Heatmap, type Priorities } from '../../../../common/gaps.js';

/**
 * The heatmap and the priority ranking as SVG, to paste into a report (the web app also draws them
 * on a canvas for a PNG). Accessible: role="img" named by <title> and described by <desc>; every
 * cell prints its value, and suppressed cells print "n<k" on a hatched grey, so nothing relies on
 * colour alone. Texts follow the request's language.
 */

type Lang = 'it' | 'en';

const FONT = 'font-family="Titillium Web, Arial, sans-serif"';

export function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function formatNumber(x: number, lang: Lang, digits = 2): string {
  return x.toLocaleString(lang === 'en' ? 'en-GB' : 'it-IT', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

export function stepOf(meanGap: number): (typeof GAP_STEPS)[number] {
  return GAP_STEPS.find((s) => meanGap <= s.upTo) ?? GAP_STEPS[4];
}

const T = {
  it: {
    heatTitle: (c: string) => `Mappa di calore dei fabbisogni — ${c}`,
    heatDesc: (rows: number, cols: number, k: number) =>
      `Divario medio tra livello atteso e livello posseduto (scala 0–3) per ${rows} righe e ${cols} colonne. Ogni cella riporta il valore e il numero di rispondenti; le celle "n<${k}" sono nascoste per proteggere l'anonimato.`,
    total: 'Totale',
    legend: 'Divario medio',
    hidden: `Dato nascosto`,
    barTitle: (c: string) => `Priorità formative — ${c}`,
    barDesc: (n: number) =>
      `Le ${n} priorità più alte, in ordine: priorità = divario medio × persone con divario. Ogni barra riporta il valore.`,
    none: 'Nessun dato da mostrare.',
    people: 'pers.',
  },
  en: {
    heatTitle: (c: string) => `Training needs heatmap — ${c}`,
    heatDesc: (rows: number, cols: number, k: number) =>
      `Mean gap between expected and held level (0–3 scale) for ${rows} rows and ${cols} columns. Each cell shows the value and the number of respondents; "n<${k}" cells are hidden to protect anonymity.`,
    total: 'Total',
    legend: 'Mean gap',
    hidden: 'Hidden figure',
    barTitle: (c: string) => `Training priorities — ${c}`,
    barDesc: (n: number) =>
      `The ${n} highest priorities, in order: priority = mean gap × people with a gap. Each bar shows its value.`,
    none: 'Nothing to show.',
    people: 'ppl',
  },
};

const PATTERN =
  '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">' +
  '<rect width="6" height="6" fill="#e6e9f2"/><line x1="0" y1="0" x2="0" y2="6" stroke="#a0a8b8" stroke-width="2"/></pattern></defs>';

function cell(x: number, y: number, w: number, h: number, f: GapFigures, k: number, lang: Lang): string {
  if (f.suppressed || f.meanGap === null) {
    const label = f.suppressed ? `n&lt;${k}` : '—';
    return (
      `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${f.suppressed ? 'url(#hatch)' : '#ffffff'}" stroke="#ffffff"/>` +
      `<text x="${x + w / 2}" y="${y + h / 2 + 4}" text-anchor="middle" font-size="12" fill="#17324d">${label}</text>`
    );
  }
  const step = stepOf(f.meanGap);
  return (
    `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${step.fill}" stroke="#ffffff"/>` +
    `<text x="${x + w / 2}" y="${y + h / 2 - 1}" text-anchor="middle" font-size="13" font-weight="600" fill="${step.text}">${formatNumber(f.meanGap, lang)}</text>` +
    `<text x="${x + w / 2}" y="${y + h / 2 + 13}" text-anchor="middle" font-size="10" fill="${step.text}">n=${f.respondents}</text>`
  );
}

export function heatmapSvg(h: Heatmap, lang: Lang): string {
  const t = T[lang];
  const k = h.campaign.minGroupSize;
  const labelW = 240;
  const cw = h.columns === 'domain' ? 130 : 64;
  const ch = 40;
  const headH = h.columns === 'domain' ? 50 : 170;
  const top = 60;
  const cols = [...h.columnHeads.map((c) => c.label), t.total];
  const rows = [...h.rowHeads.map((r) => r.label), t.total];
  const width = labelW + cols.length * cw + 20;
  const legendY = top + headH + rows.length * ch + 20;
  const height = legendY + 60;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="t d" ${FONT}>`,
    `<title id="t">${escapeXml(t.heatTitle(h.campaign.title))}</title>`,
    `<desc id="d">${escapeXml(t.heatDesc(h.rowHeads.length, h.columnHeads.length, k))}</desc>`,
    PATTERN,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="10" y="28" font-size="18" font-weight="700" fill="#17324d">${escapeXml(cut(t.heatTitle(h.campaign.title), 90))}</text>`,
  );
  cols.forEach((c, j) => {
    const x = labelW + j * cw + cw / 2;
    const y = top + headH - 8;
    out.push(
      h.columns === 'domain'
        ? `<text x="${x}" y="${y}" text-anchor="middle" font-size="12" fill="#17324d">${escapeXml(cut(c, 20))}</text>`
        : `<text x="${x}" y="${y}" transform="rotate(-55 ${x} ${y})" font-size="12" fill="#17324d">${escapeXml(cut(c, 28))}</text>`,
    );
  });
  rows.forEach((r, i) => {
    const y = top + headH + i * ch;
    out.push(
      `<text x="${labelW - 8}" y="${y + ch / 2 + 4}" text-anchor="end" font-size="12" fill="#17324d">${escapeXml(cut(r, 36))}</text>`,
    );
    const figures =
      i < h.rowHeads.length ? [...(h.cells[i] ?? []), h.rowTotals[i]] : [...h.columnTotals, h.grandTotal];
    figures.forEach((f, j) => {
      if (f) out.push(cell(labelW + j * cw, y, cw, ch, f, k, lang));
    });
  });
  if (h.rowHeads.length === 0)
    out.push(`<text x="10" y="${top + 20}" font-size="14" fill="#17324d">${t.none}</text>`);
  out.push(`<text x="10" y="${legendY + 16}" font-size="12" fill="#17324d">${t.legend}:</text>`);
  let lo = 0;
  GAP_STEPS.forEach((s, i) => {
    const x = 110 + i * 100;
    const hi = Number.isFinite(s.upTo) ? formatNumber(s.upTo, lang) : '3';
    out.push(
      `<rect x="${x}" y="${legendY}" width="24" height="20" fill="${s.fill}" stroke="#5c6f82"/>`,
      `<text x="${x + 30}" y="${legendY + 15}" font-size="11" fill="#17324d">${formatNumber(lo, lang)}–${hi}</text>`,
    );
    lo = s.upTo;
  });
  const hx = 110 + GAP_STEPS.length * 100;
  out.push(
    `<rect x="${hx}" y="${legendY}" width="24" height="20" fill="url(#hatch)" stroke="#5c6f82"/>`,
    `<text x="${hx + 30}" y="${legendY + 15}" font-size="11" fill="#17324d">n&lt;${k}: ${t.hidden}</text>`,
    '</svg>',
  );
  return out.join('');
}

export function prioritiesSvg(p: Priorities, lang: Lang): string {
  const t = T[lang];
  const labelW = 340;
  const barW = 420;
  const bh = 26;
  const top = 50;
  const width = labelW + barW + 90;
  const height = top + Math.max(1, p.items.length) * (bh + 8) + 30;
  const max = Math.max(...p.items.map((i) => i.priority ?? 0), 0);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="t d" ${FONT}>`,
    `<title id="t">${escapeXml(t.barTitle(p.campaign.title))}</title>`,
    `<desc id="d">${escapeXml(t.barDesc(p.items.length))}</desc>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="10" y="28" font-size="18" font-weight="700" fill="#17324d">${escapeXml(cut(t.barTitle(p.campaign.title), 80))}</text>`,
  ];
  if (p.items.length === 0)
    out.push(`<text x="10" y="${top + 18}" font-size="14" fill="#17324d">${t.none}</text>`);
  p.items.forEach((item, i) => {
    const y = top + i * (bh + 8);
    const w = max > 0 ? Math.max(2, ((item.priority ?? 0) / max) * barW) : 2;
    out.push(
      `<text x="${labelW - 8}" y="${y + bh / 2 + 4}" text-anchor="end" font-size="12" fill="#17324d">${item.rank}. ${escapeXml(cut(item.label, 48))}</text>`,
      `<rect x="${labelW}" y="${y}" width="${w.toFixed(1)}" height="${bh}" fill="#0066cc"/>`,
      `<text x="${labelW + w + 6}" y="${y + bh / 2 + 4}" font-size="12" fill="#17324d">${formatNumber(item.priority ?? 0, lang, 1)} (${item.affected} ${t.people})</text>`,
    );
  });
  out.push('</svg>');
  return out.join('');
}
