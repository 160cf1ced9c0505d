import type { Alg, CryptoProvider, PrivateJwk } from '@healthcode/core/code';
import type { PublicJwk } from '@healthcode/core';
import { toPublicJwk } from '@healthcode/core/code';
import { describe, expect, it } from 'vitest';
import { es256SignatureForgeries } from './signature-forgeries.js';
import { TEST_ISSUER_KEY, TEST_ISSUER_NEXT_KEY, TEST_RSA_KEY } from './test-keys.js';

/** An independent signature implementation (e.g. node:crypto) the provider must agree with. */
export interface SignatureOracle {
  readonly name: string;
  sign(alg: Alg, key: PrivateJwk, data: Uint8Array): Uint8Array;
  verify(alg: Alg, key: PublicJwk, data: Uint8Array, signature: Uint8Array): boolean;
  hmacSha256(key: Uint8Array, data: Uint8Array): Uint8Array;
}

/** Options of {@link testCryptoProvider}. */
export interface CryptoSuiteOptions {
  /** Independent library to cross-check signatures with. */
  oracle?: SignatureOracle;
  /** Other providers: each must verify what this one signs, and this one what they sign. */
  counterparts?: { name: string; make: () => CryptoProvider; algorithms?: readonly Alg[] }[];
  /** Also generate RSA keys (slow in pure JavaScript). Default true. */
  generateRsa?: boolean;
  /** The algorithms the provider does (default all); it must throw `unavailable` for the others. */
  algorithms?: readonly Alg[];
}

const KEYS: Record<Alg, PrivateJwk> = {
  ES256: TEST_ISSUER_KEY,
  RS256: TEST_RSA_KEY,
  PS256: { ...TEST_RSA_KEY, alg: 'PS256' },
};
const DATA = Uint8Array.from([...'eyJhbGciOiJFUzI1NiJ9.eyJ4IjoxfQ'].map((c) => c.charCodeAt(0)));

const ascii = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const P256_N = BigInt('0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551');

/** The other valid ECDSA signature of the same message: `s` replaced by `n - s` (high S ↔ low S). */
function sTwin(signature: Uint8Array): Uint8Array {
  const s = BigInt(`0x${hex(signature.subarray(32))}`);
  const twin = (P256_N - s).toString(16).padStart(64, '0');
  return Uint8Array.from([...signature.subarray(0, 32), ...(twin.match(/../g) ?? []).map((h) => parseInt(h, 16))]);
}

function flipped(bytes: Uint8Array, index: number): Uint8Array {
  const copy = Uint8Array.from(bytes);
  copy[index]! ^= 0x01;
  return copy;
}

/**
 * The conformance suite every {@link CryptoProvider} passes: one line per implementation,
 * `testCryptoProvider('webcrypto', () => webCryptoProvider(), { oracle, counterparts })`.
 */
export function testCryptoProvider(name: string, makeProvider: () => CryptoProvider, options: CryptoSuiteOptions = {}): void {
  const { oracle, counterparts = [], generateRsa = true, algorithms = ['ES256', 'RS256', 'PS256'] } = options;

  describe(`CryptoProvider conformance: ${name}`, () => {
    const provider = makeProvider();

    for (const alg of (['RS256', 'PS256'] as const).filter((a) => !algorithms.includes(a))) {
      it(`throws unavailable for ${alg}, which it does not do`, async () => {
        const key = KEYS[alg];
        await expect(provider.sign(alg, key, DATA)).rejects.toMatchObject({ code: 'crypto/unavailable' });
        await expect(provider.verify(alg, toPublicJwk(key), DATA, new Uint8Array(256))).rejects.toMatchObject({ code: 'crypto/unavailable' });
      });
    }

    for (const alg of algorithms) {
      const key = KEYS[alg];
      const pub = toPublicJwk(key);

      describe(alg, () => {
        it('verifies its own signature and refuses it over other data', async () => {
          const sig = await provider.sign(alg, key, DATA);
          expect(await provider.verify(alg, pub, DATA, sig)).toBe(true);
          expect(await provider.verify(alg, pub, flipped(DATA, 3), sig)).toBe(false);
          expect(await provider.verify(alg, pub, DATA, flipped(sig, sig.length - 1))).toBe(false);
        });

        it('refuses a signature when the key is for another algorithm', async () => {
          const sig = await provider.sign(alg, key, DATA);
          const otherAlg: Alg = alg === 'RS256' ? 'PS256' : 'RS256';
          expect(await provider.verify(otherAlg, pub, DATA, sig)).toBe(false);
          await expect(provider.sign(otherAlg, key, DATA)).rejects.toMatchObject({ code: 'crypto/invalid_key' });
        });

        if (oracle) {
          it(`agrees with ${oracle.name} in both directions`, async () => {
            const ours = await provider.sign(alg, key, DATA);
            expect(oracle.verify(alg, pub, DATA, ours)).toBe(true);
            const theirs = oracle.sign(alg, key, DATA);
            expect(await provider.verify(alg, pub, DATA, theirs)).toBe(true);
          });
        }

        for (const other of counterparts) {
          const peerAlgorithms = other.algorithms ?? algorithms;
          if (!peerAlgorithms.includes(alg)) continue;
          it(`verifies what ${other.name} signs and the reverse`, async () => {
            const peer = other.make();
            expect(await provider.verify(alg, pub, DATA, await peer.sign(alg, key, DATA))).toBe(true);
            expect(await peer.verify(alg, pub, DATA, await provider.sign(alg, key, DATA))).toBe(true);
          });
        }
      });
    }

    describe('ES256 signature form', () => {
      const pub = toPublicJwk(TEST_ISSUER_KEY);

      it('signs as the 64-byte r‖s form, not DER', async () => {
        const sig = await provider.sign('ES256', TEST_ISSUER_KEY, DATA);
        expect(sig).toHaveLength(64);
      });

      it('refuses DER, wrong-length, zero and out-of-range signatures', async () => {
        const valid = await provider.sign('ES256', TEST_ISSUER_KEY, DATA);
        const results = await Promise.all(
          es256SignatureForgeries(valid).map(async ([label, sig]) => [label, await provider.verify('ES256', pub, DATA, sig)] as const),
        );
        expect(results.filter(([, ok]) => ok)).toEqual([]);
      });

      // ECDSA signatures are malleable: (r, n - s) verifies wherever (r, s) does. JWS does not ask for
      // low S, and WebCrypto and OpenSSL accept both, so every provider accepts both: a verifier that
      // refused high S would refuse codes that another provider signed.
      it('accepts the high-S and low-S forms of a signature alike', async () => {
        const sig = await provider.sign('ES256', TEST_ISSUER_KEY, DATA);
        expect(await provider.verify('ES256', pub, DATA, sig)).toBe(true);
        expect(await provider.verify('ES256', pub, DATA, sTwin(sig))).toBe(true);
        if (oracle) expect(oracle.verify('ES256', pub, DATA, sTwin(sig))).toBe(true);
      });
    });

    describe('digests', () => {
      it('computes HMAC-SHA-256 and SHA-256 as RFC 4231 and FIPS 180-4 give them', () => {
        // RFC 4231 test case 2, and the FIPS 180-4 example "abc".
        expect(hex(provider.hmacSha256(ascii('Jefe'), ascii('what do ya want for nothing?')))).toBe(
          '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
        );
        expect(hex(provider.sha256(ascii('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
      });

      it('agrees with every other implementation on HMAC-SHA-256 of long keys and messages', () => {
        // A key longer than the 64-byte block is hashed first (RFC 2104 §2), a path short vectors miss.
        const key = Uint8Array.from({ length: 131 }, (_, i) => (i * 7) & 0xff);
        const data = Uint8Array.from({ length: 1000 }, (_, i) => (i * 13) & 0xff);
        const mac = hex(provider.hmacSha256(key, data));
        if (oracle) expect(mac).toBe(hex(oracle.hmacSha256(key, data)));
        for (const other of counterparts) expect([other.name, hex(other.make().hmacSha256(key, data))]).toEqual([other.name, mac]);
      });
    });

    it('never confuses two keys that share a kid (key cache identity)', async () => {
      const impostor: PrivateJwk = { ...TEST_ISSUER_NEXT_KEY, kid: TEST_ISSUER_KEY.kid };
      const sig = await provider.sign('ES256', TEST_ISSUER_KEY, DATA);
      expect(await provider.verify('ES256', toPublicJwk(TEST_ISSUER_KEY), DATA, sig)).toBe(true);
      expect(await provider.verify('ES256', toPublicJwk(impostor), DATA, sig)).toBe(false);
    });

    it('generates ES256 keys that sign verifiably', async () => {
      const material = await provider.generateKeyPair('ES256');
      const key = { ...material, kid: 'generated', alg: 'ES256' } as PrivateJwk;
      const sig = await provider.sign('ES256', key, DATA);
      expect(await provider.verify('ES256', toPublicJwk(key), DATA, sig)).toBe(true);
      if (oracle) expect(oracle.verify('ES256', toPublicJwk(key), DATA, sig)).toBe(true);
    });

    if (generateRsa && algorithms.includes('PS256')) {
      it('generates RSA-2048 keys that sign verifiably', async () => {
        const material = await provider.generateKeyPair('PS256');
        const key = { ...material, kid: 'generated-rsa', alg: 'PS256' } as PrivateJwk;
        const sig = await provider.sign('PS256', key, DATA);
        expect(sig).toHaveLength(256);
        expect(await provider.verify('PS256', toPublicJwk(key), DATA, sig)).toBe(true);
      });
    }

    it('returns random bytes of the requested length that differ between calls', () => {
      const a = provider.randomBytes(16);
      expect(a).toHaveLength(16);
      expect(Array.from(a)).not.toEqual(Array.from(provider.randomBytes(16)));
    });
  });
}
