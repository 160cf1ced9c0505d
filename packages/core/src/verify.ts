/**
 * `@healthcode/core/verify`: offline verification alone, for checkpoint scanners that should ship
 * nothing else. Its CommonJS build and everything it requires stay small (no schema library, no
 * jsrsasign): it verifies with node:crypto or WebCrypto where the engine has them, else ES256 on
 * @noble/curves where it has BigInt. On an engine with neither, pass a provider from
 * `@healthcode/core/crypto/legacy`; without one, codes are refused with `unsupported_engine` and
 * `verifyTrustList` throws {@link CryptoError} `unavailable`.
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
import { builtinCryptoProvider } from './code/crypto/builtin-provider.js';
import { trustListVerifier } from './code/trust/verify.js';
import { codeVerifier } from './code/verify.js';

/**
 * Verifies health-code QR text against a trust list; never throws (see `verifyCode` in
 * `@healthcode/core/code`). Without `opts.crypto` it uses {@link builtinCryptoProvider}, and
 * answers `unsupported_engine` where there is none.
 */
export const verifyCode = codeVerifier(builtinCryptoProvider);

/**
 * Verifies a signed trust list against the pinned root key(s) and returns it deeply frozen (see
 * `verifyTrustList` in `@healthcode/core/code`). Without `opts.crypto` it uses
 * {@link builtinCryptoProvider}.
 *
 * @throws {@link TrustListError} with the reason as `code`; {@link CryptoError} `unavailable` when
 *   no provider can check the signature
 */
export const verifyTrustList = trustListVerifier(builtinCryptoProvider);

export { builtinCryptoProvider };
export {
  VERIFY_FAILURE_REASONS,
  DEFAULT_CLOCK_SKEW_SECONDS,
  type VerifyOptions,
  type VerifyResult,
  type ValidCode,
  type InvalidCode,
  type VerifyFailureReason,
} from './code/verify.js';
export type { VerifyTrustListOptions } from './code/trust/verify.js';
export type { TrustList, TrustedIssuer, TrustedKey } from './code/trust/trust-list.js';
export type { PublicJwk } from './code/keys.js';
export type { CryptoProvider } from './code/crypto/provider.js';
export { CryptoError, TrustListError } from './code/errors.js';
