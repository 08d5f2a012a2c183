import { z } from 'zod';
import { okBody } from '../../../../common/api.js';
import { apiRoutes } from '../../../../common/api-routes.js';
import { idParams } from '../../../../common/primitives.js';
import {
  contact,
  contactInput,
  contactParams,
  populationImportReport,
  populationInput,
  populationParams,
  profileDetailsInput,
  unitProfile,
} from '../../../../common/unit-profiles.js';
import { multipartField, uploadOf } from '../../../http/text-guard.js';
import { type App, type RouteDeps, typed } from '../../../http/types.js';
import type { PopulationImport } from './import.js';
import type { UnitProfilesService } from './service.js';

const tags = ['restructuring: unit profile'];

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
          year: z
            .number()
            .int()
            .optional()
            .describe('The year of 1 January the figures refer to; default: the year in the file’s title'),
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
      return services.importPopulations(req.ctx, file.buffer.toString('utf8'), {
        year: multipartField(file.fields, 'year'),
        source: multipartField(file.fields, 'source'),
      });
    },
  );
}
