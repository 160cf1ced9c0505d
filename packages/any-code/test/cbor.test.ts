import { encode } from 'cborg';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cborToJson, decodeCbor, encodeCborArray } from '../src/cose/cbor.js';
import { base45Decode } from '../src/encoding/base45.js';
import { base45Encode } from './support/vectors.js';

const hex = (h: string) => Uint8Array.from(h.match(/../g)!, (b) => parseInt(b, 16));

describe('decodeCbor', () => {
  it('reads whatever cborg (an independent encoder) writes from JSON data', () => {
    fc.assert(
      // JSON data as JSON text carries it: -0 becomes 0 (cborg writes -0 as the integer 0, as JSON.stringify does).
      fc.property(
        fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown),
        (value) => {
          expect(cborToJson(decodeCbor(encode(value)))).toEqual(value);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads a `__proto__` key as data, never as a prototype', () => {
    const value = cborToJson(decodeCbor(encode(new Map([['__proto__', { polluted: true }]])))) as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__']);
  });

  it('keeps integer map keys, byte strings and the COSE_Sign1 tag', () => {
    expect(decodeCbor(hex('d28443a10126a0420102420304'))).toEqual([hex('a10126'), new Map(), hex('0102'), hex('0304')]);
    expect(decodeCbor(hex('a2012603f97e00'))).toEqual(
      new Map<number, unknown>([
        [1, -7],
        [3, Number.NaN],
      ]),
    );
  });

  it.each([
    ['an indefinite-length array', '9f01ff'],
    ['an unknown tag', 'c11a60000000'],
    ['undefined', 'f7'],
    ['a duplicate map key', 'a201010102'],
    ['a byte-string map key', 'a1410101'],
    ['bytes after the item', '0101'],
    ['a truncated string', '6461'],
    ['an integer beyond 2^53', '1bffffffffffffffff'],
    ['invalid UTF-8 text', '61ff'],
    ['nesting 17 arrays deep', `${'81'.repeat(17)}01`],
  ])('refuses %s', (_, bytes) => {
    expect(decodeCbor(hex(bytes))).toBeUndefined();
  });

  it('writes a Sig_structure byte for byte as cborg does', () => {
    const items = ['Signature1', hex('a10126'), new Uint8Array(0), new Uint8Array(300).fill(7)];
    expect(encodeCborArray(items)).toEqual(encode(items));
  });
});

describe('base45Decode (RFC 9285)', () => {
  it('inverts base45 encoding of any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(base45Decode(base45Encode(bytes))).toEqual(bytes);
      }),
    );
  });

  it('decodes the RFC examples', () => {
    expect(new TextDecoder().decode(base45Decode('%69 VD92EX0'))).toBe('Hello!!');
    expect(new TextDecoder().decode(base45Decode('UJCLQE7W581'))).toBe('base-45');
  });

  it.each([
    ['a group above 65535', 'GGW'],
    ['a trailing pair above 255', 'ZZ'],
    ['a length of 3k + 1', 'ABCD'],
    ['a character outside the alphabet', 'ab'],
  ])('refuses %s', (_, text) => {
    expect(base45Decode(text)).toBeUndefined();
  });
});
