import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeClaimsSchema, readCodeClaims } from '../../src/code/claims.js';

// verifyCode reads claims with the hand-written readCodeClaims and asks the zod schema only for the
// reason of a refusal, so the two must agree exactly: same accepted inputs, same parsed result.

const VALID = {
  iss: 'cn-310000',
  sub: 'q3Vx9KpL2mTz8RwA',
  st: 'g',
  iat: 1_795_000_000,
  exp: 1_795_000_600,
  nm: '张*三',
  dt: '1234',
  rg: '310000',
  jti: 'abcDEF123_-x',
};

/** Values near each claim's rules: valid ones, edge cases on either side, and other JSON types. */
const candidates: Record<keyof typeof VALID, unknown[]> = {
  iss: ['a', 'A.b_c:d-9', 'x'.repeat(64), 'x'.repeat(65), '', 'a b', 'é', 7, null],
  sub: ['abcdefgh', '12345678', '1234567a', '-2345678', '12345678901234567X', '1234567890123456789', 'a'.repeat(65), 'abc', 'abcdefg=', 12345678],
  st: ['g', 'y', 'r', 'G', 'green', '', 1],
  iat: [0, 1.9, 1_795_000_000, 253_402_300_799, 253_402_300_799.5, 253_402_300_800, -1, -0.5, '1795000000', null],
  exp: [0, 1, 1.2, 1_795_000_000, 1_795_000_000.7, 1_795_000_600, 253_402_300_799, 253_402_300_800, -1, true],
  nm: ['*', '张*三', '张三', '', '*'.repeat(32), '*'.repeat(33), 5, ['*']],
  dt: [undefined, '1', '1234', '12345', 'X', 'x', '', 1234],
  rg: ['310000', '110105', '010000', '31000', '3100000', '31000a', 310000],
  jti: ['a', 'A-_9', 'x'.repeat(64), 'x'.repeat(65), '', 'a.b', 1],
};

// Mostly valid members, so that accepted payloads are common too, with one or two edge values mixed in.
const claimsLike = fc.record(
  Object.fromEntries(
    Object.entries(candidates).map(([k, values]) => [
      k,
      fc.oneof({ arbitrary: fc.constant(VALID[k as keyof typeof VALID]), weight: 6 }, { arbitrary: fc.constantFrom(...values), weight: 4 }),
    ]),
  ) as Record<keyof typeof VALID, fc.Arbitrary<unknown>>,
);

describe('readCodeClaims', () => {
  it('accepts a valid payload with the same result as the schema, dropping unknown members', () => {
    const payload = { ...VALID, extra: 1 };
    expect(readCodeClaims(payload)).toEqual(codeClaimsSchema.parse(payload));
    expect(readCodeClaims(payload)).not.toHaveProperty('extra');
  });

  it('agrees with codeClaimsSchema on every combination of edge values', () => {
    fc.assert(
      fc.property(claimsLike, fc.subarray(Object.keys(VALID), { maxLength: 1 }), (claims, dropped) => {
        const payload: Record<string, unknown> = { ...claims };
        for (const key of dropped) delete payload[key];
        const expected = codeClaimsSchema.safeParse(payload);
        expect(readCodeClaims(payload)).toEqual(expected.success ? expected.data : undefined);
      }),
      { numRuns: 3000 },
    );
  });
});
