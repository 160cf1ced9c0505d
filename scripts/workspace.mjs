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

/** Maps each package name to its TypeScript entry so tests and scripts need no build. */
export function sourceAliases() {
  return Object.fromEntries(workspacePackages().map((p) => [p.name, join(p.dir, 'src', 'index.ts')]));
}
