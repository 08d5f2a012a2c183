import { STATUS_CODES } from 'node:http';
import type { Readable } from 'node:stream';
import type { SwaggerTransformObject } from '@fastify/swagger';
import type { FastifySchema, RouteOptions } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '../../common/api.js';
import { apiRoutes } from '../../common/api-routes.js';

declare module 'fastify' {
  interface FastifySchema {
    /**
     * The form fields of a multipart upload besides its `file`, for the documentation only (the
     * handler reads them from the upload).
     */
    uploadFields?: z.ZodObject;
  }
}

/**
 * A file answer (PDF, CSV, iCalendar…): sent as is, since Fastify does not serialise buffers, streams
 * and strings of another content type; documented as binary under the route's `produces` type.
 */
export const fileAnswer = <T extends Buffer | Readable | string = Buffer | string>(description: string) =>
  z.custom<T>().meta({ description, type: 'string', format: 'binary' });

const ERROR_BODY = 'ErrorBody';
const errorBodyRef = { $ref: `#/components/schemas/${ERROR_BODY}` };

/** Each 4xx answer of the API, described once under components.responses. */
const ERRORS = {
  400: {
    name: 'BadRequest',
    description:
      'The request is not valid: VALIDATION_ERROR (with `details`, one per field), INVALID_JSON, or a rule of the operation with its own code.',
  },
  401: { name: 'Unauthorized', description: 'UNAUTHENTICATED: sign in first, or the session has expired.' },
  403: {
    name: 'Forbidden',
    description:
      'FORBIDDEN: the signed-in user may not do this. CSRF_INVALID: a change made with the session cookie lacks a valid x-csrf-token.',
  },
  404: {
    name: 'NotFound',
    description: 'NOT_FOUND: no such resource, or one outside what the signed-in user may see.',
  },
  406: {
    name: 'MultipartRequired',
    description: 'MULTIPART_REQUIRED: the file must be sent as multipart/form-data.',
  },
  409: {
    name: 'Conflict',
    description: 'The current state of the resource does not allow the change; each case has its own code.',
  },
  413: {
    name: 'PayloadTooLarge',
    description: 'PAYLOAD_TOO_LARGE: JSON bodies up to 1 MB, files up to 5 MB.',
  },
  415: { name: 'UnsupportedMediaType', description: 'UNSUPPORTED_MEDIA_TYPE: send application/json.' },
  429: {
    name: 'TooManyRequests',
    description: 'Too many requests: wait for the seconds in Retry-After, then try again.',
    headers: {
      'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'integer' } },
    },
  },
  '4XX': {
    name: 'ClientError',
    description:
      'No specific client error is expected from this operation; any 4xx answer carries the same error body.',
  },
} as const;
type ErrorStatus = keyof typeof ERRORS;

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** `users.byId` for '/api/v1/users/:id': the names of the route table (src/common/api-routes.ts). */
const TABLE_NAMES = new Map(
  Object.entries(apiRoutes).flatMap(([group, routes]) =>
    Object.entries(routes).map(([name, url]) => [url as string, [group, name]] as const),
  ),
);

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The operationId of a route: its method and its group and name in the route table, so
 * GET /api/v1/users/:id (`users.byId`) is `getUsersById`. Renaming an entry of the table renames
 * the operation, visibly, in every generated client.
 */
function operationIdOf(method: string, url: string): string {
  const names = TABLE_NAMES.get(url);
  if (!names) throw new Error(`${method} ${url} is not in the route table (src/common/api-routes.ts)`);
  return method.toLowerCase() + names.map(capitalised).join('');
}

/** A client error a route declares itself: one of ERRORS, answered with the shared error body. */
const isDeclaredError = (status: string, answer: unknown) => answer === errorBody && status in ERRORS;

const isUpload = (schema: FastifySchema) => schema.consumes?.includes('multipart/form-data') ?? false;

/**
 * The client errors a route can give, from what it declares: its input (400, and 404 for ids in the
 * path), whether it is public (401, 403), whether it changes something (CSRF 403, 409), its body
 * (413, 415) or upload (406, 413), its rate limit (429). A route adds others the service gives by
 * declaring them in its response schema with the shared error body (`401: errorBody`).
 */
function errorsOf(method: string, route: RouteOptions, schema: FastifySchema): ErrorStatus[] {
  const unsafe = UNSAFE.has(method);
  const open = route.config?.public === true;
  const upload = isUpload(schema);
  const found = new Set<ErrorStatus>();
  for (const [status, answer] of Object.entries(schema.response ?? {}))
    if (isDeclaredError(status, answer)) found.add(status as ErrorStatus);
  if (schema.params || schema.querystring || schema.body || schema.headers || upload) found.add(400);
  if (!open) found.add(401);
  if (!open || unsafe) found.add(403);
  if (schema.params) found.add(404);
  if (upload) found.add(406);
  if (unsafe && !open) found.add(409);
  if (schema.body || upload) found.add(413);
  if (schema.body) found.add(415);
  if (route.config?.rateLimit) found.add(429);
  if (found.size === 0) found.add('4XX');
  return [...found];
}

/** The request body of a multipart upload: the `file` and the route's other form fields. */
function uploadBody(schema: FastifySchema) {
  const fields = schema.uploadFields
    ? (z.toJSONSchema(schema.uploadFields, { target: 'draft-2020-12', io: 'input' }) as {
        properties?: Record<string, unknown>;
        required?: string[];
      })
    : {};
  return {
    content: {
      'multipart/form-data': {
        schema: {
          type: 'object',
          properties: {
            file: {
              type: 'string',
              format: 'binary',
              description: 'The file; its format is in the summary.',
            },
            ...fields.properties,
          },
          required: ['file', ...(fields.required ?? [])],
        },
      },
    },
  };
}

type TransformInput = Parameters<typeof jsonSchemaTransform>[0];
type Operation = {
  operationId?: string;
  responses?: Record<string, { description?: string; $ref?: string }>;
};
type Document = {
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown>; responses?: Record<string, unknown> };
};

/**
 * The transforms that turn the routes' zod schemas into the served OpenAPI document: the zod →
 * JSON Schema conversion of fastify-type-provider-zod, plus, from each route's facts, an operationId,
 * `security: []` on public operations, the multipart request body of uploads, and the client errors
 * it can give, each a reference to one response of components.responses with the shared error body.
 */
export function openapiTransforms() {
  const errorsByOperation = new Map<string, ErrorStatus[]>();

  const transform = (input: TransformInput) => {
    const { route, schema } = input;
    if (!schema) return jsonSchemaTransform(input);
    // Declared errors become references to components.responses below, not inline schemas.
    const response = schema.response as Record<string, unknown> | undefined;
    const own =
      response && Object.fromEntries(Object.entries(response).filter(([s, a]) => !isDeclaredError(s, a)));
    const result = jsonSchemaTransform({ ...input, schema: { ...schema, response: own } });
    if (result.schema.hide) return result;

    const method = String(route.method);
    const operationId = operationIdOf(method, route.url);
    errorsByOperation.set(operationId, errorsOf(method, route, schema));
    // Documented as the request body below, not a key of the operation.
    const { uploadFields: _fields, ...converted } = result.schema;
    return {
      url: result.url,
      schema: {
        ...converted,
        operationId,
        ...(route.config?.public ? { security: [] } : {}),
        ...(isUpload(schema) && !schema.body ? { body: uploadBody(schema) } : {}),
      },
    };
  };

  const transformObject: SwaggerTransformObject = (input) => {
    if (!('openapiObject' in input)) return input.swaggerObject;
    const openapiObject = input.openapiObject as Document;
    const used = new Set<ErrorStatus>();
    for (const operations of Object.values(openapiObject.paths ?? {}))
      for (const operation of Object.values(operations)) {
        const statuses = errorsByOperation.get(operation.operationId ?? '') ?? [];
        operation.responses ??= {};
        // @fastify/swagger's placeholder for an answer whose schema has no description.
        for (const [status, answer] of Object.entries(operation.responses))
          if (answer.description === 'Default Response') answer.description = STATUS_CODES[status] ?? status;
        for (const status of statuses) {
          operation.responses[status] = { $ref: `#/components/responses/${ERRORS[status].name}` };
          used.add(status);
        }
      }
    const responses = Object.fromEntries(
      [...used].map((status) => {
        const { name, ...answer } = ERRORS[status];
        return [name, { ...answer, content: { 'application/json': { schema: errorBodyRef } } }];
      }),
    );
    const { $schema: _dialect, ...errorSchema } = z.toJSONSchema(errorBody, {
      target: 'draft-2020-12',
      io: 'output',
    }) as Record<string, unknown>;
    // The object is built afresh for each document: completing it in place is safe.
    openapiObject.components = {
      ...openapiObject.components,
      schemas: { ...openapiObject.components?.schemas, [ERROR_BODY]: errorSchema },
      responses: { ...openapiObject.components?.responses, ...responses },
    };
    return input.openapiObject;
  };

  return { transform, transformObject };
}
