/**
 * `@healthcode/core/verify`: offline verification alone, for checkpoint scanners that
 * should ship nothing else.
 *
 * @example
 * ```ts
 * import { verifyCode, verifyTrustList } from '@healthcode/core/verify';
 *
 * const trust = await verifyTrustList(signedTrustList, rootPublicKey);
 * const result = await verifyCode(scannedText, { trust });
 * if (result.valid) console.log(result.status);
 * ```
 *
 * @packageDocumentation
 */
export {
  verifyCode,
  verifyTrustList,
  VERIFY_FAILURE_REASONS,
  DEFAULT_CLOCK_SKEW_SECONDS,
  type VerifyOptions,
  type VerifyResult,
  type ValidCode,
  type InvalidCode,
  type VerifyFailureReason,
  type VerifyTrustListOptions,
  type TrustList,
  type TrustedIssuer,
  type TrustedKey,
  type PublicJwk,
} from './code/index.js';
