import { webcrypto } from 'node:crypto';
import { QR_PREFIX, decodeQrText, issueCode, webCryptoProvider, wrapJws } from '@healthcode/core/code';
import { verifyCode, type TrustList, type VerifyResult } from '@healthcode/core';
import { TEST_ISSUER_KEY } from '@healthcode/test-utils';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { bytesToDigits, digitsToBytes } from '../../src/code/qr/numeric.js';
import { STANDARD_INPUT, at, exampleTrustList } from './support/fixtures.js';

// Adversarial inputs for verifyCode. A "false accept" is any input that verifies although it does
// not carry exactly the original signed JWS: the QR text may differ (e.g. another DEFLATE encoding
// of the same bytes), but the decoded JWS must be byte-identical and the result equal the original's.

const crypto = webCryptoProvider(webcrypto.subtle);
const now = at(60);
let trust: TrustList;
let original: string;
let originalJws: string;
let originalResult: VerifyResult;
let frame: Uint8Array;
const tally = { inputs: 0, accepted: 0, acceptedDifferentText: 0, reasons: new Set<string>() };

beforeAll(async () => {
  trust = exampleTrustList(TEST_ISSUER_KEY, { issuers: exampleTrustList(TEST_ISSUER_KEY).issuers.slice(0, 1) });
  original = await issueCode(STANDARD_INPUT, { key: TEST_ISSUER_KEY });
  originalJws = decodeQrText(original).jws;
  originalResult = await verifyCode(original, { trust, now, crypto });
  frame = digitsToBytes(original.slice(QR_PREFIX.length))!;
});

function jwsOf(text: string): string | undefined {
  try {
    return decodeQrText(text).jws;
  } catch {
    return undefined;
  }
}

async function check(text: string): Promise<void> {
  tally.inputs++;
  const result = await verifyCode(text, { trust, now, crypto });
  expect(result.valid || result.reason !== 'internal_error').toBe(true);
  if (!result.valid) {
    tally.reasons.add(result.reason);
    return;
  }
  tally.accepted++;
  if (text !== original) tally.acceptedDifferentText++;
  expect(jwsOf(text)).toBe(originalJws);
  expect(result).toEqual(originalResult);
}

const frameEdit = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
);
type FrameEdit = typeof frameEdit extends fc.Arbitrary<infer T> ? T : never;

function applyFrameEdits(edits: FrameEdit[]): Uint8Array {
  let bytes = Array.from(frame);
  for (const e of edits) {
    const i = e.at % (bytes.length + (e.kind === 'insert' ? 1 : 0) || 1);
    if (e.kind === 'flip') bytes[i] = (bytes[i] ?? 0) ^ (1 << e.bit);
    else if (e.kind === 'set') bytes[i] = e.value;
    else if (e.kind === 'insert') bytes.splice(i, 0, e.value);
    else bytes.splice(i, 1);
  }
  return Uint8Array.from(bytes);
}

const RUNS = { frame: 4000, digits: 2500, jws: 1500, random: 2000 };

describe('verifyCode under adversarial input (10,000 cases, native provider)', () => {
  it('survives byte edits of the binary frame without exceptions or false accepts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(frameEdit, { minLength: 1, maxLength: 4 }), (edits) => check(`HCODE2:${bytesToDigits(applyFrameEdits(edits))}`)),
      { numRuns: RUNS.frame },
    );
  });

  it('survives digit edits, truncation and extension of the QR text', async () => {
    const edit = fc.oneof(
      fc.tuple(fc.nat(), fc.constantFrom(...'0123456789')).map(([i, d]) => (t: string) => {
        const k = QR_PREFIX.length + (i % (t.length - QR_PREFIX.length || 1));
        return t.slice(0, k) + d + t.slice(k + 1);
      }),
      fc.nat().map((i) => (t: string) => t.slice(0, QR_PREFIX.length + (i % (t.length - QR_PREFIX.length + 1)))),
      fc.stringMatching(/^[0-9]{1,40}$/).map((s) => (t: string) => t + s),
      fc.constantFrom('HCODE2', 'hcode2:', 'HCODE2:HCODE2:', ' HCODE2:', 'HC1', 'HC1:HC1:').map((p) => (t: string) => p + t.slice(QR_PREFIX.length)),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => check(edits.reduce((t, f) => f(t), original))),
      { numRuns: RUNS.digits },
    );
  });

  it('survives character edits of the JWS, re-wrapped where still wrappable', async () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=';
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.constantFrom(...alphabet), async (i, c) => {
        const k = i % originalJws.length;
        const mutated = originalJws.slice(0, k) + c + originalJws.slice(k + 1);
        let text: string;
        try {
          text = wrapJws(mutated);
        } catch {
          text = mutated;
        }
        await check(text);
      }),
      { numRuns: RUNS.jws },
    );
  });

  it('survives random strings, digit runs and unicode', async () => {
    const input = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.stringMatching(/^HCODE2:[0-9]{0,600}$/),
      fc.uint8Array({ minLength: 0, maxLength: 400 }).map((b) => `HCODE2:${bytesToDigits(Uint8Array.from([1, ...b]))}`),
      fc.string({ minLength: 2049, maxLength: 2100 }),
    );
    await fc.assert(fc.asyncProperty(input, check), { numRuns: RUNS.random });
  });

  it('fed at least 10,000 inputs that reached every stage up to the signature check', () => {
    expect(tally.inputs).toBeGreaterThanOrEqual(10_000);
    expect([...tally.reasons]).toEqual(expect.arrayContaining(['too_large', 'malformed', 'bad_signature']));
  });
});
