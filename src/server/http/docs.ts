import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { VERSION } from '../version.js';
import type { App } from './types.js';

export async function registerDocs(app: App, opts: { https: boolean }) {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Officina API',
        description:
          'Training programme and restructuring support for the Italian Provinces. Sign in with POST /api/v1/auth/login (session cookie); send the token from GET /api/v1/auth/csrf as x-csrf-token on every mutation made with the cookie. Errors are {code, message, details?}; messages follow Accept-Language (it, en).',
        version: VERSION,
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'officina_session' } },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    // Over plain http, asking browsers to upgrade would leave the docs page blank.
    transformStaticCSP: (header) =>
      opts.https ? header : header.replace(/\s*upgrade-insecure-requests;?/, ''),
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
