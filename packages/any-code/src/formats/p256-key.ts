import { parsePublicJwk, type PublicJwk } from '@healthcode/core';

/**
 * A JWK from an issuer's key set or DID document as an ES256 key the crypto providers take;
 * `undefined` unless it is a well-formed P-256 public key (members other than x and y are ignored).
 */
export function p256PublicKey(jwk: unknown, kid: string): PublicJwk | undefined {
  const { kty, crv, x, y } = (jwk ?? {}) as Record<string, unknown>;
  if (kty !== 'EC' || crv !== 'P-256') return undefined;
  try {
    return parsePublicJwk({ kty, crv, kid, alg: 'ES256', x, y });
  } catch {
    return undefined;
  }
}
