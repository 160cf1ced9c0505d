// The P-256 group order n, big-endian.
const P256_ORDER = [
  0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xbc, 0xe6, 0xfa, 0xad, 0xa7, 0x17, 0x9e,
  0x84, 0xf3, 0xb9, 0xca, 0xc2, 0xfc, 0x63, 0x25, 0x51,
];

/** Byte length of an ES256 signature: r and s, 32 bytes each. */
const ES256_SIGNATURE_LENGTH = 64;

/** Whether the 32-byte big-endian integer at `bytes[at]` is in `[1, n-1]`. */
function inRange(bytes: Uint8Array, at: number): boolean {
  let zero = true;
  for (let i = at; i < at + 32 && zero; i++) zero = bytes[i] === 0;
  if (zero) return false;
  for (let i = 0; i < 32; i++) {
    const b = bytes[at + i]!;
    if (b !== P256_ORDER[i]!) return b < P256_ORDER[i]!;
  }
  return false; // equal to n
}

/**
 * Whether `signature` has the shape of an ES256 signature: exactly 64 bytes, `r‖s`, with
 * `1 <= r, s < n`. Checked before any crypto library sees the signature, because some have
 * accepted `r = s = 0` (CVE-2022-21449) or silently parsed DER.
 */
export function isWellFormedEs256Signature(signature: Uint8Array): boolean {
  return signature.length === ES256_SIGNATURE_LENGTH && inRange(signature, 0) && inRange(signature, 32);
}
