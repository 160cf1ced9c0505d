import { defaultCryptoProvider } from './crypto/default-provider.js';
import { trustListVerifier } from './trust/verify.js';
import { codeVerifier } from './verify.js';

/**
 * Verifies health-code QR text against a trust list. Never throws: every input, however broken,
 * gets a {@link VerifyResult}; a refusal carries a stable {@link VerifyFailureReason}. Without
 * `opts.crypto` it uses {@link defaultCryptoProvider}.
 *
 * Order of checks: size, options, trust list (valid, not expired), QR text and JWS syntax, header
 * policy, claims, issuer, key, key revocation, signature, key window, region, code revocation, time
 * (docs/code-format.md, "Verification").
 *
 * @example
 * ```ts
 * import { verifyCode } from '@healthcode/core';
 *
 * const result = await verifyCode(scannedText, { trust });
 * if (!result.valid) console.log(result.reason);
 * ```
 */
export const verifyCode = codeVerifier(defaultCryptoProvider);

/**
 * Verifies a signed trust list against the pinned root key(s) and returns it (deeply frozen), so a
 * list fetched over an untrusted channel can be used only if the root signed it. Without
 * `opts.crypto` it uses {@link defaultCryptoProvider}.
 *
 * @param rootKey - the pinned root public key, or several during a root rotation (chosen by `kid`)
 * @throws {@link TrustListError} with the reason as `code`
 * @example
 * ```ts
 * import { verifyTrustList } from '@healthcode/core';
 *
 * // minSequence: the highest sequence this checkpoint accepted before, so an older list is refused.
 * const trust = await verifyTrustList(signedTrustList, rootPublicKey, { minSequence: 41 });
 * ```
 */
export const verifyTrustList = trustListVerifier(defaultCryptoProvider);
