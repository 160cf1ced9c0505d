import { toPublicJwk } from '@healthcode/core/code';
import { TEST_ISSUER_KEY, TEST_RSA_KEY } from '@healthcode/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';

// Simulates other engines by hiding process.getBuiltinModule (browsers, workers: no node:crypto) and
// globalThis.crypto (mini-program runtimes: no WebCrypto either), and re-imports the module so the
// once-per-process provider choice is made again.
async function freshCodeModule() {
  vi.resetModules();
  return import('../../src/code/index.js');
}

function hideNodeCrypto() {
  vi.spyOn(process, 'getBuiltinModule').mockReturnValue(undefined);
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('defaultCryptoProvider', () => {
  it('uses node:crypto where process.getBuiltinModule can load it', async () => {
    expect((await freshCodeModule()).defaultCryptoProvider().name).toBe('node');
  });

  it('uses WebCrypto where there is no node:crypto but globalThis.crypto.subtle exists', async () => {
    hideNodeCrypto();
    expect((await freshCodeModule()).defaultCryptoProvider().name).toBe('webcrypto');
  });

  it('uses @noble/curves where there is neither but BigInt exists, with jsrsasign for RSA', async () => {
    const data = new Uint8Array([1, 2, 3]);
    const code = await freshCodeModule();
    const es256 = await code.webCryptoProvider().sign('ES256', TEST_ISSUER_KEY, data);
    const rs256 = await code.webCryptoProvider().sign('RS256', TEST_RSA_KEY, data);
    hideNodeCrypto();
    vi.stubGlobal('crypto', undefined);
    const provider = (await freshCodeModule()).defaultCryptoProvider();
    expect(provider.name).toBe('noble');
    expect(await provider.verify('ES256', toPublicJwk(TEST_ISSUER_KEY), data, es256)).toBe(true);
    expect(await provider.verify('RS256', toPublicJwk(TEST_RSA_KEY), data, rs256)).toBe(true);
  });

  it('falls back to jsrsasign where there is no BigInt either (detected, not assumed), and still verifies', async () => {
    const sig = await (await freshCodeModule()).webCryptoProvider().sign('ES256', TEST_ISSUER_KEY, new Uint8Array([1, 2, 3]));
    hideNodeCrypto();
    vi.stubGlobal('crypto', undefined);
    vi.stubGlobal('BigInt', undefined);
    const provider = (await freshCodeModule()).defaultCryptoProvider();
    vi.unstubAllGlobals();
    expect(provider.name).toBe('jsrsasign');
    expect(await provider.verify('ES256', toPublicJwk(TEST_ISSUER_KEY), new Uint8Array([1, 2, 3]), sig)).toBe(true);
  });


  it('refuses to sign with jsrsasign when no secure random source exists', async () => {
    vi.stubGlobal('crypto', undefined);
    const provider = (await freshCodeModule()).jsrsasignCryptoProvider();
    await expect(provider.sign('ES256', TEST_ISSUER_KEY, new Uint8Array([1]))).rejects.toMatchObject({ code: 'crypto/no_secure_random' });
    await expect(provider.generateKeyPair('ES256')).rejects.toMatchObject({ code: 'crypto/no_secure_random' });
    expect(() => provider.randomBytes(8)).toThrow(expect.objectContaining({ code: 'crypto/no_secure_random' }));
  });
});
