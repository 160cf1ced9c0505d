import { CryptoError } from '../errors.js';
import type { Alg, PrivateJwk, PublicJwk } from '../keys.js';
import { isWellFormedEs256Signature } from './ecdsa-signature.js';
import { jsDigests } from './js-digests.js';
import { KeyCache } from './key-cache.js';
import { PRIVATE_JWK_MEMBERS, PUBLIC_JWK_MEMBERS, pickJwkMembers } from './jwk-members.js';
import type { CryptoProvider, GeneratedKeyMaterial } from './provider.js';
import { secureRandomBytes } from './secure-random.js';

// Core is built without DOM typings, so the slice of WebCrypto used here is declared by hand.
type OpaqueKey = object;
interface JsonWebKeyLike {
  [member: string]: unknown;
}
/** The part of WebCrypto's `SubtleCrypto` that the provider calls. */
export interface SubtleCryptoLike {
  importKey(format: 'jwk', key: JsonWebKeyLike, algorithm: object, extractable: boolean, usages: string[]): Promise<OpaqueKey>;
  sign(algorithm: object, key: OpaqueKey, data: Uint8Array): Promise<ArrayBuffer>;
  verify(algorithm: object, key: OpaqueKey, signature: Uint8Array, data: Uint8Array): Promise<boolean>;
  generateKey(algorithm: object, extractable: boolean, usages: string[]): Promise<{ privateKey: OpaqueKey }>;
  exportKey(format: 'jwk', key: OpaqueKey): Promise<JsonWebKeyLike>;
}
interface WebCryptoLike {
  subtle?: SubtleCryptoLike;
}

/** `globalThis.crypto` when the engine has WebCrypto with `subtle`, else `undefined`. */
export function globalWebCrypto(): (WebCryptoLike & { subtle: SubtleCryptoLike }) | undefined {
  const c = (globalThis as unknown as { crypto?: WebCryptoLike }).crypto;
  return c?.subtle ? (c as WebCryptoLike & { subtle: SubtleCryptoLike }) : undefined;
}

const SHA256 = { name: 'SHA-256' };
const IMPORT_PARAMS: Record<Alg, object> = {
  ES256: { name: 'ECDSA', namedCurve: 'P-256' },
  RS256: { name: 'RSASSA-PKCS1-v1_5', hash: SHA256 },
  PS256: { name: 'RSA-PSS', hash: SHA256 },
};
const SIGN_PARAMS: Record<Alg, object> = {
  ES256: { name: 'ECDSA', hash: SHA256 },
  RS256: { name: 'RSASSA-PKCS1-v1_5' },
  PS256: { name: 'RSA-PSS', saltLength: 32 },
};
/**
 * A {@link CryptoProvider} over WebCrypto (`crypto.subtle`): browsers, Node 20+, Deno, Bun, workers.
 *
 * @param subtle - the `SubtleCrypto` to use; defaults to `globalThis.crypto.subtle`
 * @throws {@link CryptoError} `unavailable` when there is no WebCrypto to use
 */
export function webCryptoProvider(subtle?: unknown): CryptoProvider {
  const api = (subtle ?? globalWebCrypto()?.subtle) as SubtleCryptoLike | undefined;
  if (!api || typeof api.verify !== 'function') throw new CryptoError('crypto/unavailable', 'WebCrypto (crypto.subtle) is not available');
  const verifyKeys = new KeyCache<Promise<OpaqueKey>>();
  const signKeys = new KeyCache<Promise<OpaqueKey>>();

  const importFor = (alg: Alg, jwk: PublicJwk | PrivateJwk, usage: 'sign' | 'verify'): Promise<OpaqueKey> =>
    (usage === 'sign' ? signKeys : verifyKeys).get(jwk, () =>
      api.importKey('jwk', pickJwkMembers(jwk, usage === 'sign' ? PRIVATE_JWK_MEMBERS : PUBLIC_JWK_MEMBERS), IMPORT_PARAMS[alg], false, [usage]),
    );

  return {
    name: 'webcrypto',
    async sign(alg, key, data) {
      if (key.alg !== alg) throw new CryptoError('crypto/invalid_key', `key ${key.kid} is for ${key.alg}, not ${alg}`);
      try {
        return new Uint8Array(await api.sign(SIGN_PARAMS[alg], await importFor(alg, key, 'sign'), data));
      } catch (cause) {
        throw new CryptoError('crypto/crypto_failure', `WebCrypto could not sign with ${key.kid}`, { cause });
      }
    },
    async verify(alg, key, data, signature) {
      if (key.alg !== alg || !(alg in SIGN_PARAMS)) return false;
      if (alg === 'ES256' && !isWellFormedEs256Signature(signature)) return false;
      try {
        return await api.verify(SIGN_PARAMS[alg], await importFor(alg, key, 'verify'), signature, data);
      } catch {
        return false;
      }
    },
    async generateKeyPair(alg) {
      const params = alg === 'ES256'
        ? IMPORT_PARAMS.ES256
        : { ...IMPORT_PARAMS[alg], modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) };
      try {
        const pair = await api.generateKey(params, true, ['sign', 'verify']);
        return pickJwkMembers((await api.exportKey('jwk', pair.privateKey)) as unknown as PrivateJwk, PRIVATE_JWK_MEMBERS) as unknown as GeneratedKeyMaterial;
      } catch (cause) {
        throw new CryptoError('crypto/crypto_failure', `WebCrypto could not generate a ${alg} key`, { cause });
      }
    },
    // SubtleCrypto only digests asynchronously; these are synchronous, so @noble/hashes computes them.
    ...jsDigests,
    randomBytes: secureRandomBytes,
  };
}
