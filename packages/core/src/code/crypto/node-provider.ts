import { CryptoError } from '../errors.js';
import type { Alg } from '../keys.js';
import { isWellFormedEs256Signature } from './ecdsa-signature.js';
import { KeyCache } from './key-cache.js';
import { PRIVATE_JWK_MEMBERS, pickJwkMembers } from './jwk-members.js';
import type { CryptoProvider, GeneratedKeyMaterial } from './provider.js';

// Core is built without Node typings, so the slice of node:crypto used here is declared by hand.
type NodeKey = object;
interface NodeDigest {
  update(data: Uint8Array): NodeDigest;
  digest(): Uint8Array;
}
interface NodeCryptoLike {
  createPublicKey(input: { key: object; format: 'jwk' }): NodeKey;
  createPrivateKey(input: { key: object; format: 'jwk' }): NodeKey;
  sign(algorithm: string, data: Uint8Array, key: object): Uint8Array;
  verify(algorithm: string, data: Uint8Array, key: object, signature: Uint8Array): boolean;
  generateKeyPairSync(type: 'ec' | 'rsa', options: object): { privateKey: { export(options: { format: 'jwk' }): object } };
  randomFillSync<T extends Uint8Array>(buffer: T): T;
  createHmac(algorithm: 'sha256', key: Uint8Array): NodeDigest;
  createHash(algorithm: 'sha256'): NodeDigest;
  constants: { RSA_PKCS1_PADDING: number; RSA_PKCS1_PSS_PADDING: number };
}

/** node:crypto through `process.getBuiltinModule` (Node 20.16+), or `undefined` outside Node. */
export function builtinNodeCrypto(): NodeCryptoLike | undefined {
  const proc = (globalThis as unknown as { process?: { getBuiltinModule?(id: string): unknown } }).process;
  return proc?.getBuiltinModule?.('node:crypto') as NodeCryptoLike | undefined;
}

/**
 * A {@link CryptoProvider} over node:crypto's synchronous `sign`/`verify` (OpenSSL on the calling
 * thread). On Node it verifies faster than WebCrypto, which pays a thread-pool round trip per call,
 * so {@link defaultCryptoProvider} picks it wherever `process.getBuiltinModule` can load node:crypto.
 *
 * @param nodeCrypto - the `node:crypto` module; found through `process.getBuiltinModule` when omitted
 * @throws {@link CryptoError} `unavailable` outside Node
 */
export function nodeCryptoProvider(nodeCrypto?: unknown): CryptoProvider {
  const api = (nodeCrypto ?? builtinNodeCrypto()) as NodeCryptoLike | undefined;
  if (!api || typeof api.verify !== 'function') throw new CryptoError('crypto/unavailable', 'node:crypto is not available');
  // Cached per key: the imported key inside the options node:crypto takes for its algorithm.
  const publicKeys = new KeyCache<object>();
  const privateKeys = new KeyCache<object>();
  const options = (alg: Alg, key: NodeKey): object =>
    alg === 'ES256'
      ? { key, dsaEncoding: 'ieee-p1363' }
      : alg === 'PS256'
        ? { key, padding: api.constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }
        : { key, padding: api.constants.RSA_PKCS1_PADDING };

  return {
    name: 'node',
    async sign(alg, key, data) {
      if (key.alg !== alg) throw new CryptoError('crypto/invalid_key', `key ${key.kid} is for ${key.alg}, not ${alg}`);
      try {
        const k = privateKeys.get(key, () => options(alg, api.createPrivateKey({ key: pickJwkMembers(key, PRIVATE_JWK_MEMBERS), format: 'jwk' })));
        return new Uint8Array(api.sign('sha256', data, k));
      } catch (cause) {
        throw new CryptoError('crypto/crypto_failure', `node:crypto could not sign with ${key.kid}`, { cause });
      }
    },
    async verify(alg, key, data, signature) {
      if (key.alg !== alg || (alg !== 'ES256' && alg !== 'RS256' && alg !== 'PS256')) return false;
      if (alg === 'ES256' && !isWellFormedEs256Signature(signature)) return false;
      try {
        const k = publicKeys.get(key, () => options(alg, api.createPublicKey({ key: pickJwkMembers(key, PRIVATE_JWK_MEMBERS), format: 'jwk' })));
        return api.verify('sha256', data, k, signature);
      } catch {
        return false;
      }
    },
    async generateKeyPair(alg) {
      try {
        const pair = alg === 'ES256'
          ? api.generateKeyPairSync('ec', { namedCurve: 'P-256' })
          : api.generateKeyPairSync('rsa', { modulusLength: 2048 });
        return pair.privateKey.export({ format: 'jwk' }) as GeneratedKeyMaterial;
      } catch (cause) {
        throw new CryptoError('crypto/crypto_failure', `node:crypto could not generate a ${alg} key`, { cause });
      }
    },
    hmacSha256: (key, data) => new Uint8Array(api.createHmac('sha256', key).update(data).digest()),
    sha256: (data) => new Uint8Array(api.createHash('sha256').update(data).digest()),
    randomBytes(length) {
      return api.randomFillSync(new Uint8Array(length));
    },
  };
}
