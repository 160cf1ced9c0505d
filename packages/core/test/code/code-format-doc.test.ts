import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  CODE_TYP,
  DEFAULT_CLOCK_SKEW_SECONDS,
  DEFAULT_CODE_TTL_SECONDS,
  FRAME_DICTIONARY_TEXT,
  FRAME_VERSION,
  LEGACY_QR_PREFIX,
  MAX_CODE_TTL_SECONDS,
  MAX_INFLATED_BYTES,
  MAX_QR_TEXT_LENGTH,
  QR_PREFIX,
  TRUST_LIST_TYP,
  decodeQrText,
  issueCode,
  signTrustList,
  toPublicJwk,
  wrapJws,
} from '@healthcode/core/code';
import { VERIFY_FAILURE_REASONS, verifyCode, verifyTrustList, type TrustList } from '@healthcode/core';
import { TEST_ISSUER_KEY, TEST_ROOT_KEY } from '@healthcode/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { digitsToBytes } from '../../src/code/qr/numeric.js';
import { nodeOracle } from './support/node-oracle.js';
import { STANDARD_INPUT, at, exampleTrustList } from './support/fixtures.js';
import { qrVersionAtLevelM } from './support/qr-version.js';

// docs/code-format.md is a specification with worked examples; every fenced block named
// `example-*` is regenerated or checked here, so the document fails the build when it drifts.

const doc = readFileSync(fileURLToPath(new URL('../../../../docs/code-format.md', import.meta.url)), 'utf8');

function block(name: string): string {
  const match = new RegExp('```\\w+ ' + name + '\\n([\\s\\S]*?)\\n```').exec(doc);
  if (!match) throw new Error(`docs/code-format.md has no block ${name}`);
  return match[1]!;
}

const hexLines = (bytes: Uint8Array) =>
  (Buffer.from(bytes).toString('hex').match(/.{1,32}/g) ?? []).map((line) => line.match(/../g)!.join(' ')).join('\n');

let issued: string;

beforeAll(async () => {
  issued = await issueCode(STANDARD_INPUT, { key: TEST_ISSUER_KEY });
});

describe('docs/code-format.md worked example', () => {
  it('shows the public half of the example key', () => {
    expect(JSON.parse(block('example-public-key'))).toEqual(toPublicJwk(TEST_ISSUER_KEY));
  });

  it('shows the exact header and payload bytes the issuer produces for the example input', () => {
    const [h, p] = decodeQrText(issued).jws.split('.');
    expect(block('example-header')).toBe(Buffer.from(h!, 'base64url').toString('utf8'));
    expect(block('example-payload')).toBe(Buffer.from(p!, 'base64url').toString('utf8'));
  });

  it('shows a JWS over those bytes that the example key signed (checked with node:crypto)', () => {
    const [h, p, s] = block('example-jws').split('.');
    expect(Buffer.from(h!, 'base64url').toString('utf8')).toBe(block('example-header'));
    expect(Buffer.from(p!, 'base64url').toString('utf8')).toBe(block('example-payload'));
    const ok = nodeOracle.verify('ES256', toPublicJwk(TEST_ISSUER_KEY), Buffer.from(`${h}.${p}`), Buffer.from(s!, 'base64url'));
    expect(ok).toBe(true);
  });

  it('shows the frame, digits and QR text that wrapping that JWS gives', () => {
    const qr = block('example-qr');
    expect(wrapJws(block('example-jws'))).toBe(qr);
    const frame = digitsToBytes(qr.slice(QR_PREFIX.length))!;
    expect(block('example-frame')).toBe(hexLines(frame));
    expect(qr.slice(QR_PREFIX.length, QR_PREFIX.length + 17)).toBe(block('example-first-group'));
    expect(BigInt(block('example-first-group'))).toBe(BigInt(`0x${Buffer.from(frame.subarray(0, 7)).toString('hex')}`));
  });

  it('states the QR version the example reaches at level M, which is at most 10', () => {
    const version = qrVersionAtLevelM(block('example-qr'));
    expect(block('example-qr-version')).toBe(String(version));
    expect(version).toBeLessThanOrEqual(10);
    expect(doc).toContain(`**QR version ${version} at level M**`);
    expect(doc).toContain(`takes ${block('example-qr').length - QR_PREFIX.length} digits`);
  });

  it('states correctly how many digits version 10-M holds after the prefix', () => {
    const capacity = Number(/Version 10-M\s+holds up to (\d+) digits/.exec(doc)?.[1]);
    const fits = (digits: number) => qrVersionAtLevelM(QR_PREFIX + '9'.repeat(digits)) <= 10;
    expect(fits(capacity)).toBe(true);
    expect(fits(capacity + 1)).toBe(false);
  });

  it('verifies as valid with a trust list holding the example key', async () => {
    const trust = exampleTrustList(TEST_ISSUER_KEY, { issuers: exampleTrustList(TEST_ISSUER_KEY).issuers.slice(0, 1) });
    expect(await verifyCode(block('example-qr'), { trust, now: at(60) })).toMatchObject({ valid: true, codeId: STANDARD_INPUT.codeId });
  });
});

describe('docs/code-format.md reference data', () => {
  it('prints the compression dictionary byte for byte, with its length', () => {
    expect(block('example-dictionary')).toBe(FRAME_DICTIONARY_TEXT);
    expect(doc).toContain(`ASCII text, ${FRAME_DICTIONARY_TEXT.length} bytes`);
  });

  it('lists the constants the implementation uses', () => {
    expect(JSON.parse(block('example-constants'))).toEqual({
      prefix: QR_PREFIX,
      legacyPrefix: LEGACY_QR_PREFIX,
      codeTyp: CODE_TYP,
      trustListTyp: TRUST_LIST_TYP,
      frameVersion: FRAME_VERSION,
      maxQrTextLength: MAX_QR_TEXT_LENGTH,
      maxInflatedBytes: MAX_INFLATED_BYTES,
      defaultTtlSeconds: DEFAULT_CODE_TTL_SECONDS,
      maxTtlSeconds: MAX_CODE_TTL_SECONDS,
      defaultClockSkewSeconds: DEFAULT_CLOCK_SKEW_SECONDS,
    });
  });

  it('documents every verification failure reason, and no other', () => {
    const section = doc.slice(doc.indexOf('### Reason codes'), doc.indexOf('## 12.'));
    const documented = [...section.matchAll(/^\| `([a-z_]+)` \|/gm)].map((m) => m[1]);
    expect(documented).toEqual([...VERIFY_FAILURE_REASONS]);
  });

  it('gives a trust list example that signs, verifies and trusts the example key', async () => {
    const list = JSON.parse(block('example-trust-list')) as TrustList;
    const verified = await verifyTrustList(await signTrustList(list, TEST_ROOT_KEY), toPublicJwk(TEST_ROOT_KEY), { now: at(0) });
    expect(verified.issuers[0]!.keys[0]!.jwk).toEqual(toPublicJwk(TEST_ISSUER_KEY));
    expect(await verifyCode(issued, { trust: verified, now: at(60) })).toMatchObject({ valid: true });
  });
});
