import { z } from 'zod';
import { pageQuery } from './api.js';
import { isoDate, pageSize } from './primitives.js';

export const UNIT_TYPES = [
  'provincia',
  'citta_metropolitana',
  'libero_consorzio',
  'provincia_autonoma',
  'unita_non_amministrativa',
  'regione_con_funzioni_provinciali',
] as const;
export const REGION_STATUTES = ['ordinario', 'speciale'] as const;

export const unit = z.object({
  id: z.number().int(),
  istatCode: z.string(),
  provinceCode: z.string(),
  name: z.string(),
  sigla: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  unitType: z.enum(UNIT_TYPES),
  regionStatute: z.enum(REGION_STATUTES),
  programmePhase: z.number().int().nullable(),
  inProgramme: z.boolean(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
});
export type Unit = z.infer<typeof unit>;

export const unitInput = z.object({
  istatCode: z
    .string()
    .trim()
    .regex(/^\d{3}$/, 'three digits'),
  provinceCode: z
    .string()
    .trim()
    .regex(/^\d{3}$/, 'three digits'),
  name: z.string().trim().min(2).max(120),
  sigla: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}$/, 'two capital letters'),
  regionCode: z
    .string()
    .trim()
    .regex(/^\d{2}$/, 'two digits'),
  regionName: z.string().trim().min(2).max(80),
  unitType: z.enum(UNIT_TYPES),
  regionStatute: z.enum(REGION_STATUTES),
  programmePhase: z.union([z.literal(1), z.literal(2)]).nullable(),
  validFrom: isoDate.nullable(),
  validTo: isoDate.nullable(),
});
export type UnitInput = z.infer<typeof unitInput>;

export const unitListQuery = pageQuery.extend({
  pageSize: pageSize(200, 200),
  q: z.string().trim().max(100).optional(),
  region: z.string().trim().max(80).optional(),
  inProgramme: z.enum(['true', 'false']).optional(),
  includeExpired: z.enum(['true', 'false']).optional(),
});

export const referenceItem = z.object({ code: z.string(), name: z.string() });
export const referenceData = z.object({
  domains: z.array(referenceItem),
  serviceModels: z.array(referenceItem),
  jobProfiles: z.array(referenceItem),
});
