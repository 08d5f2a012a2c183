import { randomBytes } from 'node:crypto';
import { CODE_ALPHABET } from '../../../../common/certificates.js';

/** A fresh verification code: 16 Crockford base32 characters (80 random bits) in groups of four. */
export function newCertificateCode(): string {
  const bytes = randomBytes(10);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += CODE_ALPHABET[(value >> bits) & 31];
    }
    value &= (1 << bits) - 1;
  }
  return (out.match(/.{4}/g) as string[]).join('-');
}
