import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runDemo, type DemoOutcome } from '../src/demo.js';

const NOW = new Date('2026-11-27T06:00:00Z');
let output = '';
let outcome: DemoOutcome;

beforeAll(async () => {
  outcome = await runDemo({ write: (text) => void (output += text), color: false, now: NOW });
});

describe('the terminal demo', () => {
  it('walks through the five steps in order', () => {
    const steps = ['[1/5] Identity', '[2/5] Declaration', '[3/5] Signed code', '[4/5] QR code', '[5/5] Checkpoint'];
    const positions = steps.map((title) => output.indexOf(title));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('signs the resident in through the mock host', () => {
    expect(output).toMatch(/mock host handed out auth code mock-auth-1/);
  });

  it('shows the validator refusing a careless form with several issues', () => {
    const section = output.slice(output.indexOf('[2/5]'), output.indexOf('[3/5]'));
    expect(section.match(/^ {4}\S+: /gm)?.length ?? 0).toBeGreaterThanOrEqual(2);
  });

  it('draws the QR code with block characters', () => {
    const qr = output.slice(output.indexOf('[4/5]'), output.indexOf('[5/5]'));
    expect(qr.split('\n').filter((line) => /[█▀▄]/.test(line)).length).toBeGreaterThan(10);
  });

  it('verifies the issued code, with masked personal data only', () => {
    expect(outcome.genuine).toMatchObject({
      valid: true,
      status: 'green',
      region: '310000',
      display: { name: '张*丰', documentTail: '123X' },
    });
    expect(output).toContain('✔ VALID');
    expect(output).not.toContain('张三丰 ');
    expect(output).not.toContain('31010419900307123X');
  });

  it('rejects the edited code and the expired code, with their reasons', () => {
    expect(outcome.tampered).toMatchObject({ valid: false, reason: 'bad_signature' });
    expect(outcome.expired).toMatchObject({ valid: false, reason: 'expired' });
    expect(output.match(/✘ REJECTED/g)).toHaveLength(2);
  });

  it('writes no colour codes when colour is off', () => {
    expect(output).not.toContain('\x1b[');
  });
});

it('pnpm demo: main.ts runs the demo and exits 0', () => {
  const repo = fileURLToPath(new URL('../../..', import.meta.url));
  const r = spawnSync(join(repo, 'node_modules/.bin/tsx'), ['examples/terminal-demo/src/main.ts'], {
    cwd: repo,
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('[5/5] Checkpoint');
});
