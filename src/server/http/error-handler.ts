import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { driverErrorOf } from '../db/sql.js';
import { AppError, type Bilingual, pickLang } from '../kernel/errors.js';
import { type MetaResolver, spaFallback } from './web.js';

type Body = { code: string; message: string; details?: { path: string; message: string }[] };

/** Known framework errors, translated into the same {code, message} body as AppError. */
const FRAMEWORK: Record<string, { status: number; code: string; messages: Bilingual }> = {
  FST_CSRF_INVALID_TOKEN: {
    status: 403,
    code: 'CSRF_INVALID',
    messages: {
      it: 'Sessione del modulo scaduta: ricarica la pagina e riprova.',
      en: 'Form session expired: reload the page and try again.',
    },
  },
  FST_CSRF_MISSING_SECRET: {
    status: 403,
    code: 'CSRF_INVALID',
    messages: {
      it: 'Sessione del modulo scaduta: ricarica la pagina e riprova.',
      en: 'Form session expired: reload the page and try again.',
    },
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    messages: { it: 'Formato della richiesta non supportato.', en: 'Unsupported request format.' },
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    messages: { it: 'La richiesta è troppo grande.', en: 'The request is too large.' },
  },
  FST_REQ_FILE_TOO_LARGE: {
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    messages: { it: 'Il file è troppo grande (massimo 5 MB).', en: 'The file is too large (at most 5 MB).' },
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'INVALID_JSON',
    messages: {
      it: 'Il corpo della richiesta non è un JSON valido.',
      en: 'The request body is not valid JSON.',
    },
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'INVALID_JSON',
    messages: { it: 'Il corpo JSON della richiesta è vuoto.', en: 'The JSON request body is empty.' },
  },
  FST_INVALID_MULTIPART_CONTENT_TYPE: {
    status: 406,
    code: 'MULTIPART_REQUIRED',
    messages: { it: 'Invia il file come multipart/form-data.', en: 'Send the file as multipart/form-data.' },
  },
};

const italian = z.locales.it();

/** zod's Italian wording of a validation issue (the English one is the schema's own message). */
function italianIssue(v: { keyword: string; message?: string; params: Record<string, unknown> }): string {
  // A custom issue may carry its own Italian wording: `params: { it: '…' }`.
  const own = (v.params.params as { it?: unknown } | undefined)?.it;
  if (v.keyword === 'custom' && typeof own === 'string') return own;
  const text = italian.localeError({ ...v.params, code: v.keyword, input: v.params.input } as never);
  return (typeof text === 'string' ? text : text?.message) ?? v.message ?? 'non valido';
}

/**
 * Data exceptions a bad input value causes: too long, out of range, an impossible date or time,
 * bad encoding, text that is not a number. Other class-22 states (division by zero, an invalid
 * parameter…) are the server's own mistakes and stay 500s.
 */
const INPUT_SQLSTATES = new Set(['22001', '22003', '22007', '22008', '22021', '22P02', '22P05']);

/**
 * The SQLSTATE of a PostgreSQL data exception caused by an input value (INPUT_SQLSTATES) behind an
 * error, or null. Drizzle wraps the driver's error (pg's or
 * PGlite's, both with `code`) in `cause`, so the chain is followed a few steps.
 */
function dataException(err: unknown): { sqlstate: string; reason: string } | null {
  const { code, message } = driverErrorOf(err) ?? {};
  if (typeof code === 'string' && INPUT_SQLSTATES.has(code))
    return { sqlstate: code, reason: String(message) };
  return null;
}

export function registerErrorHandler(app: FastifyInstance, metaFor?: MetaResolver, webRoot?: string) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const lang = pickLang(req.headers['accept-language']);
    const send = (status: number, body: Body, headers?: Record<string, string>) => {
      if (headers) reply.headers(headers);
      return reply.status(status).send(body);
    };

    if (err instanceof AppError) {
      return send(
        err.statusCode,
        {
          code: err.code,
          message: err.messages[lang],
          ...(err.details
            ? { details: err.details.map((d) => ({ path: d.path, message: d.messages[lang] })) }
            : err.fields
              ? { details: err.fields.map((path) => ({ path, message: err.messages[lang] })) }
              : {}),
        },
        err.headers,
      );
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => ({
        path: [err.validationContext, ...v.instancePath.split('/').filter(Boolean)].join('.'),
        message: lang === 'it' ? italianIssue(v) : (v.message ?? 'invalid'),
      }));
      const fields = [...new Set(details.map((d) => d.path.split('.').slice(1).join('.') || d.path))].join(
        ', ',
      );
      return send(400, {
        code: 'VALIDATION_ERROR',
        message: lang === 'en' ? `Check these fields: ${fields}.` : `Controlla questi campi: ${fields}.`,
        details,
      });
    }
    const known = err.code ? FRAMEWORK[err.code] : undefined;
    if (known) return send(known.status, { code: known.code, message: known.messages[lang] });
    if (err.statusCode === 429) {
      return send(429, {
        code: 'TOO_MANY_REQUESTS',
        message:
          lang === 'en'
            ? 'Too many requests: wait a minute and try again.'
            : 'Troppe richieste: attendi un minuto e riprova.',
      });
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return send(err.statusCode, {
        code: err.code ?? 'BAD_REQUEST',
        message: lang === 'en' ? `Bad request: ${err.message}` : `Richiesta non valida: ${err.message}`,
      });
    }
    // The schemas refuse bad values before any query; this is the net for what slips through.
    const refused = dataException(err);
    if (refused) {
      // The driver's reason only: the query's parameters may hold personal data.
      req.log.warn(refused, 'data refused by the database');
      return send(400, {
        code: 'INVALID_INPUT',
        message:
          lang === 'en'
            ? 'A value sent is not valid (too long, out of range or badly formed): check the data and try again.'
            : 'Un valore inviato non è valido (troppo lungo, fuori intervallo o mal formato): controlla i dati e riprova.',
      });
    }
    req.log.error({ err }, 'unhandled error');
    return send(500, {
      code: 'INTERNAL_ERROR',
      message:
        lang === 'en'
          ? `Unexpected error. Please try again; if it persists, report request id ${req.id}.`
          : `Errore imprevisto. Riprova; se persiste, segnala il codice richiesta ${req.id}.`,
    });
  });

  app.setNotFoundHandler(async (req, reply) => {
    if (await spaFallback(req, reply, metaFor, webRoot)) return reply;
    const lang = pickLang(req.headers['accept-language']);
    return reply.status(404).send({
      code: 'NOT_FOUND',
      message:
        lang === 'en'
          ? `No such address: ${req.method} ${req.url}`
          : `Indirizzo inesistente: ${req.method} ${req.url}`,
    });
  });
}
