import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { issueCommand } from '../src/commands/issue.js';
import { keygenCommand } from '../src/commands/keygen.js';
import { trustListCommand } from '../src/commands/trust-list.js';
import { runCommand } from './helpers/run-command.js';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
let work: string;
let qrText: string;

/** Runs the real `healthcode` entry point as a child process, as an operator's script would. */
function healthcode(args: string[], input?: string) {
  // tsx resolves @healthcode/* through the repository's tsconfig paths, hence cwd = repo.
  const r = spawnSync(join(repo, 'node_modules/.bin/tsx'), ['packages/cli/src/bin.ts', ...args], {
    cwd: repo,
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout.trim(), stderr: r.stderr };
}

// Keys, list and code are made in-process (each child process costs seconds); the
// child processes below prove that the bin dispatches, reads stdin and sets exit codes.
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'healthcode-bin-'));
  const now = new Date();
  const run = async (command: Parameters<typeof runCommand>[0], argv: string[]) => {
    const r = await runCommand(command, argv, { cwd: work, now });
    expect(r.code, r.stderr).toBe(0);
    return r.stdout.trim();
  };
  await run(trustListCommand, ['init', '--out', 'root']);
  await run(keygenCommand, ['--issuer', 'sh-hc', '--region', '310000', '--out', 'keys']);
  await run(trustListCommand, ['sign', '--root', 'root/root.key.json', '--out', 'trust.jws', 'keys/sh-hc.pub.json']);
  qrText = await run(issueCommand, ['--key', 'keys/sh-hc.key.json', '--status', 'green', '--subject', 'subject-0001', '--ttl', '3600']);
});

afterAll(() => rm(work, { recursive: true, force: true }));

it('the healthcode bin verifies from stdin and exits 0 valid, 1 invalid, 2 on usage errors', () => {
  const trust = ['--trust', join(work, 'trust.jws'), '--root', join(work, 'root/root.pub.json')];

  const valid = healthcode(['verify', '-', ...trust], `${qrText}\n`);
  expect(valid.code).toBe(0);
  expect(JSON.parse(valid.stdout)).toMatchObject({ valid: true, status: 'green', region: '310000' });

  const later = new Date(Date.now() + 2 * 3600_000).toISOString();
  const expired = healthcode(['verify', qrText, ...trust, '--at', later]);
  expect(expired.code).toBe(1);
  expect(JSON.parse(expired.stdout)).toMatchObject({ valid: false, reason: 'expired' });

  const usage = healthcode(['verify', qrText, '--root', join(work, 'root/root.pub.json')]);
  expect(usage.code).toBe(2);
  expect(usage.stderr).toContain('--trust is required');
});
