import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TILE_COLUMNS, TILE_GRID, TILE_ROWS } from '../../../../common/tile-grid.js';

const csv = readFileSync(
  new URL('../../../db/seed-data/unita-territoriali-istat-2022.csv', import.meta.url),
  'utf8',
)
  .trim()
  .split(/\r?\n/)
  .slice(1)
  .map((l) => l.split(','));

describe('tile grid of the territorial units', () => {
  it('has the 107 units, each once, with unique positions', () => {
    expect(TILE_GRID.length).toBe(107);
    expect(new Set(TILE_GRID.map((t) => t.istatCode)).size).toBe(107);
    expect(new Set(TILE_GRID.map((t) => `${t.col},${t.row}`)).size).toBe(107);
    for (const t of TILE_GRID) {
      expect(t.col).toBeGreaterThanOrEqual(0);
      expect(t.row).toBeGreaterThanOrEqual(0);
      expect(t.col).toBeLessThan(TILE_COLUMNS);
      expect(t.row).toBeLessThan(TILE_ROWS);
    }
  });

  it('holds every ISTAT code of the list, with its sigla', () => {
    expect(csv.length).toBe(107);
    const bySigla = new Map(TILE_GRID.map((t) => [t.istatCode, t.sigla]));
    for (const [code, , , sigla] of csv) expect(bySigla.get(code as string), code).toBe(sigla);
  });

  it('keeps the north above the south', () => {
    const row = (s: string) => TILE_GRID.find((t) => t.sigla === s)?.row ?? -1;
    expect(row('BZ')).toBeLessThan(row('MI'));
    expect(row('MI')).toBeLessThan(row('RM'));
    expect(row('RM')).toBeLessThan(row('NA'));
    expect(row('NA')).toBeLessThan(row('PA'));
  });
});
