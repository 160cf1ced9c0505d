import { CodeInputError, DEFAULT_CODE_TTL_SECONDS, decodeQrText, issueCode, type IssueCodeInput } from '@healthcode/core/code';
import { TEST_ISSUER_KEY } from '@healthcode/test-utils';
import { describe, expect, it } from 'vitest';
import { STANDARD_INPUT, T0_SECONDS } from './support/fixtures.js';

async function inputError(input: IssueCodeInput): Promise<string> {
  try {
    await issueCode(input, { key: TEST_ISSUER_KEY });
    return 'issued';
  } catch (err) {
    expect(err).toBeInstanceOf(CodeInputError);
    return (err as CodeInputError).code;
  }
}

describe('issueCode', () => {
  it('writes the short claims, default TTL and header', async () => {
    const { header, payload } = decodeQrText(await issueCode(STANDARD_INPUT, { key: TEST_ISSUER_KEY }));
    expect(header).toEqual({ alg: 'ES256', typ: 'HC1', kid: TEST_ISSUER_KEY.kid });
    expect(payload).toEqual({
      iss: 'cn-310000',
      sub: 'q3Vx9KpL2mTz8RwA',
      st: 'g',
      iat: T0_SECONDS,
      exp: T0_SECONDS + DEFAULT_CODE_TTL_SECONDS,
      nm: '张*三',
      dt: '1234',
      rg: '310000',
      jti: 'Xb7fQ2LmN9aK',
    });
  });

  it('draws a fresh 12-character code id when none is given', async () => {
    const { codeId: _, ...rest } = STANDARD_INPUT;
    const ids = await Promise.all([1, 2].map(async () => decodeQrText(await issueCode(rest, { key: TEST_ISSUER_KEY })).payload.jti));
    expect(ids[0]).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(ids[0]).not.toBe(ids[1]);
  });

  it.each<[string, Partial<IssueCodeInput>]>([
    ['an unmasked name', { display: { name: '张三丰' } }],
    ['a resident ID number as subject', { subject: '31010119900101123X' }],
    ['a region that is not a GB/T 2260 code', { region: 'SH' }],
    ['a TTL beyond 24 hours', { ttlSeconds: 86_401 }],
    ['a fractional TTL', { ttlSeconds: 1.5 }],
    ['an unknown status', { status: 'blue' as never }],
  ])('refuses %s', async (_, change) => {
    expect(await inputError({ ...STANDARD_INPUT, ...change })).toBe('code/invalid_input');
  });

  it('refuses a key without kid', async () => {
    const { kid: _, ...keyless } = TEST_ISSUER_KEY;
    await expect(issueCode(STANDARD_INPUT, { key: keyless as never })).rejects.toMatchObject({ code: 'code/invalid_key' });
  });
});
