/** The P-256 group order n, big-endian, for building out-of-range signatures. */
const P256_ORDER_HEX = 'ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551';

function hexBytes(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));
}

function derInteger(value: Uint8Array): number[] {
  let v = Array.from(value);
  while (v.length > 1 && v[0] === 0) v = v.slice(1);
  if (v[0]! & 0x80) v = [0, ...v];
  return [0x02, v.length, ...v];
}

/** The DER (ASN.1 `ECDSA-Sig-Value`) form of a 64-byte `r‖s` signature. */
export function toDerSignature(rs: Uint8Array): Uint8Array {
  const body = [...derInteger(rs.subarray(0, 32)), ...derInteger(rs.subarray(32))];
  return Uint8Array.from([0x30, body.length, ...body]);
}

/**
 * Malformed variants of a valid ES256 signature that every verifier must refuse, named for
 * test titles: DER form, wrong lengths, zero and out-of-range `r`/`s` (CVE-2022-21449 and kin).
 */
export function es256SignatureForgeries(valid: Uint8Array): [string, Uint8Array][] {
  const r = valid.subarray(0, 32);
  const s = valid.subarray(32);
  const n = hexBytes(P256_ORDER_HEX);
  const ones = new Uint8Array(32).fill(0xff);
  const zero = new Uint8Array(32);
  const join = (a: Uint8Array, b: Uint8Array) => Uint8Array.from([...a, ...b]);
  return [
    ['the DER encoding of the valid signature', toDerSignature(valid)],
    ['a 63-byte signature', valid.subarray(0, 63)],
    ['a 65-byte signature', Uint8Array.from([...valid, 0])],
    ['an empty signature', new Uint8Array(0)],
    ['r = s = 0', new Uint8Array(64)],
    ['r = 0', join(zero, s)],
    ['s = 0', join(r, zero)],
    ['r = n', join(n, s)],
    ['s = n', join(r, n)],
    ['s = 2^256 - 1', join(r, ones)],
  ];
}
