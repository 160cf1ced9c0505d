import type { CryptoProvider } from '../crypto/provider.js';
import type { Alg, PrivateJwk } from '../keys.js';
import { base64urlDecode, base64urlEncode, base64urlEncodeInto, base64urlLength } from './base64url.js';
import { parseJsonObject } from './json.js';
import { utf8Encode } from './utf8.js';

/** The three parts of a compact JWS (RFC 7515 §7.1), decoded. */
export interface DecodedJws {
  /** The protected header's JSON bytes. */
  headerBytes: Uint8Array;
  /** The parsed protected header. */
  header: Record<string, unknown>;
  /** The payload bytes. */
  payloadBytes: Uint8Array;
  /** The raw signature bytes. */
  signature: Uint8Array;
  /** The ASCII bytes of `BASE64URL(header) '.' BASE64URL(payload)`, what the signature covers. */
  signingInput: Uint8Array;
}

/** The ASCII bytes of `BASE64URL(header) '.' BASE64URL(payload)`, built without intermediate strings. */
function signingInputOf(header: Uint8Array, payload: Uint8Array): Uint8Array {
  const h = base64urlLength(header.length);
  const out = new Uint8Array(h + 1 + base64urlLength(payload.length));
  base64urlEncodeInto(header, out, 0);
  out[h] = 0x2e; // '.'
  base64urlEncodeInto(payload, out, h + 1);
  return out;
}

/**
 * Assembles decoded JWS parts, parsing the header. Returns `undefined` when the header or the
 * signature is empty, or the header is not a UTF-8 JSON object.
 */
export function jwsFromParts(headerBytes: Uint8Array, payloadBytes: Uint8Array, signature: Uint8Array): DecodedJws | undefined {
  if (headerBytes.length === 0 || signature.length === 0) return undefined;
  const header = parseJsonObject(headerBytes);
  if (!header) return undefined;
  return { headerBytes, header, payloadBytes, signature, signingInput: signingInputOf(headerBytes, payloadBytes) };
}

/**
 * Splits and decodes a compact JWS. Returns `undefined` unless it has exactly three canonical
 * base64url segments and the header is a UTF-8 JSON object.
 */
export function decodeCompactJws(jws: string): DecodedJws | undefined {
  const parts = jws.split('.');
  if (parts.length !== 3) return undefined;
  const [headerBytes, payloadBytes, signature] = parts.map(base64urlDecode);
  if (!headerBytes || !payloadBytes || !signature) return undefined;
  return jwsFromParts(headerBytes, payloadBytes, signature);
}

/** Assembles a compact JWS from its decoded parts. */
export function encodeCompactJws(headerBytes: Uint8Array, payloadBytes: Uint8Array, signature: Uint8Array): string {
  return `${base64urlEncode(headerBytes)}.${base64urlEncode(payloadBytes)}.${base64urlEncode(signature)}`;
}

/** Signs a JSON payload as a compact JWS with header `{ alg, typ, kid }` (in that order). */
export async function signCompactJws(typ: string, payload: object, key: PrivateJwk, crypto: CryptoProvider): Promise<string> {
  const alg: Alg = key.alg;
  const h = base64urlEncode(utf8Encode(JSON.stringify({ alg, typ, kid: key.kid })));
  const p = base64urlEncode(utf8Encode(JSON.stringify(payload)));
  const signature = await crypto.sign(alg, key, utf8Encode(`${h}.${p}`));
  return `${h}.${p}.${base64urlEncode(signature)}`;
}
