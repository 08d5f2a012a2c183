import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import type { Unit } from '../../../common/units.js';
import type { Db } from '../client.js';
import { domains, jobProfiles, serviceModels, territorialUnits } from '../schema/index.js';
import { seedCompetencyFramework } from './framework.js';
import { seedProfileExpectations } from './profile-expectations.js';
import { seedRestructuringRules } from './restructuring-rules.js';

// Resolved from the project root so it works from src/ and from dist/ alike.
const CSV = new URL('../../../../src/server/db/seed-data/unita-territoriali-istat-2022.csv', import.meta.url);

type CsvUnit = {
  istat_uts_code: string;
  istat_province_code: string;
  name: string;
  sigla: string;
  region_istat_code: string;
  region_name: string;
  unit_type: Unit['unitType'];
  region_statute: Unit['regionStatute'];
  upi_project_phase: string;
};

export const DOMAINS = [
  {
    code: 'giuridico-amministrativo',
    nameIt: 'Giuridico-amministrativo',
    nameEn: 'Legal and administrative',
  },
  { code: 'tecnologico', nameIt: 'Tecnologico', nameEn: 'Technology' },
  { code: 'gestionale', nameIt: 'Gestionale', nameEn: 'Management' },
];

export const SERVICE_MODELS = [
  { code: 'SUA', nameIt: 'Stazione Unica Appaltante', nameEn: 'Central purchasing body' },
  {
    code: 'SAPE',
    nameIt: 'Servizio Associato Politiche Europee',
    nameEn: 'Shared European policies service',
  },
  { code: 'SIT', nameIt: 'Servizi Innovativi Territoriali', nameEn: 'Innovative territorial services' },
];

export const JOB_PROFILES = [
  { code: 'dirigente', nameIt: 'Dirigente', nameEn: 'Senior manager' },
  {
    code: 'funzionario-amministrativo',
    nameIt: 'Funzionario amministrativo',
    nameEn: 'Administrative officer',
  },
  { code: 'funzionario-tecnico', nameIt: 'Funzionario tecnico', nameEn: 'Technical officer' },
  { code: 'funzionario-contabile', nameIt: 'Funzionario contabile', nameEn: 'Accounting officer' },
  { code: 'funzionario-informatico', nameIt: 'Funzionario informatico', nameEn: 'IT officer' },
  {
    code: 'istruttore-amministrativo',
    nameIt: 'Istruttore amministrativo',
    nameEn: 'Administrative assistant',
  },
  { code: 'istruttore-tecnico', nameIt: 'Istruttore tecnico', nameEn: 'Technical assistant' },
  { code: 'operatore', nameIt: 'Operatore esperto', nameEn: 'Skilled operator' },
];

export function readUnitsCsv() {
  const rows: CsvUnit[] = parse(readFileSync(CSV, 'utf8'), {
    columns: true,
    trim: true,
    skip_empty_lines: true,
  });
  return rows.map((r) => {
    const phase = r.upi_project_phase ? Number(r.upi_project_phase) : null;
    return {
      istatCode: r.istat_uts_code,
      provinceCode: r.istat_province_code,
      name: r.name,
      sigla: r.sigla,
      regionCode: r.region_istat_code,
      regionName: r.region_name,
      unitType: r.unit_type,
      regionStatute: r.region_statute,
      programmePhase: phase,
      inProgramme: phase !== null,
    };
  });
}

/**
 * Loads the reference data. Idempotent, and never overwrites what an admin has edited: existing
 * rows are left alone, only missing ones are added; the default competency framework is loaded only
 * into a database with no framework (`framework: false` leaves it out, for a database migrated only
 * to before the framework existed: the migration tests), and so are the restructuring rules.
 */
export async function seedReference(db: Db, opts: { framework?: boolean } = {}) {
  await db.transaction(async (tx) => {
    await tx.insert(domains).values(DOMAINS).onConflictDoNothing();
    await tx.insert(serviceModels).values(SERVICE_MODELS).onConflictDoNothing();
    await tx.insert(jobProfiles).values(JOB_PROFILES).onConflictDoNothing();
    const existing = await tx.select({ code: territorialUnits.istatCode }).from(territorialUnits);
    const have = new Set(existing.map((e) => e.code));
    const missing = readUnitsCsv().filter((u) => !have.has(u.istatCode));
    if (missing.length) await tx.insert(territorialUnits).values(missing);
  });
  if (opts.framework !== false) {
    await seedCompetencyFramework(db);
    await seedProfileExpectations(db);
    await seedRestructuringRules(db);
  }
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(territorialUnits);
  return row?.n ?? 0;
}
