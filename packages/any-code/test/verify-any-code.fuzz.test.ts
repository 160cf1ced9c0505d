import { deflateSync, inflateSync } from 'node:zlib';
import { verifyAnyCode, type AnyCodeResult, type CodeFormat } from '@healthcode/any-code';
import fc from 'fast-check';
import { base32 } from 'rfc4648';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base45Decode } from '../src/encoding/base45.js';
import { NOW, world } from './support/trust.js';
import { base45Encode } from './support/vectors.js';

// Mutated inputs for every format. verifyAnyCode must answer each with a result (zero exceptions),
// and accept none unless its answer is exactly the original code's (zero false accepts): a mutation
// may only touch what the signature does not cover, such as an unprotected COSE header.

const RUNS = 10_000;
let w: Awaited<ReturnType<typeof world>>;
const originals = new Map<CodeFormat, AnyCodeResult>();
const tally = new Map<CodeFormat, { inputs: number; accepted: number; reasons: Set<string> }>();

beforeAll(async () => {
  w = await world();
  for (const [format, code] of Object.entries(w.codes)) originals.set(format as CodeFormat, await verifyAnyCode(code, w.trust, { now: NOW }));
});

async function check(format: CodeFormat, text: string): Promise<void> {
  const t = tally.get(format) ?? { inputs: 0, accepted: 0, reasons: new Set<string>() };
  tally.set(format, t);
  t.inputs++;
  const result = await verifyAnyCode(text, w.trust, { now: NOW });
  expect(result.reason).not.toBe('internal_error');
  t.reasons.add(result.reason);
  if (result.valid) {
    t.accepted++;
    expect(result).toEqual(originals.get(format));
  }
}

/** Edits of a byte string: replace, insert or delete a byte, or cut the string short. */
const byteEdit = fc.oneof(
  fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })).map(([i, b]) => (bytes: Uint8Array) => {
    const out = bytes.slice();
    out[i % out.length] = b;
    return out;
  }),
  fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })).map(([i, b]) => (bytes: Uint8Array) => {
    const k = i % (bytes.length + 1);
    return Uint8Array.from([...bytes.subarray(0, k), b, ...bytes.subarray(k)]);
  }),
  fc.nat().map((i) => (bytes: Uint8Array) => {
    const k = i % bytes.length;
    return Uint8Array.from([...bytes.subarray(0, k), ...bytes.subarray(k + 1)]);
  }),
  fc.nat().map((i) => (bytes: Uint8Array) => bytes.subarray(0, i % bytes.length)),
);

/** Edits of text: a character from `alphabet` replaced or inserted, one deleted, or the text cut. */
const textEdit = (alphabet: string) =>
  fc.oneof(
    fc.tuple(fc.nat(), fc.constantFrom(...alphabet)).map(([i, c]) => (t: string) => {
      const k = i % t.length;
      return t.slice(0, k) + c + t.slice(k + 1);
    }),
    fc.tuple(fc.nat(), fc.constantFrom(...alphabet)).map(([i, c]) => (t: string) => {
      const k = i % (t.length + 1);
      return t.slice(0, k) + c + t.slice(k);
    }),
    fc.nat().map((i) => (t: string) => t.slice(0, i % t.length) + t.slice((i % t.length) + 1)),
    fc.nat().map((i) => (t: string) => t.slice(0, i % t.length)),
  );

/** Half the inputs edit the text itself, half the signed structure inside it, re-encoded. */
function mutations(text: string, alphabet: string, unwrap: (t: string) => Uint8Array, wrap: (b: Uint8Array) => string) {
  const inner = unwrap(text);
  return fc.oneof(
    fc.array(textEdit(alphabet), { minLength: 1, maxLength: 3 }).map((edits) => edits.reduce((t, f) => f(t), text)),
    fc.array(byteEdit, { minLength: 1, maxLength: 3 }).map((edits) => wrap(edits.reduce((b, f) => f(b), inner))),
  );
}

const B45 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
const shcDigits = (jws: Uint8Array) => `shc:/${Array.from(jws, (c) => String(c - 45).padStart(2, '0')).join('')}`;
const shcJws = (t: string) => Uint8Array.from(t.slice(5).match(/../g)!, (p) => Number(p) + 45);

const FORMATS: Array<[CodeFormat, string, (t: string) => Uint8Array, (b: Uint8Array) => string]> = [
  ['healthcode', '0123456789', (t) => Uint8Array.from(t.slice(7), Number), (b) => `HCODE2:${Array.from(b, (d) => d % 10).join('')}`],
  ['eu-dcc', B45, (t) => inflateSync(base45Decode(t.slice(4))!), (b) => `HC1:${base45Encode(deflateSync(b))}`],
  ['shc', '0123456789', shcJws, shcDigits],
  ['nzcp', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', (t) => base32.parse(t.slice(8), { loose: true }), (b) => `NZCP:/1/${base32.stringify(b, { pad: false })}`],
];

describe.each(FORMATS)('verifyAnyCode on mutated %s codes', (format, alphabet, unwrap, wrap) => {
  it(`answers ${RUNS} mutated codes with a result and accepts none but the original`, async () => {
    await fc.assert(
      fc.asyncProperty(mutations(w.codes[format], alphabet, unwrap, wrap), (text) => check(format, text)),
      { numRuns: RUNS },
    );
    expect(tally.get(format)!.reasons.size).toBeGreaterThan(2);
  });
});

afterAll(() => {
  for (const [format, t] of tally) console.info(`fuzz ${format}: ${t.inputs} inputs, ${t.accepted} accepted as the original, reasons: ${[...t.reasons].sort().join(' ')}`);
});

