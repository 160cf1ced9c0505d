import { CryptoError } from '../errors.js';
import type { Alg } from '../keys.js';
import { hasBigInt } from './bigint.js';
import { isWellFormedEs256Signature } from './ecdsa-signature.js';
import { jsDigests } from './js-digests.js';
import { KeyCache } from './key-cache.js';
import type { CryptoProvider } from './provider.js';
import { secureRandomBytes } from './secure-random.js';

type NobleP256 = typeof import('./noble-p256.js');
type P256PublicKey = import('./noble-p256.js').P256PublicKey;

let p256Module: Promise<NobleP256> | undefined;
// Loaded on first use: noble calls BigInt() as it loads, so it may only load once BigInt is known to exist.
function loadP256(): Promise<NobleP256> {
  p256Module ??= import('./noble-p256.js').catch((cause: unknown) => {
    p256Module = undefined;
    throw new CryptoError('crypto/unavailable', 'could not load @noble/curves', { cause });
  });
  return p256Module;
}

/** Options of {@link nobleCryptoProvider}. */
export interface NobleCryptoProviderOptions {
  /**
   * The provider RS256 and PS256 are handed to (noble does ES256 only), e.g. `jsrsasignCryptoProvider()`.
   * Without one, RSA operations throw {@link CryptoError} `unavailable`.
   */
  rsa?: CryptoProvider;
}

/**
 * A {@link CryptoProvider} for ES256 on @noble/curves, in pure JavaScript over BigInt: for engines
 * without WebCrypto that have BigInt (most current mini-program engines). An ES256 verification
 * takes about 2 ms with a JIT and a few ms without one, several times faster than
 * {@link jsrsasignCryptoProvider}. Signatures are deterministic (RFC 6979); like WebCrypto and
 * OpenSSL it accepts high-S signatures. Signing needs no random source; key generation and
 * `randomBytes` need `crypto.getRandomValues`.
 *
 * @throws {@link CryptoError} `unavailable` on an engine without BigInt
 * @example
 * ```ts
 * import { verifyCode } from '@healthcode/core';
 * import { jsrsasignCryptoProvider, nobleCryptoProvider } from '@healthcode/core/code';
 *
 * const crypto = nobleCryptoProvider({ rsa: jsrsasignCryptoProvider() });
 * const result = await verifyCode(scannedText, { trust, crypto });
 * ```
 */
export function nobleCryptoProvider(options: NobleCryptoProviderOptions = {}): CryptoProvider {
  if (!hasBigInt()) throw new CryptoError('crypto/unavailable', '@noble/curves needs BigInt, which this engine lacks');
  const { rsa } = options;
  // null marks a JWK whose point is not on the curve, so it is refused without decoding it again.
  const publicKeys = new KeyCache<P256PublicKey | null>();
  const rsaProvider = (alg: Alg): CryptoProvider => {
    if (!rsa) throw new CryptoError('crypto/unavailable', `the noble provider does ES256 only; pass options.rsa for ${alg}`);
    return rsa;
  };

  return {
    name: 'noble',
    async sign(alg, key, data) {
      if (key.alg !== alg) throw new CryptoError('crypto/invalid_key', `key ${key.kid} is for ${key.alg}, not ${alg}`);
      if (alg !== 'ES256') return rsaProvider(alg).sign(alg, key, data);
      const p256 = await loadP256();
      try {
        return p256.signP256(key, data);
      } catch (cause) {
        throw new CryptoError('crypto/crypto_failure', `noble could not sign with ${key.kid}`, { cause });
      }
    },
    async verify(alg, key, data, signature) {
      if (key.alg !== alg) return false;
      if (alg !== 'ES256') return rsaProvider(alg).verify(alg, key, data, signature);
      // Before any curve arithmetic: zero, out-of-range (CVE-2022-21449) and DER signatures.
      if (!isWellFormedEs256Signature(signature)) return false;
      const p256 = await loadP256();
      const publicKey = publicKeys.get(key, () => p256.p256PublicKey(key) ?? null);
      return publicKey !== null && p256.verifyP256(publicKey, data, signature);
    },
    async generateKeyPair(alg) {
      if (alg !== 'ES256') return rsaProvider(alg).generateKeyPair(alg);
      const p256 = await loadP256();
      return p256.p256KeyPair();
    },
    ...jsDigests,
    randomBytes: secureRandomBytes,
  };
}
