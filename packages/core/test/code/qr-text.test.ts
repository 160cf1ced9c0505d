import { inflateRawSync } from 'node:zlib';
import { CodeFormatError, LEGACY_QR_PREFIX, QR_PREFIX, decodeQrText, issueCode, wrapJws } from '@healthcode/core/code';
import { TEST_ISSUER_KEY } from '@healthcode/test-utils';
import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { FRAME_DICTIONARY } from '../../src/code/qr/dictionary.js';
import { bytesToDigits, digitsToBytes } from '../../src/code/qr/numeric.js';
import { PS256_KEY, STANDARD_INPUT } from './support/fixtures.js';
import { qrVersionAtLevelM } from './support/qr-version.js';

let standard: string;
let jws: string;

beforeAll(async () => {
  standard = await issueCode(STANDARD_INPUT, { key: TEST_ISSUER_KEY });
  jws = decodeQrText(standard).jws;
});

function formatError(fn: () => unknown): string {
  try {
    fn();
    return 'no error';
  } catch (err) {
    expect(err).toBeInstanceOf(CodeFormatError);
    return (err as CodeFormatError).code;
  }
}

/** Frame bytes of a QR text, and back. */
const frameOf = (qrText: string) => digitsToBytes(qrText.slice(QR_PREFIX.length))!;
const qrOf = (frame: Uint8Array) => QR_PREFIX + bytesToDigits(frame);

describe('numeric encoding', () => {
  it('round-trips any bytes, 7 bytes to 17 digits', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const digits = bytesToDigits(bytes);
        expect(digits).toMatch(/^[0-9]*$/);
        expect(digits.length).toBe(Math.floor(bytes.length / 7) * 17 + [0, 3, 5, 8, 10, 13, 15][bytes.length % 7]!);
        expect(digitsToBytes(digits)).toEqual(bytes);
      }),
    );
  });

  it('encodes big-endian groups as zero-padded decimals', () => {
    expect(bytesToDigits(Uint8Array.from([0, 0, 0, 0, 0, 0, 1, 255]))).toBe('00000000000000001255');
    expect(bytesToDigits(new Uint8Array(7).fill(255))).toBe('72057594037927935') // 2^56 - 1;
  });

  it.each([
    ['a group of 7 bytes above 2^56 - 1', '72057594037927936'],
    ['a 1-byte group above 255', '256'],
    ['a length no group size produces', '1234'],
    ['non-digits', '12a'],
  ])('refuses %s', (_, digits) => {
    expect(digitsToBytes(digits)).toBeUndefined();
  });
});

describe('QR text', () => {
  it('fits QR version 10 or lower at level M for the standard code', () => {
    expect(qrVersionAtLevelM(standard)).toBeLessThanOrEqual(10);
  });

  it('grows beyond version 10 for RSA-signed codes (256-byte signatures)', async () => {
    const rsa = await issueCode(STANDARD_INPUT, { key: PS256_KEY });
    expect(qrVersionAtLevelM(rsa)).toBeGreaterThan(10);
  });

  it('starts with a prefix no other health-certificate format uses (EU DCC has HC1:, SMART shc:/, NZCP NZCP:/)', () => {
    expect(standard.startsWith('HCODE2:')).toBe(true);
    for (const foreign of ['HC1:', 'shc:/', 'NZCP:/', 'LT1:']) expect(standard.toUpperCase().startsWith(foreign.toUpperCase())).toBe(false);
  });

  it('still reads the deprecated HC1: prefix of format version 1, as the same JWS', () => {
    const legacy = LEGACY_QR_PREFIX + standard.slice(QR_PREFIX.length);
    expect(legacy.startsWith('HC1:')).toBe(true);
    expect(decodeQrText(legacy).jws).toBe(jws);
  });

  it('gives back exactly the JWS it wrapped', () => {
    expect(wrapJws(jws)).toBe(standard);
    expect(decodeQrText(wrapJws(jws)).jws).toBe(jws);
  });

  it('holds the JWS parts in a frame any raw DEFLATE implementation can read', () => {
    const frame = frameOf(standard);
    const sigLen = (frame[1]! << 8) | frame[2]!;
    const headerLen = (frame[3]! << 8) | frame[4]!;
    const body = inflateRawSync(frame.subarray(5 + sigLen), { dictionary: FRAME_DICTIONARY });
    const [h, p, s] = jws.split('.');
    expect(Buffer.from(frame.subarray(5, 5 + sigLen)).toString('base64url')).toBe(s);
    expect(body.subarray(0, headerLen).toString('base64url')).toBe(h);
    expect(body.subarray(headerLen).toString('base64url')).toBe(p);
  });

  it.each([
    ['padding', (j: string) => `${j}==`],
    ['a non-zero unused bit in the last character', (j: string) => j.replace(/.$/, (c) => (c === 'Q' ? 'R' : c === 'A' ? 'B' : c === 'g' ? 'h' : 'x'))],
    ['standard base64 characters', (j: string) => j.replace(/[-_]/, '+').replace(/^(.)/, '+')],
    ['a fourth segment', (j: string) => `${j}.AAAA`],
    ['an empty signature', (j: string) => j.replace(/\.[^.]*$/, '.')],
  ])('refuses to wrap a JWS with %s', (_, mutate) => {
    expect(formatError(() => wrapJws(mutate(jws)))).toBe('code/malformed');
  });

  it('reads bytes after the DEFLATE stream as nothing: they cannot alter the signed JWS', () => {
    const frame = frameOf(standard);
    expect(decodeQrText(qrOf(Uint8Array.from([...frame, 0, 1, 2]))).jws).toBe(jws);
  });

  it('refuses a frame whose DEFLATE body inflates beyond the limit', () => {
    const bomb = deflateSync(new Uint8Array(100_000), { dictionary: FRAME_DICTIONARY });
    const frame = Uint8Array.from([1, 0, 64, 0, 20, ...new Uint8Array(64).fill(1), ...bomb]);
    expect(formatError(() => decodeQrText(qrOf(frame)))).toBe('code/malformed');
  });

  it('refuses an unknown frame version, a wrong prefix and oversized text', () => {
    const frame = frameOf(standard);
    expect(formatError(() => decodeQrText(qrOf(Uint8Array.from([2, ...frame.subarray(1)]))))).toBe('code/malformed');
    expect(formatError(() => decodeQrText(standard.replace('HCODE2:', 'HCODE3:')))).toBe('code/malformed');
    expect(formatError(() => decodeQrText(standard.replace('HCODE2:', 'HC2:')))).toBe('code/malformed');
    expect(formatError(() => decodeQrText(standard.replace('HCODE2:', 'hcode2:')))).toBe('code/malformed');
    expect(formatError(() => decodeQrText(`HCODE2:${'0'.repeat(2100)}`))).toBe('code/too_large');
  });
});
