import { z } from 'zod';
import { page, pageSize } from './primitives.js';

/** Body of every 4xx/5xx answer. `message` is in the request's language (Italian by default). */
export const errorBody = z.object({
  code: z.string(),
  message: z.string(),
  details: z
    .array(z.object({ path: z.string(), message: z.string() }))
    .optional()
    .describe('Field-level problems, for validation errors'),
});
export type ErrorBody = z.infer<typeof errorBody>;

export const pageQuery = z.object({ page, pageSize: pageSize(200, 25) });

export function paged<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const okBody = z.object({ ok: z.literal(true) });
