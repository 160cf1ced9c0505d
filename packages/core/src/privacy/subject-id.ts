import { defaultCryptoProvider } from '../code/crypto/default-provider.js';
import type { CryptoProvider } from '../code/crypto/provider.js';
import { base64urlEncode } from '../code/jws/base64url.js';
import { utf8Encode } from '../code/jws/utf8.js';
import { HealthCodeError } from '../errors.js';
import { hkMacauPermitHolderNumber } from '../declaration/identity/hk-macau-permit.js';

/** Shortest accepted key, in bytes: a subject id is only as private as its key is secret. */
export const MIN_SUBJECT_KEY_BYTES = 16;

/** Thrown by {@link deriveSubjectId} for a key too short to protect identity numbers. */
export class SubjectIdError extends HealthCodeError<'privacy/invalid_key' | 'privacy/invalid_text'> {}

/** The identity a subject id is derived from; `nationality` tells apart passports of different states. */
export interface SubjectIdentity {
  type: string;
  number: string;
  nationality?: string;
}

/**
 * The canonical text that is hashed: `type|number`, or `type|nationality|number`
 * for a passport. Numbers are upper-cased without spaces or hyphens; a Home
 * Return Permit keeps only its lifelong 9 characters, so a renewed permit
 * keeps the same subject id.
 */
export function normalizeIdentity(identity: SubjectIdentity): string {
  const type = identity.type.trim().toLowerCase();
  let number = identity.number.replace(/[\s-]+/g, '').toUpperCase();
  if (type === 'hk_macau_permit') number = hkMacauPermitHolderNumber(number);
  const nationality = identity.nationality?.trim().toUpperCase();
  return nationality ? `${type}|${nationality}|${number}` : `${type}|${number}`;
}

/**
 * A pseudonymous, stable id for a person: HMAC-SHA256 under the issuer's key
 * of {@link normalizeIdentity}, truncated to 12 bytes, base64url (16 chars).
 * Without the key, the id cannot be linked back to the number. A string key is
 * taken as UTF-8; throws {@link SubjectIdError} for a key under 16 bytes.
 *
 * @param opts.crypto - computes the HMAC; {@link defaultCryptoProvider} (node:crypto in Node) when omitted
 * @example
 * ```ts
 * import { deriveSubjectId } from '@healthcode/core/privacy';
 *
 * const sub = deriveSubjectId({ type: 'resident_id_card', number: '11010519491231002X' }, subjectKey);
 * ```
 */
export function deriveSubjectId(identity: SubjectIdentity, key: string | Uint8Array, opts: { crypto?: CryptoProvider } = {}): string {
  // 12 bytes of the MAC are exactly the first 16 base64url characters.
  return keyedDigest(normalizeIdentity(identity), key, opts).slice(0, 16);
}

/**
 * HMAC-SHA256 of `text` (as UTF-8) under `key`, base64url (43 chars): a fingerprint that
 * tells equal texts apart from different ones without keeping the text, and that nobody
 * without the key can compute for a guessed text. A string key is taken as UTF-8.
 * Throws {@link SubjectIdError} for a key under 16 bytes or a text with a lone surrogate
 * (which has no UTF-8 form).
 */
export function keyedDigest(text: string, key: string | Uint8Array, opts: { crypto?: CryptoProvider } = {}): string {
  const keyBytes = typeof key === 'string' ? utf8Encode(key) : key;
  if (keyBytes.length < MIN_SUBJECT_KEY_BYTES) {
    throw new SubjectIdError('privacy/invalid_key', `subject id key must be at least ${MIN_SUBJECT_KEY_BYTES} bytes`);
  }
  if (!isWellFormed(text)) throw new SubjectIdError('privacy/invalid_text', 'text has a lone surrogate and no UTF-8 form');
  return base64urlEncode((opts.crypto ?? defaultCryptoProvider()).hmacSha256(keyBytes, utf8Encode(text)));
}

/** Whether `text` has no lone surrogate (String.prototype.isWellFormed, which Node 20 lacks). */
function isWellFormed(text: string): boolean {
  return !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}
