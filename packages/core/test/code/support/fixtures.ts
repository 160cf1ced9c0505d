import { webcrypto } from 'node:crypto';
import { toPublicJwk, webCryptoProvider, wrapJws, type IssueCodeInput, type PrivateJwk } from '@healthcode/core/code';
import { type TrustList } from '@healthcode/core';
import { TEST_ISSUER_KEY, TEST_ISSUER_NEXT_KEY, TEST_RSA_KEY } from '@healthcode/test-utils';

/** Fixed issue time of the examples: 2026-11-18T08:00:00Z. */
export const T0 = new Date('2026-11-18T08:00:00Z');
/** T0 as NumericDate. */
export const T0_SECONDS = T0.getTime() / 1000;
/** A time `seconds` after T0. */
export const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

/** The standard code of the spec: 3-character masked name, 4-digit tail, 16-character subject. */
export const STANDARD_INPUT: IssueCodeInput = {
  issuer: 'cn-310000',
  subject: 'q3Vx9KpL2mTz8RwA',
  status: 'green',
  region: '310000',
  display: { name: '张*三', documentTail: '1234' },
  codeId: 'Xb7fQ2LmN9aK',
  issuedAt: T0,
};

/** RSA test keys for RS256 and PS256. */
export const RS256_KEY: PrivateJwk = { ...TEST_RSA_KEY };
export const PS256_KEY: PrivateJwk = { ...TEST_RSA_KEY, kid: 'example-rsa-pss-1', alg: 'PS256' };

/**
 * A trust list with Shanghai (ES256 keys 1 and 2 side by side, plus RSA keys) and Zhejiang
 * (`zhejiangKey`), valid from T0 - 1 day.
 */
export function exampleTrustList(zhejiangKey: PrivateJwk, overrides: Partial<TrustList> = {}): TrustList {
  return {
    sequence: 7,
    issuedAt: T0_SECONDS - 86_400,
    issuers: [
      {
        id: 'cn-310000',
        name: '上海市卫生健康委员会',
        regions: ['310000'],
        keys: [
          { jwk: toPublicJwk(TEST_ISSUER_KEY), notBefore: T0_SECONDS - 30 * 86_400, notAfter: T0_SECONDS + 30 * 86_400 },
          { jwk: toPublicJwk(TEST_ISSUER_NEXT_KEY), notBefore: T0_SECONDS - 86_400 },
          { jwk: toPublicJwk(RS256_KEY) },
          { jwk: toPublicJwk(PS256_KEY) },
        ],
      },
      { id: 'cn-330000', name: '浙江省卫生健康委员会', regions: ['330000'], keys: [{ jwk: toPublicJwk(zhejiangKey) }] },
    ],
    revokedKeyIds: [],
    revokedCodeIds: [],
    ...overrides,
  };
}

const b64u = (data: string | Uint8Array) => Buffer.from(data).toString('base64url');

/**
 * Signs arbitrary header and payload JSON as a code QR text, bypassing issueCode's checks, to build
 * hostile but correctly signed codes.
 */
export async function craftCode(header: object, payload: object | string, key: PrivateJwk): Promise<string> {
  const signingInput = `${b64u(JSON.stringify(header))}.${b64u(typeof payload === 'string' ? payload : JSON.stringify(payload))}`;
  const sig = await webCryptoProvider(webcrypto.subtle).sign(key.alg, key, new TextEncoder().encode(signingInput));
  return wrapJws(`${signingInput}.${b64u(sig)}`);
}

/** The claims issueCode writes for {@link STANDARD_INPUT}, for crafting variants. */
export const STANDARD_CLAIMS = {
  iss: 'cn-310000',
  sub: 'q3Vx9KpL2mTz8RwA',
  st: 'g',
  iat: T0_SECONDS,
  exp: T0_SECONDS + 600,
  nm: '张*三',
  dt: '1234',
  rg: '310000',
  jti: 'Xb7fQ2LmN9aK',
};
