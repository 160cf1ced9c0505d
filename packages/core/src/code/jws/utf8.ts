// Hand-written because core cannot rely on TextEncoder/TextDecoder: some mini-program engines lack them.

/** UTF-8 bytes of a string (lone surrogates become U+FFFD, as TextEncoder does). */
export function utf8Encode(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

interface StrictDecoder {
  decode(bytes: Uint8Array): string;
}
// The engine's decoder when it has one (fatal mode refuses exactly what utf8DecodeJs refuses;
// ignoreBOM keeps a leading BOM as a character instead of silently dropping it).
const native: StrictDecoder | undefined = (() => {
  const Ctor = (globalThis as unknown as { TextDecoder?: new (label: string, o: object) => StrictDecoder }).TextDecoder;
  try {
    return Ctor ? new Ctor('utf-8', { fatal: true, ignoreBOM: true }) : undefined;
  } catch {
    return undefined;
  }
})();

/**
 * Decodes UTF-8 strictly: overlong forms, surrogates, code points above U+10FFFF and truncated
 * sequences all return `undefined`, so one string has exactly one accepted byte form.
 */
export function utf8Decode(bytes: Uint8Array): string | undefined {
  if (!native) return utf8DecodeJs(bytes);
  try {
    return native.decode(bytes);
  } catch {
    return undefined;
  }
}

/** {@link utf8Decode} in plain JavaScript, for engines without TextDecoder. */
export function utf8DecodeJs(bytes: Uint8Array): string | undefined {
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const b0 = bytes[i]!;
    let need: number;
    let cp: number;
    let min: number;
    if (b0 < 0x80) {
      out += String.fromCharCode(b0);
      i++;
      continue;
    } else if (b0 >= 0xc2 && b0 <= 0xdf) [need, cp, min] = [1, b0 & 0x1f, 0x80];
    else if (b0 >= 0xe0 && b0 <= 0xef) [need, cp, min] = [2, b0 & 0x0f, 0x800];
    else if (b0 >= 0xf0 && b0 <= 0xf4) [need, cp, min] = [3, b0 & 0x07, 0x10000];
    else return undefined;
    if (i + need >= bytes.length) return undefined;
    for (let k = 1; k <= need; k++) {
      const b = bytes[i + k]!;
      if ((b & 0xc0) !== 0x80) return undefined;
      cp = (cp << 6) | (b & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return undefined;
    out += String.fromCodePoint(cp);
    i += need + 1;
  }
  return out;
}
