import { nobleCryptoProvider, toPublicJwk } from '@healthcode/core/code';
import { es256SignatureForgeries, TEST_ISSUER_KEY } from '@healthcode/test-utils';
import { describe, expect, it, vi } from 'vitest';
import * as p256 from '../../src/code/crypto/noble-p256.js';

// Spied on so the tests can see whether a signature ever reached noble's curve arithmetic.
vi.mock('../../src/code/crypto/noble-p256.js', async (original) => {
  const actual = await original<typeof import('../../src/code/crypto/noble-p256.js')>();
  return { ...actual, verifyP256: vi.fn(actual.verifyP256) };
});

const data = new Uint8Array([104, 99, 49]);
const pub = toPublicJwk(TEST_ISSUER_KEY);

describe('noble provider', () => {
  it('refuses DER, zero and out-of-range signatures before any curve arithmetic (CVE-2022-21449)', async () => {
    const provider = nobleCryptoProvider();
    const valid = await provider.sign('ES256', TEST_ISSUER_KEY, data);
    vi.mocked(p256.verifyP256).mockClear();
    for (const [label, forged] of es256SignatureForgeries(valid)) {
      expect([label, await provider.verify('ES256', pub, data, forged)]).toEqual([label, false]);
    }
    expect(p256.verifyP256).not.toHaveBeenCalled();
    expect(await provider.verify('ES256', pub, data, valid)).toBe(true);
    expect(p256.verifyP256).toHaveBeenCalledTimes(1);
  });

  it('refuses every signature under a key whose point is not on the curve', async () => {
    const provider = nobleCryptoProvider();
    const valid = await provider.sign('ES256', TEST_ISSUER_KEY, data);
    const y = Buffer.from(pub.y!, 'base64url');
    y[31]! ^= 1;
    expect(await provider.verify('ES256', { ...pub, y: y.toString('base64url') }, data, valid)).toBe(false);
    expect(await provider.verify('ES256', { ...pub, x: Buffer.alloc(32, 0xff).toString('base64url') }, data, valid)).toBe(false);
  });

  it('signs deterministically (RFC 6979), so it needs no random source to sign', async () => {
    const provider = nobleCryptoProvider();
    vi.stubGlobal('crypto', undefined);
    try {
      const a = await provider.sign('ES256', TEST_ISSUER_KEY, data);
      expect(await provider.sign('ES256', TEST_ISSUER_KEY, data)).toEqual(a);
      expect(() => provider.randomBytes(8)).toThrow(expect.objectContaining({ code: 'crypto/no_secure_random' }));
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('is unavailable on an engine without BigInt', () => {
    vi.stubGlobal('BigInt', undefined);
    try {
      expect(() => nobleCryptoProvider()).toThrow(expect.objectContaining({ code: 'crypto/unavailable' }));
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
