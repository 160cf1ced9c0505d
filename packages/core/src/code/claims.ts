import type { HealthStatus } from '../status.js';
import { CODE_ID, DOCUMENT_TAIL, ISSUER_ID, MASKED_NAME, NUMERIC_DATE, PSEUDONYM, REGION, SUBJECT, type Rule } from './rules.js';

export { MAX_MASKED_NAME_LENGTH, MAX_NUMERIC_DATE } from './rules.js';

/** The `typ` header of a health code JWS. */
export const CODE_TYP = 'HC1';

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

/** The JSON payload of a code, with the short claim names used on the wire (NumericDates floored). */
export interface CodeClaims {
  iss: string;
  sub: string;
  st: 'g' | 'y' | 'r';
  iat: number;
  exp: number;
  nm: string;
  dt?: string;
  rg: string;
  jti: string;
  /** Optional (format 1 readers ignore it): when the holder's last negative test was sampled. */
  nt?: number;
}

/** The {@link HealthStatus} an `st` letter stands for. */
export function statusOf(letter: CodeClaims['st']): HealthStatus {
  return LETTER_STATUS[letter];
}

const STATUS: Rule = { test: (v) => v === 'g' || v === 'y' || v === 'r', message: 'status must be g, y or r' };
// Claim by claim, in the order a refusal names the first one that fails.
const CLAIM_RULES: [keyof CodeClaims, Rule][] = [
  ['iss', ISSUER_ID],
  ['sub', SUBJECT],
  ['sub', PSEUDONYM],
  ['st', STATUS],
  ['iat', NUMERIC_DATE],
  ['exp', NUMERIC_DATE],
  ['nm', MASKED_NAME],
  ['rg', REGION],
  ['jti', CODE_ID],
];

/**
 * The claims of a parsed payload, or why they are refused (the first rule that fails). Unknown
 * members are dropped and NumericDates floored to whole seconds.
 */
export function readCodeClaims(payload: Record<string, unknown> | undefined): CodeClaims | string {
  if (!payload) return 'the payload is not a UTF-8 JSON object';
  for (const [claim, rule] of CLAIM_RULES) if (!rule.test(payload[claim])) return `${claim}: ${rule.message}`;
  const { iss, sub, st, nm, dt, rg, jti } = payload as unknown as CodeClaims;
  if (dt !== undefined && !DOCUMENT_TAIL.test(dt)) return `dt: ${DOCUMENT_TAIL.message}`;
  const iat = Math.floor(payload.iat as number);
  const exp = Math.floor(payload.exp as number);
  if (!(exp > iat)) return 'exp must be after iat';
  if (payload.nt !== undefined && !NUMERIC_DATE.test(payload.nt)) return `nt: ${NUMERIC_DATE.message}`;
  const nt = payload.nt === undefined ? undefined : Math.floor(payload.nt as number);
  if (nt !== undefined && nt > iat) return 'nt must not be after iat';
  return { iss, sub, st, iat, exp, nm, ...(dt === undefined ? {} : { dt }), rg, jti, ...(nt === undefined ? {} : { nt }) };
}
