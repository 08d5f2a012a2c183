import type { CSSProperties } from 'react';
import { categoriesOf, type MapIndicator } from '../../../common/overview';

/**
 * How each category of an indicator is drawn: a light colour (dark text stays readable on it) AND a
 * pattern, so that the maps never rely on colour alone; the legend names both.
 */
const COLOURS: Record<string, string> = {
  non_avviato: '#e9ecef',
  in_predisposizione: '#ffd8a8',
  adottato: '#b2f2bb',
  trasmesso: '#a5d8ff',
  verificato: '#63e6be',
  da_aggiornare: '#eebefa',
  sbloccato: '#b2f2bb',
  bloccato: '#ffc9c9',
  da_verificare: '#fff3bf',
  well_within: '#b2f2bb',
  near: '#fff3bf',
  above: '#ffc9c9',
  unknown: '#e9ecef',
  none: '#b2f2bb',
  one: '#fff3bf',
  more: '#ffc9c9',
};

const INK = 'rgba(0,0,0,0.35)';
/** Patterns by the category's place in its legend: plain, stripes, dots, lines, grid, vertical lines. */
const PATTERNS = [
  'none',
  `repeating-linear-gradient(45deg, ${INK} 0 2px, transparent 2px 8px)`,
  `radial-gradient(${INK} 1.5px, transparent 1.6px) 0 0 / 7px 7px`,
  `repeating-linear-gradient(0deg, ${INK} 0 2px, transparent 2px 8px)`,
  `repeating-linear-gradient(0deg, ${INK} 0 1px, transparent 1px 7px), repeating-linear-gradient(90deg, ${INK} 0 1px, transparent 1px 7px)`,
  `repeating-linear-gradient(90deg, ${INK} 0 2px, transparent 2px 8px)`,
];

/** The CSS background of a category's tile and legend swatch. */
export function categoryStyle(indicator: MapIndicator, category: string): CSSProperties {
  const i = Math.max(0, categoriesOf(indicator).indexOf(category));
  const pattern = PATTERNS[i % PATTERNS.length] ?? 'none';
  return {
    background: pattern === 'none' ? COLOURS[category] : `${pattern}, ${COLOURS[category] ?? '#fff'}`,
  };
}

/** A category's plain colour (charts, where a legend names each colour). */
export const categoryColour = (category: string) => COLOURS[category] ?? '#ffffff';

/** The translation key of a category's label. */
export function categoryKey(indicator: MapIndicator, category: string): string {
  if (indicator === 'plan') return `overview.planStatus.${category}`;
  if (indicator === 'hiring') return `overview.hiring.${category}`;
  return `overview.band.${category}`;
}

/** Region share bands, light to dark, each with its own SVG pattern id. */
export const SHARE_FILLS = ['#f1f5f9', '#cfe2f7', '#9cc3ec', '#5b9ad9', '#2f6db3'];
