/**
 * `@healthcode/core/crypto/legacy`: the jsrsasign provider alone, for engines with neither WebCrypto
 * nor BigInt, and for RS256/PS256 where only pure JavaScript is at hand. Kept out of
 * `@healthcode/core/verify` so a checkpoint bundle carries jsrsasign only when it passes this in.
 *
 * @example
 * ```ts
 * import { verifyCode } from '@healthcode/core/verify';
 * import { jsrsasignCryptoProvider } from '@healthcode/core/crypto/legacy';
 *
 * const crypto = jsrsasignCryptoProvider();
 * const result = await verifyCode(scannedText, { trust, crypto });
 * ```
 *
 * @packageDocumentation
 */
export { jsrsasignCryptoProvider } from '../code/crypto/jsrsasign-provider.js';
export type { CryptoProvider } from '../code/crypto/provider.js';
