import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
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
});
