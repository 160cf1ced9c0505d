import { TrustListError, verifyCode, verifyTrustList, type TrustList } from '@healthcode/core';
import { generateKeyPair, issueCode, signTrustList, toPublicJwk, type PrivateJwk } from '@healthcode/core/code';
import { TEST_ISSUER_KEY, TEST_ROOT_KEY } from '@healthcode/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeOracle } from './support/node-oracle.js';
import { STANDARD_INPUT, T0_SECONDS, at, exampleTrustList } from './support/fixtures.js';

let list: TrustList;
let signed: string;
const root = toPublicJwk(TEST_ROOT_KEY);

beforeAll(async () => {
  list = exampleTrustList((await generateKeyPair({ kid: 'zj-2026-1' })).privateJwk, { expiresAt: T0_SECONDS + 7 * 86_400 });
  signed = await signTrustList(list, TEST_ROOT_KEY);
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'accepted';
  } catch (err) {
    expect(err).toBeInstanceOf(TrustListError);
    return (err as TrustListError).code;
  }
}

const b64uJson = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('signed trust list', () => {
  it('round-trips through the root signature, frozen, and verifies codes', async () => {
    const verified = await verifyTrustList(signed, root, { now: at(0) });
    expect(verified).toEqual(list);
    expect(Object.isFrozen(verified.issuers[0]!.keys)).toBe(true);
    const qr = await issueCode(STANDARD_INPUT, { key: TEST_ISSUER_KEY });
    expect(await verifyCode(qr, { trust: verified, now: at(1) })).toMatchObject({ valid: true });
  });

  it('picks the root key by kid among several pinned roots', async () => {
    const other = (await generateKeyPair({ kid: 'root-2' })).publicJwk;
    expect(await codeOf(verifyTrustList(signed, [other, root], { now: at(0) }))).toBe('accepted');
    expect(await codeOf(verifyTrustList(signed, [other], { now: at(0) }))).toBe('trust_list/unknown_key');
  });

  it('refuses a list whose payload was altered', async () => {
    const [h, , s] = signed.split('.');
    const tampered = `${h}.${b64uJson({ ...list, sequence: 99 })}.${s}`;
    expect(await codeOf(verifyTrustList(tampered, root, { now: at(0) }))).toBe('trust_list/bad_signature');
  });

  it('refuses a list signed by a key with the root kid but not the root', async () => {
    const impostor: PrivateJwk = { ...(await generateKeyPair({ kid: TEST_ROOT_KEY.kid })).privateJwk };
    expect(await codeOf(verifyTrustList(await signTrustList(list, impostor), root, { now: at(0) }))).toBe('trust_list/bad_signature');
  });

  it('refuses a health code JWS presented as a trust list (distinct typ)', async () => {
    const [h, p, s] = signed.split('.');
    const header = JSON.parse(Buffer.from(h!, 'base64url').toString()) as object;
    const asCode = `${b64uJson({ ...header, typ: 'HC1' })}.${p}.${s}`;
    expect(await codeOf(verifyTrustList(asCode, root, { now: at(0) }))).toBe('trust_list/wrong_type');
  });

  it('refuses rollbacks when given the sequence already held', async () => {
    expect(await codeOf(verifyTrustList(signed, root, { now: at(0), minSequence: 7 }))).toBe('accepted');
    expect(await codeOf(verifyTrustList(signed, root, { now: at(0), minSequence: 8 }))).toBe('trust_list/stale');
  });

  it('refuses expired and future lists', async () => {
    expect(await codeOf(verifyTrustList(signed, root, { now: at(8 * 86_400) }))).toBe('trust_list/expired');
    expect(await codeOf(verifyTrustList(signed, root, { now: at(-2 * 86_400) }))).toBe('trust_list/not_yet_valid');
  });

  it('refuses to judge with an unusable clock rather than accept an expired list', async () => {
    expect(await codeOf(verifyTrustList(signed, root, { now: new Date(Number.NaN) }))).toBe('trust_list/invalid_options');
    expect(await codeOf(verifyTrustList(signed, root, { now: at(8 * 86_400), clockSkew: Number.POSITIVE_INFINITY }))).toBe('trust_list/invalid_options');
    expect(await codeOf(verifyTrustList(signed, root, { now: '2026-11-27' as unknown as Date }))).toBe('trust_list/invalid_options');
    // A huge but finite skew would make an expired list valid again: bounded like verifyCode's.
    expect(await codeOf(verifyTrustList(signed, root, { now: at(8 * 86_400), clockSkew: 1e9 }))).toBe('trust_list/invalid_options');
    expect(await codeOf(verifyTrustList(signed, root, { now: at(8 * 86_400), clockSkew: 3601 }))).toBe('trust_list/invalid_options');
  });

  it('refuses text that is not a compact JWS', async () => {
    expect(await codeOf(verifyTrustList('not.a.jws!', root))).toBe('trust_list/malformed');
    expect(await codeOf(verifyTrustList(42 as unknown as string, root))).toBe('trust_list/malformed');
  });

  it('will not sign, nor accept, a list that reuses a key id across issuers', async () => {
    const dup = { ...list, issuers: [list.issuers[0]!, { ...list.issuers[1]!, keys: list.issuers[0]!.keys }] };
    expect(await codeOf(signTrustList(dup, TEST_ROOT_KEY))).toBe('trust_list/invalid_content');
    const h = signed.split('.')[0]!;
    const p = b64uJson(dup);
    const sig = nodeOracle.sign('ES256', TEST_ROOT_KEY, Buffer.from(`${h}.${p}`));
    expect(await codeOf(verifyTrustList(`${h}.${p}.${Buffer.from(sig).toString('base64url')}`, root, { now: at(0) }))).toBe('trust_list/invalid_content');
  });
});
