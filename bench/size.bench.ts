// Bundle sizes. Two views:
// - esbuild: each scenario imports only what it uses from the sources, bundled, tree-shaken and
//   minified for an ES2018 engine (what an app with its own bundler ships);
// - CommonJS as a mini-program build takes a package: the built entry and every file it requires,
//   transitively, no tree-shaking, no minification (WeChat's "Build npm" copies `main` and its
//   requires). Target: `@healthcode/core/verify` at most 60 KiB gzip.
// Mini-program packages are capped at 2 MB per package, so these figures decide whether a host
// app can carry the SDK in its main package.
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { rollup, type RollupOptions, type OutputOptions } from 'rollup';
import { requireGraph } from './require-graph.js';
import { mergeResults } from './results.js';
// @ts-expect-error plain ESM helper shared with rollup.config.mjs
import { sourceEntries } from '../scripts/workspace.mjs';

const entries = sourceEntries() as Record<string, string>;
// Resolves the workspace's public specifiers to their sources, as the tests do.
const workspaceSources = {
  name: 'workspace-sources',
  setup(b: { onResolve(o: { filter: RegExp }, f: (a: { path: string }) => { path: string } | undefined): void }) {
    b.onResolve({ filter: /^@healthcode\// }, (a) => (entries[a.path] ? { path: entries[a.path]! } : undefined));
  },
};

const scenarios: Record<string, string> = {
  // A checkpoint scanner that only verifies codes offline.
  'checkpoint (verifyTrustList + verifyCode)': `
    import { verifyTrustList, verifyCode } from '@healthcode/core';
    export { verifyTrustList, verifyCode };`,
  // The same from the checkpoint entry: no jsrsasign, no zod.
  'checkpoint entry (@healthcode/core/verify)': `export * from '@healthcode/core/verify';`,
  // The resident's side inside WeChat: client, adapter and the canvas renderer.
  'wechat app (client + adapter + canvas)': `
    import { createClient, createRenderModel, drawOnCanvas } from '@healthcode/core';
    import { wechatHost } from '@healthcode/adapter-wechat';
    export { createClient, createRenderModel, drawOnCanvas, wechatHost };`,
  // Declaration form and validation alone, for a host that renders its own code view.
  'declaration form (descriptor + validate)': `
    import { buildFormDescriptor, validateDeclaration } from '@healthcode/core';
    export { buildFormDescriptor, validateDeclaration };`,
  'everything in @healthcode/core': `export * from '@healthcode/core';`,
};

const rows: { name: string; [figure: string]: unknown }[] = [];
for (const [name, contents] of Object.entries(scenarios)) {
  const out = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2018',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    plugins: [workspaceSources],
    write: false,
    logLevel: 'silent',
  });
  const bytes = out.outputFiles[0]!.contents;
  const gzip = gzipSync(bytes).length;
  rows.push({ name: `size.${name}`, minifiedBytes: bytes.length, gzipBytes: gzip });
  console.log(`${name.padEnd(44)} ${(bytes.length / 1024).toFixed(1).padStart(7)} KiB minified ${(gzip / 1024).toFixed(1).padStart(7)} KiB gzip`);
}

// The CommonJS view needs the built packages: build core and the WeChat adapter as `pnpm build` does.
const root = join(import.meta.dirname, '..');
// @ts-expect-error plain ESM config, shared with `pnpm build`
const configs = ((await import('../rollup.config.mjs')) as { default: RollupOptions[] }).default;
for (const config of configs) {
  const dir = (config.output as OutputOptions[])[0]!.dir!;
  if (!/packages\/(core|adapter-wechat)\/dist$/.test(dir)) continue;
  const bundle = await rollup({ ...config, onwarn: () => {} });
  for (const output of config.output as OutputOptions[]) await bundle.write(output);
  await bundle.close();
}

const core = join(root, 'packages/core/dist');
const KIB = 1024;
const cjsScenarios: { name: string; entries: string[]; maxGzipKiB?: number }[] = [
  { name: 'checkpoint entry (@healthcode/core/verify)', entries: [join(core, 'verify.cjs')], maxGzipKiB: 60 },
  { name: 'checkpoint entry + legacy provider (/verify + /crypto/legacy)', entries: [join(core, 'verify.cjs'), join(core, 'crypto/legacy.cjs')] },
  { name: 'wechat app (@healthcode/core + adapter-wechat)', entries: [join(core, 'index.cjs'), join(root, 'packages/adapter-wechat/dist/index.cjs')] },
  { name: 'everything in @healthcode/core (root entry)', entries: [join(core, 'index.cjs')] },
];
for (const { name, entries, maxGzipKiB } of cjsScenarios) {
  const files = requireGraph(entries);
  const bytes = files.reduce((n, f) => n + f.bytes, 0);
  const gzip = files.reduce((n, f) => n + f.gzipBytes, 0);
  const target = maxGzipKiB === undefined ? {} : { maxGzipBytes: maxGzipKiB * KIB, meetsTarget: gzip <= maxGzipKiB * KIB };
  rows.push({ name: `size.cjs.${name}`, files: files.length, bytes, gzipBytes: gzip, ...target });
  const goal = maxGzipKiB === undefined ? '' : ` (target <= ${maxGzipKiB} KiB gzip: ${gzip <= maxGzipKiB * KIB ? 'met' : 'NOT met'})`;
  console.log(`cjs ${name.padEnd(62)} ${String(files.length).padStart(3)} files ${(bytes / KIB).toFixed(1).padStart(7)} KiB ${(gzip / KIB).toFixed(1).padStart(7)} KiB gzip${goal}`);
  for (const f of files.sort((a, b) => b.gzipBytes - a.gzipBytes).slice(0, 6)) {
    console.log(`      ${relative(root, f.file).padEnd(70)} ${(f.gzipBytes / KIB).toFixed(1).padStart(6)} KiB gzip`);
  }
}
mergeResults(rows);
