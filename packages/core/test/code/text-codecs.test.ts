import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64urlDecode, base64urlEncode } from '../../src/code/jws/base64url.js';
import { utf8Decode, utf8DecodeJs, utf8Encode } from '../../src/code/jws/utf8.js';

describe('strict UTF-8', () => {
  it('the plain-JavaScript decoder agrees with TextDecoder in fatal mode on any bytes', () => {
    const reference = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    const expected = (b: Uint8Array) => {
      try {
        return reference.decode(b);
      } catch {
        return undefined;
      }
    };
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 24 }),
      fc.string({ unit: 'grapheme' }).map((s) => new TextEncoder().encode(s)),
    );
    fc.assert(
      fc.property(bytes, (b) => {
        expect(utf8DecodeJs(b)).toBe(expected(b));
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['an overlong slash', [0xc0, 0xaf]],
    ['a UTF-16 surrogate', [0xed, 0xa0, 0x80]],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['a truncated sequence', [0xe5, 0xbc]],
  ])('refuses %s', (_, bytes) => {
    expect(utf8Decode(Uint8Array.from(bytes))).toBeUndefined();
    expect(utf8DecodeJs(Uint8Array.from(bytes))).toBeUndefined();
  });

  it('encodes like TextEncoder', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(utf8Encode(s)).toEqual(new TextEncoder().encode(s));
      }),
    );
  });
});

describe('canonical base64url', () => {
  it('round-trips any bytes and matches Node', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70 }), (b) => {
        const text = base64urlEncode(b);
        expect(text).toBe(Buffer.from(b).toString('base64url'));
        expect(base64urlDecode(text)).toEqual(b);
      }),
    );
  });

  it.each(['QQ==', 'QR', 'Q', 'Q+', 'Q/'])('refuses the non-canonical or foreign text %s', (text) => {
    expect(base64urlDecode(text)).toBeUndefined();
  });
});
