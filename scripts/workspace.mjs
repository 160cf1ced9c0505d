// The workspace's packages, read from packages/*/package.json: one table that the
// test runner's aliases, the bundler and the type checker all share.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** @returns {{ dir: string, name: string, pkg: any, private: boolean }[]} */
export function workspacePackages() {
  const base = join(root, 'packages');
  return readdirSync(base)
    .filter((d) => existsSync(join(base, d, 'package.json')))
    .map((d) => {
      const pkg = JSON.parse(readFileSync(join(base, d, 'package.json'), 'utf8'));
      return { dir: join(base, d), name: pkg.name, pkg, private: pkg.private === true };
    });
}

/**
 * The entries a package's `exports` map names: subpath (`.`, `./code`, …) and entry name,
 * the path under dist/ without extension (`./dist/code/index.mjs` is entry `code/index`,
 * built from `src/code/index.ts`). Packages without a map have the one `index` entry.
 * @returns {{ subpath: string, entry: string }[]}
 */
export function exportEntries(pkg) {
  if (!pkg.exports) return [{ subpath: '.', entry: 'index' }];
  const entries = [];
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    const esm = typeof target === 'object' && target !== null ? target.import : undefined;
    const file = typeof esm === 'object' && esm !== null ? esm.default : esm;
    const m = typeof file === 'string' ? /^\.\/dist\/(.+)\.mjs$/.exec(file) : null;
    if (m) entries.push({ subpath, entry: m[1] });
  }
  return entries;
}

/**
 * Maps every public specifier (`@healthcode/core`, `@healthcode/core/code`, …) to its
 * TypeScript source, so tests and scripts need no build and reach only public entries.
 * @returns {Record<string, string>}
 */
export function sourceEntries() {
  const map = {};
  for (const p of workspacePackages()) {
    for (const { subpath, entry } of exportEntries(p.pkg)) {
      map[subpath === '.' ? p.name : `${p.name}/${subpath.slice(2)}`] = join(p.dir, 'src', `${entry}.ts`);
    }
  }
  return map;
}

/** The same table as exact-match aliases for vite/vitest (a bare prefix alias would also rewrite subpaths). */
export function sourceAliases() {
  return Object.entries(sourceEntries()).map(([specifier, file]) => ({
    find: new RegExp(`^${specifier.replace(/[/.]/g, '\\$&')}$`),
    replacement: file,
  }));
}

/**
 * Packages whose CommonJS build mini-programs load. Older phones' engines parse ES2018 at
 * most, so these build to ES2018 syntax (the packaging test parses them as such).
 */
export const MINIPROGRAM_PACKAGES = ['@healthcode/core', '@healthcode/adapter-wechat', '@healthcode/adapter-alipay', '@healthcode/adapter-suishenban'];
