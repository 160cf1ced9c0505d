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
}

/** Options of {@link testCryptoProvider}. */
export interface CryptoSuiteOptions {
  /** Independent library to cross-check signatures with. */
  oracle?: SignatureOracle;
  /** Other providers: each must verify what this one signs, and this one what they sign. */
  counterparts?: { name: string; make: () => CryptoProvider }[];
  /** Also generate RSA keys (slow in pure JavaScript). Default true. */
  generateRsa?: boolean;
}

const KEYS: Record<Alg, PrivateJwk> = {
  ES256: TEST_ISSUER_KEY,
  RS256: TEST_RSA_KEY,
  PS256: { ...TEST_RSA_KEY, alg: 'PS256' },
};
const DATA = Uint8Array.from([...'eyJhbGciOiJFUzI1NiJ9.eyJ4IjoxfQ'].map((c) => c.charCodeAt(0)));

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
  const { oracle, counterparts = [], generateRsa = true } = options;

  describe(`CryptoProvider conformance: ${name}`, () => {
    const provider = makeProvider();

    for (const alg of ['ES256', 'RS256', 'PS256'] as const) {
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

    if (generateRsa) {
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
