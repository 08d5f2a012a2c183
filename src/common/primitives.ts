import { z } from 'zod';
import { isIsoDate } from './rome-time.js';

/**
 * The building blocks of every input contract: ids, days, instants, pages, counts, codes and free
 * text, each bounded to what the database stores, so that a hostile value is a 400 with a message and
 * never reaches a query. (Control characters, lone surrogates and bidirectional controls are refused
 * for every string by the server's text guard, before these run.)
 */

/** The largest value of PostgreSQL's `integer`: ids, counts and versions are stored in one. */
export const MAX_INT32 = 2_147_483_647;

/** A whole number stored in an `integer` column: a count, a quantity, a number of minutes. */
export const wholeNumber = (min: number, max: number) => z.number().int().min(min).max(max);

/** A database id (serial) in a JSON body: a positive int32; a larger number names no row. */
export const dbId = z.number().int().min(1).max(MAX_INT32);

/**
 * A whole number in a path or a query string, where it arrives as text: plain decimal digits only, so
 * that one number has one spelling (`0x10`, `1e3`, ` 12`, `+5`, `12.0` are refused, not read as 16,
 * 1000, 12, 5 and 12), between `min` and `max`.
 */
export const wholeParam = (min: number, max: number) =>
  z
    .string()
    .refine((s) => /^(0|[1-9][0-9]{0,9})$/.test(s), {
      message: 'Invalid input: expected a whole number written in decimal digits',
      params: { it: 'Input non valido: atteso un numero intero scritto in cifre decimali' },
      abort: true,
    })
    .transform(Number)
    .pipe(wholeNumber(min, max));

/** A database id in a path or a query string. */
export const dbIdParam = wholeParam(1, MAX_INT32);

/** `/…/:id` with a database id. */
export const idParams = z.object({ id: dbIdParam });

/** The first and last days the platform takes: four-digit years the database and Rome time agree on. */
export const FIRST_DAY = '1900-01-01';
export const LAST_DAY = '2999-12-31';

/** A calendar day, YYYY-MM-DD, that exists (2026-02-30 and 2026-13-01 do not). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'YYYY-MM-DD', abort: true })
  .refine((s) => isIsoDate(s), {
    message: 'not a real day',
    params: { it: 'giorno inesistente' },
    abort: true,
  })
  .refine((s) => s >= FIRST_DAY && s <= LAST_DAY, {
    message: `a day between ${FIRST_DAY} and ${LAST_DAY}`,
    params: { it: `un giorno tra il ${FIRST_DAY} e il ${LAST_DAY}` },
  });

const firstInstant = Date.parse(`${FIRST_DAY}T00:00:00Z`);
const lastInstant = Date.parse(`${LAST_DAY}T23:59:59.999Z`);
/** An instant with its offset, e.g. 2026-03-29T09:00:00+02:00, on a real day within the same years. */
export const instant = z.iso.datetime({ offset: true }).refine(
  (s) => {
    const t = Date.parse(s);
    return t >= firstInstant && t <= lastInstant;
  },
  {
    message: `an instant between ${FIRST_DAY} and ${LAST_DAY}`,
    params: { it: `un istante tra il ${FIRST_DAY} e il ${LAST_DAY}` },
  },
);

/** The page of a list, from 1; past the last page a list is simply empty. */
export const page = wholeParam(1, 100_000).default(1);
/** How many items a page holds. */
export const pageSize = (max: number, byDefault: number) => wholeParam(1, max).default(byDefault);

/** Free text a person types: trimmed, at most `max` characters. */
export const text = (max: number) => z.string().trim().max(max);

/**
 * A link people open (a webinar, a learning material): http or https only, so that no `javascript:`
 * or `data:` address is ever offered as a link.
 */
export const httpUrl = z.url({ protocol: /^https?$/ }).max(2000);

/** A code of the reference data (domain, service model, job profile, region): 1 to 60 characters. */
export const refCode = z.string().trim().min(1).max(60);
