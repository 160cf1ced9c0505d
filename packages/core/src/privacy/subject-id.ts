import { KJUR, hextob64u, utf8tohex } from 'jsrsasign';
import { HealthCodeError } from '../errors.js';
import { hkMacauPermitHolderNumber } from '../declaration/identity/hk-macau-permit.js';
import { bytesToHex } from '../code/crypto/bytes.js';

/** Shortest accepted key, in bytes: a subject id is only as private as its key is secret. */
export const MIN_SUBJECT_KEY_BYTES = 16;

/** Thrown by {@link deriveSubjectId} for a key too short to protect identity numbers. */
export class SubjectIdError extends HealthCodeError<'invalid_key' | 'invalid_text'> {}

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
 */
export function deriveSubjectId(identity: SubjectIdentity, key: string | Uint8Array): string {
  return keyedDigest(normalizeIdentity(identity), key).slice(0, 16);
}

/**
 * HMAC-SHA256 of `text` (as UTF-8) under `key`, base64url (43 chars): a fingerprint that
 * tells equal texts apart from different ones without keeping the text, and that nobody
 * without the key can compute for a guessed text. A string key is taken as UTF-8.
 * Throws {@link SubjectIdError} for a key under 16 bytes or a text with a lone surrogate
 * (which has no UTF-8 form).
 */
export function keyedDigest(text: string, key: string | Uint8Array): string {
  const keyHex = typeof key === 'string' ? utf8tohex(key) : bytesToHex(key);
  if (keyHex.length < MIN_SUBJECT_KEY_BYTES * 2) {
    throw new SubjectIdError('invalid_key', `subject id key must be at least ${MIN_SUBJECT_KEY_BYTES} bytes`);
  }
  if (!isWellFormed(text)) throw new SubjectIdError('invalid_text', 'text has a lone surrogate and no UTF-8 form');
  const mac = new KJUR.crypto.Mac({ alg: 'HmacSHA256', pass: { hex: keyHex } });
  mac.updateHex(utf8tohex(text));
  return hextob64u(mac.doFinal());
}

/** Whether `text` has no lone surrogate (String.prototype.isWellFormed, which Node 20 lacks). */
function isWellFormed(text: string): boolean {
  return !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}
