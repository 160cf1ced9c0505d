import { defaultCryptoProvider, DEFAULT_CLOCK_SKEW_SECONDS } from '@healthcode/core/code';
import { EU_DCC_PREFIX, verifyEuDcc } from './formats/eu-dcc/verify.js';
import { isHealthCode, verifyHealthCode } from './formats/healthcode/verify.js';
import { NZCP_PREFIX, verifyNzcp } from './formats/nzcp/verify.js';
import { SHC_PREFIX } from './formats/shc/numeric.js';
import { verifyShc } from './formats/shc/verify.js';
import type { AnyCodeResult, CodeFormat, FormatOutcome } from './result.js';
import type { AnyCodeOptions, AnyCodeTrust, VerifyContext } from './trust.js';

/** Longest text accepted: a SMART Health Card QR holds at most 4296 digits, an EU DCC about 4000 characters. */
export const MAX_ANY_CODE_LENGTH = 8192;
const MAX_CLOCK_SKEW_SECONDS = 3600;

/** The format a text's prefix names, or `undefined` for none. */
export function detectFormat(text: string): CodeFormat | undefined {
  if (isHealthCode(text)) return 'healthcode';
  if (text.startsWith(EU_DCC_PREFIX)) return 'eu-dcc';
  if (text.startsWith(SHC_PREFIX)) return 'shc';
  if (text.startsWith(NZCP_PREFIX)) return 'nzcp';
  return undefined;
}

let defaultCrypto: VerifyContext['crypto'] | undefined;

function contextOf(options: AnyCodeOptions): VerifyContext | undefined {
  const now = options.now ?? new Date();
  const clockSkew = options.clockSkew ?? DEFAULT_CLOCK_SKEW_SECONDS;
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) return undefined;
  if (typeof clockSkew !== 'number' || !(clockSkew >= 0 && clockSkew <= MAX_CLOCK_SKEW_SECONDS)) return undefined;
  return { now, clockSkew, crypto: options.crypto ?? (defaultCrypto ??= defaultCryptoProvider()) };
}

/** Runs the verifier of `format`; every failed check, in the order that decides the reason. */
export function verifyFormat(format: CodeFormat, text: string, trust: AnyCodeTrust, ctx: VerifyContext): Promise<FormatOutcome> {
  switch (format) {
    case 'healthcode':
      return verifyHealthCode(text, trust.healthCode, ctx);
    case 'eu-dcc':
      return verifyEuDcc(text, trust.euDcc, ctx);
    case 'shc':
      return verifyShc(text, trust.shc?.issuers, ctx);
    case 'nzcp':
      return verifyNzcp(text, trust.nzcp, ctx);
  }
}

/**
 * Verifies any health code a visitor may carry — a HealthCode, an EU Digital COVID Certificate, a
 * SMART Health Card or an NZ COVID Pass — recognised by its prefix, against trust the integrator
 * supplies (nothing is fetched). Never throws: every refusal is a result with a stable `reason`.
 *
 * @example
 * ```ts
 * import { verifyAnyCode } from '@healthcode/any-code';
 *
 * const result = await verifyAnyCode(scannedText, {
 *   euDcc: { certificates: euCertificates },
 *   shc: { issuers: [{ iss: 'https://issuer.example', jwks: shcJwks }] },
 *   nzcp: { didDocuments: [nzDidDocument] },
 * });
 * if (result.valid) console.log(result.format, result.holder, result.certifies, result.validUntil);
 * else console.log(result.reason); // e.g. 'bad_signature', 'expired', 'key_usage', 'chunked'
 * ```
 */
export async function verifyAnyCode(text: string, trust: AnyCodeTrust, options: AnyCodeOptions = {}): Promise<AnyCodeResult> {
  if (typeof text !== 'string') return { valid: false, reason: 'malformed', message: 'the code must be text' };
  if (text.length > MAX_ANY_CODE_LENGTH) return { valid: false, reason: 'too_large', message: `over ${MAX_ANY_CODE_LENGTH} characters` };
  const ctx = contextOf(options ?? {});
  if (!ctx) return { valid: false, reason: 'invalid_options', message: `now must be a valid Date and clockSkew 0-${MAX_CLOCK_SKEW_SECONDS}` };
  const format = detectFormat(text);
  if (!format) return { valid: false, reason: 'unrecognised_format', message: 'no HealthCode, EU DCC, SMART Health Card or NZ COVID Pass prefix' };
  try {
    const outcome = await verifyFormat(format, text, trust ?? {}, ctx);
    if (!outcome.ok) return { valid: false, format, ...outcome.failures[0] };
    return { valid: true, reason: 'valid', format, ...outcome.code };
  } catch (cause) {
    return { valid: false, format, reason: 'internal_error', message: cause instanceof Error ? cause.message : 'unexpected failure' };
  }
}
