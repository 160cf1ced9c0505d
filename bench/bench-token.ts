// The token every crypto benchmark verifies, so that all rows of one run measure the same work:
// a standard code signed by the fixed test issuer key, and a trust list as a verifier holds it.
import { decodeQrText, issueCode, signTrustList, toPublicJwk, type CryptoProvider } from '@healthcode/core/code';
import { verifyCode, verifyTrustList, type TrustList } from '@healthcode/core';
import { TEST_ISSUER_KEY, TEST_ROOT_KEY } from '@healthcode/test-utils';

export const now = new Date('2026-11-18T08:01:00Z');
export const publicJwk = toPublicJwk(TEST_ISSUER_KEY);
const list: TrustList = {
  sequence: 1,
  issuedAt: Math.floor(now.getTime() / 1000) - 3600,
  issuers: [{ id: 'cn-310000', name: 'Shanghai', regions: ['310000'], keys: [{ jwk: publicJwk }] }],
  revokedKeyIds: [],
  revokedCodeIds: [],
};
// As a verifier gets it: signed by the root and checked, hence frozen and indexed once.
export const trust = await verifyTrustList(await signTrustList(list, TEST_ROOT_KEY), toPublicJwk(TEST_ROOT_KEY), { now });
// A child process (the --jitless rows) gets the parent's token, so one run measures one token.
export const qrText = process.env.BENCH_QR_TEXT ?? await issueCode(
  {
    issuer: 'cn-310000',
    subject: 'q3Vx9KpL2mTz8RwA',
    status: 'green',
    region: '310000',
    display: { name: '张*三', documentTail: '1234' },
    issuedAt: new Date('2026-11-18T08:00:00Z'),
  },
  { key: TEST_ISSUER_KEY },
);
export const { jws } = decodeQrText(qrText);
const [h, p, s] = jws.split('.') as [string, string, string];
export const signingInput = Buffer.from(`${h}.${p}`);
export const signature = Buffer.from(s, 'base64url');


/** verifyCode on the token with `crypto`; throws unless it verifies. */
export async function verifyTokenWith(crypto: CryptoProvider): Promise<void> {
  const r = await verifyCode(qrText, { trust, now, crypto });
  if (!r.valid) throw new Error(`bench token did not verify: ${r.reason}`);
}
