import { issueCode, toPublicJwk } from '@healthcode/core/code';
import { type TrustList } from '@healthcode/core';
import { TEST_ISSUER_KEY } from '@healthcode/test-utils';
import type { AnyCodeTrust } from '@healthcode/any-code';
import { newP256Key } from './keys.js';
import { signingCertificate } from './certificate.js';
import { didDocument, euDcc, nzCovidPass, SHC_ISSUER, smartHealthCard } from './vectors.js';

/** The verification time of every test; each vector is valid around it unless a test says otherwise. */
export const NOW = new Date('2026-11-18T08:05:00Z');
export const DAY = 86_400_000;
export const days = (n: number) => new Date(NOW.getTime() + n * DAY);

export const VACCINATION_EKU = '1.3.6.1.4.1.1847.2021.1.2';
export const TEST_EKU = '1.3.6.1.4.1.1847.2021.1.1';

/** One key of each foreign issuer, the trust that names them, and a valid code of every format. */
export async function world() {
  const eu = newP256Key();
  const euCert = signingCertificate(eu, { extendedKeyUsage: [VACCINATION_EKU] });
  const shc = newP256Key();
  const nz = newP256Key();
  const healthCodeTrust: TrustList = {
    sequence: 1,
    issuedAt: Math.floor(days(-1).getTime() / 1000),
    issuers: [{ id: 'cn-310000', name: '上海市卫生健康委员会', regions: ['310000'], keys: [{ jwk: toPublicJwk(TEST_ISSUER_KEY) }] }],
    revokedKeyIds: [],
    revokedCodeIds: [],
  };
  const trust: AnyCodeTrust = {
    healthCode: healthCodeTrust,
    euDcc: { certificates: [Buffer.from(euCert).toString('base64')] },
    shc: { issuers: [{ iss: SHC_ISSUER, jwks: { keys: [{ ...shc.publicJwk, kid: 'shc-1', alg: 'ES256', use: 'sig' }] }, revocations: [{ kid: 'shc-1', rids: ['revokedRid1'] }] }] },
    nzcp: { didDocuments: [didDocument(nz, 'key-1')] },
  };
  const codes = {
    healthcode: await issueCode(
      { issuer: 'cn-310000', subject: 'q3Vx9KpL2mTz8RwA', status: 'green', region: '310000', display: { name: '张*三' }, codeId: 'Xb7fQ2LmN9aK', issuedAt: new Date('2026-11-18T08:00:00Z') },
      { key: TEST_ISSUER_KEY },
    ),
    'eu-dcc': euDcc(eu, euCert, { iat: days(-10), exp: days(300) }),
    shc: smartHealthCard(shc, 'shc-1', { nbf: days(-10) }),
    nzcp: nzCovidPass(nz, 'key-1', { nbf: days(-10), exp: days(300) }),
  };
  return { keys: { eu, euCert, shc, nz }, trust, codes };
}
