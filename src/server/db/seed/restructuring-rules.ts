import { sql } from 'drizzle-orm';
import type { CapacityThreshold } from '../../../common/capacity.js';
import type { DeadlineRule } from '../../../common/deadlines.js';
import type { Db } from '../client.js';
import { capacityThresholds, deadlineRules } from '../schema/index.js';

const DM_2022 = 'DM 11 gennaio 2022 (GU n. 49 del 28/2/2022), art. 4; DL 34/2019 art. 33 c.1-bis';
const DM_2022_CM = `${DM_2022} — fasce delle Città metropolitane da verificare sul testo in GU`;

type Band = [min: number, max: number | null, bp: number];

const bands = (unitType: CapacityThreshold['unitType'], source: string, rows: Band[]): CapacityThreshold[] =>
  rows.map(([minPopulation, maxPopulation, thresholdBp]) => ({
    unitType,
    minPopulation,
    maxPopulation,
    thresholdBp,
    validFromYear: 2022,
    validToYear: null,
    source,
  }));

const PROVINCE_BANDS: Band[] = [
  [0, 250_000, 2080],
  [250_000, 450_000, 1910],
  [450_000, 700_000, 1970],
  [700_000, null, 1390],
];

/**
 * DM 11 gennaio 2022 thresholds. Liberi consorzi of Sicily and the Provinces of Sardinia exercise the
 * Provinces' functions and are given the Provinces' bands; the autonomous Provinces of Trento and
 * Bolzano follow their own rules and have none (their status reads "soglia non prevista").
 */
export const CAPACITY_THRESHOLDS: CapacityThreshold[] = [
  ...bands('provincia', DM_2022, PROVINCE_BANDS),
  ...bands('libero_consorzio', `${DM_2022} (come le Province)`, PROVINCE_BANDS),
  ...bands('citta_metropolitana', DM_2022_CM, [
    [0, 1_500_000, 2530],
    [1_500_000, 3_000_000, 1420],
    [3_000_000, null, 1620],
  ]),
];

/** Deadlines of the programming documents, for a document whose period starts in `year`. */
export const DEADLINE_RULES: DeadlineRule[] = [
  {
    kind: 'dup',
    month: 7,
    day: 31,
    yearOffset: -1,
    afterBudgetDays: null,
    validFromYear: 2015,
    validToYear: null,
    source: 'TUEL art. 170 c.1; D.Lgs. 118/2011, principio contabile 4/1',
  },
  {
    kind: 'nadup',
    month: 11,
    day: 15,
    yearOffset: -1,
    afterBudgetDays: null,
    validFromYear: 2015,
    validToYear: null,
    source: 'TUEL art. 170 c.1; D.Lgs. 118/2011, principio contabile 4/1',
  },
  {
    kind: 'bilancio',
    month: 12,
    day: 31,
    yearOffset: -1,
    afterBudgetDays: null,
    validFromYear: 2015,
    validToYear: null,
    source: 'TUEL art. 151 c.1',
  },
  {
    kind: 'piao',
    month: 1,
    day: 31,
    yearOffset: 0,
    afterBudgetDays: 30,
    validFromYear: 2022,
    validToYear: null,
    source: 'DL 80/2021 art. 6; DPR 81/2022; DM 132/2022 art. 8',
  },
  {
    kind: 'ptfp',
    month: 1,
    day: 31,
    yearOffset: 0,
    afterBudgetDays: 30,
    validFromYear: 2022,
    validToYear: null,
    source: 'D.Lgs. 165/2001 art. 6, nella sezione del PIAO (DM 132/2022 art. 4)',
  },
];

/**
 * Loads the restructuring rules into empty tables only: once loaded they are the administrators'
 * (edited when the law changes), and a restart never brings back a row they changed or removed.
 */
export async function seedRestructuringRules(db: Db) {
  await db.transaction(async (tx) => {
    const [t] = await tx.select({ n: sql<number>`count(*)::int` }).from(capacityThresholds);
    if (!t?.n) await tx.insert(capacityThresholds).values(CAPACITY_THRESHOLDS);
    const [d] = await tx.select({ n: sql<number>`count(*)::int` }).from(deadlineRules);
    if (!d?.n) await tx.insert(deadlineRules).values(DEADLINE_RULES);
  });
}
