// The rules a code's claims, keys and trust lists obey, as plain predicates: verification checks
// them without a schema library, so a checkpoint bundle need not carry one, and the zod schemas
// that check issuing input are built from the same predicates.

/** A check of one value and what to say when it fails. */
export interface Rule {
  readonly test: (value: unknown) => boolean;
  readonly message: string;
}

const pattern = (re: RegExp, message: string): Rule => ({ test: (v) => typeof v === 'string' && re.test(v), message });

// 253402300799 is 9999-12-31T23:59:59Z, the last second a Date can show in four-digit years.
export const MAX_NUMERIC_DATE = 253_402_300_799;
/** Longest masked display name a code carries, in UTF-16 code units (it is shown, not read). */
export const MAX_MASKED_NAME_LENGTH = 32;

/** Issuer ids: 1-64 of `A-Z a-z 0-9 . _ : -`. */
export const ISSUER_ID = pattern(/^[A-Za-z0-9._:-]{1,64}$/, 'issuer id must be 1-64 of A-Z a-z 0-9 . _ : -');
/** GB/T 2260 administrative division code: six digits, e.g. `310000` (Shanghai). */
export const REGION = pattern(/^[1-9][0-9]{5}$/, 'region must be a six-digit GB/T 2260 code');
/** Code ids (`jti`): 1-64 base64url characters. */
export const CODE_ID = pattern(/^[A-Za-z0-9_-]{1,64}$/, 'code id must be 1-64 base64url characters');
/** Document tail: 1-4 of `0-9 A-Z`. */
export const DOCUMENT_TAIL = pattern(/^[0-9A-Z]{1,4}$/, 'document tail must be 1-4 of 0-9 A-Z');
/** Key ids: 1-64 printable ASCII characters without quotes or backslashes, so they embed in JSON unchanged. */
export const KEY_ID = pattern(/^[\x21\x23-\x5b\x5d-\x7e]{1,64}$/, 'kid must be 1-64 printable ASCII characters');

/** Subject ids are 8-64 base64url characters (see {@link PSEUDONYM} for the rest of the rule). */
export const SUBJECT = pattern(/^[A-Za-z0-9_-]{8,64}$/, 'subject must be 8-64 base64url characters');
/**
 * Pseudonymous subject ids hold at least one letter, `-` or `_`, and are never shaped like a
 * resident ID number, so a number in clear cannot be put in a code by mistake.
 */
export const PSEUDONYM: Rule = {
  test: (v) => typeof v === 'string' && /[A-Za-z_-]/.test(v) && !/^[0-9]{17}[0-9Xx]$/.test(v),
  message: 'subject looks like an ID number, not a pseudonym',
};
/** Masked display name: 1-32 characters including at least one `*`. */
export const MASKED_NAME: Rule = {
  test: (v) => typeof v === 'string' && v.length >= 1 && v.length <= MAX_MASKED_NAME_LENGTH && v.includes('*'),
  message: `display name must be 1-${MAX_MASKED_NAME_LENGTH} characters and masked (contain *)`,
};
/** A NumericDate (seconds since the epoch), 0 to the end of year 9999; fractions allowed. */
export const NUMERIC_DATE: Rule = {
  test: (v) => typeof v === 'number' && v >= 0 && v <= MAX_NUMERIC_DATE,
  message: 'must be a NumericDate from 0 to 253402300799',
};
/** A whole NumericDate. */
export const WHOLE_NUMERIC_DATE: Rule = {
  test: (v) => NUMERIC_DATE.test(v) && Number.isInteger(v),
  message: 'must be a whole NumericDate from 0 to 253402300799',
};

/** Unpadded base64url text of `min` to `max` characters. */
export const base64url = (min: number, max = min): Rule =>
  pattern(new RegExp(`^[A-Za-z0-9_-]{${min},${max}}$`), `must be ${min === max ? min : `${min}-${max}`} base64url characters`);
