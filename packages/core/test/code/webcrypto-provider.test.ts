import { webcrypto } from 'node:crypto';
import { isWellFormedEs256Signature, toPublicJwk, webCryptoProvider } from '@healthcode/core/code';
import { TEST_ISSUER_KEY, TEST_ISSUER_NEXT_KEY, es256SignatureForgeries } from '@healthcode/test-utils';
import { describe, expect, it } from 'vitest';

const DATA = new TextEncoder().encode('signing input');
const PUBLIC = toPublicJwk(TEST_ISSUER_KEY);

/** WebCrypto's subtle with call counters on importKey and verify. */
function countingSubtle() {
  const calls = { importKey: 0, verify: 0 };
  const subtle = webcrypto.subtle;
  return {
    calls,
    subtle: {
      sign: subtle.sign.bind(subtle),
      generateKey: subtle.generateKey.bind(subtle),
      exportKey: subtle.exportKey.bind(subtle),
      importKey: (...args: Parameters<typeof subtle.importKey>) => {
        calls.importKey++;
        return subtle.importKey(...args);
      },
      verify: (...args: Parameters<typeof subtle.verify>) => {
        calls.verify++;
        return subtle.verify(...args);
      },
    },
  };
}

describe('webCryptoProvider', () => {
  it('refuses forged ES256 signature forms before WebCrypto sees them', async () => {
    const { calls, subtle } = countingSubtle();
    const provider = webCryptoProvider(subtle);
    const valid = await provider.sign('ES256', TEST_ISSUER_KEY, DATA);
    expect(isWellFormedEs256Signature(valid)).toBe(true);
    for (const [label, forged] of es256SignatureForgeries(valid)) {
      expect(isWellFormedEs256Signature(forged), label).toBe(false);
      expect(await provider.verify('ES256', PUBLIC, DATA, forged), label).toBe(false);
    }
    expect(calls.verify).toBe(0);
    expect(await provider.verify('ES256', PUBLIC, DATA, valid)).toBe(true);
    expect(calls.verify).toBe(1);
  });

  it('imports a key once and reuses it for later verifications', async () => {
    const { calls, subtle } = countingSubtle();
    const provider = webCryptoProvider(subtle);
    const sig = await provider.sign('ES256', TEST_ISSUER_KEY, DATA);
    const importsAfterSign = calls.importKey;
    for (let i = 0; i < 5; i++) expect(await provider.verify('ES256', { ...PUBLIC }, DATA, sig)).toBe(true);
    expect(calls.importKey - importsAfterSign).toBe(1);
  });

  it('shares one import between a frozen JWK and an equal copy, and re-imports changed material', async () => {
    const { calls, subtle } = countingSubtle();
    const provider = webCryptoProvider(subtle);
    const sig = await provider.sign('ES256', TEST_ISSUER_KEY, DATA);
    const before = calls.importKey;
    const frozen = Object.freeze({ ...PUBLIC });
    expect(await provider.verify('ES256', frozen, DATA, sig)).toBe(true);
    expect(await provider.verify('ES256', frozen, DATA, sig)).toBe(true);
    expect(await provider.verify('ES256', { ...PUBLIC }, DATA, sig)).toBe(true);
    expect(calls.importKey - before).toBe(1);
    const other = Object.freeze({ ...toPublicJwk(TEST_ISSUER_NEXT_KEY), kid: PUBLIC.kid });
    expect(await provider.verify('ES256', other, DATA, sig)).toBe(false);
    expect(calls.importKey - before).toBe(2);
  });
});
