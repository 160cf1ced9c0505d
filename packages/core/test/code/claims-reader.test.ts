import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { readCodeClaims } from '../../src/code/claims.js';

// verifyCode reads claims with the hand-written readCodeClaims (no schema library on the checkpoint
// path). This zod schema is the claim rules of docs/code-format.md written independently; the two
// must agree exactly: same accepted inputs, same parsed result.
const numericDate = z.number().min(0).max(253_402_300_799).transform(Math.floor);
const codeClaimsSchema = z
  .object({
    iss: z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/),
    sub: z
      .string()
      .regex(/^[A-Za-z0-9_-]{8,64}$/)
      .refine((s) => /[A-Za-z_-]/.test(s) && !/^[0-9]{17}[0-9Xx]$/.test(s)),
    st: z.enum(['g', 'y', 'r']),
    iat: numericDate,
    exp: numericDate,
    nm: z.string().min(1).max(32).refine((s) => s.includes('*')),
    dt: z.string().regex(/^[0-9A-Z]{1,4}$/).optional(),
    rg: z.string().regex(/^[1-9][0-9]{5}$/),
    jti: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  })
  .refine((c) => c.exp > c.iat);
const accepted = (result: ReturnType<typeof readCodeClaims>) => (typeof result === 'string' ? undefined : result);

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

  it('names the first claim that breaks a rule', () => {
    expect(readCodeClaims({ ...VALID, rg: '31000' })).toBe('rg: region must be a six-digit GB/T 2260 code');
    expect(readCodeClaims({ ...VALID, exp: VALID.iat })).toBe('exp must be after iat');
    expect(readCodeClaims(undefined)).toBe('the payload is not a UTF-8 JSON object');
  });

  it('agrees with codeClaimsSchema on every combination of edge values', () => {
    fc.assert(
      fc.property(claimsLike, fc.subarray(Object.keys(VALID), { maxLength: 1 }), (claims, dropped) => {
        const payload: Record<string, unknown> = { ...claims };
        for (const key of dropped) delete payload[key];
        const expected = codeClaimsSchema.safeParse(payload);
        expect(accepted(readCodeClaims(payload))).toEqual(expected.success ? expected.data : undefined);
      }),
      { numRuns: 3000 },
    );
  });
});
