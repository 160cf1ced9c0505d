import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as acorn from 'acorn';
import { issueCode, signTrustList, toPublicJwk } from '@healthcode/core/code';
import { TEST_ISSUER_KEY, TEST_ROOT_KEY } from '@healthcode/test-utils';
import { parseAst } from 'rollup/parseAst';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireGraph } from '../bench/require-graph.js';
// @ts-expect-error plain ESM helper shared with rollup.config.mjs
import { exportEntries, MINIPROGRAM_PACKAGES, root, sourceEntries, workspacePackages } from '../scripts/workspace.mjs';

interface Pkg {
  name: string;
  dir: string;
  private: boolean;
  pkg: {
    sideEffects?: unknown;
    main?: string;
    module?: string;
    types?: string;
    exports?: Record<string, string | Record<string, Record<string, string>>>;
  };
}

/**
 * Most value exports the root of `@healthcode/core` may have. The root is for app developers
 * (client, verify, render, form and validation, the Host type); every other audience has a
 * subpath. jose keeps 38 at its root, msw 21: grow a subpath, not the root.
 */
const CORE_ROOT_VALUE_BUDGET = 60;


const published: Pkg[] = (workspacePackages() as Pkg[]).filter((p) => !p.private);

function exportTargets(exports: Pkg['pkg']['exports']): string[] {
  return Object.values(exports ?? {}).flatMap((v) => (typeof v === 'string' ? [v] : Object.values(v).flatMap((c) => Object.values(c))));
}

function run(cmd: string, args: string[], cwd: string) {
  return spawnSync(process.execPath, [join(root, 'node_modules', cmd), ...args], { cwd, encoding: 'utf8' });
}

/** Every file under `dir` (recursively) whose name ends with `suffix`. */
function filesEnding(dir: string, suffix: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith(suffix)).map((f) => join(dir, f));
}

describe('published packages, after `pnpm build`', () => {
  beforeAll(() => {
    const rollup = join(root, 'node_modules', 'rollup', 'dist', 'bin', 'rollup');
    const r = spawnSync(process.execPath, [rollup, '-c', '--silent'], { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}\n${r.stderr}`);
  }, 600_000);

  it.each(published.map((p) => [p.name, p] as const))('%s declares an exports map, types first for ESM and CJS, and no side effects', (_, p) => {
    expect(p.pkg.sideEffects).toBe(false);
    for (const [subpath, target] of Object.entries(p.pkg.exports ?? {})) {
      if (subpath === './package.json') continue;
      expect(Object.keys(target), subpath).toEqual(['import', 'require']);
      for (const condition of Object.values(target as Record<string, Record<string, string>>)) {
        expect(Object.keys(condition), subpath).toEqual(['types', 'default']);
      }
      expect((target as Record<string, Record<string, string>>).require!.types).toMatch(/\.d\.cts$/);
    }
  });

  it.each(published.map((p) => [p.name, p] as const))('%s has a built file behind every exports target and entry field', (_, p) => {
    const targets = [...exportTargets(p.pkg.exports), p.pkg.main, p.pkg.module, p.pkg.types].filter(
      (t): t is string => typeof t === 'string',
    );
    const missing = targets.filter((t) => !existsSync(join(p.dir, t)));
    expect(missing).toEqual([]);
  });

  it.each(published.map((p) => [p.name, p] as const))('%s loads every entry as ESM and as CJS with the same exports', async (_, p) => {
    for (const { subpath, entry } of exportEntries(p.pkg) as { subpath: string; entry: string }[]) {
      const esm = (await import(pathToFileURL(join(p.dir, 'dist', `${entry}.mjs`)).href)) as Record<string, unknown>;
      const cjs = createRequire(import.meta.url)(join(p.dir, 'dist', `${entry}.cjs`)) as Record<string, unknown>;
      expect(Object.keys(cjs).sort(), subpath).toEqual(Object.keys(esm).filter((k) => k !== 'default').sort());
    }
  });

  it.each(published.map((p) => [p.name, p] as const))('%s passes publint and arethetypeswrong (node16 and bundler resolution)', (_, p) => {
    const lint = run('publint/src/cli.js', ['--strict'], p.dir);
    expect(lint.status, lint.stdout + lint.stderr).toBe(0);
    // node10 resolution ignores exports maps, so no subpath can resolve there; node16 and bundler are what TypeScript users run.
    const types = run('@arethetypeswrong/cli/dist/index.js', ['--pack', '.', '--profile', 'node16', '--format', 'table-flipped'], p.dir);
    expect(types.status, types.stdout + types.stderr).toBe(0);
  }, 60_000);

  it.each(MINIPROGRAM_PACKAGES as string[])('%s ships CommonJS that an ES2018 engine parses', (name) => {
    const p = published.find((q) => q.name === name)!;
    const tooNew = filesEnding(join(p.dir, 'dist'), '.cjs').flatMap((file) => {
      try {
        acorn.parse(readFileSync(file, 'utf8'), { ecmaVersion: 2018, sourceType: 'script', allowHashBang: true });
        return [];
      } catch (err) {
        return [`${file.slice(p.dir.length + 1)}: ${(err as Error).message}`];
      }
    });
    expect(tooNew).toEqual([]);
  });

  it(`keeps the root of @healthcode/core within ${CORE_ROOT_VALUE_BUDGET} value exports`, async () => {
    const core = published.find((q) => q.name === '@healthcode/core')!;
    const root = (await import(pathToFileURL(join(core.dir, 'dist', 'index.mjs')).href)) as Record<string, unknown>;
    expect(Object.keys(root).length).toBeLessThanOrEqual(CORE_ROOT_VALUE_BUDGET);
  });

  it('maps every public entry in tsconfig paths, so type checks see what packages see', () => {
    const paths = (JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8')) as { compilerOptions: { paths: Record<string, string[]> } })
      .compilerOptions.paths;
    for (const [specifier, file] of Object.entries(sourceEntries() as Record<string, string>)) {
      const exact = paths[specifier]?.[0];
      const wildcard = paths['@healthcode/*']?.[0]?.replace('*', specifier.slice('@healthcode/'.length));
      expect(join(root, exact ?? wildcard ?? ''), specifier).toBe(file);
    }
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
