import { z } from 'zod';
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

/** Issuer ids: 1-64 of `A-Z a-z 0-9 . _ : -`. */
export const issuerIdSchema = z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/, 'issuer id must be 1-64 of A-Z a-z 0-9 . _ : -');
/** GB/T 2260 administrative division code: six digits, e.g. `310000` (Shanghai). */
export const regionSchema = z.string().regex(/^[1-9][0-9]{5}$/, 'region must be a six-digit GB/T 2260 code');
/** Code ids (`jti`): 1-64 base64url characters. */
export const codeIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'code id must be 1-64 base64url characters');
/**
 * Pseudonymous subject ids: 8-64 base64url characters with at least one letter, `-` or `_`, and
 * never shaped like a resident ID number, so a number in clear cannot be put in a code by mistake.
 */
export const subjectSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'subject must be 8-64 base64url characters')
  .refine((s) => /[A-Za-z_-]/.test(s) && !/^[0-9]{17}[0-9Xx]$/.test(s), 'subject looks like an ID number, not a pseudonym');
/** Masked display name: 1-32 characters including at least one `*`. */
export const maskedNameSchema = z.string().min(1).max(32).refine((s) => s.includes('*'), 'display name must be masked (contain *)');
/** Document tail: 1-4 of `0-9 A-Z`. */
export const documentTailSchema = z.string().regex(/^[0-9A-Z]{1,4}$/, 'document tail must be 1-4 of 0-9 A-Z');

// 253402300799 is 9999-12-31T23:59:59Z, the last second a Date can show in four-digit years.
const numericDate = z.number().min(0).max(253_402_300_799).transform(Math.floor);

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
  })
  .refine((c) => c.exp > c.iat, 'exp must be after iat');

/** Claims as parsed from a payload (NumericDates floored to whole seconds). */
export type CodeClaims = z.infer<typeof codeClaimsSchema>;

/** The {@link HealthStatus} an `st` letter stands for. */
export function statusOf(letter: CodeClaims['st']): HealthStatus {
  return LETTER_STATUS[letter];
}
