import { readFileSync } from 'node:fs';
import { FOREIGN_FAILURE_REASONS, verifyAnyCode, type AnyCodeResult } from '@healthcode/any-code';
import { maskName } from '@healthcode/core/privacy';
import { beforeAll, describe, expect, it } from 'vitest';
import { signingCertificate } from './support/certificate.js';
import { newP256Key } from './support/keys.js';
import { days, NOW, TEST_EKU, world } from './support/trust.js';
import { euDcc, nzCovidPass, smartHealthCard, VACCINATION } from './support/vectors.js';

let w: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  w = await world();
});

const reasonOf = (r: AnyCodeResult) => (r.valid ? 'valid' : r.reason);
const verify = (text: string, trust = w.trust, now = NOW) => verifyAnyCode(text, trust, { now });

describe('verifyAnyCode: one answer for every format', () => {
  it('accepts a HealthCode, with its status and masked name', async () => {
    expect(await verify(w.codes.healthcode)).toMatchObject({ valid: true, format: 'healthcode', issuer: 'cn-310000', certifies: ['health-status'], holder: '张*三', status: 'green' });
  });

  it('still reads a HealthCode written with the deprecated HC1: prefix as a HealthCode, not an EU certificate', async () => {
    const legacy = w.codes.healthcode.replace(/^HCODE2:/, 'HC1:');
    expect(await verify(legacy)).toMatchObject({ valid: true, format: 'healthcode' });
  });

  it('accepts an EU DCC vaccination certificate, with its window and the name masked', async () => {
    expect(await verify(w.codes['eu-dcc'])).toEqual({
      valid: true,
      reason: 'valid',
      format: 'eu-dcc',
      issuer: 'AT',
      validFrom: new Date(Math.floor(days(-10).getTime() / 1000) * 1000),
      validUntil: new Date(Math.floor(days(300).getTime() / 1000) * 1000),
      certifies: ['vaccination'],
      holder: maskName('Erika Musterfrau'),
    });
  });

  it('accepts a SMART Health Card, which need not expire', async () => {
    const result = await verify(w.codes.shc);
    expect(result).toMatchObject({ valid: true, format: 'shc', issuer: 'https://issuer.test.example', certifies: ['vaccination'], holder: maskName('John B. Anyperson') });
    expect(result.valid && result.validUntil).toBeUndefined();
  });

  it('accepts an NZ COVID Pass from a DID document the integrator supplied', async () => {
    expect(await verify(w.codes.nzcp)).toMatchObject({ valid: true, format: 'nzcp', issuer: 'did:web:nzcp.test.example', certifies: ['vaccination'], holder: maskName('Jack Sparrow') });
  });
});

describe('verifyAnyCode: refusing, with a stable reason', () => {
  it.each([
    ['text of no known format', 'https://example.com/?code=1', 'unrecognised_format'],
    ['text over the size limit', `HC1:${'A'.repeat(9000)}`, 'too_large'],
    ['EU text that is not base45', 'HC1:abc', 'bad_encoding'],
    ['EU base45 that is not zlib', 'HC1:A00', 'bad_compression'],
    ['a SMART card split over several QR codes', 'shc:/1/3/5676290952432060346029243740', 'chunked'],
    ['SMART digits that are not character pairs', 'shc:/567', 'bad_encoding'],
    ['NZCP text that is not base32', 'NZCP:/1/abc', 'bad_encoding'],
  ])('refuses %s', async (_, text, reason) => {
    expect(reasonOf(await verify(text))).toBe(reason);
  });

  it('refuses every format for which the integrator supplied no trust, fetching nothing', async () => {
    for (const code of Object.values(w.codes)) expect(reasonOf(await verify(code, {}))).toBe('no_trust');
  });

  it('refuses codes signed by keys it does not trust', async () => {
    const stranger = newP256Key();
    expect(reasonOf(await verify(euDcc(stranger, signingCertificate(stranger), { iat: days(-1), exp: days(1) })))).toBe('unknown_key');
    expect(reasonOf(await verify(smartHealthCard(stranger, 'other-kid', { nbf: days(-1) })))).toBe('unknown_key');
    expect(reasonOf(await verify(nzCovidPass(stranger, 'key-2', { nbf: days(-1), exp: days(1) })))).toBe('unknown_key');
  });

  it('refuses codes whose trusted kid was used by another key', async () => {
    const stranger = newP256Key();
    expect(reasonOf(await verify(euDcc(stranger, w.keys.euCert, { iat: days(-1), exp: days(1) })))).toBe('bad_signature');
    expect(reasonOf(await verify(smartHealthCard(stranger, 'shc-1', { nbf: days(-1) })))).toBe('bad_signature');
    expect(reasonOf(await verify(nzCovidPass(stranger, 'key-1', { nbf: days(-1), exp: days(1) })))).toBe('bad_signature');
  });

  it('refuses codes outside their validity window at the verification time', async () => {
    expect(reasonOf(await verify(w.codes['eu-dcc'], w.trust, days(301)))).toBe('expired');
    expect(reasonOf(await verify(w.codes.nzcp, w.trust, days(-11)))).toBe('not_yet_valid');
    expect(reasonOf(await verify(smartHealthCard(w.keys.shc, 'shc-1', { nbf: days(-10), exp: days(-1) })))).toBe('expired');
    expect(reasonOf(await verify(w.codes.healthcode, w.trust, days(1)))).toBe('expired');
  });

  it('refuses an EU certificate of a type its signing certificate may not sign (extended key usage)', async () => {
    const testOnly = signingCertificate(w.keys.eu, { extendedKeyUsage: [TEST_EKU] });
    const trust = { euDcc: { certificates: [testOnly] } };
    expect(reasonOf(await verify(euDcc(w.keys.eu, testOnly, { iat: days(-1), exp: days(1) }), trust))).toBe('key_usage');
  });

  it('refuses an EU certificate whose HCERT does not match the DCC schema', async () => {
    const noDateOfBirth = { ...VACCINATION, dob: 'yesterday' };
    expect(reasonOf(await verify(euDcc(w.keys.eu, w.keys.euCert, { iat: days(-1), exp: days(1), hcert: noDateOfBirth })))).toBe('schema_invalid');
  });

  it('refuses a SMART Health Card whose revocation id the issuer listed', async () => {
    expect(reasonOf(await verify(smartHealthCard(w.keys.shc, 'shc-1', { nbf: days(-1), rid: 'revokedRid1' })))).toBe('revoked');
  });

  it('refuses an unusable clock rather than letting every window pass', async () => {
    expect(reasonOf(await verifyAnyCode(w.codes.nzcp, w.trust, { now: new Date(Number.NaN) }))).toBe('invalid_options');
    expect(reasonOf(await verifyAnyCode(w.codes.nzcp, w.trust, { clockSkew: -1 }))).toBe('invalid_options');
  });

  it('answers non-text input with a result, not an exception', async () => {
    expect(reasonOf(await verifyAnyCode(42 as unknown as string, w.trust))).toBe('malformed');
  });
});

describe('docs/foreign-certificates.md', () => {
  it('documents every reason a foreign code can be refused with', () => {
    const doc = readFileSync(new URL('../../../docs/foreign-certificates.md', import.meta.url), 'utf8');
    for (const reason of FOREIGN_FAILURE_REASONS) expect(doc).toContain(`| \`${reason}\` |`);
  });
});
