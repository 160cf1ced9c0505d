import { defaultCryptoProvider, type CryptoProvider } from '@healthcode/core/code';

/**
 * `bytes` random bytes as lower-case hex, from `crypto.randomBytes`: the injected provider's CSPRNG,
 * else the default one (node:crypto in Node). Tokens are secrets, so there is no weak fallback.
 *
 * @throws CryptoError `no_secure_random` when the provider has no secure source
 */
export function randomHex(bytes: number, crypto: CryptoProvider = defaultCryptoProvider()): string {
  return Array.from(crypto.randomBytes(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A fresh identifier such as `dcl_3f9a…`: a type prefix and 96 random bits. */
export function newId(prefix: string, crypto?: CryptoProvider): string {
  return `${prefix}_${randomHex(12, crypto)}`;
}

/** A fresh bearer token: 256 random bits. */
export function newToken(crypto?: CryptoProvider): string {
  return randomHex(32, crypto);
}
