import type { HealthStatus, VerifyFailureReason } from '@healthcode/core';

/** The code families {@link verifyAnyCode} recognises, named as `pnpm conformance --json` names them. */
export type CodeFormat = 'healthcode' | 'eu-dcc' | 'shc' | 'nzcp';

/** What a certificate vouches for; a HealthCode vouches for a health status (green, yellow, red). */
export type Certification = 'vaccination' | 'test' | 'recovery' | 'health-status';

/**
 * Why a foreign code was refused, beyond HealthCode's own reasons ({@link VerifyFailureReason}),
 * which keep their meaning for the other formats too (`malformed`, `unknown_key`, `bad_signature`,
 * `expired`, …).
 */
export const FOREIGN_FAILURE_REASONS = [
  'unrecognised_format',
  'bad_encoding',
  'bad_compression',
  'chunked',
  'no_trust',
  'key_usage',
  'schema_invalid',
] as const;

/** Every reason an {@link InvalidAnyCode} may carry: stable strings, safe to switch on or log. */
export type AnyCodeFailureReason = VerifyFailureReason | (typeof FOREIGN_FAILURE_REASONS)[number];

/** A code whose signature, trust and validity window all held at the verification time. */
export interface ValidAnyCode {
  valid: true;
  reason: 'valid';
  format: CodeFormat;
  /** Who vouches for it: a HealthCode issuer id, an EU country code, a SMART `iss` URL or an NZCP DID. */
  issuer: string;
  /** Start of the validity window (issue or not-before time), when the code states one. */
  validFrom?: Date;
  /** End of the validity window; absent for codes that never expire (most SMART Health Cards). */
  validUntil?: Date;
  certifies: Certification[];
  /** The holder's name, masked as HealthCode masks names (`J*** S***`, `张*三`). */
  holder: string;
  /** A HealthCode's status; other formats carry none. */
  status?: HealthStatus;
}

/** A code that was refused, and why. */
export interface InvalidAnyCode {
  valid: false;
  reason: AnyCodeFailureReason;
  /** The format the text claimed to be, when its prefix said so. */
  format?: CodeFormat;
  /** For logs and developers; not stable, not for end users. */
  message: string;
}

/** What {@link verifyAnyCode} answers, for every format alike. */
export type AnyCodeResult = ValidAnyCode | InvalidAnyCode;

/** One failed check, as format verifiers report them before the first is chosen as the reason. */
export interface Failure {
  reason: AnyCodeFailureReason;
  message: string;
}

/** A format verifier's answer: the checks that failed, in the order that decides the reason. */
export type FormatOutcome = { ok: true; code: Omit<ValidAnyCode, 'valid' | 'reason' | 'format'> } | { ok: false; failures: [Failure, ...Failure[]] };

export const fail = (reason: AnyCodeFailureReason, message: string): FormatOutcome => ({ ok: false, failures: [{ reason, message }] });
