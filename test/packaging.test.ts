import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { issueCode, signTrustList, toPublicJwk } from '@healthcode/core/code';
import { TEST_ISSUER_KEY, TEST_ROOT_KEY } from '@healthcode/test-utils';
import { parseAst } from 'rollup/parseAst';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireGraph } from '../bench/require-graph.js';
// @ts-expect-error plain ESM helper shared with rollup.config.mjs
import { root, workspacePackages } from '../scripts/workspace.mjs';

interface Pkg {
  name: string;
  dir: string;
  private: boolean;
  pkg: {
    sideEffects?: unknown;
    main?: string;
    module?: string;
    types?: string;
    exports?: Record<string, string | Record<string, string>>;
  };
}

const published: Pkg[] = (workspacePackages() as Pkg[]).filter((p) => !p.private);

function exportTargets(exports: Pkg['pkg']['exports']): string[] {
  return Object.values(exports ?? {}).flatMap((v) => (typeof v === 'string' ? [v] : Object.values(v)));
}

describe('published packages, after `pnpm build`', () => {
  beforeAll(() => {
    const rollup = join(root, 'node_modules', 'rollup', 'dist', 'bin', 'rollup');
    const r = spawnSync(process.execPath, [rollup, '-c', '--silent'], { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}\n${r.stderr}`);
  }, 600_000);

  it.each(published.map((p) => [p.name, p] as const))('%s declares an exports map with types first and no side effects', (_, p) => {
    expect(p.pkg.sideEffects).toBe(false);
    const dot = p.pkg.exports?.['.'];
    expect(typeof dot).toBe('object');
    expect(Object.keys(dot as object)[0]).toBe('types');
    expect(Object.keys(dot as object)).toEqual(expect.arrayContaining(['types', 'import', 'require']));
  });

  it.each(published.map((p) => [p.name, p] as const))('%s has a built file behind every exports target and entry field', (_, p) => {
    const targets = [...exportTargets(p.pkg.exports), p.pkg.main, p.pkg.module, p.pkg.types].filter(
      (t): t is string => typeof t === 'string',
    );
    const missing = targets.filter((t) => !existsSync(join(p.dir, t)));
    expect(missing).toEqual([]);
  });

  it.each(published.map((p) => [p.name, p] as const))('%s loads as ESM and as CJS with the same exports', async (_, p) => {
    const dot = p.pkg.exports?.['.'] as Record<string, string>;
    const esm = (await import(pathToFileURL(join(p.dir, dot.import!)).href)) as Record<string, unknown>;
    const cjs = createRequire(import.meta.url)(join(p.dir, dot.require!)) as Record<string, unknown>;
    expect(Object.keys(cjs).sort()).toEqual(Object.keys(esm).filter((k) => k !== 'default').sort());
  });

  it('publishes dist and only files that exist', () => {
    for (const p of published) {
      const pkg = JSON.parse(readFileSync(join(p.dir, 'package.json'), 'utf8')) as { files?: string[] };
      expect(pkg.files).toContain('dist');
      expect((pkg.files ?? []).filter((f) => !existsSync(join(p.dir, f)))).toEqual([]);
    }
  });

  it('builds no file of @healthcode/core holding a BigInt literal (a parse error where BigInt is missing)', () => {
    const dist = join(root, 'packages/core/dist');
    const withLiterals = readdirSync(dist, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.[cm]?js$/.test(f))
      .filter((f) => /"bigint":"/.test(JSON.stringify(parseAst(readFileSync(join(dist, f), 'utf8')))));
    expect(withLiterals).toEqual([]);
  });

  it('keeps zod and jsrsasign out of what the CommonJS checkpoint entry requires', () => {
    const files = requireGraph([join(root, 'packages/core/dist/verify.cjs')]).map((f) => f.file);
    expect(files.filter((f) => /[\\/](zod|jsrsasign)[\\/]/.test(f))).toEqual([]);
    expect(files.some((f) => /noble-p256/.test(f))).toBe(true);
  });

  it('loads the CommonJS checkpoint entry on an engine without BigInt or WebCrypto: unsupported_engine until a legacy provider is passed', async () => {
    const now = new Date('2026-11-18T08:01:00Z');
    const list = {
      sequence: 1,
      issuedAt: Math.floor(now.getTime() / 1000) - 60,
      issuers: [{ id: 'cn-310000', name: 'Shanghai', regions: ['310000'], keys: [{ jwk: toPublicJwk(TEST_ISSUER_KEY) }] }],
      revokedKeyIds: [],
      revokedCodeIds: [],
    };
    const input = {
      signed: await signTrustList(list, TEST_ROOT_KEY),
      root: toPublicJwk(TEST_ROOT_KEY),
      code: await issueCode(
        { issuer: 'cn-310000', subject: 'q3Vx9KpL2mTz8RwA', status: 'green', region: '310000', display: { name: '张*三' }, issuedAt: now },
        { key: TEST_ISSUER_KEY },
      ),
      now: now.toISOString(),
    };
    // A child process whose engine has no BigInt, no WebCrypto and no node:crypto, before loading the build.
    const script = `
      delete globalThis.BigInt;
      Object.defineProperty(globalThis, 'crypto', { value: undefined });
      process.getBuiltinModule = () => undefined;
      const { verifyCode, verifyTrustList } = require('./packages/core/dist/verify.cjs');
      const { jsrsasignCryptoProvider } = require('./packages/core/dist/crypto/legacy.cjs');
      const input = JSON.parse(process.argv[1]);
      const now = new Date(input.now);
      (async () => {
        const crypto = jsrsasignCryptoProvider();
        const trust = await verifyTrustList(input.signed, input.root, { now, crypto });
        const without = await verifyCode(input.code, { trust, now });
        const withLegacy = await verifyCode(input.code, { trust, now, crypto });
        console.log(JSON.stringify([typeof BigInt, without.reason, withLegacy.valid]));
      })();`;
    const r = spawnSync(process.execPath, ['-e', script, JSON.stringify(input)], { cwd: root, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(['undefined', 'unsupported_engine', true]);
  });
});
