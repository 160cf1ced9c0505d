/**
 * `@healthcode/any-code`: one checkpoint for every health code a visitor may carry. It recognises
 * HealthCode, EU Digital COVID Certificates, SMART Health Cards and NZ COVID Passes and verifies
 * each offline against trust the integrator supplies. A separate package, so that hosts that read
 * only HealthCode codes do not ship CBOR, base45 and X.509 code. Guide: docs/foreign-certificates.md.
 */
export { verifyAnyCode, detectFormat, MAX_ANY_CODE_LENGTH } from './verify-any-code.js';
export {
  type AnyCodeResult,
  type ValidAnyCode,
  type InvalidAnyCode,
  type AnyCodeFailureReason,
  type CodeFormat,
  type Certification,
  FOREIGN_FAILURE_REASONS,
} from './result.js';
export type { AnyCodeTrust, AnyCodeOptions, EuDccTrust, ShcIssuer } from './trust.js';
