import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateKeyPair, issueCode, signTrustList, type PrivateJwk } from '@healthcode/core/code';
import { newP256Key } from '../../../packages/any-code/test/support/keys.js';
import { didDocument, nzCovidPass } from '../../../packages/any-code/test/support/vectors.js';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'node-checkpoint-'));
const file = (name: string) => join(work, name);
let issuerKey: PrivateJwk;

/** Runs the example exactly as its README says, from the repository root. */
function checkpoint(args: string[], input?: string) {
  const r = spawnSync(join(repo, 'node_modules/.bin/tsx'), ['examples/node-checkpoint/src/main.ts', ...args], {
    cwd: repo,
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, lines: r.stdout.split('\n').filter(Boolean), stderr: r.stderr };
}

const issue = (issuedAt: Date, ttlSeconds: number) =>
  issueCode(
    { issuer: 'sh-hc', subject: 'subject-1', status: 'green', region: '310000', display: { name: '张*丰' }, issuedAt, ttlSeconds },
    { key: issuerKey },
  );

beforeAll(async () => {
  const root = await generateKeyPair({ kid: 'root-1' });
  const issuer = await generateKeyPair({ kid: 'sh-2026' });
  issuerKey = issuer.privateJwk;
  const now = Math.floor(Date.now() / 1000);
  const signed = await signTrustList(
    {
      sequence: 1,
      issuedAt: now,
      issuers: [{ id: 'sh-hc', name: 'Shanghai', regions: ['310000'], keys: [{ jwk: issuer.publicJwk, notBefore: now - 7 * 86400 }] }],
      revokedKeyIds: [],
      revokedCodeIds: [],
    },
    root.privateJwk,
  );
  writeFileSync(file('trust.jws'), `${signed}\n`);
  writeFileSync(file('root.pub.json'), JSON.stringify(root.publicJwk));
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

const trustArgs = () => ['--trust', file('trust.jws'), '--root', file('root.pub.json')];

it('prints one line per code and exits 1 when a file mixes valid, expired and garbage lines', async () => {
  const issuedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
  const valid = await issue(issuedAt, 3600);
  const expired = await issue(new Date(Date.now() - 2 * 86400_000), 3600);
  writeFileSync(file('codes.txt'), `${valid}\n\n${expired}\nthis is not a health code\n`);

  const { code, lines } = checkpoint([...trustArgs(), file('codes.txt')]);
  const expiry = new Date(issuedAt.getTime() + 3600_000).toISOString().replace('.000Z', 'Z');
  expect(lines).toEqual([`VALID green 310000 Shanghai exp ${expiry}`, 'INVALID expired', expect.stringMatching(/^INVALID [a-z_]+$/)]);
  expect(code).toBe(1);
});

it('reads codes from stdin and exits 0 when all are valid', async () => {
  const codes = [await issue(new Date(), 600), await issue(new Date(), 600)];
  const { code, lines } = checkpoint(trustArgs(), codes.join('\n'));
  expect(lines).toHaveLength(2);
  expect(lines.every((l) => l.startsWith('VALID green 310000 Shanghai exp '))).toBe(true);
  expect(code).toBe(0);
});

it('exits 2 with the usage when the trust list is not given', () => {
  const { code, stderr } = checkpoint([file('codes.txt')]);
  expect(code).toBe(2);
  expect(stderr).toContain('usage:');
});

it('reads an NZ COVID Pass beside HealthCodes when given the issuer DID document, and refuses it without', async () => {
  const key = newP256Key();
  const exp = new Date(Math.floor(Date.now() / 1000) * 1000 + 86400_000);
  const pass = nzCovidPass(key, 'key-1', { nbf: new Date(Date.now() - 86400_000), exp });
  writeFileSync(file('dids.json'), JSON.stringify([didDocument(key, 'key-1')]));
  const codes = `${await issue(new Date(), 600)}\n${pass}\n`;

  const withDid = checkpoint([...trustArgs(), '--nzcp-dids', file('dids.json')], codes);
  expect(withDid.lines).toEqual([expect.stringMatching(/^VALID green 310000 Shanghai exp /), `VALID nzcp vaccination did:web:nzcp.test.example J*** S****** exp ${exp.toISOString().replace('.000Z', 'Z')}`]);
  expect(withDid.code).toBe(0);

  expect(checkpoint(trustArgs(), codes).lines[1]).toBe('INVALID no_trust');
});
