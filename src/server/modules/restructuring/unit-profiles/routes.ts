import { z } from 'zod';
import { okBody } from '../../../../common/api.js';
import { apiRoutes } from '../../../../common/api-routes.js';
import { idParams, text } from '../../../../common/primitives.js';
import {
  contact,
  contactInput,
  contactParams,
  defaultPopulationSource,
  populationImportReport,
  populationInput,
  populationParams,
  profileDetailsInput,
  unitProfile,
} from '../../../../common/unit-profiles.js';
import { multipartField, uploadOf } from '../../../http/text-guard.js';
import { type App, type RouteDeps, typed } from '../../../http/types.js';
import { errors } from '../../../kernel/errors.js';
import type { PopulationImport } from './index.js';
import type { UnitProfilesService } from './service.js';

const tags = ['restructuring: unit profile'];
const importYear = z.coerce.number().int().min(1900).max(2999);
const importSource = text(300).min(2);

export function unitProfilesRoutes(
  app: App,
  { services }: RouteDeps<{ unitProfiles: UnitProfilesService; importPopulations: PopulationImport }>,
) {
  const r = typed(app);
  const { unitProfiles: profiles } = services;

  r.get(
    apiRoutes.unitProfiles.profile,
    {
      schema: {
        tags,
        summary: 'A unit’s profile: identity, population and band, contacts, officers, Convenzioni',
        params: idParams,
        response: { 200: unitProfile },
      },
    },
    async (req) => profiles.get(req.ctx, req.params.id),
  );

  r.put(
    apiRoutes.unitProfiles.details,
    {
      schema: {
        tags,
        summary: 'Set the unit’s PEC, phone, website, address, staff count (with its year) and notes',
        params: idParams,
        body: profileDetailsInput,
        response: { 200: unitProfile },
      },
    },
    async (req) => profiles.saveDetails(req.ctx, req.params.id, req.body),
  );

  r.put(
    apiRoutes.unitProfiles.population,
    {
      schema: {
        tags,
        summary: 'Set the unit’s resident population at 1 January of a year, with its source',
        params: populationParams,
        body: populationInput,
        response: { 200: unitProfile },
      },
    },
    async (req) => profiles.savePopulation(req.ctx, req.params.id, req.params.year, req.body),
  );

  r.delete(
    apiRoutes.unitProfiles.population,
    {
      schema: {
        tags,
        summary: 'Remove the population figure of a year',
        params: populationParams,
        response: { 200: unitProfile },
      },
    },
    async (req) => profiles.deletePopulation(req.ctx, req.params.id, req.params.year),
  );

  r.post(
    apiRoutes.unitProfiles.contacts,
    {
      schema: {
        tags,
        summary: 'Add a contact person',
        params: idParams,
        body: contactInput,
        response: { 201: contact },
      },
    },
    async (req, reply) => reply.status(201).send(await profiles.addContact(req.ctx, req.params.id, req.body)),
  );

  r.put(
    apiRoutes.unitProfiles.contact,
    {
      schema: {
        tags,
        summary: 'Change a contact person',
        params: contactParams,
        body: contactInput,
        response: { 200: contact },
      },
    },
    async (req) => profiles.updateContact(req.ctx, req.params.id, req.params.contactId, req.body),
  );

  r.delete(
    apiRoutes.unitProfiles.contact,
    {
      schema: { tags, summary: 'Remove a contact person', params: contactParams, response: { 200: okBody } },
    },
    async (req) => profiles.deleteContact(req.ctx, req.params.id, req.params.contactId),
  );

  r.post(
    apiRoutes.unitProfiles.populationImport,
    {
      schema: {
        tags,
        summary:
          'Import ISTAT’s resident population by province (multipart: year, source, then the CSV as "file"); task force and admins',
        consumes: ['multipart/form-data'],
        uploadFields: z.object({
          year: z.number().int().describe('The year of 1 January the figures refer to'),
          source: z
            .string()
            .optional()
            .describe('Default: "ISTAT, Popolazione residente al 1° gennaio <year>"'),
        }),
        response: { 200: populationImportReport },
      },
    },
    async (req) => {
      const file = await uploadOf(req);
      const year = importYear.safeParse(multipartField(file.fields, 'year'));
      if (!year.success)
        throw errors.badRequest(
          'VALIDATION_ERROR',
          { it: 'Indica l’anno (1900–2999).', en: 'Give the year (1900–2999).' },
          ['year'],
        );
      const rawSource = multipartField(file.fields, 'source');
      const source = importSource.safeParse(
        rawSource?.trim() ? rawSource : defaultPopulationSource(year.data),
      );
      if (!source.success)
        throw errors.badRequest(
          'VALIDATION_ERROR',
          { it: 'Fonte non valida (2–300 caratteri).', en: 'Invalid source (2–300 characters).' },
          ['source'],
        );
      return services.importPopulations(req.ctx, file.buffer.toString('utf8'), year.data, source.data);
    },
  );
}
