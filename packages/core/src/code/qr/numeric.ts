/** Bytes per full group and the decimal digits that carry it. */
const GROUP_BYTES = 7;
/** DIGITS[k]: digits for a group of k bytes, ceil(8k·log10 2), enough for any value below 256^k. */
const DIGITS = [0, 3, 5, 8, 10, 13, 15, 17] as const;

/**
 * Encodes bytes as decimal digits for QR numeric mode: each group of 7 bytes (the last may be
 * shorter, k bytes) is read as a big-endian unsigned integer and written as exactly DIGITS[k]
 * decimal digits, zero-padded on the left. Plain arithmetic on byte arrays (no BigInt), so it runs
 * in engines that lack BigInt.
 */
export function bytesToDigits(bytes: Uint8Array): string {
  let out = '';
  for (let start = 0; start < bytes.length; start += GROUP_BYTES) {
    const group = Array.from(bytes.subarray(start, start + GROUP_BYTES));
    let digits = '';
    for (let d = 0; d < DIGITS[group.length]!; d++) {
      let rem = 0;
      for (let i = 0; i < group.length; i++) {
        const cur = rem * 256 + group[i]!;
        group[i] = Math.floor(cur / 10);
        rem = cur % 10;
      }
      digits = String(rem) + digits;
    }
    out += digits;
  }
  return out;
}

const TWO_32 = 2 ** 32;

/**
 * Inverse of {@link bytesToDigits}. Returns `undefined` unless the text is only ASCII digits, its
 * length is 17·m + DIGITS[k] for some m and k, and every group is below 256^k, so each byte string
 * has exactly one accepted digit form.
 */
export function digitsToBytes(text: string): Uint8Array | undefined {
  const full = Math.floor(text.length / DIGITS[GROUP_BYTES]);
  const lastBytes = DIGITS.indexOf((text.length % DIGITS[GROUP_BYTES]) as (typeof DIGITS)[number]);
  if (lastBytes < 0) return undefined;
  const out = new Uint8Array(full * GROUP_BYTES + lastBytes);
  let o = 0;
  for (let pos = 0; pos < text.length; ) {
    const k = pos + DIGITS[GROUP_BYTES] <= text.length ? GROUP_BYTES : lastBytes;
    const end = pos + DIGITS[k]!;
    // The group value as hi·2^32 + lo; every intermediate stays below 2^53, so doubles are exact.
    let hi = 0;
    let lo = 0;
    for (; pos < end; pos++) {
      const digit = text.charCodeAt(pos) - 48;
      if (digit < 0 || digit > 9) return undefined;
      const t = lo * 10 + digit;
      lo = t % TWO_32;
      hi = hi * 10 + Math.floor(t / TWO_32);
    }
    if (k > 4 ? hi >= 2 ** (8 * k - 32) : hi !== 0 || lo >= 2 ** (8 * k)) return undefined;
    for (let i = k - 1; i >= 0; i--) {
      if (i >= k - 4) {
        out[o + i] = lo & 0xff;
        lo = Math.floor(lo / 256);
      } else {
        out[o + i] = hi & 0xff;
        hi = Math.floor(hi / 256);
      }
    }
    o += k;
  }
  return out;
}
