import { z } from 'zod';
import { text } from './primitives.js';

/** Crockford base32: no I, L, O or U, so a code read aloud or retyped is hard to get wrong. */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Four groups of four characters: 80 random bits, e.g. K7QM-3XTR-9PAD-2VHC. */
export const CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/;

/**
 * The canonical form of a code typed by someone: upper case, dashes and spaces ignored, and the
 * letters Crockford base32 reads as digits (I, L → 1; O → 0). Null when it cannot be a code.
 */
export function normaliseCode(input: string): string | null {
  const raw = input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (raw.length !== 16 || [...raw].some((c) => !CODE_ALPHABET.includes(c))) return null;
  return raw.match(/.{4}/g)?.join('-') ?? null;
}

/** Hours from minutes, with one decimal, as shown on the attestato. */
export const hoursOf = (minutes: number) => Math.round(minutes / 6) / 10;

export const certificate = z.object({
  id: z.number().int(),
  code: z.string(),
  enrolmentId: z.number().int(),
  editionId: z.number().int(),
  userId: z.string(),
  holderName: z.string(),
  pathTitle: z.string(),
  editionTitle: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  completedOn: z.string(),
  minutesAttended: z.number().int(),
  hours: z.number(),
  issuer: z.string(),
  issuedAt: z.string(),
  status: z.enum(['valid', 'revoked']),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
  /** The certificate this one replaced after a correction. */
  replacesId: z.number().int().nullable(),
});
export type Certificate = z.infer<typeof certificate>;

/** A certificate in an edition's listing, with whether it still matches the enrolment. */
export const editionCertificate = certificate.extend({
  unitName: z.string().nullable(),
  /** The enrolment changed after issue (minutes corrected, completion lost): revoke or reissue it. */
  outdated: z.boolean(),
});
export type EditionCertificate = z.infer<typeof editionCertificate>;

/** A completed enrolment without a valid certificate. */
export const certificateMissing = z.object({
  enrolmentId: z.number().int(),
  userId: z.string(),
  holderName: z.string(),
  unitName: z.string().nullable(),
  completedOn: z.string(),
  minutesAttended: z.number().int(),
  /**
   * A certificate was revoked and none replaced it: a new one is issued only on purpose, with
   * reissue on the revoked one.
   */
  revokedCertificateId: z.number().int().nullable(),
});

export const editionCertificates = z.object({
  editionId: z.number().int(),
  editionStatus: z.string(),
  items: z.array(editionCertificate),
  missing: z.array(certificateMissing),
});
export type EditionCertificates = z.infer<typeof editionCertificates>;

export const revokeBody = z.object({ reason: text(1000).min(5) });

/** What anyone may learn from a code: never an e-mail, a unit or an internal id. */
export const publicCertificate = z.object({
  code: z.string(),
  status: z.enum(['valid', 'revoked']),
  holderName: z.string(),
  pathTitle: z.string(),
  completedOn: z.string(),
  hours: z.number(),
  revokedAt: z.string().optional(),
  revokeReason: z.string().optional(),
});
export type PublicCertificate = z.infer<typeof publicCertificate>;
