import { constants, createHmac, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import type { Alg, PrivateJwk } from '@healthcode/core/code';
import type { PublicJwk } from '@healthcode/core';
import type { SignatureOracle } from '@healthcode/test-utils';

function options(alg: Alg, key: KeyObject) {
  if (alg === 'ES256') return { key, dsaEncoding: 'ieee-p1363' as const };
  if (alg === 'PS256') return { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 };
  return { key, padding: constants.RSA_PKCS1_PADDING };
}

/** node:crypto (OpenSSL) as an independent signature oracle. */
export const nodeOracle: SignatureOracle = {
  name: 'node:crypto',
  sign(alg: Alg, jwk: PrivateJwk, data: Uint8Array) {
    return new Uint8Array(sign('sha256', data, options(alg, createPrivateKey({ key: { ...jwk }, format: 'jwk' }))));
  },
  verify(alg: Alg, jwk: PublicJwk, data: Uint8Array, signature: Uint8Array) {
    return verify('sha256', data, options(alg, createPublicKey({ key: { ...jwk }, format: 'jwk' })), signature);
  },
  hmacSha256(key: Uint8Array, data: Uint8Array) {
    return new Uint8Array(createHmac('sha256', key).update(data).digest());
  },
};
