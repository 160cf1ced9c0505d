const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const LOOKUP: Record<string, number> = Object.fromEntries([...ALPHABET].map((c, i) => [c, i]));

const ALPHABET_CODES = Uint8Array.from([...ALPHABET].map((c) => c.charCodeAt(0)));

/** Length of the unpadded base64url text of `byteLength` bytes. */
export function base64urlLength(byteLength: number): number {
  return Math.ceil((byteLength * 8) / 6);
}

/** Writes the unpadded base64url text of `bytes` as ASCII codes into `out` at `offset`. */
export function base64urlEncodeInto(bytes: Uint8Array, out: Uint8Array, offset: number): void {
  let o = offset;
  const whole = bytes.length - (bytes.length % 3);
  for (let i = 0; i < whole; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = ALPHABET_CODES[n >> 18]!;
    out[o++] = ALPHABET_CODES[(n >> 12) & 63]!;
    out[o++] = ALPHABET_CODES[(n >> 6) & 63]!;
    out[o++] = ALPHABET_CODES[n & 63]!;
  }
  // One or two trailing bytes become two or three characters.
  if (whole === bytes.length) return;
  const n = (bytes[whole]! << 16) | (whole + 1 < bytes.length ? bytes[whole + 1]! << 8 : 0);
  out[o++] = ALPHABET_CODES[n >> 18]!;
  out[o++] = ALPHABET_CODES[(n >> 12) & 63]!;
  if (whole + 1 < bytes.length) out[o] = ALPHABET_CODES[(n >> 6) & 63]!;
}

/** Unpadded base64url (RFC 4648 §5) of some bytes. */
export function base64urlEncode(bytes: Uint8Array): string {
  const ascii = new Uint8Array(base64urlLength(bytes.length));
  base64urlEncodeInto(bytes, ascii, 0);
  let out = '';
  // Chunked: String.fromCharCode takes its codes as arguments, and engines cap argument counts.
  for (let i = 0; i < ascii.length; i += 4096) out += String.fromCharCode(...ascii.subarray(i, i + 4096));
  return out;
}

/**
 * Decodes unpadded base64url, accepting only the canonical form: no padding, no characters outside
 * the alphabet, no impossible length, and zero unused low bits in the last character. Each byte
 * string therefore has exactly one accepted encoding, so a JWS cannot be altered without changing bytes.
 * Returns `undefined` for anything else.
 */
export function base64urlDecode(text: string): Uint8Array | undefined {
  if (text.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((text.length * 6) / 8));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    const v = LOOKUP[text[i]!];
    if (v === undefined) return undefined;
    acc = ((acc << 6) | v) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  if ((acc & ((1 << bits) - 1)) !== 0) return undefined;
  return out;
}
