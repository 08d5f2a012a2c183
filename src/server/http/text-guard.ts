import type { MultipartFields } from '@fastify/multipart';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errors, pickLang } from '../kernel/errors.js';
import { cleanText, cleanTree, invalidText, type PlacedProblem, TEXT_PROBLEMS } from '../kernel/text.js';

/** The parts of a request that carry text, with the names validation errors give them. */
const PARTS = [
  ['params', 'params'],
  ['query', 'querystring'],
  ['body', 'body'],
] as const;

/**
 * Every string of the route parameters, the query string and the JSON body goes through the kernel's
 * text rule before validation: refused with 400 INVALID_TEXT (control characters, lone surrogates,
 * bidirectional controls) or normalised (NFC), so no route can forget it. Uploaded files go through
 * the same rule where they are read (`readCsv`, the framework's JSON import), their names through
 * `uploadOf`, multipart fields through `multipartField`.
 */
export function registerTextGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    const problems: PlacedProblem[] = [];
    const where: string[] = [];
    for (const [part, context] of PARTS) {
      const { value, issues } = cleanTree(req[part]);
      if (value !== req[part]) (req as unknown as Record<string, unknown>)[part] = value;
      for (const { path, problem } of issues) {
        problems.push({ path: [context, ...path].join('.'), messages: TEXT_PROBLEMS[problem] });
        where.push(path.join('.') || context);
      }
    }
    if (problems.length) throw invalidText(problems, where);
  });
}

/** A text field sent along a multipart upload, under the same rule as JSON; undefined when absent. */
export function multipartField(fields: MultipartFields, name: string): string | undefined {
  const part = [fields[name]].flat()[0];
  if (part?.type !== 'field' || typeof part.value !== 'string') return undefined;
  const clean = cleanText(part.value);
  if (clean.ok) return clean.value;
  throw invalidText([{ path: `body.${name}`, messages: TEXT_PROBLEMS[clean.problem] }], [name]);
}

/**
 * The error to answer for one met while reading a multipart body: the parser's own plain errors (no
 * boundary, a part never closed) are the request's fault, 400; the app's and the plugin's errors
 * (which carry a code: file too large, no file) are kept.
 */
export function unreadableMultipart(err: unknown): unknown {
  const e = err as { code?: unknown; statusCode?: unknown };
  if (!(err instanceof Error) || e.code !== undefined || e.statusCode !== undefined) return err;
  return errors.badRequest(
    'INVALID_MULTIPART',
    {
      it: 'Il file inviato è incompleto o malformato: riprova a caricarlo.',
      en: 'The file sent is incomplete or malformed: try uploading it again.',
    },
    ['file'],
  );
}

/** What an upload route takes, for the message of the answer when no file is attached. */
const FILE_REQUIRED = {
  csv: { it: 'Allega un file CSV.', en: 'Attach a CSV file.' },
  'json-or-csv': { it: 'Allega un file JSON o CSV.', en: 'Attach a JSON or CSV file.' },
  zip: { it: 'Allega un file zip.', en: 'Attach a zip file.' },
} as const;

/**
 * The file of a multipart upload (field "file"), read whole, with its name under the text rule: the
 * name reaches audit details and error messages, and the multipart parser decodes `filename*=`, so a
 * NUL or a bidirectional control could come through it. Throws 400 FILE_REQUIRED when nothing is attached.
 */
export async function uploadOf(
  req: FastifyRequest,
  accepts: keyof typeof FILE_REQUIRED = 'csv',
  limits?: { fileSize: number },
): Promise<{ buffer: Buffer; filename: string; fields: MultipartFields }> {
  let file: Awaited<ReturnType<typeof req.file>>;
  let buffer: Buffer;
  try {
    file = await req.file(limits ? { limits } : undefined);
    if (!file) throw errors.badRequest('FILE_REQUIRED', FILE_REQUIRED[accepts], ['file']);
    // Read before judging the name, so that a refusal never leaves the request's stream half consumed.
    buffer = await file.toBuffer();
  } catch (err) {
    throw unreadableMultipart(err);
  }
  const clean = cleanText(file.filename);
  if (!clean.ok)
    throw invalidText([{ path: 'file.filename', messages: TEXT_PROBLEMS[clean.problem] }], ['file.filename']);
  return { buffer, filename: clean.value, fields: file.fields };
}

/**
 * Fastify's answer to an address it cannot route: a percent-encoding that is not UTF-8 (`%ED%A0%80`,
 * an encoded lone surrogate) or a parameter longer than the router takes. Given as the `frameworkErrors`
 * option, so it has the usual error body; the error handler never sees these.
 */
export function badUrl(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const lang = pickLang(req.headers['accept-language']);
  const tooLong = err.code === 'FST_ERR_MAX_PARAM_LENGTH';
  const message = tooLong
    ? { it: 'Indirizzo troppo lungo.', en: 'The address is too long.' }
    : {
        it: 'Indirizzo non valido: contiene caratteri codificati in modo scorretto.',
        en: 'Invalid address: it holds wrongly encoded characters.',
      };
  return reply
    .header('x-request-id', req.id)
    .status(tooLong ? 414 : 400)
    .send({ code: tooLong ? 'URL_TOO_LONG' : 'INVALID_URL', message: message[lang] });
}
