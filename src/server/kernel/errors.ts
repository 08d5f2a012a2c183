export type Lang = 'it' | 'en';
export type Bilingual = { it: string; en: string };

/** A failure the client can act on: an HTTP status, a stable code, and an Italian/English message. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    readonly messages: Bilingual,
    /** The fields the problem is about; the client shows the message next to each. */
    readonly fields?: string[],
    readonly headers?: Record<string, string>,
    /** Problems with their own message each (a file's rows and fields); shown instead of `fields`. */
    readonly details?: { path: string; messages: Bilingual }[],
  ) {
    super(messages.en);
    this.name = 'AppError';
  }
}

export const errors = {
  badRequest: (code: string, messages: Bilingual, fields?: string[]) =>
    new AppError(400, code, messages, fields),
  /** A 400 listing several problems, each with its own message (e.g. the rows of an uploaded file). */
  invalid: (code: string, messages: Bilingual, details: { path: string; messages: Bilingual }[]) =>
    new AppError(400, code, messages, undefined, undefined, details),
  unauthenticated: () =>
    new AppError(401, 'UNAUTHENTICATED', {
      it: 'Accesso richiesto: effettua il login.',
      en: 'You need to sign in.',
    }),
  forbidden: () =>
    new AppError(403, 'FORBIDDEN', {
      it: 'Non hai i permessi per questa operazione.',
      en: 'You are not allowed to do this.',
    }),
  notFound: (what: Bilingual) =>
    new AppError(404, 'NOT_FOUND', { it: `${what.it}: non trovato.`, en: `${what.en} not found.` }),
  conflict: (code: string, messages: Bilingual) => new AppError(409, code, messages),
  tooMany: (code: string, messages: Bilingual, retryAfterSeconds: number) =>
    new AppError(429, code, messages, undefined, { 'retry-after': String(retryAfterSeconds) }),
};

/** The client's preferred language among Italian and English (q-weights honoured); Italian by default. */
export function pickLang(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'it';
  let best: { lang: Lang; q: number } | null = null;
  for (const part of acceptLanguage.split(',')) {
    const [tag = '', ...params] = part.trim().split(';');
    const lang = tag.trim().slice(0, 2).toLowerCase();
    if (lang !== 'it' && lang !== 'en') continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (Number.isFinite(q) && q > 0 && (!best || q > best.q)) best = { lang, q };
  }
  return best?.lang ?? 'it';
}
