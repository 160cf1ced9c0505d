import { DEFAULT_CODE_TTL_SECONDS, generateKeyPair, issueCode, type PrivateJwk } from '@healthcode/core/code';
import { verifyCode, type TrustList, type VerifyResult } from '@healthcode/core';
import { TEST_ISSUER_KEY, TEST_ISSUER_NEXT_KEY } from '@healthcode/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { PS256_KEY, RS256_KEY, STANDARD_CLAIMS, STANDARD_INPUT, T0, T0_SECONDS, at, craftCode, exampleTrustList } from './support/fixtures.js';

let zhejiang: PrivateJwk;
let trust: TrustList;
let standard: string;

beforeAll(async () => {
  zhejiang = (await generateKeyPair({ kid: 'zj-2026-1' })).privateJwk;
  trust = exampleTrustList(zhejiang);
  standard = await issueCode(STANDARD_INPUT, { key: TEST_ISSUER_KEY });
});

const reasonOf = (r: VerifyResult) => (r.valid ? 'valid' : r.reason);
const HEADER = { alg: 'ES256', typ: 'HC1', kid: TEST_ISSUER_KEY.kid };

describe('verifyCode: accepting', () => {
  it('returns what the code says and who issued it', async () => {
    expect(await verifyCode(standard, { trust, now: at(60) })).toEqual({
      valid: true,
      status: 'green',
      issuer: { id: 'cn-310000', name: '上海市卫生健康委员会' },
      region: '310000',
      subject: STANDARD_INPUT.subject,
      codeId: STANDARD_INPUT.codeId,
      issuedAt: T0,
      expiresAt: at(DEFAULT_CODE_TTL_SECONDS),
      display: { name: '张*三', documentTail: '1234' },
      keyId: TEST_ISSUER_KEY.kid,
      alg: 'ES256',
    });
  });

  it('accepts old and new keys side by side during a rotation', async () => {
    const next = await issueCode(STANDARD_INPUT, { key: TEST_ISSUER_NEXT_KEY });
    expect(await verifyCode(next, { trust, now: at(1) })).toMatchObject({ valid: true, keyId: TEST_ISSUER_NEXT_KEY.kid });
    expect(await verifyCode(standard, { trust, now: at(1) })).toMatchObject({ valid: true, keyId: TEST_ISSUER_KEY.kid });
  });

  it('accepts a code written with the deprecated HC1: prefix of format version 1', async () => {
    const legacy = standard.replace(/^HCODE2:/, 'HC1:');
    expect(await verifyCode(legacy, { trust, now: at(1) })).toEqual(await verifyCode(standard, { trust, now: at(1) }));
  });

  it.each([
    ['RS256', RS256_KEY],
    ['PS256', PS256_KEY],
  ])('accepts %s codes from issuers with RSA keys', async (alg, key) => {
    const qr = await issueCode(STANDARD_INPUT, { key });
    expect(await verifyCode(qr, { trust, now: at(1) })).toMatchObject({ valid: true, alg });
  });

  it('accepts a district code from an issuer holding the province (GB/T 2260 hierarchy)', async () => {
    const qr = await issueCode({ ...STANDARD_INPUT, region: '310104' }, { key: TEST_ISSUER_KEY });
    expect(await verifyCode(qr, { trust, now: at(1) })).toMatchObject({ valid: true, region: '310104' });
  });

  it('floors non-integer NumericDates', async () => {
    const qr = await craftCode(HEADER, { ...STANDARD_CLAIMS, iat: T0_SECONDS + 0.9, exp: T0_SECONDS + 600.75 }, TEST_ISSUER_KEY);
    expect(await verifyCode(qr, { trust, now: at(1) })).toMatchObject({ valid: true, issuedAt: T0, expiresAt: at(600) });
  });

  it('tolerates clock skew within clockSkew on both ends', async () => {
    expect(reasonOf(await verifyCode(standard, { trust, now: at(-50) }))).toBe('valid');
    expect(reasonOf(await verifyCode(standard, { trust, now: at(650) }))).toBe('valid');
    expect(reasonOf(await verifyCode(standard, { trust, now: at(650), clockSkew: 0 }))).toBe('expired');
  });
});

describe('verifyCode: refusing, with a stable reason', () => {
  it('refuses text over the size limit before parsing', async () => {
    expect(reasonOf(await verifyCode(`HCODE2:${'1'.repeat(3000)}`, { trust }))).toBe('too_large');
  });

  it.each([
    ['empty text', ''],
    ['a URL', 'https://example.com/?c=1'],
    ['the prefix alone', 'HCODE2:'],
    ['a truncated code', 'HCODE2:0028174985758132546593435924'],
    ['a raw compact JWS', 'eyJhbGciOiJFUzI1NiJ9.e30.AAAA'],
  ])('refuses %s as malformed', async (_, text) => {
    expect(reasonOf(await verifyCode(text, { trust }))).toBe('malformed');
  });

  it('refuses an algorithm outside the verifier allow-list, whatever the token says', async () => {
    expect(reasonOf(await verifyCode(standard, { trust, now: at(1), algorithms: ['RS256'] }))).toBe('unsupported_algorithm');
  });

  it.each([
    ['none', { alg: 'none', typ: 'HC1', kid: TEST_ISSUER_KEY.kid }],
    ['HS256', { alg: 'HS256', typ: 'HC1', kid: TEST_ISSUER_KEY.kid }],
  ])('refuses alg %s', async (_, header) => {
    const qr = await craftCode(header, STANDARD_CLAIMS, TEST_ISSUER_KEY);
    expect(reasonOf(await verifyCode(qr, { trust, now: at(1) }))).toBe('unsupported_algorithm');
  });

  it.each(['jku', 'jwk', 'x5u', 'x5c', 'crit'])('refuses a header carrying %s', async (member) => {
    const qr = await craftCode({ ...HEADER, [member]: member === 'crit' ? ['exp'] : 'https://evil.example/k' }, STANDARD_CLAIMS, TEST_ISSUER_KEY);
    expect(reasonOf(await verifyCode(qr, { trust, now: at(1) }))).toBe('forbidden_header');
  });

  it('refuses a header without kid, and one of another typ', async () => {
    const noKid = await craftCode({ alg: 'ES256', typ: 'HC1' }, STANDARD_CLAIMS, TEST_ISSUER_KEY);
    const otherTyp = await craftCode({ ...HEADER, typ: 'hc1-trust' }, STANDARD_CLAIMS, TEST_ISSUER_KEY);
    expect(reasonOf(await verifyCode(noKid, { trust, now: at(1) }))).toBe('malformed');
    expect(reasonOf(await verifyCode(otherTyp, { trust, now: at(1) }))).toBe('wrong_type');
  });

  it('refuses a code whose issuer is not in the trust list', async () => {
    const qr = await craftCode(HEADER, { ...STANDARD_CLAIMS, iss: 'cn-110000' }, TEST_ISSUER_KEY);
    expect(reasonOf(await verifyCode(qr, { trust, now: at(1) }))).toBe('unknown_issuer');
  });

  it('refuses a token whose kid is unknown', async () => {
    const stranger = (await generateKeyPair({ kid: 'stranger' })).privateJwk;
    const qr = await issueCode(STANDARD_INPUT, { key: stranger });
    expect(reasonOf(await verifyCode(qr, { trust, now: at(1) }))).toBe('unknown_key');
  });

  it("refuses one issuer's key vouching for another issuer (key looked up within the claimed issuer)", async () => {
    const qr = await issueCode({ ...STANDARD_INPUT, issuer: 'cn-330000' }, { key: TEST_ISSUER_KEY });
    expect(reasonOf(await verifyCode(qr, { trust, now: at(1) }))).toBe('unknown_key');
  });

  it('refuses an issuer signing for a region it does not hold (cross-issuer defence)', async () => {
    const qr = await issueCode({ ...STANDARD_INPUT, issuer: 'cn-330000', region: '310000' }, { key: zhejiang });
    expect(reasonOf(await verifyCode(qr, { trust, now: at(1) }))).toBe('region_not_allowed');
  });

  it('refuses a signature by another key under a trusted kid', async () => {
    const impostor = { ...zhejiang, kid: TEST_ISSUER_KEY.kid };
    const qr = await issueCode(STANDARD_INPUT, { key: impostor });
    expect(reasonOf(await verifyCode(qr, { trust, now: at(1) }))).toBe('bad_signature');
  });

  it('refuses a header alg that differs from the trusted key alg', async () => {
    const qr = await craftCode({ ...HEADER, alg: 'PS256', kid: RS256_KEY.kid }, STANDARD_CLAIMS, PS256_KEY);
    expect(reasonOf(await verifyCode(qr, { trust, now: at(1) }))).toBe('algorithm_mismatch');
  });

  it('refuses expired and not-yet-valid codes', async () => {
    expect(reasonOf(await verifyCode(standard, { trust, now: at(DEFAULT_CODE_TTL_SECONDS + 61) }))).toBe('expired');
    expect(reasonOf(await verifyCode(standard, { trust, now: at(-61) }))).toBe('not_yet_valid');
  });

  it('refuses revoked codes and codes signed by revoked keys', async () => {
    const revokedCode = exampleTrustList(zhejiang, { revokedCodeIds: [STANDARD_INPUT.codeId!] });
    const revokedKey = exampleTrustList(zhejiang, { revokedKeyIds: [TEST_ISSUER_KEY.kid] });
    expect(reasonOf(await verifyCode(standard, { trust: revokedCode, now: at(1) }))).toBe('revoked');
    expect(reasonOf(await verifyCode(standard, { trust: revokedKey, now: at(1) }))).toBe('key_revoked');
  });

  it('refuses codes issued or checked outside the key validity window', async () => {
    const late = await issueCode({ ...STANDARD_INPUT, issuedAt: at(31 * 86_400) }, { key: TEST_ISSUER_KEY });
    expect(reasonOf(await verifyCode(late, { trust, now: at(31 * 86_400 + 1) }))).toBe('key_not_valid');
    const early = await issueCode({ ...STANDARD_INPUT, issuedAt: at(-2 * 86_400) }, { key: TEST_ISSUER_NEXT_KEY });
    expect(reasonOf(await verifyCode(early, { trust, now: at(-2 * 86_400 + 1) }))).toBe('key_not_valid');
  });

  it('refuses everything against an expired trust list', async () => {
    const stale = exampleTrustList(zhejiang, { expiresAt: T0_SECONDS - 3600 });
    expect(reasonOf(await verifyCode(standard, { trust: stale, now: at(1) }))).toBe('trust_list_expired');
  });

  it('refuses claims that break the schema even when signed', async () => {
    const cases = [
      { ...STANDARD_CLAIMS, sub: '310101199001011234' },
      { ...STANDARD_CLAIMS, nm: '张三丰' },
      { ...STANDARD_CLAIMS, st: 'green' },
      { ...STANDARD_CLAIMS, exp: T0_SECONDS },
      { ...STANDARD_CLAIMS, rg: 'SH' },
    ];
    for (const claims of cases) {
      const qr = await craftCode(HEADER, claims, TEST_ISSUER_KEY);
      expect(reasonOf(await verifyCode(qr, { trust, now: at(1) }))).toBe('malformed');
    }
    expect(reasonOf(await verifyCode(await craftCode(HEADER, 'not json', TEST_ISSUER_KEY), { trust, now: at(1) }))).toBe('malformed');
  });

  it('answers bad options and trust lists with a result instead of throwing', async () => {
    const results = [
      await verifyCode(standard, { trust: null as unknown as TrustList }),
      await verifyCode(standard, { trust: { ...trust, issuers: 'x' } as unknown as TrustList }),
      await verifyCode(standard, { trust, now: new Date(Number.NaN) }),
      await verifyCode(standard, { trust, now: 1_794_988_800 as unknown as Date }),
      await verifyCode(standard, { trust, algorithms: 'ES256' as never }),
      await verifyCode(standard, undefined as never),
      await verifyCode(42 as unknown as string, { trust }),
    ];
    expect(results.map(reasonOf)).toEqual([
      'invalid_trust_list',
      'invalid_trust_list',
      'invalid_options',
      'invalid_options',
      'invalid_options',
      'invalid_trust_list',
      'malformed',
    ]);
  });

  it('sees a revocation added to a mutable trust list after earlier verifications', async () => {
    const mutable = exampleTrustList(zhejiang);
    expect(reasonOf(await verifyCode(standard, { trust: mutable, now: at(1) }))).toBe('valid');
    mutable.revokedCodeIds.push(STANDARD_INPUT.codeId!);
    expect(reasonOf(await verifyCode(standard, { trust: mutable, now: at(1) }))).toBe('revoked');
  });
});
