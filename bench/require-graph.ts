// What a mini-program build ships for a CommonJS entry: the file and everything it requires,
// transitively, with no tree-shaking (WeChat's "Build npm" copies `main` and what it requires).
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** One shipped file and its size. */
export interface ShippedFile {
  file: string;
  bytes: number;
  gzipBytes: number;
}

const REQUIRE = /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g;
const BUILTIN = /^node:|^(fs|path|crypto|zlib|worker_threads|module|url|util|stream|events|buffer|os)$/;

/** Splits `@scope/name/sub` into the package name and the subpath (`.` or `./sub`). */
function splitSpecifier(specifier: string): [string, string] {
  const parts = specifier.split('/');
  const nameLength = specifier.startsWith('@') ? 2 : 1;
  const rest = parts.slice(nameLength).join('/');
  return [parts.slice(0, nameLength).join('/'), rest ? `./${rest}` : '.'];
}

type Target = string | { [condition: string]: Target } | null;
// A mini-program engine is not Node: conditions `require`/`default` count, `node` does not.
function pick(target: Target): string | undefined {
  if (typeof target === 'string' || target === null) return target ?? undefined;
  return pick(target.require ?? target.default ?? null);
}

/** The package.json of `name` as seen from `from`, found the way Node looks up node_modules. */
function manifestOf(name: string, from: string): string {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(candidate)) return realpathSync(candidate);
    if (dirname(dir) === dir) throw new Error(`cannot find ${name} from ${from}`);
  }
}

/** The file a package specifier names, read from its package.json (`exports`, else `main`). */
function resolvePackage(specifier: string, from: string): string {
  const [name, subpath] = splitSpecifier(specifier);
  const manifest = manifestOf(name, from);
  const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { main?: string; exports?: Record<string, Target> | string };
  const exported = typeof pkg.exports === 'string' ? (subpath === '.' ? pkg.exports : undefined) : pick(pkg.exports?.[subpath] ?? null);
  const file = exported ?? (subpath === '.' ? (pkg.main ?? 'index.js') : subpath);
  return join(dirname(manifest), file);
}

function resolveRequire(specifier: string, from: string): string {
  if (!specifier.startsWith('.')) return resolvePackage(specifier, from);
  const base = resolve(dirname(from), specifier);
  return [base, `${base}.js`, `${base}.cjs`, join(base, 'index.js')].find((f) => existsSync(f)) ?? base;
}

/** Every file `entries` require, transitively (node built-ins excluded), with raw and gzip sizes. */
export function requireGraph(entries: string[]): ShippedFile[] {
  const seen = new Map<string, ShippedFile>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    const code = readFileSync(file);
    seen.set(file, { file, bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length });
    for (const [, specifier] of code.toString('utf8').matchAll(REQUIRE)) {
      if (!BUILTIN.test(specifier!)) queue.push(resolveRequire(specifier!, file));
    }
  }
  return [...seen.values()];
}
