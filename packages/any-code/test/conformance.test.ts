import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agrees } from '../conformance/agreement.js';
import { signingCertificate } from './support/certificate.js';
import { newP256Key } from './support/keys.js';
import { euDcc } from './support/vectors.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
let dir: string;

/** Writes a case as dgc-testdata lays it out. */
function writeCase(path: string, text: string, cert: Uint8Array, clock: string, expected: Record<string, boolean>) {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), JSON.stringify({ PREFIX: text, TESTCTX: { CERTIFICATE: Buffer.from(cert).toString('base64'), VALIDATIONCLOCK: clock }, EXPECTEDRESULTS: expected }));
}

interface Run {
  status: number;
  stdout: string;
}

const conformance = (...args: string[]) =>
  new Promise<Run>((done) => {
    const script = [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'packages/any-code/conformance/main.ts'), dir, ...args];
    execFile(process.execPath, script, (err, stdout) => done({ status: err ? Number(err.code) : 0, stdout }));
  });
let json: Run;
let table: Run;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'conformance-'));
  const key = newP256Key();
  const cert = signingCertificate(key);
  const code = euDcc(key, cert, { iat: new Date('2026-06-01T00:00:00Z'), exp: new Date('2026-12-01T00:00:00Z') });
  writeCase('XX/2DCode/raw/1.json', code, cert, '2026-07-01T00:00:00Z', { EXPECTEDVERIFY: true, EXPECTEDEXPIRATIONCHECK: true });
  writeCase('XX/2DCode/raw/2.json', code, cert, '2027-01-01T00:00:00Z', { EXPECTEDVERIFY: true, EXPECTEDEXPIRATIONCHECK: false });
  writeCase('YY/1.3.0/2DCode/raw/3.json', code.replace('HC1:', 'HC2:'), cert, '2026-07-01T00:00:00Z', { EXPECTEDUNPREFIX: true });
  [json, table] = await Promise.all([conformance('--json'), conformance()]);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('pnpm conformance', () => {
  it('prints one { file, format, valid, reason } per case with --json, each at its own clock', () => {
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual([
      { file: 'XX/2DCode/raw/1.json', format: 'eu-dcc', valid: true, reason: 'valid' },
      { file: 'XX/2DCode/raw/2.json', format: 'eu-dcc', valid: false, reason: 'expired' },
      { file: 'YY/1.3.0/2DCode/raw/3.json', format: 'eu-dcc', valid: false, reason: 'unrecognised_format' },
    ]);
  });

  it('counts agreement per format and flag, lists each disagreement and fails when there is one', () => {
    expect(table.stdout).toMatch(/eu-dcc\tEXPECTEDVERIFY=true\s+\t2\/2/);
    expect(table.stdout).toMatch(/eu-dcc\tEXPECTEDEXPIRATIONCHECK=false\s+\t1\/1/);
    expect(table.stdout).toContain('YY/1.3.0/2DCode/raw/3.json: EXPECTEDUNPREFIX=true, verifier said unrecognised_format');
    expect(table.status).toBe(1);
  });
});

describe('agreement with one dgc-testdata flag', () => {
  it('requires a decoding step expected to pass to have been passed', () => {
    expect(agrees('EXPECTEDB45DECODE', true, ['bad_compression'])).toBe(true);
    expect(agrees('EXPECTEDCOMPRESSION', true, ['bad_compression'])).toBe(false);
    expect(agrees('EXPECTEDCOMPRESSION', false, ['bad_encoding'])).toBe(false);
  });

  it('judges each check after decoding on its own, and a check expected to fail as failed when decoding stopped first', () => {
    expect(agrees('EXPECTEDVERIFY', true, ['expired'])).toBe(true);
    expect(agrees('EXPECTEDEXPIRATIONCHECK', false, ['bad_signature', 'expired'])).toBe(true);
    expect(agrees('EXPECTEDVERIFY', false, ['malformed'])).toBe(true);
    expect(agrees('EXPECTEDVERIFY', true, ['malformed'])).toBe(false);
  });

  it('leaves checks the verifier does not make uncounted', () => {
    expect(agrees('EXPECTEDPICTUREDECODE', true, [])).toBeUndefined();
  });
});
