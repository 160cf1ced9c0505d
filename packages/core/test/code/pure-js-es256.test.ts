import { generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { jsrsasignCryptoProvider, nobleCryptoProvider } from '@healthcode/core/code';
import { type PublicJwk } from '@healthcode/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

// The pure-JavaScript providers compute the ES256 verification equation themselves (jsrsasign with
// Shamir's trick, noble with a table of the key's multiples); node:crypto (OpenSSL) is the
// independent oracle they must agree with on every signature, valid or not.

const N = BigInt('0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551');

function p256Key(kid: string): { jwk: PublicJwk; privateKey: KeyObject; publicKey: KeyObject } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const { x, y } = publicKey.export({ format: 'jwk' });
  return { jwk: { kty: 'EC', crv: 'P-256', kid, alg: 'ES256', x: x!, y: y! }, privateKey, publicKey };
}

const toBig = (bytes: Uint8Array) => BigInt(`0x${Buffer.from(bytes).toString('hex') || '0'}`);
const toBytes32 = (v: bigint) => Uint8Array.from(Buffer.from(v.toString(16).padStart(64, '0'), 'hex'));
const rs = (r: bigint, s: bigint) => Uint8Array.from([...toBytes32(r), ...toBytes32(s)]);

/** A valid signature and variants of it, some valid (s → n − s), most not, named for failures. */
function variants(sig: Uint8Array): [string, Uint8Array][] {
  const r = toBig(sig.subarray(0, 32));
  const s = toBig(sig.subarray(32));
  const flipped = Uint8Array.from(sig);
  flipped[17]! ^= 0x40;
  return [
    ['the signature', sig],
    ['s replaced by n - s (also valid ECDSA)', rs(r, N - s)],
    ['a flipped bit', flipped],
    ['r and s swapped', rs(s, r)],
    ['r = 1', rs(1n, s)],
    ['s = 1', rs(r, 1n)],
    ['r = n - 1', rs(N - 1n, s)],
    ['s = n - 1', rs(r, N - 1n)],
    ['r + 1', rs((r + 1n) % N || 1n, s)],
    ['r = n', rs(N, s)],
  ];
}

describe.each([
  ['jsrsasign', jsrsasignCryptoProvider()],
  ['noble', nobleCryptoProvider()],
])('%s provider ES256 verification', (_, provider) => {
  it('agrees with node:crypto on valid and altered signatures over random keys and messages', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), fc.nat({ max: 1000 }), async (message, tweak) => {
        const key = p256Key(`k${tweak}`);
        const sig = new Uint8Array(sign('sha256', message, { key: key.privateKey, dsaEncoding: 'ieee-p1363' }));
        for (const [label, candidate] of variants(sig)) {
          const expected = verify('sha256', message, { key: key.publicKey, dsaEncoding: 'ieee-p1363' }, candidate);
          expect([label, await provider.verify('ES256', key.jwk, message, candidate)]).toEqual([label, expected]);
        }
        const other = Uint8Array.from([...message, tweak & 0xff]);
        expect(await provider.verify('ES256', key.jwk, other, sig)).toBe(false);
      }),
      { numRuns: 8 },
    );
  });

  it('refuses every signature under a key whose point is not on the curve, without throwing', async () => {
    const key = p256Key('off-curve');
    const message = new Uint8Array([1, 2, 3]);
    const sig = new Uint8Array(sign('sha256', message, { key: key.privateKey, dsaEncoding: 'ieee-p1363' }));
    expect(await provider.verify('ES256', key.jwk, message, sig)).toBe(true);
    const y = Buffer.from(key.jwk.y!, 'base64url');
    y[31]! ^= 0x01;
    const offCurve: PublicJwk = { ...key.jwk, y: y.toString('base64url') };
    expect(await provider.verify('ES256', offCurve, message, sig)).toBe(false);
    const beyondField: PublicJwk = { ...key.jwk, x: Buffer.alloc(32, 0xff).toString('base64url') };
    expect(await provider.verify('ES256', beyondField, message, sig)).toBe(false);
  });
});
