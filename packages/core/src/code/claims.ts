import * as z from 'zod';
import type { HealthStatus } from '../status.js';

/** Default lifetime of a code: 10 minutes, so a screenshot or copy goes stale quickly. */
export const DEFAULT_CODE_TTL_SECONDS = 600;
/** Longest lifetime {@link issueCode} accepts: 24 hours. */
export const MAX_CODE_TTL_SECONDS = 86_400;

/** The masked personal data shown beside the QR code. */
export interface CodeDisplay {
  /** Masked name, e.g. `张*三`; must contain at least one `*`. */
  name: string;
  /** Last characters of the identity document, e.g. `1234` (at most 4). */
  documentTail?: string;
}

/** Status letters used in the `st` claim. */
export const STATUS_LETTERS: Record<HealthStatus, 'g' | 'y' | 'r'> = { green: 'g', yellow: 'y', red: 'r' };
const LETTER_STATUS: Record<'g' | 'y' | 'r', HealthStatus> = { g: 'green', y: 'yellow', r: 'red' };

// Each rule is a pattern or predicate used both by the zod schemas (inputs, trust lists, error
// messages) and by readCodeClaims, the hand-written check on verification's hot path.
const ISSUER_ID = /^[A-Za-z0-9._:-]{1,64}$/;
const REGION = /^[1-9][0-9]{5}$/;
const CODE_ID = /^[A-Za-z0-9_-]{1,64}$/;
const SUBJECT = /^[A-Za-z0-9_-]{8,64}$/;
const DOCUMENT_TAIL = /^[0-9A-Z]{1,4}$/;
const isPseudonym = (s: string) => /[A-Za-z_-]/.test(s) && !/^[0-9]{17}[0-9Xx]$/.test(s);
/** Longest masked display name a code carries, in UTF-16 code units (it is shown, not read). */
export const MAX_MASKED_NAME_LENGTH = 32;
const isMaskedName = (s: string) => s.length >= 1 && s.length <= MAX_MASKED_NAME_LENGTH && s.includes('*');
// 253402300799 is 9999-12-31T23:59:59Z, the last second a Date can show in four-digit years.
export const MAX_NUMERIC_DATE = 253_402_300_799;

/** Issuer ids: 1-64 of `A-Z a-z 0-9 . _ : -`. */
export const issuerIdSchema = z.string().regex(ISSUER_ID, 'issuer id must be 1-64 of A-Z a-z 0-9 . _ : -');
/** GB/T 2260 administrative division code: six digits, e.g. `310000` (Shanghai). */
export const regionSchema = z.string().regex(REGION, 'region must be a six-digit GB/T 2260 code');
/** Code ids (`jti`): 1-64 base64url characters. */
export const codeIdSchema = z.string().regex(CODE_ID, 'code id must be 1-64 base64url characters');
/**
 * Pseudonymous subject ids: 8-64 base64url characters with at least one letter, `-` or `_`, and
 * never shaped like a resident ID number, so a number in clear cannot be put in a code by mistake.
 */
export const subjectSchema = z
  .string()
  .regex(SUBJECT, 'subject must be 8-64 base64url characters')
  .refine(isPseudonym, 'subject looks like an ID number, not a pseudonym');
/** Masked display name: 1-32 characters including at least one `*`. */
export const maskedNameSchema = z.string().refine(isMaskedName, `display name must be 1-${MAX_MASKED_NAME_LENGTH} characters and masked (contain *)`);
/** Document tail: 1-4 of `0-9 A-Z`. */
export const documentTailSchema = z.string().regex(DOCUMENT_TAIL, 'document tail must be 1-4 of 0-9 A-Z');

const numericDate = z.number().min(0).max(MAX_NUMERIC_DATE).transform(Math.floor);

/** The JSON payload of a code, with the short claim names used on the wire. */
export const codeClaimsSchema = z
  .object({
    iss: issuerIdSchema,
    sub: subjectSchema,
    st: z.enum(['g', 'y', 'r']),
    iat: numericDate,
    exp: numericDate,
    nm: maskedNameSchema,
    dt: documentTailSchema.optional(),
    rg: regionSchema,
    jti: codeIdSchema,
    /** Optional (format 1 readers ignore it): when the holder's last negative test was sampled. */
    nt: numericDate.optional(),
  })
  .refine((c) => c.exp > c.iat, 'exp must be after iat')
  .refine((c) => c.nt === undefined || c.nt <= c.iat, 'nt must not be after iat');

/** Claims as parsed from a payload (NumericDates floored to whole seconds). */
export type CodeClaims = z.infer<typeof codeClaimsSchema>;

/** The {@link HealthStatus} an `st` letter stands for. */
export function statusOf(letter: CodeClaims['st']): HealthStatus {
  return LETTER_STATUS[letter];
}

const matches = (pattern: RegExp, v: unknown): v is string => typeof v === 'string' && pattern.test(v);
const numericDateOf = (v: unknown): number | undefined =>
  typeof v === 'number' && v >= 0 && v <= MAX_NUMERIC_DATE ? Math.floor(v) : undefined;

/**
 * The claims of a parsed payload when they satisfy {@link codeClaimsSchema}, else `undefined`:
 * the same rules and the same result as the schema, without its per-call cost, for verification's
 * hot path. Where it refuses, ask the schema for the reason.
 */
export function readCodeClaims(payload: Record<string, unknown>): CodeClaims | undefined {
  const { iss, sub, st, nm, dt, rg, jti } = payload;
  const iat = numericDateOf(payload.iat);
  const exp = numericDateOf(payload.exp);
  const nt = numericDateOf(payload.nt);
  if (
    !matches(ISSUER_ID, iss) ||
    !matches(SUBJECT, sub) ||
    !isPseudonym(sub) ||
    (st !== 'g' && st !== 'y' && st !== 'r') ||
    iat === undefined ||
    exp === undefined ||
    !(exp > iat) ||
    typeof nm !== 'string' ||
    !isMaskedName(nm) ||
    (dt !== undefined && !matches(DOCUMENT_TAIL, dt)) ||
    !matches(REGION, rg) ||
    !matches(CODE_ID, jti) ||
    (payload.nt !== undefined && (nt === undefined || nt > iat))
  ) {
    return undefined;
  }
  return { iss, sub, st, iat, exp, nm, ...(dt === undefined ? {} : { dt }), rg, jti, ...(nt === undefined ? {} : { nt }) };
}
