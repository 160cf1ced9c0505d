import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

/** A P-256 key pair made for this test run: no vector depends on a key anyone else holds. */
export interface TestKey {
  privateKey: KeyObject;
  publicJwk: { kty: 'EC'; crv: 'P-256'; x: string; y: string };
  spki: Uint8Array;
}

export function newP256Key(): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = publicKey.export({ format: 'jwk' });
  return { privateKey, publicJwk: { kty: 'EC', crv: 'P-256', x: jwk.x!, y: jwk.y! }, spki: publicKey.export({ type: 'spki', format: 'der' }) };
}

/** An ES256 signature in the r‖s form that JWS and COSE both use. */
export const es256 = (key: TestKey, data: Uint8Array): Uint8Array => sign('sha256', data, { key: key.privateKey, dsaEncoding: 'ieee-p1363' });
