import { checkAdmission, parseCheckpointPolicy } from '@healthcode/core/checkpoint';
import { issueCode } from '@healthcode/core/code';
import { TEST_ISSUER_KEY } from '@healthcode/test-utils';
import { describe, expect, it } from 'vitest';
import { STANDARD_INPUT, at, exampleTrustList } from '../code/support/fixtures.js';

const trust = exampleTrustList(TEST_ISSUER_KEY, { issuers: exampleTrustList(TEST_ISSUER_KEY).issuers.slice(0, 1) });
const now = at(60);
const code = (input: Partial<typeof STANDARD_INPUT> = {}) => issueCode({ ...STANDARD_INPUT, ...input }, { key: TEST_ISSUER_KEY });

describe('checkpoint policies as data', () => {
  it('reads the written forms of a policy', () => {
    expect(parseCheckpointPolicy('green')).toEqual({ admit: ['green'] });
    expect(parseCheckpointPolicy('green_or_yellow')).toEqual({ admit: ['green', 'yellow'] });
    expect(parseCheckpointPolicy('green+test:48h')).toEqual({ admit: ['green'], negativeTestWithinHours: 48 });
  });

  it.each(['', 'blue', 'green+test:0h', 'green+test:48', 'green+test:48h+'])('refuses %j with a typed error', (text) => {
    expect(() => parseCheckpointPolicy(text)).toThrow(expect.objectContaining({ code: 'checkpoint/invalid_policy' }));
  });

  it('admits the colours the policy names and refuses the others', async () => {
    const policy = parseCheckpointPolicy('green_or_yellow');
    expect(await checkAdmission(await code({ status: 'yellow' }), policy, { trust, now })).toMatchObject({ decision: 'admit', reason: 'admitted' });
    expect(await checkAdmission(await code({ status: 'red' }), policy, { trust, now })).toMatchObject({ decision: 'refuse', reason: 'status_not_admitted' });
  });

  it('asks for a negative test no older than the policy allows', async () => {
    const policy = parseCheckpointPolicy('green+test:48h');
    const recent = await code({ negativeTestAt: at(-47 * 3600) });
    const old = await code({ negativeTestAt: at(-49 * 3600) });
    expect(await checkAdmission(recent, policy, { trust, now })).toMatchObject({ decision: 'admit' });
    expect(await checkAdmission(old, policy, { trust, now })).toMatchObject({ decision: 'refuse', reason: 'negative_test_too_old' });
    expect(await checkAdmission(await code(), policy, { trust, now })).toMatchObject({ decision: 'refuse', reason: 'negative_test_missing' });
  });

  it('refuses a forged or expired code, and answers cannot_verify when the device has no usable trust list', async () => {
    const policy = parseCheckpointPolicy('green');
    const valid = await code();
    const tampered = `${valid.slice(0, 120)}${valid[120] === '1' ? '2' : '1'}${valid.slice(121)}`;
    expect(await checkAdmission(tampered, policy, { trust, now })).toMatchObject({ decision: 'refuse' });
    expect(await checkAdmission(valid, policy, { trust, now: at(86_400) })).toMatchObject({ decision: 'refuse', reason: 'expired' });
    expect(await checkAdmission(valid, policy, { trust: { ...trust, expiresAt: 1 }, now })).toMatchObject({ decision: 'cannot_verify', reason: 'trust_list_expired' });
  });
});
