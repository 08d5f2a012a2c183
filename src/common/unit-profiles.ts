import { z } from 'zod';
import { dbIdParam, httpUrl, idParams, text, wholeNumber, wholeParam } from './primitives.js';
import { unit } from './units.js';

/** A figure older than this many years (against the current one) is shown as "dato non aggiornato". */
export const STALE_AFTER_YEARS = 2;

export const populationYear = wholeNumber(1900, 2999);
export const populationInput = z.object({
  population: wholeNumber(0, 100_000_000),
  source: text(300).min(2),
});
export const populationParams = idParams.extend({ year: wholeParam(1900, 2999) });

export const population = z.object({
  year: z.number().int(),
  population: z.number().int(),
  source: z.string(),
  updatedAt: z.string(),
});
export type Population = z.infer<typeof population>;

/** The threshold row the population falls in (DM 11 gennaio 2022), with the population's year. */
export const populationBand = z.object({
  minPopulation: z.number().int(),
  maxPopulation: z.number().int().nullable(),
  thresholdBp: z.number().int(),
  source: z.string(),
  populationYear: z.number().int(),
  stale: z.boolean(),
});

/** Optional fields: absent, null and '' all mean "none". */
const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((v) => v || null);
const optionalEmail = z
  .union([z.email().max(200), z.literal('')])
  .nullish()
  .transform((v) => v || null);
const optionalUrl = z
  .union([httpUrl, z.literal('')])
  .nullish()
  .transform((v) => v || null);
const optionalWhole = (min: number, max: number) =>
  wholeNumber(min, max)
    .nullish()
    .transform((v) => v ?? null);

export const profileDetailsInput = z
  .object({
    staffCount: optionalWhole(0, 100_000),
    staffCountYear: optionalWhole(1900, 2999),
    pec: optionalEmail,
    phone: optionalText(40),
    website: optionalUrl,
    address: optionalText(300),
    notes: text(4000).default(''),
  })
  .refine((d) => d.staffCount === null || d.staffCountYear !== null, {
    path: ['staffCountYear'],
    message: 'The staff count needs its reference year',
  });

export const profileDetails = z.object({
  staffCount: z.number().int().nullable(),
  staffCountYear: z.number().int().nullable(),
  pec: z.string().nullable(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
  address: z.string().nullable(),
  notes: z.string(),
  updatedAt: z.string().nullable(),
});

export const contactInput = z.object({
  name: text(200).min(2),
  role: text(200).default(''),
  email: optionalEmail,
  phone: optionalText(40),
});
export const contact = z.object({
  id: z.number().int(),
  name: z.string(),
  role: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});
export type Contact = z.infer<typeof contact>;
export const contactParams = idParams.extend({ contactId: dbIdParam });

export const unitOfficer = z.object({ name: z.string(), email: z.string() });
export const unitAgreement = z.object({
  id: z.number().int(),
  serviceModelCode: z.string(),
  serviceModelName: z.string(),
  signedOn: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  active: z.boolean(),
});

/** Everything the unit's profile page shows. */
export const unitProfile = z.object({
  unit,
  currentYear: z.number().int(),
  population: population.extend({ stale: z.boolean() }).nullable(),
  populations: z.array(population),
  band: populationBand.nullable(),
  details: profileDetails,
  contacts: z.array(contact),
  officers: z.array(unitOfficer),
  agreements: z.array(unitAgreement),
  /** Training the unit's staff received in the current Rome year, from the attendance ledger. */
  training: z.object({
    year: z.number().int(),
    hours: z.number(),
    people: z.number().int(),
    completions: z.number().int(),
  }),
  /** The unit's latest training plan (from its needs survey), or null. */
  trainingPlan: z
    .object({ id: z.number().int(), year: z.number().int(), status: z.string(), lineCount: z.number().int() })
    .nullable(),
  canEdit: z.boolean(),
});
export type UnitProfile = z.infer<typeof unitProfile>;

/** The ISTAT population import: what was written and, per row, what was wrong. */
export const populationImportReport = z.object({
  year: z.number().int(),
  source: z.string(),
  imported: z.number().int(),
  skipped: z.number().int().describe('Summary rows (Italy, regions, totals) left out'),
  failed: z.number().int(),
  errors: z.array(
    z.object({ row: z.number().int(), code: z.string().nullable(), messages: z.array(z.string()) }),
  ),
});
export type PopulationImportReport = z.infer<typeof populationImportReport>;

export const defaultPopulationSource = (year: number) => `ISTAT, Popolazione residente al 1° gennaio ${year}`;
