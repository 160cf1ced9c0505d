import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCommand } from '../src/commands/render.js';
import { decodeJsQr, decodePng, decodeZbarPng } from '../../core/test/render/support.js';
import { runCommand } from './helpers/run-command.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'healthcode-render-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const run = (argv: string[], stdin?: string) => runCommand(renderCommand, argv, { cwd: dir, ...(stdin === undefined ? {} : { stdin }) });
const TEXT = 'HCODE2:0123456789012345678901234567890123456789';

describe('healthcode render', () => {
  it('writes a PNG file that decodes back to the text', async () => {
    const r = await run([TEXT, '--format', 'png', '--out', 'out/code.png', '--scale', '4']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const png = new Uint8Array(await readFile(join(dir, 'out/code.png')));
    expect(decodeJsQr(decodePng(png))).toBe(TEXT);
    expect(decodeZbarPng(png)).toBe(TEXT);
  });

  it('refuses PNG without --out, since stdout carries text', async () => {
    const r = await run([TEXT, '--format', 'png']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--out');
  });

  it('prints plain terminal half blocks for text read from stdin', async () => {
    const r = await run(['-', '--format', 'terminal', '--plain'], `${TEXT}\n`);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^[ ▀▄█\n]+$/);
    expect(r.stdout).toContain('█');
  });

  it('prints the bare QR SVG, or the card with --status', async () => {
    const bare = await run([TEXT, '--format', 'svg']);
    expect(bare.stdout.startsWith('<svg')).toBe(true);
    expect(bare.stdout).not.toContain('Green code');
    const card = await run([TEXT, '--format', 'svg', '--status', 'green', '--name', '张*三', '--region', '深圳市']);
    expect(card.code).toBe(0);
    expect(card.stdout).toContain('绿码 Green code');
    expect(card.stdout).toContain('深圳市');
  });

  it.each([
    [['--format', 'gif'], 'format'],
    [['--format', 'svg', '--scale', '0'], 'scale'],
    [['--format', 'png', '--out', 'x.png', '--status', 'green'], 'status'],
    [['--format', 'svg', '--status', 'blue'], 'status'],
    [[], 'format'],
  ])('rejects %j as a usage error', async (args, mentions) => {
    const r = await run([TEXT, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(mentions);
  });

  it('fails with exit 1 for text too long for a QR code', async () => {
    const r = await run(['x'.repeat(3000), '--format', 'svg']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('does not fit');
  });
});
