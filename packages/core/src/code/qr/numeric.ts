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
/** 10^8 = 2^8 · 5^8: how a group's value is split so every product stays an exact double. */
const FIVE_POW_8 = 390_625;
/** Q_LIMIT[k] = 256^(k-1): a k-byte group's value v = q·256 + b is below 256^k iff q is below this. */
const Q_LIMIT = DIGITS.map((_, k) => (k === 0 ? 0 : 2 ** (8 * (k - 1))));

/** The value of the ASCII digits text[from, to), or -1 if one is not a digit; at most 15 digits. */
function digitValue(text: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    v = v * 10 + digit;
  }
  return v;
}

/** How many bytes {@link digitsToBytes} needs to decode `digits` decimal digits. */
export function digitsByteLength(digits: number): number {
  return Math.ceil(digits / DIGITS[GROUP_BYTES]) * GROUP_BYTES;
}

/**
 * Inverse of {@link bytesToDigits}, reading `text` from `offset`. Returns `undefined` unless the
 * text is only ASCII digits, its length is 17·m + DIGITS[k] for some m and k, and every group is
 * below 256^k, so each byte string has exactly one accepted digit form.
 *
 * @param into - where to write the bytes if it has room (the result is then a view of it);
 *   a new array otherwise
 */
export function digitsToBytes(text: string, offset = 0, into?: Uint8Array): Uint8Array | undefined {
  const length = text.length - offset;
  const full = Math.floor(length / DIGITS[GROUP_BYTES]);
  const lastBytes = DIGITS.indexOf((length % DIGITS[GROUP_BYTES]) as (typeof DIGITS)[number]);
  if (length < 0 || lastBytes < 0) return undefined;
  const size = full * GROUP_BYTES + lastBytes;
  const out = into && into.length >= size ? into.subarray(0, size) : new Uint8Array(size);
  let o = 0;
  for (let pos = offset; pos < text.length;) {
    const k = pos + DIGITS[GROUP_BYTES] <= text.length ? GROUP_BYTES : lastBytes;
    const end = pos + DIGITS[k]!;
    // A group of up to 17 digits may exceed 2^53, so it is read as hi·10^8 + lo (each an exact
    // double) and rewritten as q·256 + last byte, where q = hi·5^8 + floor(lo / 256) < 2^53.
    const split = end - 8 > pos ? end - 8 : pos;
    const hi = digitValue(text, pos, split);
    const lo = digitValue(text, split, end);
    if (hi < 0 || lo < 0) return undefined;
    const q = hi * FIVE_POW_8 + ((lo / 256) | 0); // lo < 10^8 < 2^31, so | 0 floors it
    if (q >= Q_LIMIT[k]!) return undefined;
    const qLow = q >>> 0; // q mod 2^32, exact for integers below 2^53
    const qHigh = (q - qLow) / TWO_32;
    out[o + k - 1] = lo & 0xff;
    for (let j = 0; j < k - 1; j++) out[o + k - 2 - j] = j < 4 ? (qLow >>> (8 * j)) & 0xff : (qHigh >>> (8 * (j - 4))) & 0xff;
    pos = end;
    o += k;
  }
  return out;
}
