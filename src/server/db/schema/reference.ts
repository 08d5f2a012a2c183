import { sql } from 'drizzle-orm';
import { boolean, date, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { REGION_STATUTES, UNIT_TYPES } from '../../../common/units.js';
import { oneOf } from '../checks.js';

/** The ISTAT territorial units (Province, Città metropolitane, liberi consorzi...). */
export const territorialUnits = pgTable(
  'territorial_units',
  {
    id: serial('id').primaryKey(),
    istatCode: text('istat_code').notNull(),
    provinceCode: text('province_code').notNull(),
    name: text('name').notNull(),
    sigla: text('sigla').notNull(),
    regionCode: text('region_code').notNull(),
    regionName: text('region_name').notNull(),
    unitType: text('unit_type', { enum: UNIT_TYPES }).notNull(),
    regionStatute: text('region_statute', { enum: REGION_STATUTES }).notNull(),
    /** 1 = the 76 ordinary-statute Provinces, 2 = the 10 of Sicily and Sardinia (from 2024). */
    programmePhase: integer('programme_phase'),
    inProgramme: boolean('in_programme').notNull().default(false),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // One unit per ISTAT code and start of validity; a missing start counts as one value, not as distinct NULLs.
  (t) => [
    uniqueIndex('territorial_units_istat_code_valid_from').on(
      t.istatCode,
      sql`coalesce(${t.validFrom}, '0001-01-01'::date)`,
    ),
    oneOf(t.unitType, UNIT_TYPES),
    oneOf(t.regionStatute, REGION_STATUTES),
  ],
);

/** Ambiti formativi: giuridico-amministrativo, tecnologico, gestionale. */
export const domains = pgTable('domains', {
  code: text('code').primaryKey(),
  nameIt: text('name_it').notNull(),
  nameEn: text('name_en').notNull(),
});

/** Modelli di servizio: SUA, SAPE, SIT. */
export const serviceModels = pgTable('service_models', {
  code: text('code').primaryKey(),
  nameIt: text('name_it').notNull(),
  nameEn: text('name_en').notNull(),
});

/** Profili professionali of the Provinces' staffing plans. */
export const jobProfiles = pgTable('job_profiles', {
  code: text('code').primaryKey(),
  nameIt: text('name_it').notNull(),
  nameEn: text('name_en').notNull(),
  active: boolean('active').notNull().default(true),
});
