import { generateKeyPair, issueCode, signTrustList, toPublicJwk } from '@healthcode/core/code';
import { jsrsasignCryptoProvider } from '@healthcode/core/crypto/legacy';
import { TEST_ISSUER_KEY, TEST_ROOT_KEY } from '@healthcode/test-utils';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { RS256_KEY, STANDARD_INPUT, at, exampleTrustList } from './support/fixtures.js';

// `@healthcode/core/verify` on engines of every kind, simulated by hiding node:crypto, WebCrypto and
// BigInt before the entry is loaded afresh (it picks its provider once per load).
type VerifyEntry = typeof import('@healthcode/core/verify');

async function entryOn(engine: { webCrypto: boolean; bigInt: boolean }): Promise<VerifyEntry> {
  vi.spyOn(process, 'getBuiltinModule').mockReturnValue(undefined);
  if (!engine.webCrypto) vi.stubGlobal('crypto', undefined);
  if (!engine.bigInt) vi.stubGlobal('BigInt', undefined);
  vi.resetModules();
  const entry = (await import('../../src/verify.js')) as VerifyEntry;
  entry.builtinCryptoProvider();
  vi.unstubAllGlobals();
  return entry;
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

let signedList: string;
let es256Code: string;
let rs256Code: string;
const root = toPublicJwk(TEST_ROOT_KEY);
beforeAll(async () => {
  signedList = await signTrustList(exampleTrustList((await generateKeyPair({ kid: 'zj-2026-1' })).privateJwk), TEST_ROOT_KEY);
  es256Code = await issueCode(STANDARD_INPUT, { key: TEST_ISSUER_KEY });
  rs256Code = await issueCode(STANDARD_INPUT, { key: RS256_KEY });
});

describe('@healthcode/core/verify', () => {
  it('verifies with noble where there is BigInt but no WebCrypto, and refuses RSA as unsupported_engine', async () => {
    const entry = await entryOn({ webCrypto: false, bigInt: true });
    expect(entry.builtinCryptoProvider()?.name).toBe('noble');
    const trust = await entry.verifyTrustList(signedList, root, { now: at(0) });
    expect(await entry.verifyCode(es256Code, { trust, now: at(1) })).toMatchObject({ valid: true, status: 'green' });
    expect(await entry.verifyCode(rs256Code, { trust, now: at(1) })).toMatchObject({ valid: false, reason: 'unsupported_engine' });
  });

  it('answers unsupported_engine without BigInt, and verifies once a legacy provider is passed in', async () => {
    const entry = await entryOn({ webCrypto: false, bigInt: false });
    expect(entry.builtinCryptoProvider()).toBeUndefined();
    await expect(entry.verifyTrustList(signedList, root, { now: at(0) })).rejects.toMatchObject({ code: 'crypto/unavailable' });
    const crypto = jsrsasignCryptoProvider();
    const trust = await entry.verifyTrustList(signedList, root, { now: at(0), crypto });
    expect(await entry.verifyCode(es256Code, { trust, now: at(1) })).toMatchObject({ valid: false, reason: 'unsupported_engine' });
    expect(await entry.verifyCode(es256Code, { trust, now: at(1), crypto })).toMatchObject({ valid: true });
    expect(await entry.verifyCode(rs256Code, { trust, now: at(1), crypto })).toMatchObject({ valid: true });
  });

  it('still reports malformed codes as such on an engine that cannot check signatures', async () => {
    const entry = await entryOn({ webCrypto: false, bigInt: false });
    const trust = await entry.verifyTrustList(signedList, root, { now: at(0), crypto: jsrsasignCryptoProvider() });
    expect(await entry.verifyCode('HC1:123', { trust, now: at(1) })).toMatchObject({ valid: false, reason: 'malformed' });
  });
});
