import { chmod, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CODE_TTL_SECONDS } from '@healthcode/core/code';
import { decodeCommand } from '../src/commands/decode.js';
import { issueCommand } from '../src/commands/issue.js';
import { keygenCommand } from '../src/commands/keygen.js';
import { trustListCommand } from '../src/commands/trust-list.js';
import { verifyCommand } from '../src/commands/verify.js';
import { wrapCommand } from '../src/commands/wrap.js';
import { jwkThumbprint } from '../src/io/keys.js';
import { runCommand, TEST_NOW, type RunResult } from './helpers/run-command.js';

let dir: string;
const run = (command: Parameters<typeof runCommand>[0], argv: string[], stdin?: string) =>
  runCommand(command, argv, { cwd: dir, ...(stdin === undefined ? {} : { stdin }) });

function ok(r: RunResult): string {
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout.trim();
}

const verifyArgs = ['--trust', 'trust.jws', '--root', 'root/root.pub.json'];
const issueGreen = (key = 'keys/2026/sh-hc.key.json') =>
  run(issueCommand, ['--key', key, '--status', 'green', '--subject', 'subject-0001', '--name', '张三丰', '--doc-tail', '123X']).then(ok);
const verify = async (qr: string, ...extra: string[]) => {
  const r = await run(verifyCommand, [qr, ...verifyArgs, ...extra]);
  return { ...r, result: r.stdout ? (JSON.parse(r.stdout) as Record<string, unknown>) : undefined };
};

// The operator's whole flow, once: a root, two issuers (one with a rotated key), a signed list.
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'healthcode-cli-'));
  ok(await run(trustListCommand, ['init', '--out', 'root']));
  ok(await run(keygenCommand, ['--issuer', 'sh-hc', '--region', '310000', '--name', 'Shanghai', '--out', 'keys/2026']));
  ok(await run(keygenCommand, ['--issuer', 'sh-hc', '--region', '310000', '--name', 'Shanghai', '--out', 'keys/2027', '--alg', 'RS256']));
  ok(await run(keygenCommand, ['--issuer', 'bj-hc', '--region', '110000', '--name', 'Beijing', '--out', 'keys/2026']));
  const entries = ['keys/2026/sh-hc.pub.json', 'keys/2027/sh-hc.pub.json', 'keys/2026/bj-hc.pub.json'];
  ok(await run(trustListCommand, ['sign', '--root', 'root/root.key.json', '--out', 'trust.jws', '--revoke-code', 'revoked-1', ...entries]));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('key files', () => {
  it('writes private keys readable by their owner only', async () => {
    for (const f of ['root/root.key.json', 'keys/2026/sh-hc.key.json']) {
      expect((await stat(join(dir, f))).mode & 0o777).toBe(0o600);
    }
  });

  it('records the issuer and default region in the private key file, and no secret in public files', async () => {
    const key = JSON.parse(await readFile(join(dir, 'keys/2026/sh-hc.key.json'), 'utf8'));
    expect(key).toMatchObject({ issuer: 'sh-hc', region: '310000', kty: 'EC', alg: 'ES256' });
    expect(typeof key.d).toBe('string');
    const entry = JSON.parse(await readFile(join(dir, 'keys/2026/sh-hc.pub.json'), 'utf8'));
    expect(entry).toMatchObject({ id: 'sh-hc', name: 'Shanghai', regions: ['310000'] });
    expect(entry.keys).toEqual([{ jwk: expect.objectContaining({ kid: key.kid }), notBefore: TEST_NOW.getTime() / 1000 }]);
    expect(key.kid).toBe(jwkThumbprint(entry.keys[0].jwk));
    expect(JSON.stringify(entry)).not.toContain('"d"');
    expect(await readFile(join(dir, 'root/root.pub.json'), 'utf8')).not.toContain('"d"');
  });

  it('warns, but still signs, when a private key file is readable by others', async () => {
    ok(await run(keygenCommand, ['--issuer', 'loose', '--region', '310000', '--out', 'loose']));
    await chmod(join(dir, 'loose/loose.key.json'), 0o644);
    const r = await run(issueCommand, ['--key', 'loose/loose.key.json', '--status', 'green', '--subject', 'subject-0005']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/loose\.key\.json is readable by other users \(mode 644\)/);
    expect(r.stdout).toMatch(/^HCODE2:/);
  });

  it('refuses to overwrite an existing key unless --force is given', async () => {
    const again = await run(trustListCommand, ['init', '--out', 'root']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
    ok(await run(keygenCommand, ['--issuer', 'tmp', '--region', '310000', '--out', 'scratch']));
    expect((await run(keygenCommand, ['--issuer', 'tmp', '--region', '310000', '--out', 'scratch'])).code).toBe(1);
    ok(await run(keygenCommand, ['--issuer', 'tmp', '--region', '310000', '--out', 'scratch', '--force']));
  });
});

describe('trust-list sign', () => {
  it('merges the entries of one issuer into one issuer with both keys', async () => {
    const list = JSON.parse(ok(await run(trustListCommand, ['show', '--root', 'root/root.pub.json', 'trust.jws'])));
    expect(list.issuers.map((i: { id: string }) => i.id)).toEqual(['sh-hc', 'bj-hc']);
    expect(list.issuers[0].keys).toHaveLength(2);
    expect(list.revokedCodeIds).toEqual(['revoked-1']);
  });

  it('rejects a malformed entry file', async () => {
    const r = await run(trustListCommand, ['sign', '--root', 'root/root.key.json', '--out', 'x.jws', 'root/root.pub.json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/issuer entry/);
  });
});

describe('issue and verify', () => {
  it('verifies a code issued with the key file defaults', async () => {
    const { code, result } = await verify(await issueGreen());
    expect(code).toBe(0);
    expect(result).toMatchObject({
      valid: true,
      status: 'green',
      region: '310000',
      subject: 'subject-0001',
      issuer: { id: 'sh-hc', name: 'Shanghai' },
      display: { name: '张*丰', documentTail: '123X' },
    });
  });

  it('verifies a code signed with the rotated key', async () => {
    const rotated = JSON.parse(await readFile(join(dir, 'keys/2027/sh-hc.key.json'), 'utf8'));
    const { code, result } = await verify(await issueGreen('keys/2027/sh-hc.key.json'));
    expect(code).toBe(0);
    expect(result).toMatchObject({ valid: true, keyId: rotated.kid });
  });

  it('lets --status and --region override, and --ttl set the expiry', async () => {
    const qr = ok(
      await run(issueCommand, ['--key', 'keys/2026/bj-hc.key.json', '--status', 'yellow', '--subject', 'subject-0002', '--region', '110101', '--ttl', '600']),
    );
    const { result } = await verify(qr);
    expect(result).toMatchObject({ valid: true, status: 'yellow', region: '110101', issuer: { id: 'bj-hc' } });
    expect(result?.expiresAt).toBe(new Date(TEST_NOW.getTime() + 600_000).toISOString());
  });

  it('reads the QR text from stdin when given -', async () => {
    const qr = await issueGreen();
    const r = await run(verifyCommand, ['-', ...verifyArgs], `${qr}\n`);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ valid: true });
  });

  it('rejects a code whose payload was altered, with exit 1 and a reason', async () => {
    const qr = await issueGreen();
    const { jws, payload } = JSON.parse(ok(await run(decodeCommand, [qr])));
    const [header, , signature] = (jws as string).split('.');
    const forged = Buffer.from(JSON.stringify({ ...payload, sub: 'someone-else-0001' })).toString('base64url');
    const tampered = ok(await run(wrapCommand, [`${header}.${forged}.${signature}`]));
    const { code, result } = await verify(tampered);
    expect(code).toBe(1);
    expect(result).toMatchObject({ valid: false, reason: 'bad_signature' });
  });

  it('reports an expired code when verified after its expiry', async () => {
    const at = new Date(TEST_NOW.getTime() + (DEFAULT_CODE_TTL_SECONDS + 3600) * 1000).toISOString();
    const { code, result } = await verify(await issueGreen(), '--at', at);
    expect(code).toBe(1);
    expect(result).toMatchObject({ valid: false, reason: 'expired' });
  });

  it('rejects a code whose id the trust list revokes', async () => {
    const qr = ok(
      await run(issueCommand, ['--key', 'keys/2026/sh-hc.key.json', '--status', 'green', '--subject', 'subject-0003', '--code-id', 'revoked-1']),
    );
    const { code, result } = await verify(qr);
    expect(code).toBe(1);
    expect(result).toMatchObject({ valid: false, reason: 'revoked' });
  });

  it('rejects codes of a key that a later list revokes, while the rotated key keeps working', async () => {
    const oldKey = JSON.parse(await readFile(join(dir, 'keys/2026/sh-hc.key.json'), 'utf8'));
    const entries = ['keys/2026/sh-hc.pub.json', 'keys/2027/sh-hc.pub.json'];
    ok(await run(trustListCommand, ['sign', '--root', 'root/root.key.json', '--out', 'trust-2.jws', `--revoke-key=${oldKey.kid}`, ...entries]));
    const args = ['--trust', 'trust-2.jws', '--root', 'root/root.pub.json'];
    const old = await run(verifyCommand, [await issueGreen(), ...args]);
    expect(old.code).toBe(1);
    expect(JSON.parse(old.stdout)).toMatchObject({ valid: false, reason: 'key_revoked' });
    expect((await run(verifyCommand, [await issueGreen('keys/2027/sh-hc.key.json'), ...args])).code).toBe(0);
  });

  it('refuses a trust list that another root signed', async () => {
    ok(await run(trustListCommand, ['init', '--out', 'other-root']));
    const r = await run(verifyCommand, [await issueGreen(), '--trust', 'trust.jws', '--root', 'other-root/root.pub.json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/trust list rejected \(trust_list\/unknown_key\)/);
  });

  it('answers garbage with an invalid result, not a crash', async () => {
    const { code, result } = await verify('not a health code');
    expect(code).toBe(1);
    expect(result).toMatchObject({ valid: false });
  });
});

describe('decode and wrap', () => {
  it('are inverses: wrapping the decoded JWS gives back the QR text', async () => {
    const qr = await issueGreen();
    const decoded = JSON.parse(ok(await run(decodeCommand, [qr])));
    expect(decoded.header).toMatchObject({ alg: 'ES256' });
    expect(decoded.payload).toBeTypeOf('object');
    expect(ok(await run(wrapCommand, ['-'], decoded.jws))).toBe(qr);
  });

  it('decode fails with exit 1 on text that is not a health code', async () => {
    const r = await run(decodeCommand, ['hello']);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toBe('');
  });
});

describe('usage errors exit 2 with the reason and the usage text', () => {
  const bjRed = ['--key', 'keys/2026/bj-hc.key.json', '--status', 'red', '--subject'];
  it.each([
    ['verify without --trust', verifyCommand, ['QR', '--root', 'root/root.pub.json'], /--trust is required/],
    ['verify without --root', verifyCommand, ['QR', '--trust', 'trust.jws'], /--root is required/],
    ['verify without a QR text', verifyCommand, verifyArgs, /missing QR text/],
    ['verify with a loose --at', verifyCommand, ['QR', ...verifyArgs, '--at', 'tomorrow'], /--at must be an ISO 8601 time/],
    ['verify - with blank stdin', verifyCommand, ['-', ...verifyArgs], /QR text is empty/],
    ['issue with an unknown status', issueCommand, ['--key', 'k', '--status', 'blue', '--subject', 's'], /--status must be one of/],
    ['issue with a bad --ttl', issueCommand, ['--key', 'k', '--status', 'red', '--subject', 's', '--ttl=-5'], /--ttl must be a whole number/],
    ['issue with a long --doc-tail', issueCommand, ['--key', 'k', '--status', 'red', '--subject', 's', '--doc-tail', '12345'], /--doc-tail/],
    ['issue with an ID number as subject', issueCommand, [...bjRed, '31010419900307123X'], /subject looks like an ID number/],
    ['issue with a region outside the code format', issueCommand, [...bjRed, 'subject-0004', '--region', 'BJ'], /region must be a six-digit/],
    ['keygen with an unknown option', keygenCommand, ['--issuer', 'a', '--region', '310000', '--out', 'd', '--colour', 'x'], /Unknown option '--colour'/],
    ['keygen with an unsafe issuer id', keygenCommand, ['--issuer', '../a', '--region', '310000', '--out', 'd'], /--issuer '\.\.\/a' may use only/],
    ['keygen with a region that is not a GB/T 2260 code', keygenCommand, ['--issuer', 'a', '--region', 'SH', '--out', 'd'], /six-digit GB\/T 2260/],
    ['keygen with a kid that cannot go in a JWS header', keygenCommand, ['--issuer', 'a', '--region', '310000', '--out', 'd', '--kid', 'a"b'], /kid must be/],
    ['keygen with an unknown --alg', keygenCommand, ['--issuer', 'a', '--region', '310000', '--out', 'd', '--alg', 'HS256'], /--alg must be one of/],
    ['trust-list with an unknown subcommand', trustListCommand, ['publish'], /unknown subcommand 'publish'/],
    ['trust-list sign without entries', trustListCommand, ['sign', '--root', 'r', '--out', 'o'], /at least one issuer entry/],
    ['decode with two arguments', decodeCommand, ['a', 'b'], /expected one QR text, got 2/],
  ] as const)('%s', async (_, command, argv, reason) => {
    const r = await run(command, [...argv], '  \n');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(reason);
    expect(r.stderr).toContain('usage:');
  });
});
