import { decodeQrText, issueCode, verifyCode } from '@healthcode/core/code';
import { TEST_ISSUER_KEY } from '@healthcode/test-utils';
import { describe, expect, it } from 'vitest';
import { STANDARD_INPUT, exampleTrustList } from './support/fixtures.js';
import { qrVersionAtLevelM } from './support/qr-version.js';

const issuedAt = STANDARD_INPUT.issuedAt ?? new Date();
const negativeTestAt = new Date(issuedAt.getTime() - 30 * 3_600_000);

describe('test evidence on the code (claim nt)', () => {
  it('carries the time of the last negative test, and the standard code with it still fits QR version 10 at level M', async () => {
    const qrText = await issueCode({ ...STANDARD_INPUT, negativeTestAt }, { key: TEST_ISSUER_KEY });
    const version = qrVersionAtLevelM(qrText);
    console.info(`standard code with nt: QR version ${version}-M, ${qrText.length} characters`);
    expect(version).toBeLessThanOrEqual(10);
    expect(decodeQrText(qrText).jws).toBeTruthy();
  });

  it('gives the verifier the sampling time, to the second, and leaves codes without it unchanged', async () => {
    const trust = exampleTrustList(TEST_ISSUER_KEY, { issuers: exampleTrustList(TEST_ISSUER_KEY).issuers.slice(0, 1) });
    const now = new Date(issuedAt.getTime() + 1000);
    const withTest = await verifyCode(await issueCode({ ...STANDARD_INPUT, negativeTestAt }, { key: TEST_ISSUER_KEY }), { trust, now });
    expect(withTest).toMatchObject({ valid: true, negativeTestAt: new Date(Math.floor(negativeTestAt.getTime() / 1000) * 1000) });
    const without = await verifyCode(await issueCode(STANDARD_INPUT, { key: TEST_ISSUER_KEY }), { trust, now });
    expect(without.valid && 'negativeTestAt' in without).toBe(false);
  });

  it('refuses to issue a test sampled after the code', async () => {
    await expect(issueCode({ ...STANDARD_INPUT, negativeTestAt: new Date(issuedAt.getTime() + 60_000) }, { key: TEST_ISSUER_KEY })).rejects.toMatchObject({ code: 'code/invalid_input' });
  });
});
