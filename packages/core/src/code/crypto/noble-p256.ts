// ES256 on @noble/curves, in a module of its own: it is loaded (import()) only once the engine is
// known to have BigInt, because noble calls BigInt() while it loads and would fail on an engine
// without it.
import { ecdsa, weierstrassN, type WeierstrassPoint } from '@noble/curves/abstract/weierstrass.js';
import { bytesToNumberBE } from '@noble/curves/utils.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { base64urlDecode, base64urlEncode } from '../jws/base64url.js';
import type { PrivateJwk, PublicJwk } from '../keys.js';
import { CryptoError } from '../errors.js';
import { secureRandomBytes } from './secure-random.js';

// The curve is built here from its domain parameters (FIPS 186-4 §D.1.2.3, SEC 2 secp256r1) rather
// than taken from '@noble/curves/nist', which also builds P-384 and P-521 and so pulls SHA-512 and
// its BigInt constants into the hashes that load before BigInt is known to exist.
const hex = (digits: string) => BigInt(`0x${digits}`);
const p256 = ecdsa(
  weierstrassN({
    p: hex('ffffffff00000001000000000000000000000000ffffffffffffffffffffffff'),
    n: hex('ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551'),
    h: BigInt(1),
    a: hex('ffffffff00000001000000000000000000000000fffffffffffffffffffffffc'),
    b: hex('5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b'),
    Gx: hex('6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296'),
    Gy: hex('4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5'),
  }),
  sha256,
  { lowS: false, randomBytes: (length = 32) => secureRandomBytes(length) },
);

const { Point } = p256;
const Fn = Point.Fn;
// Window of the per-key table of multiples: a verifier checks many codes under few keys, so each
// key pays once for a table (about 65 x 8 points, some hundred KiB) that makes u2·Q as cheap as u1·G.
const PUBLIC_KEY_WINDOW = 4;

/** A P-256 public point, checked to lie on the curve. */
export type P256PublicKey = WeierstrassPoint<bigint>;

/**
 * The point of a P-256 JWK, checked to lie on the curve, or `undefined`: coordinates of p or more
 * and points off the curve ("invalid curve" keys) are refused. Its multiples are tabled lazily.
 */
export function p256PublicKey(jwk: PublicJwk): P256PublicKey | undefined {
  const x = jwk.x === undefined ? undefined : base64urlDecode(jwk.x);
  const y = jwk.y === undefined ? undefined : base64urlDecode(jwk.y);
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || x?.length !== 32 || y?.length !== 32) return undefined;
  const encoded = new Uint8Array(65);
  encoded[0] = 4;
  encoded.set(x, 1);
  encoded.set(y, 33);
  try {
    return Point.fromBytes(encoded).precompute(PUBLIC_KEY_WINDOW);
  } catch {
    return undefined;
  }
}

/**
 * ECDSA P-256 / SHA-256 verification (SEC 1 §4.1.4) of a 64-byte `r‖s` signature whose `r` and `s`
 * the caller has already checked to lie in `[1, n-1]`. It is noble's own `verify` but for the point,
 * which comes with its table of multiples instead of being decoded afresh for every signature. High-S
 * signatures are accepted, as by WebCrypto and OpenSSL (RFC 7518 does not ask for low S).
 */
export function verifyP256(publicKey: P256PublicKey, data: Uint8Array, signature: Uint8Array): boolean {
  const r = bytesToNumberBE(signature.subarray(0, 32));
  const sInverse = Fn.inv(bytesToNumberBE(signature.subarray(32, 64)));
  // For SHA-256 on a 256-bit group the whole digest is the integer e (no truncation).
  const e = Fn.create(bytesToNumberBE(sha256(data)));
  const R = Point.BASE.multiplyUnsafe(Fn.mul(e, sInverse)).add(publicKey.multiplyUnsafe(Fn.mul(r, sInverse)));
  // u1·G + u2·Q is infinity only for a forgery; it has no x coordinate to compare.
  return !R.is0() && Fn.create(R.toAffine().x) === r;
}

/** A deterministic (RFC 6979) ES256 signature, `r‖s`, of `data` by the JWK's `d`. */
export function signP256(key: PrivateJwk, data: Uint8Array): Uint8Array {
  const d = base64urlDecode(key.d);
  if (d?.length !== 32) throw new CryptoError('crypto/invalid_key', 'd is not a 32-byte P-256 scalar');
  return p256.sign(sha256(data), d, { prehash: false, lowS: false }).toBytes('compact');
}

/** A fresh P-256 key pair as JWK members, from `crypto.getRandomValues` reduced to a scalar without bias. */
export function p256KeyPair(): { kty: 'EC'; crv: 'P-256'; x: string; y: string; d: string } {
  const d = p256.utils.randomSecretKey();
  const point = p256.getPublicKey(d, false);
  return {
    kty: 'EC',
    crv: 'P-256',
    x: base64urlEncode(point.subarray(1, 33)),
    y: base64urlEncode(point.subarray(33, 65)),
    d: base64urlEncode(d),
  };
}
