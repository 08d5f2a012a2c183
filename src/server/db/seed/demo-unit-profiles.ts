import { inArray } from 'drizzle-orm';
import type { Db } from '../client.js';
import {
  hiringCapacity,
  territorialUnits,
  unitContacts,
  unitPopulations,
  unitProfiles,
} from '../schema/index.js';

const ISTAT = (year: number) => `ISTAT, Popolazione residente al 1° gennaio ${year}`;

/** Resident population by ISTAT code: 2025 for all, and an older figure for two to show the history. */
const POPULATIONS: [code: string, year: number, population: number][] = [
  ['004', 2025, 579_930],
  ['004', 2022, 582_502],
  ['016', 2025, 1_112_185],
  ['016', 2022, 1_103_768],
  ['090', 2023, 471_284],
  ['201', 2025, 2_177_321],
  ['215', 2025, 3_242_820],
  ['258', 2025, 4_216_874],
  ['263', 2025, 2_954_316],
];

/** Hiring capacity figures in cents: Cuneo within its threshold, Bergamo above it, Sassari incomplete. */
const CAPACITY: Record<string, Omit<typeof hiringCapacity.$inferInsert, 'unitId' | 'year'>> = {
  '004': {
    personnelSpendingCents: 3_000_000_000,
    revenue1Cents: 18_000_000_000,
    revenue2Cents: 18_200_000_000,
    revenue3Cents: 18_500_000_000,
    rendicontoYear: 2024,
    fcdeCents: 600_000_000,
    plannedHires: 14,
    actualHires: 6,
    plannedHiresCostCents: 52_500_000,
    source: 'Rendiconti 2022–2024; PIAO 2025–2027',
  },
  '016': {
    personnelSpendingCents: 2_850_000_000,
    revenue1Cents: 20_100_000_000,
    revenue2Cents: 20_400_000_000,
    revenue3Cents: 20_650_000_000,
    rendicontoYear: 2024,
    fcdeCents: 350_000_000,
    plannedHires: 8,
    actualHires: 0,
    plannedHiresCostCents: 31_000_000,
    source: 'Rendiconti 2022–2024',
  },
  '090': {
    personnelSpendingCents: 1_920_000_000,
    revenue1Cents: 11_300_000_000,
    revenue2Cents: 11_800_000_000,
    revenue3Cents: null,
    rendicontoYear: 2023,
    fcdeCents: null,
    plannedHires: null,
    actualHires: null,
    plannedHiresCostCents: null,
    source: 'Rendiconti 2022–2023 (2024 in approvazione)',
  },
};

/**
 * The demo's unit profiles: population (2025, with older figures for Cuneo and Bergamo), contacts and
 * details of Cuneo and Bergamo, and hiring capacity figures for 2025 so that the capacity page shows the
 * three states: within the threshold (Cuneo), above it (Bergamo), figures missing (Sassari).
 */
export async function seedDemoUnitProfiles(db: Db) {
  const codes = [...new Set(POPULATIONS.map(([c]) => c))];
  const units = await db
    .select({ id: territorialUnits.id, code: territorialUnits.istatCode })
    .from(territorialUnits)
    .where(inArray(territorialUnits.istatCode, codes));
  const id = new Map(units.map((u) => [u.code, u.id]));
  const unit = (code: string) => {
    const found = id.get(code);
    if (!found) throw new Error(`demo seed: unit ${code} missing`);
    return found;
  };
  await db.transaction(async (tx) => {
    await tx
      .insert(unitPopulations)
      .values(
        POPULATIONS.map(([code, year, population]) => ({
          unitId: unit(code),
          year,
          population,
          source: ISTAT(year),
        })),
      )
      .onConflictDoNothing();
    await tx
      .insert(unitProfiles)
      .values([
        {
          unitId: unit('004'),
          staffCount: 402,
          staffCountYear: 2024,
          pec: 'protocollo@provincia.cuneo.legalmail.it',
          phone: '0171 445111',
          website: 'https://www.provincia.cuneo.it',
          address: 'Corso Nizza 21, 12100 Cuneo',
        },
        {
          unitId: unit('016'),
          staffCount: 455,
          staffCountYear: 2022,
          pec: 'protocollo@pec.provincia.bergamo.it',
          phone: '035 387111',
          website: 'https://www.provincia.bergamo.it',
          address: 'Via Torquato Tasso 8, 24121 Bergamo',
        },
      ])
      .onConflictDoNothing();
    await tx.insert(unitContacts).values([
      {
        unitId: unit('004'),
        name: 'Segreteria generale',
        role: 'Segretario generale',
        email: 'segreteria@provincia.cuneo.it',
      },
      {
        unitId: unit('004'),
        name: 'Ufficio personale',
        role: 'Servizio risorse umane',
        phone: '0171 445300',
      },
      {
        unitId: unit('016'),
        name: 'Segreteria di Presidenza',
        role: 'Ufficio del Presidente',
        email: 'presidenza@provincia.bergamo.it',
      },
    ]);
    await tx
      .insert(hiringCapacity)
      .values(Object.entries(CAPACITY).map(([code, v]) => ({ unitId: unit(code), year: 2025, ...v })))
      .onConflictDoNothing();
  });
}
