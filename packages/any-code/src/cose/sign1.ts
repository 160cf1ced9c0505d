import type { Alg, CryptoProvider } from '@healthcode/core/code';
import type { PublicJwk } from '@healthcode/core';
import { decodeCbor, encodeCborArray, entry } from './cbor.js';

/** COSE algorithm ids (RFC 9053, RFC 8230) of the algorithms the core crypto providers verify. */
const ALGORITHMS = new Map<number, Alg>([
  [-7, 'ES256'],
  [-37, 'PS256'],
]);

/** A COSE_Sign1 (RFC 9052 §4.2), its headers decoded and its payload still CBOR. */
export interface CoseSign1 {
  protectedBytes: Uint8Array;
  /** `undefined` for an algorithm the verifier does not support. */
  alg: Alg | undefined;
  kid: Uint8Array | undefined;
  payload: Uint8Array;
  signature: Uint8Array;
}

const isBytes = (v: unknown): v is Uint8Array => v instanceof Uint8Array;

/**
 * Parses a COSE_Sign1; `undefined` unless it is a 4-array of protected header bytes, unprotected
 * header map, payload and signature bytes. `alg` and `kid` are read from the protected header,
 * else from the unprotected one, as the EU DCC specification allows. An unprotected `alg` cannot
 * be turned against the verifier: each trusted key serves one algorithm only.
 */
export function parseCoseSign1(bytes: Uint8Array): CoseSign1 | undefined {
  const item = decodeCbor(bytes);
  if (!Array.isArray(item) || item.length !== 4) return undefined;
  const [protectedBytes, unprotected, payload, signature] = item as unknown[];
  if (!isBytes(protectedBytes) || !(unprotected instanceof Map) || !isBytes(payload) || !isBytes(signature)) return undefined;
  const protectedMap = protectedBytes.length === 0 ? new Map() : decodeCbor(protectedBytes);
  if (!(protectedMap instanceof Map)) return undefined;
  const kid = entry(protectedMap, 4) ?? entry(unprotected, 4);
  if (kid !== undefined && !isBytes(kid)) return undefined;
  const algId = entry(protectedMap, 1) ?? entry(unprotected, 1);
  return { protectedBytes, alg: typeof algId === 'number' ? ALGORITHMS.get(algId) : undefined, kid, payload, signature };
}

/** Whether `key` (whose `alg` must be the header's) signed `sign1` (the `Signature1` structure of RFC 9052 §4.4, no external data). */
export function verifyCoseSign1(sign1: CoseSign1 & { alg: Alg }, key: PublicJwk, crypto: CryptoProvider): Promise<boolean> {
  const toBeSigned = encodeCborArray(['Signature1', sign1.protectedBytes, new Uint8Array(0), sign1.payload]);
  return crypto.verify(sign1.alg, key, toBeSigned, sign1.signature);
}
