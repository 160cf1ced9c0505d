import { createPublicKey, verify as nodeVerify, type KeyObject } from 'node:crypto';
import { issueCode, toPublicJwk, verifyCode, webCryptoProvider, signTrustList, verifyTrustList, decodeQrText, type CryptoProvider } from '@healthcode/core';
import { TEST_ISSUER_KEY, TEST_ROOT_KEY } from '@healthcode/test-utils';
const qr = await issueCode({ issuer: 'cn-310000', subject: 'q3Vx9KpL2mTz8RwA', status: 'green', region: '310000', display: { name: '张*三', documentTail: '1234' } }, { key: TEST_ISSUER_KEY });
const pub = toPublicJwk(TEST_ISSUER_KEY);
const now = new Date();
const trust = await verifyTrustList(await signTrustList({ sequence: 1, issuedAt: 0, issuers: [{ id: 'cn-310000', name: 'S', regions: ['310000'], keys: [{ jwk: pub }] }], revokedKeyIds: [], revokedCodeIds: [] }, TEST_ROOT_KEY), toPublicJwk(TEST_ROOT_KEY));
const [h, pl, s] = decodeQrText(qr).jws.split('.');
const si = Buffer.from(`${h}.${pl}`); const sig = Buffer.from(s!, 'base64url');
const ko = createPublicKey({ key: { ...pub }, format: 'jwk' });
const cache = new Map<string, KeyObject>();
const web = webCryptoProvider();
const nodeProvider: CryptoProvider = { ...web, name: 'node', async verify(alg, key, data, signature) {
  let k = cache.get(key.kid + key.x); if (!k) { k = createPublicKey({ key: { ...key }, format: 'jwk' }); cache.set(key.kid + key.x, k); }
  return nodeVerify('sha256', data, { key: k, dsaEncoding: 'ieee-p1363' }, signature);
} };
const ops: Record<string, () => unknown> = {
  node: () => nodeVerify('sha256', si, { key: ko, dsaEncoding: 'ieee-p1363' }, sig),
  verifyCodeNode: () => verifyCode(qr, { trust, crypto: nodeProvider, now }),
  verifyCodeWeb: () => verifyCode(qr, { trust, crypto: web, now }),
};
const res: Record<string, number[]> = {};
for (let r = 0; r < 7; r++) for (const [k, f] of Object.entries(ops)) {
  let n = 0; const st = performance.now(); while (performance.now() - st < 300) { await f(); n++; }
  (res[k] ??= []).push(n / ((performance.now() - st) / 1000));
}
const med = (x: number[]) => [...x].sort((a, b) => a - b)[3]!;
for (const [k, v] of Object.entries(res)) console.log(k.padEnd(16), med(v).toFixed(0), (med(v) / med(res.node!)).toFixed(2));
