import { KJUR, hextob64u, utf8tohex } from 'jsrsasign';
import { HealthCodeError } from '../errors.js';
import { hkMacauPermitHolderNumber } from '../declaration/identity/hk-macau-permit.js';
import { bytesToHex } from '../code/crypto/bytes.js';

/** Shortest accepted key, in bytes: a subject id is only as private as its key is secret. */
export const MIN_SUBJECT_KEY_BYTES = 16;

/** Thrown by {@link deriveSubjectId} for a key too short to protect identity numbers. */
export class SubjectIdError extends HealthCodeError<'privacy/invalid_key'> {}

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
  const keyHex = typeof key === 'string' ? utf8tohex(key) : bytesToHex(key);
  if (keyHex.length < MIN_SUBJECT_KEY_BYTES * 2) {
    throw new SubjectIdError('privacy/invalid_key', `subject id key must be at least ${MIN_SUBJECT_KEY_BYTES} bytes`);
  }
  const mac = new KJUR.crypto.Mac({ alg: 'HmacSHA256', pass: { hex: keyHex } });
  mac.updateHex(utf8tohex(normalizeIdentity(identity)));
  return hextob64u(mac.doFinal().slice(0, 24));
}
