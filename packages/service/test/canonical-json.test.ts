import { describe, expect, it } from 'vitest';
import { canonicalJson } from '@healthcode/service';

describe('canonicalJson', () => {
  it('gives equal strings for equal values whatever their key order, and different ones otherwise', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }),
    );
    expect(canonicalJson({ a: [1, 2] })).not.toBe(canonicalJson({ a: [2, 1] }));
  });
});
