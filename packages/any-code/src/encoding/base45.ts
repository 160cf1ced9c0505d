const CHARSET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

// The npm base45 packages either rely on Node's Buffer (absent in mini-program engines) or accept
// triples above 65535 by wrapping them, which RFC 9285 §4.2 requires a decoder to refuse; so the
// decoder is written here, to the RFC.

/**
 * Decodes base45 (RFC 9285); `undefined` for a character outside the alphabet, a length of 3k + 1,
 * or a group whose value does not fit its bytes.
 */
export function base45Decode(text: string): Uint8Array | undefined {
  if (text.length % 3 === 1) return undefined;
  const out = new Uint8Array(Math.floor(text.length / 3) * 2 + (text.length % 3 === 2 ? 1 : 0));
  let o = 0;
  for (let i = 0; i < text.length; i += 3) {
    let value = 0;
    const size = Math.min(3, text.length - i);
    for (let j = size - 1; j >= 0; j--) {
      const digit = CHARSET.indexOf(text[i + j]!);
      if (digit < 0) return undefined;
      value = value * 45 + digit;
    }
    if (size === 3) {
      if (value > 0xffff) return undefined;
      out[o++] = value >> 8;
      out[o++] = value & 0xff;
    } else {
      if (value > 0xff) return undefined;
      out[o++] = value;
    }
  }
  return out;
}
